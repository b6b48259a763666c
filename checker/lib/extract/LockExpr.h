//===- LockExpr.h - Naming locks relative to a function ---------*- C++ -*-===//
//
// Locks are matched by the expression that names them, rooted at a parameter,
// a global or a local ("$0.lock", "files_lock", "%d.lock"; see LockKey.h).
// "->" and "." are one step, so "&x.lock" passed as a pointer still matches
// the callee's "p->lock". Pass-through helpers such as spinlock_check()
// (a body that only returns a place inside its parameter, `&lock->rlock`)
// are looked through, because the irqsave macros wrap the lock in one. A call of the
// rules' current-task accessor is a root of its own ("current.signal.x"):
// the same task in every function, so such a key is fixed, like a global's.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_EXTRACT_LOCKEXPR_H
#define FPUTCHECK_EXTRACT_LOCKEXPR_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include <string>

namespace fputcheck {

class Rules;

struct LockRef {
  /// Empty when the expression has no stable root.
  std::string Key;
  /// The expression as a kernel developer would write it.
  std::string Text;
};

/// Key (and, when \p WantText, display text) for \p E in function \p FD.
/// With \p R, a call of its current-task accessor is the root
/// R->currentTaskName(), in the key and in the text.
LockRef lockRefFor(const clang::Expr *E, const clang::FunctionDecl *FD,
                   bool WantText, const Rules *R = nullptr);

/// Key for a lock written as macro-argument tokens, e.g. "&(xa)->xa_lock".
std::string lockKeyFromText(llvm::StringRef Text, const clang::FunctionDecl *FD,
                            const Rules *R = nullptr);

} // namespace fputcheck

#endif
