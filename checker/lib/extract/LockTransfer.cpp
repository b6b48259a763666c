//===- LockTransfer.cpp - How each CFG element changes the locks ----------===//

#include "extract/LockTransfer.h"
#include "extract/LockKey.h"

#include "clang/AST/Expr.h"
#include "clang/Basic/SourceManager.h"
#include <cassert>

using namespace clang;
using namespace fputcheck;

LockTransfer::LockTransfer(const FunctionDecl *FD, const CFG &Cfg,
                           TUServices &TU)
    : FD(FD), TU(TU), R(TU.rules()), SM(TU.sourceManager()), Conds(FD),
      Locals(FD, R) {
  chooseMacroAppliers(Cfg);
}

void LockTransfer::apply(const AppliedOp &A, SourceLocation Loc, LockState &S,
                         const CallExpr *Try) const {
  switch (A.Op) {
  case LockOp::Acquire: {
    PresumedLoc P = SM.getPresumedLoc(SM.getExpansionLoc(Loc));
    S.acquire(HeldLock{A.Key, A.Text, A.Kind, A.Primitive,
                       P.isValid() ? P.getLine() : 0,
                       P.isValid() ? P.getColumn() : 0},
              Try);
    break;
  }
  case LockOp::Release:
    S.release(A.Key);
    break;
  case LockOp::TryAcquire:
    break; // Decided on the branch that tests the result.
  }
}

unsigned LockTransfer::lockMacroOf(const Stmt *St) const {
  SourceLocation L = St->getBeginLoc();
  // Walk out through every macro this statement came from; a lock macro may
  // sit inside another macro (get_cpu() around preempt_disable()).
  while (L.isMacroID()) {
    SourceLocation Exp = SM.getImmediateExpansionRange(L).getBegin();
    if (TU.macroUsesAt(Exp.getRawEncoding()))
      return Exp.getRawEncoding();
    L = Exp;
  }
  return 0;
}

void LockTransfer::chooseMacroAppliers(const CFG &Cfg) {
  // Breadth-first from the entry: the first element reached runs first.
  std::vector<bool> Seen(Cfg.getNumBlockIDs(), false);
  std::vector<const CFGBlock *> Queue{&Cfg.getEntry()};
  Seen[Cfg.getEntry().getBlockID()] = true;
  for (size_t Q = 0; Q < Queue.size(); ++Q) {
    for (const CFGElement &E : *Queue[Q])
      if (auto CS = E.getAs<CFGStmt>())
        if (CS->getStmt()->getBeginLoc().isMacroID())
          if (unsigned Raw = lockMacroOf(CS->getStmt()))
            MacroApplier.try_emplace(Raw, CS->getStmt());
    for (const CFGBlock *S : Queue[Q]->succs())
      if (S && !Seen[S->getBlockID()]) {
        Seen[S->getBlockID()] = true;
        Queue.push_back(S);
      }
  }
}

void LockTransfer::applyMacroUses(const Stmt *St, LockState &S) {
  unsigned Raw = lockMacroOf(St);
  if (!Raw || MacroApplier.lookup(Raw) != St)
    return;
  SourceLocation Exp = SourceLocation::getFromRawEncoding(Raw);
  for (const MacroLockUse &U : *TU.macroUsesAt(Raw)) {
    AppliedOp A = macroLockOp(U, FD, R);
    nameThroughLocals(A);
    apply(A, Exp, S);
  }
}

void LockTransfer::nameThroughLocals(AppliedOp &A) {
  std::string Resolved = Locals.resolve(A.Key);
  if (Resolved == A.Key)
    return;
  // The local's name means nothing outside this body.
  if (LockKey(Resolved).isFixed())
    A.Text = LockKey(Resolved).text();
  A.Key = std::move(Resolved);
}

const CallExpr *LockTransfer::trylockIn(const Expr *C, bool &Same,
                                        const LockState &S) const {
  Same = true;
  if (!C)
    return nullptr;
  C = truthOf(C, Same, FD->getASTContext());
  if (const auto *DRE = dyn_cast<DeclRefExpr>(C)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    auto It = VD ? S.TryVars.find(VD) : S.TryVars.end();
    if (It == S.TryVars.end())
      return nullptr;
    Same = Same == It->second.second;
    return It->second.first;
  }
  if (const auto *CE = dyn_cast<CallExpr>(C))
    return Trylocks.count(CE) ? CE : nullptr;
  return nullptr;
}

const std::vector<AppliedOp> &LockTransfer::attempts(const CallExpr *TC) const {
  auto It = Trylocks.find(TC);
  assert(It != Trylocks.end() && "not a trylock trylockIn() returned");
  return It->second;
}

