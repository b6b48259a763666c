//===- LockState.h - Locks held at one point of a function ------*- C++ -*-===//
//
// The value the lock analysis (FunctionAnalyzer.h) computes at each point of
// a function's CFG: the locks that may be held there, and the locks of its
// caller's that it may have released by then. Both are "may" facts: a join
// is their union, so a lock held on one path into a block is held in it.
// It also keeps the branch tests (BranchConditions.h) every path to the
// point has passed, and those every path holding each lock has passed, so
// that `if (x) lock(); ... if (x) unlock();` drops the lock on both edges.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_EXTRACT_LOCKSTATE_H
#define FPUTCHECK_EXTRACT_LOCKSTATE_H

#include "fputcheck/Summary.h"
#include <map>
#include <set>
#include <string>
#include <utility>

namespace clang {
class CallExpr;
class VarDecl;
}

namespace fputcheck {

/// Why a lock is held, when every path holding it agrees: it was taken on
/// the success edge of trylock Try, or re-taken after this function had
/// released it for its caller (Restored, the __releases() __acquires() pair
/// of ptrace_stop()). Exactly one of the two is set.
struct HoldReason {
  const clang::CallExpr *Try = nullptr;
  bool Restored = false;
  bool operator==(const HoldReason &O) const {
    return Try == O.Try && Restored == O.Restored;
  }
};

struct LockState {
  /// Whether some path reaches this point; an unreached state is empty and
  /// is neither joined from nor changed.
  bool Reached = false;
  /// Locks that may be held, by key; on a join the earlier acquisition
  /// (line, column) is the witness, so the result does not depend on the
  /// order paths were explored in.
  std::map<std::string, HeldLock> Held;
  /// Keys of the caller's locks that some path released.
  std::set<std::string> Released;
  /// Held locks with a HoldReason; the others were taken plainly.
  std::map<std::string, HoldReason> Why;
  /// Locals that hold a trylock's result on every path here (Same: nonzero
  /// exactly when the trylock returned nonzero). Per path, because the
  /// same local holds other values before the trylock and after a new
  /// assignment (`retval` in fs/exec.c kernel_execve()).
  std::map<const clang::VarDecl *, std::pair<const clang::CallExpr *, bool>>
      TryVars;
  /// Branch tests every path here has passed: key -> the value its
  /// expression had (BranchCondition).
  std::map<std::string, bool> Assumed;
  /// For each held lock, the branch tests every path holding it has passed;
  /// always a superset of Assumed. A lock taken under `if (x)` is held only
  /// where x was nonzero, so a later `if (x)` drops it on its false edge.
  std::map<std::string, std::map<std::string, bool>> HeldWhen;
  /// The same for each released key: a caller's lock dropped under
  /// `if (x)` is still the caller's on the false edge of a later `if (x)`.
  std::map<std::string, std::map<std::string, bool>> ReleasedWhen;

  /// Union; returns whether anything changed.
  bool join(const LockState &O);
  /// Takes \p L; \p Try is the trylock whose success edge took it, if any.
  void acquire(HeldLock L, const clang::CallExpr *Try = nullptr);
  /// Drops every held lock that is the same lock as \p Key; when none was
  /// held, or the one held was the caller's taken again, the lock was the
  /// caller's.
  void release(const std::string &Key);
  /// Takes the edge on which the test keyed \p Key has value \p Value:
  /// drops the locks held only where it had the other value. Returns false
  /// when every path here had the other value (the edge is never taken).
  bool assume(const std::string &Key, bool Value);
  /// Forgets every test whose key contains \p Token (a variable that starts
  /// again: StableConditions::token()).
  void forget(const std::string &Token);

  /// The invariants every operation keeps; checked by assert.
  bool wellFormed() const;
};

} // namespace fputcheck

#endif
