//===- ReturnRanges.h - What a result says about an argument ----*- C++ -*-===//
//
// fs/nfsd/nfsfh.c's nfsd_set_fh_dentry() fills the handle on every path that
// returns zero, and one of its failure paths is
//
//   if (IS_ERR(exp))
//           return nfserrno(PTR_ERR(exp));
//
// That path returns nonzero only because of three other functions: IS_ERR()
// is true only for a nonzero pointer, PTR_ERR() keeps its argument's value
// and nfserrno() maps only errno 0 to nfs_ok, through a table. This reads
// two facts per parameter off a function's returns, which the field states
// (FieldStates.h) combine across calls:
//
//   NonZeroIf   the result is nonzero whenever the parameter is
//               (PTR_ERR(), ERR_PTR(), nfserrno())
//   ZeroIf      the result is zero whenever the parameter is, so a nonzero
//               result says the argument was nonzero (IS_ERR())
//
// Each is proved at every return the assumption leaves reachable: tests of
// the parameter against zero or other constants and `switch` cases prune
// paths. A NonZeroIf return is a nonzero constant, the parameter, a local
// known nonzero, or `T[i].a` on the true edge of `T[i].b == param` where T
// is a table no code writes and every entry whose a is zero has b zero. A
// ZeroIf return is evaluated with the parameter zero (casts, comparisons,
// logical and bit operators, __builtin_expect()). What it assumes: the
// parameter is never written in the body, and a cast that narrows a value
// may make a nonzero value zero (so none is looked through).
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_EXTRACT_RETURNRANGES_H
#define FPUTCHECK_EXTRACT_RETURNRANGES_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/Analysis/CFG.h"
#include <vector>

namespace fputcheck {

struct ReturnRanges {
  /// Parameters whose being nonzero makes the result nonzero, sorted.
  std::vector<unsigned> NonZeroIf;
  /// Parameters whose being zero makes the result zero, sorted.
  std::vector<unsigned> ZeroIf;
  /// Only for a body in the caller's TU, not kept in summaries:
  /// parameters the result is, bit for bit (PTR_ERR()), and parameters
  /// that are nonzero and an int's value sign-extended whenever the result
  /// is nonzero (IS_ERR(): the top 4095 values). Such a value stays
  /// nonzero when narrowed to an int, as `nfserrno(PTR_ERR(exp))` does.
  std::vector<unsigned> Identity;
  std::vector<unsigned> SmallIf;
};

/// The return ranges of \p FD, whose CFG is \p Cfg.
ReturnRanges returnRanges(const clang::FunctionDecl *FD,
                          const clang::CFG &Cfg);

/// Whether \p V is an int's value sign-extended (its bits from 31 up are
/// all equal).
bool isSmall(const llvm::APInt &V);

/// \p E without parentheses and the casts that keep whether a value is
/// zero: no-op and lvalue casts, conversions to bool, and conversions to a
/// type at least as wide.
const clang::Expr *keepingZero(const clang::Expr *E,
                               const clang::ASTContext &Ctx);

} // namespace fputcheck

#endif
