//===- LockOps.cpp - What a call or a lock macro does to locks --*- C++ -*-===//

#include "extract/LockOps.h"
#include "extract/LockExpr.h"
#include "extract/LockKey.h"

#include <cassert>

using namespace clang;
using namespace fputcheck;

/// \p P's operation on the lock named by \p Key and \p Text.
static AppliedOp opOf(const LockPrimitive &P, std::string Key,
                      std::string Text) {
  assert(!Key.empty() && "every lock operation names its lock");
  return {P.Op, P.Success, std::move(Key), std::move(Text), P.Kind, P.Name};
}

/// A primitive with no lock argument (preempt_disable(), rcu_read_lock())
/// acts on the per-CPU state of its kind.
static AppliedOp perCpuOp(const LockPrimitive &P) {
  return opOf(P, LockKey::perCpu(P.Kind), P.Name + "()");
}

static AppliedOp fromPrimitive(const LockPrimitive &P, const CallExpr *CE,
                               const FunctionDecl *FD, const Rules &R) {
  if (P.Arg < 0 || unsigned(P.Arg) >= CE->getNumArgs())
    return perCpuOp(P);
  LockRef LR = lockRefFor(CE->getArg(P.Arg), FD, /*WantText=*/true, &R);
  return opOf(P, LR.Key.empty() ? LockKey::unrooted(LR.Text) : LR.Key, LR.Text);
}

/// The callee's effect \p E at call \p CE: its parameter replaced by the
/// argument passed for it.
static AppliedOp fromEffect(const LockEffect &E, const CallExpr *CE,
                            const FunctionDecl *FD, const Rules &R) {
  AppliedOp A{E.Op, E.Success, "", E.Text, E.Kind, E.Primitive};
  int Arg = E.Param;
  // A release of a lock the callee could not name (it reached the lock
  // through container_of(), say): its first argument is the best guess, and
  // a wrong guess only drops a lock early. Acquisitions are never guessed
  // (see ExitEffects.cpp).
  if (Arg < 0 && E.FixedKey.empty() && CE->getNumArgs() > 0)
    Arg = 0;
  if (Arg >= 0 && unsigned(Arg) < CE->getNumArgs()) {
    LockRef LR = lockRefFor(CE->getArg(Arg), FD, /*WantText=*/true, &R);
    // inode_lock(inode) holds inode->i_rwsem, not "inode": with the member
    // kept, releasing inode->i_lock in between does not drop it. Every step
    // of the path is through a pointer: io_ring_submit_lock(req->ctx, ...)
    // holds req->ctx->uring_lock.
    std::string Member = LockKey::pathText(E.Path);
    A.Key =
        LR.Key.empty() ? LockKey::unrooted(LR.Text + Member) : LR.Key + E.Path;
    A.Text = LR.Text + Member;
  } else if (!E.FixedKey.empty()) {
    A.Key = E.FixedKey;
  } else {
    A.Key = LockKey::unrooted(E.Text);
  }
  return A;
}

std::vector<AppliedOp> fputcheck::callLockOps(const CallExpr *CE,
                                              const FunctionDecl *FD,
                                              TUServices &TU) {
  std::vector<AppliedOp> Out;
  const FunctionDecl *Callee = CE->getDirectCallee();
  if (!Callee || !Callee->getIdentifier())
    return Out;
  const Rules &R = TU.rules();
  if (const LockPrimitive *P = R.lockPrimitive(Callee->getName())) {
    Out.push_back(fromPrimitive(*P, CE, FD, R));
    return Out;
  }
  const FunctionDecl *Def = Callee->getDefinition();
  if (!Def || !Def->hasBody() || Def == FD)
    return Out;
  for (const LockEffect &E : TU.effectsOf(Def))
    Out.push_back(fromEffect(E, CE, FD, R));
  return Out;
}

AppliedOp fputcheck::macroLockOp(const MacroLockUse &U, const FunctionDecl *FD,
                                 const Rules &R) {
  const LockPrimitive &P = *U.Rule;
  if (P.Arg < 0 || unsigned(P.Arg) >= U.Args.size())
    return perCpuOp(P);
  const std::string &Text = U.Args[P.Arg];
  std::string Key = lockKeyFromText(Text, FD, &R);
  return opOf(P, Key.empty() ? LockKey::unrooted(Text) : Key, Text);
}
