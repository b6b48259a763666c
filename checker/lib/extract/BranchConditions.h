//===- BranchConditions.h - Tests that mean the same each time -*- C++ -*-===//
//
// Kernel code takes a lock under a test and drops it under the same test:
//
//   const bool needs_lock = issue_flags & IO_URING_F_UNLOCKED;
//   if (unlikely(needs_lock))
//           mutex_lock(&ctx->uring_lock);
//   ...
//   if (unlikely(needs_lock))
//           mutex_unlock(&ctx->uring_lock);
//
// A path-insensitive analysis keeps the path that takes the lock and skips
// the unlock. This reads a branch condition as a key that two tests share
// when they must give the same answer: an expression over parameters and
// initialised locals that the function never writes, integer constants and
// pure operators. The lock analysis (LockState.h) then remembers, for each
// held lock, which of these tests it was taken under.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_EXTRACT_BRANCHCONDITIONS_H
#define FPUTCHECK_EXTRACT_BRANCHCONDITIONS_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseSet.h"
#include <optional>
#include <string>

namespace fputcheck {

/// A branch condition as a stable key: the condition is nonzero exactly
/// when the keyed expression's truth value equals Same.
struct BranchCondition {
  std::string Key;
  bool Same = true;
};

/// \p Cond without the layers that keep or flip its truth: `!`, `== 0`,
/// `!= 0` (with 0 any constant zero, NULL included) and __builtin_expect(),
/// which is what likely()/unlikely() expand to. \p Same becomes whether
/// \p Cond is nonzero exactly when the result is.
const clang::Expr *truthOf(const clang::Expr *Cond, bool &Same,
                           const clang::ASTContext &Ctx);

/// The condition of the two-way branch that ends \p B (succ 0 taken when
/// it is nonzero), as written, or null.
const clang::Expr *branchCondition(const clang::CFGBlock &B);

class StableConditions {
public:
  explicit StableConditions(const clang::FunctionDecl *FD);

  /// \p Cond as a key (through truthOf()), or nothing when it reads
  /// anything that may change between two evaluations: a field, a global,
  /// a call, a variable the function writes.
  std::optional<BranchCondition> read(const clang::Expr *Cond) const;

  /// Whether keys may name \p VD; such a variable re-declared in a loop
  /// starts again, so what was known about it is forgotten there.
  bool isStable(const clang::VarDecl *VD) const;
  /// The part of every key that names \p VD.
  static std::string token(const clang::VarDecl *VD);

private:
  bool atom(const clang::Expr *E, std::string &Out, bool &HasVar) const;

  const clang::ASTContext &Ctx;
  llvm::DenseSet<const clang::VarDecl *> Written;
};

} // namespace fputcheck

#endif
