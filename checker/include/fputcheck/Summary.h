//===- Summary.h - What extraction learns about one TU ----------*- C++ -*-===//
//
// A TU summary is a pure function of the compile command, the files it read
// and the extraction rules. It holds no verdicts: sync variants, roots and
// check selection are applied after linking, so one stored summary serves
// every query (--assume-sync, census, any output format).
//
// Lock keys name a lock relative to the function that mentions it:
//   "$1.lock"  argument 1, field lock     "files_lock"  a global
//   "%f.lock"  a local's field            "@rcu"        a per-CPU state
//   "?text"    an expression with no stable root
// so that a caller's key can be mapped onto a callee's parameters.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_SUMMARY_H
#define FPUTCHECK_SUMMARY_H

#include "fputcheck/Rules.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace fputcheck {

/// A lock that may be held at a call site.
struct HeldLock {
  std::string Key;
  /// The lock as written at the acquisition, e.g. "md->table_devices_lock".
  std::string Text;
  /// Lock kind from rules (decides atomic vs sleeping).
  std::string Kind;
  /// The call or macro that took it, e.g. "mutex_lock".
  std::string Primitive;
  unsigned Line = 0;
  unsigned Col = 0;
};

struct CallSite {
  /// Function key of a direct callee; empty for an indirect call.
  std::string Callee;
  /// Indirect call through Struct.Field (both empty for direct calls).
  std::string Struct;
  std::string Field;
  /// For an indirect call, the constant global table the object comes
  /// from (`def = &io_issue_defs[op]; def->issue()`), keyed like a
  /// function; empty when unknown.
  std::string Object;
  /// For an indirect call through a table pointer that was loaded from an
  /// object, itself loaded from a pointer field, the two fields:
  /// "svc_xprt.xpt_bc_xprt>rpc_xprt.ops" for
  /// `xprt->xpt_bc_xprt->ops->close()`. The objects ever stored into the
  /// outer field may say which tables the inner one holds (ObjectStore).
  std::string Via;
  unsigned Line = 0;
  unsigned Col = 0;
  /// Locks held on at least one path reaching this call.
  std::vector<HeldLock> Held;
  /// Keys of locks held on entry that some path released before this call.
  std::vector<std::string> Released;
  /// Lock key of each argument ("" when it has no stable root), so a lock the
  /// caller holds can be recognised as a callee's parameter.
  std::vector<std::string> ArgKeys;
  /// Function references passed as arguments: (index, function key).
  std::vector<std::pair<unsigned, std::string>> FnArgs;
  /// Call sites (indices in the same function) that may run next.
  std::vector<unsigned> Next;
  /// Context tests that hold on every path to this call ("+PF_WQ_WORKER",
  /// "-in_interrupt"; rules: context_tests), sorted.
  std::vector<std::string> Guards;
  /// Arguments (by index) that are a local or parameter on which this
  /// function took a reference (rules: reference_gets) on every path to
  /// this call, and which it has not passed anywhere nor assigned since:
  /// releasing that argument here cannot drop the last reference.
  std::vector<unsigned> HeldRefArgs;
  /// Arguments (by index) that are the address of an embedded struct
  /// holding an enum field, by where that struct sits: "iommufd_hw_pagetable
  /// .obj" for `&hwpt->obj`, "iommufd_hwpt_paging.common>iommufd_hw_pagetable
  /// .obj" for `&hwpt_paging->common.obj` (segments "Struct.field", outer
  /// first). A callee's tag tests read the argument's tag through it.
  std::vector<std::pair<unsigned, std::string>> ArgObjects;
  /// For a call whose result goes straight into container_of(), where the
  /// object it returns sits in the container (segments as in ArgObjects):
  /// "iommufd_hwpt_paging.common>iommufd_hw_pagetable.obj". With the
  /// callee's ResultFields and ConstArgs this says which tag an object
  /// embedded there is given when it is allocated.
  std::string Into;
  /// With Into: the integer constant arguments (index, decimal value).
  std::vector<std::pair<unsigned, std::string>> ConstArgs;
  /// What is known set in the objects pointer arguments point to, by
  /// argument: "svc_fh.fh_dentry" (assigned or tested here),
  /// "@fh_compose#0" (that call returned zero), "^2" (what parameter 2's
  /// object had on entry), each with "|conditions" (FieldStates.h).
  std::vector<std::pair<unsigned, std::string>> ArgFields;
  /// Arguments passed to a pointer-to-const parameter.
  std::vector<unsigned> ReadOnlyArgs;
};

