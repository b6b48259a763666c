//===- ObjectTags.h - Objects of many kinds, one tagged header --*- C++ -*-===//
//
// Kernel objects of several kinds often share one header struct whose enum
// field says the kind, set once by the allocator the kinds share:
//     hwpt_paging = container_of(_iommufd_object_alloc(ictx, size,
//                                IOMMUFD_OBJ_HWPT_PAGING), ..., common.obj);
//     obj->type = type;              (in _iommufd_object_alloc())
// Code then tests the kind, directly or through a constant table indexed by
// it, before doing what only some kinds need:
//     const struct iommufd_object_ops *ops = &iommufd_object_ops[obj->type];
//     if (ops->file_offset) ... __fput_sync(*filep);
// A call behind such a test runs only for the kinds the test admits, and an
// object embedded as `struct iommufd_hw_pagetable`'s `obj` only ever has the
// kinds its containers were allocated with. This reads the four parts:
//   - tag tests in branch conditions, as context facts (ContextTests.h):
//     "tag:$1>iommufd_object.type=5" holds when parameter 1's tag is one of
//     the values (for a table, the indices whose entry passes the test);
//   - arguments that are the address of an embedded tagged struct;
//   - calls whose result goes straight into container_of();
//   - functions that set an enum field of the object they return from a
//     parameter (allocators).
// Linking puts the last three together (Program::tags()). An enum field
// written anywhere but in its allocator is not a tag (tagWrites()).
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_EXTRACT_OBJECTTAGS_H
#define FPUTCHECK_EXTRACT_OBJECTTAGS_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace fputcheck {

/// Facts "+tag:$P>PATH=V,..." (see above).
extern const char *const TagPrefix;

/// A tag fact's parts, without its sign: parameter 1, the tag's place
/// under what it points to ("iommufd_object.type"), the values admitted.
struct TagTest {
  unsigned Param = 0;
  std::string Path;
  std::vector<int64_t> Values;
};
std::optional<TagTest> parseTagFact(llvm::StringRef Fact);

/// Reads tag tests in the branch conditions of one function.
class TagTestReader {
public:
  /// \p Written is \p FD's writtenLocals(), and must outlive the reader.
  TagTestReader(const clang::FunctionDecl *FD,
                const llvm::DenseSet<const clang::VarDecl *> &Written)
      : FD(FD), Written(Written) {}

  /// The fact (without its sign) that holds when \p E is nonzero, if \p E
  /// reads a field of a constant table's entry indexed by a parameter's tag
  /// (`ops->file_offset` with `ops = &tbl[obj->type]`, `tbl[obj->type].f`).
  std::optional<std::string> entryTest(const clang::Expr *E) const;
  /// The fact that holds when \p L == \p R, if one is a parameter's tag and
  /// the other a constant.
  std::optional<std::string> equalityTest(const clang::Expr *L,
                                          const clang::Expr *R) const;

private:
  /// "$1>iommufd_object.type" for `obj->type` (an enum field reached from
  /// a parameter never assigned), else empty.
  std::string paramTag(const clang::Expr *E) const;

  const clang::FunctionDecl *FD;
  const llvm::DenseSet<const clang::VarDecl *> &Written;
};

/// Where the embedded struct whose address \p Arg is sits
/// (CallSite::ArgObjects), if it holds an enum field; else empty. \p Written
/// is the function's writtenLocals(): a local never assigned again names
/// its initializer.
std::string argObject(const clang::Expr *Arg,
                      const llvm::DenseSet<const clang::VarDecl *> &Written);

/// The calls of \p FD's body whose result goes straight into
/// container_of(), and where the object they return sits (CallSite::Into).
llvm::DenseMap<const clang::CallExpr *, std::string>
containerCalls(const clang::FunctionDecl *FD);

/// The enum fields of the local \p FD returns that it sets, once, from a
/// parameter never assigned (FunctionSummary::ResultFields).
std::vector<std::pair<unsigned, std::string>>
resultFields(const clang::FunctionDecl *FD);

/// The enum fields ("Struct.field") \p S writes: assigned, incremented,
/// address taken, or set by an initializer. An allocator's own write
/// (resultFields()) is left out by the caller. A tag field written anywhere
/// else may not be the kind its allocation gave (Program::tags()).
std::vector<std::string> tagWrites(const clang::Stmt *S);

} // namespace fputcheck

#endif
