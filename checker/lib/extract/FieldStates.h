//===- FieldStates.h - Pointer fields a function knows are set --*- C++ -*-===//
//
// fs/nfsd/nfsfh.c decodes a file handle only when nobody has yet:
//
//   if (!fhp->fh_dentry)
//           error = nfsd_set_fh_dentry(rqstp, net, ..., fhp);
//
// and its callers have often just filled the handle themselves:
//
//   status = fh_compose(resfhp, exp, child, fhp);  /* sets fh_dentry */
//   if (status != nfs_ok)
//           goto out;
//   ...
//   nfsd_create_setattr(rqstp, fhp, resfhp, &attrs); /* -> fh_verify() */
//
// A null test of a parameter's pointer field is a fact on the calls behind
// it, like a context test ("-set:$5>svc_fh.fh_dentry": parameter 5's field
// is NULL there). This file says, for each call, what is known set in the
// objects its pointer arguments point to, and for the function, what is set
// in its parameters' objects whenever it returns zero. Both are written in
// terms a linker resolves, since the functions that set a field are mostly
// in other files (Program::setFields()):
//
//   "svc_fh.fh_dentry"   set here: assigned a value that is no null
//                        constant, or a test of it was passed
//   "@fh_compose#0"      fh_compose() was called with the object as its
//                        argument 0 and returned zero
//   "^2"                 what parameter 2's object had set on entry
//
// each optionally followed by "|" and conditions, all of which must hold:
//
//   "~fh_update#0"       passed since to fh_update()'s argument 0, which
//                        must keep the field (Program::keepsField())
//   "!svc_fh.fh_dentry"  that field was set to NULL since
//   "?nfsd_set_fh_dentry#5"  on some paths the field is only known set
//                        if that call, which returned zero, sets it
//   "+nfserrno#0"        a return that is not zero if nfserrno() is nonzero
//                        whenever its argument 0 is (ReturnRanges.h)
//   "=IS_ERR#0"          ... and if IS_ERR() is zero whenever its argument
//                        0 is: `if (IS_ERR(exp)) return nfserrno(PTR_ERR(
//                        exp));` cannot return zero
//
// What it assumes: a value assigned to a pointer field is not NULL unless it
// is a null constant (`fhp->fh_dentry = dget(dentry)`); an object is
// reached only through its own pointer (a local or parameter whose address
// is never taken and which is never copied), so a callee given a part of it
// (`&fhp->fh_handle`) or a pointer to const leaves it alone.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_EXTRACT_FIELDSTATES_H
#define FPUTCHECK_EXTRACT_FIELDSTATES_H

#include "extract/ReturnRanges.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/DenseMap.h"
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace fputcheck {

/// (argument or parameter index, fact) pairs, sorted.
using IndexedFacts = std::vector<std::pair<unsigned, std::string>>;

struct FieldStates {
  /// Per call: what is known set in each pointer argument's object.
  llvm::DenseMap<const clang::CallExpr *, IndexedFacts> Args;
  /// Per call: arguments passed to a pointer-to-const parameter.
  llvm::DenseMap<const clang::CallExpr *, std::vector<unsigned>> ReadOnly;
  /// What is known set in each parameter's object whenever the function
  /// returns zero (FunctionSummary::SuccessFields).
  IndexedFacts Success;
  /// Fields of parameters' objects it sets to NULL, "*" for every field
  /// when the parameter is copied or its address taken
  /// (FunctionSummary::FieldClears).
  IndexedFacts Clears;
};

/// The return ranges of a callee whose body the TU holds, or null.
using RangesLookup =
    std::function<const ReturnRanges *(const clang::FunctionDecl *)>;

/// The field states of \p FD's body, whose CFG is \p Cfg; \p KeyOf names a
/// callee as summaries do.
FieldStates
fieldStates(const clang::FunctionDecl *FD, const clang::CFG &Cfg,
            const std::function<std::string(const clang::FunctionDecl *)>
                &KeyOf,
            const RangesLookup &RangesOf);

/// Reads null tests of parameters' pointer fields in one function's
/// branch conditions.
class FieldTestReader {
public:
  explicit FieldTestReader(const clang::FunctionDecl *FD);
  /// "set:$N>Struct.field" when \p E is a pointer field of parameter N
  /// (`fhp->fh_dentry`) that the function never assigns: the fact, without
  /// its sign, that holds when \p E is nonzero.
  std::optional<std::string> test(const clang::Expr *E) const;

private:
  const clang::FunctionDecl *FD;
  /// (parameter, field) pairs the body assigns.
  std::vector<std::pair<unsigned, const clang::FieldDecl *>> Assigned;
};

/// The prefix of such facts.
extern const char *const FieldSetPrefix;

/// A field-set fact read back: parameter and "Struct.field".
struct FieldSetTest {
  unsigned Param = 0;
  std::string Field;
};
std::optional<FieldSetTest> parseFieldSetFact(llvm::StringRef Fact);

} // namespace fputcheck

#endif
