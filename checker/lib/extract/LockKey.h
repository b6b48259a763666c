//===- LockKey.h - The grammar of lock keys ---------------------*- C++ -*-===//
//
// A lock key names a lock relative to the function that mentions it, so that
// a caller's lock can be matched with a callee's parameter:
//   "$1.lock"       argument 1's field lock
//   "%f.lock"       a local's field lock
//   "files_lock"    a global
//   "current.signal.cred_guard_mutex"  the running task's (current_task)
//   "@rcu"          a per-CPU state
//   "?text"         an expression with no stable root
// "->" and "." are one step and "[]" is any element, so a path is a run of
// ".name" and "[]" (a key read from macro text may hold other characters).
//
// Summaries store keys as these strings; LockKey reads one in place, and the
// builders below are the one place that writes a root. The header lives in
// extract/ because extraction writes the grammar: changing it changes the
// extractor digest, so stored summaries are made again. It needs no Clang, so
// analysis can read keys with it too.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_EXTRACT_LOCKKEY_H
#define FPUTCHECK_EXTRACT_LOCKKEY_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace fputcheck {

/// A view of one key in its stored form; cheap to copy, like StringRef, and
/// valid as long as the string it was made from.
class LockKey {
public:
  enum class Root {
    None,     ///< "": no key (an argument with no stable root).
    Param,    ///< "$N<path>"
    Local,    ///< "%name<path>"
    Global,   ///< "name<path>": a global, or the running task's lock.
    PerCpu,   ///< "@kind": preemption, interrupts, bottom halves, RCU.
    Unrooted, ///< "?text"
  };

  /// Reads \p Key, which must be in the stored form (asserted).
  LockKey(llvm::StringRef Key = "");
  LockKey(const std::string &Key) : LockKey(llvm::StringRef(Key)) {}
  LockKey(const char *Key) : LockKey(llvm::StringRef(Key)) {}

  /// Builders: each returns a key in its stored form.
  static std::string param(unsigned Index, llvm::StringRef Path = "");
  static std::string local(llvm::StringRef Name, llvm::StringRef Path = "");
  /// A global's lock, or (with the rules' task name) the running task's.
  static std::string global(llvm::StringRef Name, llvm::StringRef Path = "");
  static std::string perCpu(llvm::StringRef Kind);
  static std::string unrooted(llvm::StringRef Text);

  llvm::StringRef str() const { return Key; }
  bool empty() const { return Key.empty(); }
  Root root() const;
  bool isParam() const { return root() == Root::Param; }
  bool isLocal() const { return root() == Root::Local; }
  bool isPerCpu() const { return root() == Root::PerCpu; }
  bool isUnrooted() const { return root() == Root::Unrooted; }
  /// Names one lock in every function (a global, the running task's, a
  /// per-CPU state), so it passes into callees and out to callers as is.
  bool isFixed() const {
    return root() == Root::Global || root() == Root::PerCpu;
  }

  /// The argument index of a parameter key, or -1.
  int paramIndex() const;
  /// What follows a parameter's index: ".i_rwsem" for "$0.i_rwsem".
  llvm::StringRef paramPath() const;

  /// \p Other is this key or a path below it: "x.lock" is a prefix of
  /// "x.lock.rlock" and "x.lock[]", not of "x.locked". Neither may be empty.
  bool isPrefixOf(LockKey Other) const;
  /// This key with its prefix \p Prefix (see isPrefixOf()) replaced by
  /// \p Root: "%_T.lock" rebased from "%_T" onto "%_t" is "%_t.lock".
  std::string rebased(LockKey Prefix, llvm::StringRef Root) const;

  /// This key, held by a caller, in the terms of the callee of a call whose
  /// argument keys are \p ArgKeys: a key rooted at (or inside) argument i
  /// becomes "$i<rest>"; fixed keys are unchanged; anything else the callee
  /// cannot name, so it is "" (the callee cannot release it).
  std::string intoCallee(llvm::ArrayRef<std::string> ArgKeys) const;

  /// Display text for a key with no expression behind it:
  /// "current.signal.cred_guard_mutex" -> "current->signal->cred_guard_mutex".
  std::string text() const;
  /// Display text for a path of a key: ".ctx.uring_lock" -> "->ctx->uring_lock".
  static std::string pathText(llvm::StringRef Path);

private:
  llvm::StringRef Key;
};

/// Two keys name the same lock when one is the other or a path below it:
/// "x.lock" (from spin_lock_irqsave()) and "x.lock.rlock" (from inside the
/// spin_unlock_irqrestore() wrapper) are one spinlock.
inline bool sameLock(LockKey A, LockKey B) {
  return A.isPrefixOf(B) || B.isPrefixOf(A);
}

} // namespace fputcheck

#endif
