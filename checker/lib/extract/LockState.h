//===- LockState.h - Locks held at one point of a function ------*- C++ -*-===//
//
// The value the lock analysis (FunctionAnalyzer.h) computes at each point of
// a function's CFG: the locks that may be held there, and the locks of its
// caller's that it may have released by then. Both are "may" facts: a join
// is their union, so a lock held on one path into a block is held in it.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_EXTRACT_LOCKSTATE_H
#define FPUTCHECK_EXTRACT_LOCKSTATE_H

#include "fputcheck/Summary.h"
#include <map>
#include <set>
#include <string>

namespace clang {
class CallExpr;
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

  /// Union; returns whether anything changed.
  bool join(const LockState &O);
  /// Takes \p L; \p Try is the trylock whose success edge took it, if any.
  void acquire(HeldLock L, const clang::CallExpr *Try = nullptr);
  /// Drops every held lock that is the same lock as \p Key; when none was
  /// held, the lock was the caller's.
  void release(const std::string &Key);

  /// The invariants every operation keeps; checked by assert.
  bool wellFormed() const;
};

} // namespace fputcheck

#endif
