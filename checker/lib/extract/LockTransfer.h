//===- LockTransfer.h - How each CFG element changes the locks --*- C++ -*-===//
//
// The transfer function of the lock analysis (FunctionAnalyzer.h):
//   - a call applies its lock operations (LockOps.h);
//   - a lock macro takes effect once, at the first element of its expansion
//     in the CFG;
//   - a trylock acquires only on the edge where its result (possibly negated,
//     compared with 0, or stored in a local first) says it succeeded;
//   - a variable with a cleanup function whose initializer took a lock is a
//     guard (guard(), scoped_guard()): its cleanup releases that lock;
//   - a lock named through a local that names one object for the whole
//     body (LocalAliases.h) is named by that object, so `l = &ns->lock;
//     spin_lock(l); ... spin_unlock(&ns->lock);` releases what it took;
//   - a branch on a test that means the same each time (BranchConditions.h)
//     drops, on each edge, the locks taken only where the test went the
//     other way, and an edge the earlier tests rule out is never taken.
// Which calls are trylocks, which locals hold their results and which
// variables are guards is learned from the elements as they are transferred,
// and kept for the blocks after them.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_EXTRACT_LOCKTRANSFER_H
#define FPUTCHECK_EXTRACT_LOCKTRANSFER_H

#include "extract/BranchConditions.h"
#include "extract/FunctionAnalyzer.h"
#include "extract/LocalAliases.h"
#include "extract/LockOps.h"
#include "extract/LockState.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseMap.h"
#include <optional>
#include <string>
#include <vector>

namespace fputcheck {

/// Sees each call and each cleanup function as the transfer reaches it,
/// with the state just before it takes effect.
class TransferObserver {
public:
  virtual ~TransferObserver() = default;
  virtual void onCall(const clang::CallExpr *CE, const LockState &Before,
                      unsigned BlockID) = 0;
  virtual void onCleanup(const clang::CFGCleanupFunction &CF,
                         const LockState &Before, unsigned BlockID) = 0;
};

class LockTransfer {
public:
  /// For the body of \p FD, whose CFG is \p Cfg.
  LockTransfer(const clang::FunctionDecl *FD, const clang::CFG &Cfg,
               TUServices &TU);

  /// Runs \p B's elements over \p S; \p Obs, if given, sees each call and
  /// cleanup first.
  void transferBlock(const clang::CFGBlock &B, LockState &S,
                     TransferObserver *Obs = nullptr);
  /// The state on the edge from \p B (ending in state \p Out) to its
  /// successor \p SuccIdx: where B's condition tests a trylock, the edge on
  /// which it succeeded takes its lock; where it is a stable test, the edge
  /// assumes its value, and is unreached when earlier tests contradict it.
  LockState edgeState(const clang::CFGBlock &B, unsigned SuccIdx,
                      const LockState &Out) const;
  /// The trylock a condition or returned value \p C tests where the state
  /// is \p S, or null; \p Same is whether C is nonzero exactly when the
  /// trylock returned nonzero.
  const clang::CallExpr *trylockIn(const clang::Expr *C, bool &Same,
                                   const LockState &S) const;
  /// The lock operations trylock \p TC (see trylockIn()) attempts.
  const std::vector<AppliedOp> &attempts(const clang::CallExpr *TC) const;

private:
  void transferStmt(const clang::Stmt *St, LockState &S, unsigned BlockID,
                    TransferObserver *Obs);
  /// Remembers what local \p VD now holds on this path (\p S): a trylock's
  /// result or not; and whether it is a guard.
  void noteInit(const clang::VarDecl *VD, const clang::Expr *Init,
                LockState &S);
  void apply(const AppliedOp &A, clang::SourceLocation Loc, LockState &S,
             const clang::CallExpr *Try = nullptr) const;
  void applyMacroUses(const clang::Stmt *St, LockState &S);
  /// Names \p A's lock by what its local root stands for, if it has one.
  void nameThroughLocals(AppliedOp &A);
  /// Expansion (raw location) of the lock macro \p St came from, or 0.
  unsigned lockMacroOf(const clang::Stmt *St) const;
  void chooseMacroAppliers(const clang::CFG &Cfg);

  const clang::FunctionDecl *FD;
  TUServices &TU;
  const Rules &R;
  const clang::SourceManager &SM;
  StableConditions Conds;
  LocalNames Locals;

  llvm::DenseMap<const clang::CallExpr *, std::vector<AppliedOp>> Trylocks;
  llvm::DenseMap<const clang::CallExpr *, std::vector<std::string>> AcquiredBy;
  llvm::DenseMap<const clang::VarDecl *, std::vector<std::string>> GuardKeys;
  /// The one element at which each lock macro expansion takes effect: a
  /// macro such as local_irq_restore() spans several elements and blocks
  /// (do { } while (0)), and releasing twice would look like releasing a
  /// lock the caller held.
  llvm::DenseMap<unsigned, const clang::Stmt *> MacroApplier;
};

} // namespace fputcheck

#endif