void LockTransfer::noteInit(const VarDecl *VD, const Expr *Init,
                            LockState &S) {
  // "ret = down_read_trylock(...) != 0" keeps the result too; any other
  // value replaces it.
  bool Same;
  if (const CallExpr *TC = trylockIn(Init, Same, S))
    S.TryVars[VD] = {TC, Same};
  else
    S.TryVars.erase(VD);
  const auto *CE = dyn_cast<CallExpr>(Init->IgnoreParenImpCasts());
  if (!CE)
    return;
  // A variable with a cleanup function whose initializer took a lock is a
  // guard: the lock ends with the variable's scope.
  auto It = AcquiredBy.find(CE);
  if (VD->hasAttr<CleanupAttr>() && It != AcquiredBy.end())
    GuardKeys[VD] = It->second;
}

void LockTransfer::transferStmt(const Stmt *St, LockState &S, unsigned BlockID,
                                TransferObserver *Obs) {
  if (St->getBeginLoc().isMacroID())
    applyMacroUses(St, S);
  if (const auto *CE = dyn_cast<CallExpr>(St)) {
    // The callee's effect first: learning it may analyse the callee, and
    // the observer records the call with the state before the effect.
    std::vector<AppliedOp> Ops = callLockOps(CE, FD, TU);
    for (AppliedOp &A : Ops)
      nameThroughLocals(A);
    if (Obs)
      Obs->onCall(CE, S, BlockID);
    std::vector<AppliedOp> Tries;
    std::vector<std::string> Acquired;
    for (const AppliedOp &A : Ops) {
      if (A.Op == LockOp::TryAcquire)
        Tries.push_back(A);
      if (A.Op == LockOp::Acquire)
        Acquired.push_back(A.Key);
      apply(A, CE->getBeginLoc(), S);
    }
    if (!Tries.empty())
      Trylocks[CE] = std::move(Tries);
    if (!Acquired.empty())
      AcquiredBy[CE] = std::move(Acquired);
    return;
  }
  if (const auto *DS = dyn_cast<DeclStmt>(St)) {
    for (const Decl *D : DS->decls()) {
      const auto *VD = dyn_cast<VarDecl>(D);
      if (!VD)
        continue;
      // Declared again (in a loop): the tests on its old value say nothing.
      if (Conds.isStable(VD))
        S.forget(StableConditions::token(VD));
      if (VD->getInit())
        noteInit(VD, VD->getInit(), S);
      else
        S.TryVars.erase(VD);
    }
    return;
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(St);
      BO && BO->getOpcode() == BO_Assign) {
    if (const auto *DRE =
            dyn_cast<DeclRefExpr>(BO->getLHS()->IgnoreParenImpCasts()))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
        noteInit(VD, BO->getRHS(), S);
    return;
  }
}

void LockTransfer::transferBlock(const CFGBlock &B, LockState &S,
                                 TransferObserver *Obs) {
  assert(S.Reached && "a block no path reaches has nothing to transfer");
  for (const CFGElement &E : B) {
    if (auto CS = E.getAs<CFGStmt>()) {
      transferStmt(CS->getStmt(), S, B.getBlockID(), Obs);
    } else if (auto CF = E.getAs<CFGCleanupFunction>()) {
      if (Obs)
        Obs->onCleanup(*CF, S, B.getBlockID());
      auto It = GuardKeys.find(CF->getVarDecl());
      if (It != GuardKeys.end())
        for (const std::string &K : It->second)
          S.release(K);
    }
  }
}

LockState LockTransfer::edgeState(const CFGBlock &B, unsigned SuccIdx,
                                  const LockState &Out) const {
  LockState S = Out;
  if (B.succ_size() != 2)
    return S;
  const Expr *Cond = B.getLastCondition();
  if (!Cond)
    return S;
  bool Same;
  // Successor 0 is taken when the condition is nonzero.
  if (const CallExpr *TC = trylockIn(Cond, Same, Out)) {
    bool ResultNonZero = (SuccIdx == 0) == Same;
    for (const AppliedOp &A : attempts(TC)) {
      bool Got = ResultNonZero == (A.Success == TrySuccess::NonZero);
      if (Got) {
        AppliedOp Acq = A;
        Acq.Op = LockOp::Acquire;
        apply(Acq, TC->getBeginLoc(), S, TC);
      }
    }
  }
  if (std::optional<BranchCondition> BC = Conds.read(Cond))
    if (!S.assume(BC->Key, (SuccIdx == 0) == BC->Same))
      return LockState();
  return S;
}