/// A lock operation a function performs on behalf of its caller: a lock
/// wrapper such as spin_lock() over _raw_spin_lock(), a guard's
/// constructor, a trylock wrapper. Learned from the body and applied at
/// callers in the same TU; kept in the summary so a front end that parses
/// without seeing a header's macro expansions (clangd's preamble) can apply
/// what a full parse learned.
struct LockEffect {
  LockOp Op = LockOp::Acquire;
  std::string Kind;
  std::string Primitive;
  TrySuccess Success = TrySuccess::NonZero;
  /// The lock is the callee's parameter Param, or the member Path of what
  /// it points to (".i_rwsem" for inode_lock(inode))...
  int Param = -1;
  std::string Path;
  /// ...or a fixed key (a global, a per-CPU state)...
  std::string FixedKey;
  /// ...or neither (a guard constructor's local copy); the caller's first
  /// argument is then the best name for it.
  std::string Text;
};

struct FunctionSummary {
  /// Linkage-aware identity: the name for external functions,
  /// "name@file" for internal ones, so same-named statics never merge.
  std::string Key;
  std::string Name;
  std::string File;
  unsigned Line = 0;
  std::vector<CallSite> Calls;
  /// Call sites that may run first.
  std::vector<unsigned> Entry;
  /// Its net effect on locks when it returns (empty for most functions).
  std::vector<LockEffect> Effects;
  /// Enum fields of the object it returns that it sets from a parameter,
  /// as an allocator sets a tag: (parameter index, "Struct.field") for
  ///     obj = kzalloc(size, GFP_KERNEL); obj->type = type; return obj;
  std::vector<std::pair<unsigned, std::string>> ResultFields;
  /// Enum fields ("Struct.field") it writes otherwise, sorted: such a
  /// field's value is not only what allocations gave it.
  std::vector<std::string> TagWrites;
  /// What is known set in its parameters' objects whenever it returns
  /// zero, by parameter (facts as in CallSite::ArgFields).
  std::vector<std::pair<unsigned, std::string>> SuccessFields;
  /// Fields of its parameters' objects it sets to NULL ("Struct.field"),
  /// or "*" when a parameter is copied or its address taken.
  std::vector<std::pair<unsigned, std::string>> FieldClears;
  /// Parameters whose being nonzero makes its result nonzero, and those
  /// whose being zero makes it zero (extract/ReturnRanges.h), sorted.
  std::vector<unsigned> NonZeroIf;
  std::vector<unsigned> ZeroIf;
};

/// A function stored into a struct field (designated initializer or
/// assignment): a target of indirect calls through that field.
struct FieldStore {
  std::string Struct;
  std::string Field;
  std::string Function;
  std::string File;
  unsigned Line = 0;
  /// The constant global whose initializer holds the store, or empty.
  std::string Object;
};

/// An object stored into a pointer field, and the constant table one of
/// its table-pointer fields holds there: for
///     xprt->ops = &bc_tcp_ops; ...; args->bc_xprt->xpt_bc_xprt = xprt;
/// Via "svc_xprt.xpt_bc_xprt>rpc_xprt.ops" (as in CallSite) and Object
/// bc_tcp_ops's key. Object is empty when the store does not show the table
/// (the object came from elsewhere): calls through that Via are then
/// resolved by field alone.
struct ObjectStore {
  std::string Via;
  std::string Object;
  bool operator<(const ObjectStore &O) const {
    return std::tie(Via, Object) < std::tie(O.Via, O.Object);
  }
};

/// An EXPORT_SYMBOL*() of a symbol, where the macro was written.
struct ExportMark {
  std::string Symbol;
  std::string Macro;
  std::string File;
  unsigned Line = 0;
};

struct TUSummary {
  std::string MainFile;
  std::vector<FunctionSummary> Functions;
  std::vector<FieldStore> Stores;
  /// Sorted, unique.
  std::vector<ObjectStore> ObjectStores;
  std::vector<ExportMark> Exports;
  /// Enum fields set by the initializers of file-scope variables (as
  /// FunctionSummary::TagWrites), sorted.
  std::vector<std::string> TagWrites;
  /// Functions whose address it takes other than to call them, pass them
  /// straight to a call (CallSite::FnArgs) or store them into a named
  /// struct's field (Stores): kept in a variable, a table of pointers, a
  /// return value. Such a function may be called from anywhere. Sorted.
  std::vector<std::string> Escapes;
  /// Every file the parse read (not serialised with the summary; the store
  /// keeps it as the TU's cache key).
  std::vector<std::string> Inputs;
};

llvm::json::Value toJSON(const TUSummary &S);
llvm::Expected<TUSummary> summaryFromJSON(const llvm::json::Value &V);

} // namespace fputcheck

#endif
