//===- FunctionAnalyzer.cpp - Locks held at each call -----------*- C++ -*-===//

#include "extract/FunctionAnalyzer.h"
#include "extract/ContextTests.h"
#include "extract/GlobalTables.h"
#include "extract/LocalAliases.h"
#include "extract/LockExpr.h"
#include "extract/LockKey.h"
#include "extract/LockOps.h"
#include "extract/LockState.h"

#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"
#include <map>
#include <numeric>
#include <optional>
#include <set>

using namespace clang;
using namespace fputcheck;

namespace {

class BodyAnalysis {
public:
  BodyAnalysis(const FunctionDecl *FD, TUServices &TU)
      : FD(FD), TU(TU), R(TU.rules()), SM(TU.sourceManager()) {}

  FunctionResult run();

private:
  void transferBlock(const CFGBlock &B, LockState &S);
  void transferStmt(const Stmt *St, LockState &S, unsigned BlockID);
  void applyMacroUses(const Stmt *St, LockState &S);
  /// Expansion (raw location) of the lock macro \p St came from, or 0.
  unsigned lockMacroOf(const Stmt *St) const;
  void chooseMacroAppliers();
  void apply(const AppliedOp &A, SourceLocation Loc, LockState &S,
             const CallExpr *Try = nullptr);
  void recordCall(const CallExpr *CE, const LockState &S, unsigned BlockID);
  /// A variable's cleanup function (`__free(name)`, a guard's destructor)
  /// runs at every exit from its scope: a call like one written there.
  void recordCleanup(const CFGCleanupFunction &CF, const LockState &S,
                     unsigned BlockID);
  void recordSite(CallSite C, const LockState &S, unsigned BlockID);
  /// The trylock a branch condition tests; \p Same is whether the condition
  /// is nonzero exactly when the trylock returned nonzero.
  const CallExpr *trylockIn(const Expr *C, bool &Same) const;
  LockState edgeState(const CFGBlock &B, unsigned SuccIdx,
                      const LockState &Out);
  void finishCallSites(FunctionSummary &Out);
  /// What \p B returns, when it ends in a return statement.
  struct ReturnValue {
    enum { Unknown, Zero, NonZero, Trylock } Kind = Unknown;
    const CallExpr *Try = nullptr;
    bool Same = true;
  };
  ReturnValue returnValueOf(const CFGBlock &B) const;
  /// Notes the state and returned value of a path into the exit block.
  void noteExitPath(const CFGBlock &B, const LockState &Out);
  std::vector<LockEffect> exitEffects();
  std::optional<LockEffect> effectForKey(LockOp Op, const std::string &Key,
                                         const std::string &Text,
                                         const std::string &Kind,
                                         const std::string &Prim);

  const FunctionDecl *FD;
  TUServices &TU;
  const Rules &R;
  SourceManager &SM;
  std::unique_ptr<CFG> Cfg;

  llvm::DenseMap<const CallExpr *, std::vector<AppliedOp>> Trylocks;
  /// A local holding a trylock's result (Same: nonzero exactly when the
  /// trylock returned nonzero).
  struct TrylockVar {
    const CallExpr *Try;
    bool Same;
  };
  llvm::DenseMap<const VarDecl *, TrylockVar> TrylockVars;
  llvm::DenseMap<const CallExpr *, std::vector<std::string>> AcquiredBy;
  llvm::DenseMap<const VarDecl *, std::vector<std::string>> GuardKeys;
  /// Each path into the exit block: its state and what it returns.
  std::vector<std::pair<LockState, ReturnValue>> ExitPaths;
  /// Made on first use: most functions take no lock on a local.
  std::optional<LocalAliases> Aliases;

  /// The one element at which each lock macro expansion takes effect: a
  /// macro such as local_irq_restore() spans several elements and blocks
  /// (do { } while (0)), and releasing twice would look like releasing a
  /// lock the caller held.
  llvm::DenseMap<unsigned, const Stmt *> MacroApplier;

  bool Recording = false;
  /// Per block: context tests that hold on every path to it.
  std::vector<std::optional<FactSet>> Facts;
  std::vector<CallSite> Sites;
  std::vector<std::vector<unsigned>> BlockSites;
};

} // namespace

void BodyAnalysis::apply(const AppliedOp &A, SourceLocation Loc, LockState &S,
                         const CallExpr *Try) {
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

unsigned BodyAnalysis::lockMacroOf(const Stmt *St) const {
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

void BodyAnalysis::chooseMacroAppliers() {
  // Breadth-first from the entry: the first element reached runs first.
  std::vector<bool> Seen(Cfg->getNumBlockIDs(), false);
  std::vector<const CFGBlock *> Queue{&Cfg->getEntry()};
  Seen[Cfg->getEntry().getBlockID()] = true;
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

void BodyAnalysis::applyMacroUses(const Stmt *St, LockState &S) {
  unsigned Raw = lockMacroOf(St);
  if (!Raw || MacroApplier.lookup(Raw) != St)
    return;
  SourceLocation Exp = SourceLocation::getFromRawEncoding(Raw);
  for (const MacroLockUse &U : *TU.macroUsesAt(Raw))
    apply(macroLockOp(U, FD, R), Exp, S);
}

void BodyAnalysis::recordCall(const CallExpr *CE, const LockState &S,
                              unsigned BlockID) {
  CallSite C;
  if (const FunctionDecl *Callee = CE->getDirectCallee()) {
    if (Callee->getBuiltinID() || !Callee->getIdentifier() ||
        R.lockPrimitive(Callee->getName()))
      return;
    C.Callee = TU.functionKey(Callee);
  } else {
    const Expr *E = CE->getCallee()->IgnoreParenCasts();
    if (const auto *UO = dyn_cast<UnaryOperator>(E);
        UO && UO->getOpcode() == UO_Deref)
      E = UO->getSubExpr()->IgnoreParenCasts();
    const auto *ME = dyn_cast<MemberExpr>(E);
    const auto *Field = ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
    if (!Field)
      return; // A call through a plain pointer variable: unresolved.
    const RecordDecl *RD = Field->getParent();
    std::string Struct = RD->getName().str();
    if (Struct.empty())
      if (const TypedefNameDecl *TD = RD->getTypedefNameForAnonDecl())
        Struct = TD->getName().str();
    if (Struct.empty())
      return;
    C.Struct = Struct;
    C.Field = Field->getName().str();
    if (const VarDecl *Table = tableOf(ME->getBase(), FD))
      C.Object = TU.objectKey(Table);
  }
  PresumedLoc P = SM.getPresumedLoc(SM.getExpansionLoc(CE->getBeginLoc()));
  if (P.isValid()) {
    C.Line = P.getLine();
    C.Col = P.getColumn();
  }
  bool AnyKey = false;
  for (unsigned I = 0; I < CE->getNumArgs(); ++I) {
    const Expr *Arg = CE->getArg(I);
    C.ArgKeys.push_back(lockRefFor(Arg, FD, /*WantText=*/false, &R).Key);
    AnyKey |= !C.ArgKeys.back().empty();
    const Expr *A = Arg->IgnoreParenCasts();
    if (const auto *UO = dyn_cast<UnaryOperator>(A);
        UO && UO->getOpcode() == UO_AddrOf)
      A = UO->getSubExpr()->IgnoreParenCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(A))
      if (const auto *Fn = dyn_cast<FunctionDecl>(DRE->getDecl()))
        C.FnArgs.emplace_back(I, TU.functionKey(Fn));
  }
  if (!AnyKey)
    C.ArgKeys.clear();
  recordSite(std::move(C), S, BlockID);
}

void BodyAnalysis::recordCleanup(const CFGCleanupFunction &CF,
                                 const LockState &S, unsigned BlockID) {
  const FunctionDecl *Fn = CF.getFunctionDecl();
  if (!Fn || !Fn->getIdentifier() || R.lockPrimitive(Fn->getName()))
    return;
  CallSite C;
  C.Callee = TU.functionKey(Fn);
  // The cleanup runs where the scope ends; the declaration is where a
  // reader sees it (`struct file *f __free(fput) = ...`).
  PresumedLoc P =
      SM.getPresumedLoc(SM.getExpansionLoc(CF.getVarDecl()->getLocation()));
  if (P.isValid()) {
    C.Line = P.getLine();
    C.Col = P.getColumn();
  }
  if (const FunctionDecl *Def = Fn->getDefinition(); Def && Def->hasBody())
    TU.effectsOf(Def); // Analysed, so its calls are in the summary.
  recordSite(std::move(C), S, BlockID);
}

void BodyAnalysis::recordSite(CallSite C, const LockState &S,
                              unsigned BlockID) {
  for (const auto &[K, L] : S.Held)
    C.Held.push_back(L);
  C.Released.assign(S.Released.begin(), S.Released.end());
  if (BlockID < Facts.size() && Facts[BlockID])
    C.Guards.assign(Facts[BlockID]->begin(), Facts[BlockID]->end());
  BlockSites[BlockID].push_back(Sites.size());
  Sites.push_back(std::move(C));
}

const CallExpr *BodyAnalysis::trylockIn(const Expr *C, bool &Same) const {
  Same = true;
  while (C) {
    C = C->IgnoreParenImpCasts();
    if (const auto *UO = dyn_cast<UnaryOperator>(C);
        UO && UO->getOpcode() == UO_LNot) {
      Same = !Same;
      C = UO->getSubExpr();
      continue;
    }
    if (const auto *BO = dyn_cast<BinaryOperator>(C);
        BO && (BO->getOpcode() == BO_EQ || BO->getOpcode() == BO_NE)) {
      auto IsZero = [](const Expr *E) {
        const auto *IL = dyn_cast<IntegerLiteral>(E->IgnoreParenImpCasts());
        return IL && IL->getValue() == 0;
      };
      const Expr *Other = IsZero(BO->getRHS())   ? BO->getLHS()
                          : IsZero(BO->getLHS()) ? BO->getRHS()
                                                 : nullptr;
      if (!Other)
        return nullptr;
      if (BO->getOpcode() == BO_EQ)
        Same = !Same;
      C = Other;
      continue;
    }
    if (const auto *DRE = dyn_cast<DeclRefExpr>(C)) {
      const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
      auto It = VD ? TrylockVars.find(VD) : TrylockVars.end();
      if (It == TrylockVars.end())
        return nullptr;
      Same = Same == It->second.Same;
      return It->second.Try;
    }
    if (const auto *CE = dyn_cast<CallExpr>(C))
      return Trylocks.count(CE) ? CE : nullptr;
    return nullptr;
  }
  return nullptr;
}

void BodyAnalysis::transferStmt(const Stmt *St, LockState &S,
                                unsigned BlockID) {
  if (St->getBeginLoc().isMacroID())
    applyMacroUses(St, S);
  if (const auto *CE = dyn_cast<CallExpr>(St)) {
    std::vector<AppliedOp> Effects = callLockOps(CE, FD, TU);
    if (Recording)
      recordCall(CE, S, BlockID);
    std::vector<AppliedOp> Tries;
    std::vector<std::string> Acquired;
    for (const AppliedOp &A : Effects) {
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
  auto NoteInit = [&](const VarDecl *VD, const Expr *Init) {
    // "ret = down_read_trylock(...) != 0" keeps the result too.
    bool Same;
    if (const CallExpr *TC = trylockIn(Init, Same))
      TrylockVars[VD] = {TC, Same};
    const auto *CE = dyn_cast<CallExpr>(Init->IgnoreParenImpCasts());
    if (!CE)
      return;
    // A variable with a cleanup function whose initializer took a lock is a
    // guard: the lock ends with the variable's scope.
    auto It = AcquiredBy.find(CE);
    if (VD->hasAttr<CleanupAttr>() && It != AcquiredBy.end())
      GuardKeys[VD] = It->second;
  };
  if (const auto *DS = dyn_cast<DeclStmt>(St)) {
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D); VD && VD->getInit())
        NoteInit(VD, VD->getInit());
    return;
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(St);
      BO && BO->getOpcode() == BO_Assign) {
    if (const auto *DRE =
            dyn_cast<DeclRefExpr>(BO->getLHS()->IgnoreParenImpCasts()))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
        NoteInit(VD, BO->getRHS());
    return;
  }
}

void BodyAnalysis::transferBlock(const CFGBlock &B, LockState &S) {
  for (const CFGElement &E : B) {
    if (auto CS = E.getAs<CFGStmt>()) {
      transferStmt(CS->getStmt(), S, B.getBlockID());
    } else if (auto CF = E.getAs<CFGCleanupFunction>()) {
      if (Recording)
        recordCleanup(*CF, S, B.getBlockID());
      auto It = GuardKeys.find(CF->getVarDecl());
      if (It != GuardKeys.end())
        for (const std::string &K : It->second)
          S.release(K);
    }
  }
}

LockState BodyAnalysis::edgeState(const CFGBlock &B, unsigned SuccIdx,
                                  const LockState &Out) {
  LockState S = Out;
  if (B.succ_size() != 2)
    return S;
  const Expr *Cond = B.getLastCondition();
  bool Same;
  const CallExpr *TC = Cond ? trylockIn(Cond, Same) : nullptr;
  if (!TC)
    return S;
  // Successor 0 is taken when the condition is nonzero.
  bool ResultNonZero = (SuccIdx == 0) == Same;
  for (const AppliedOp &A : Trylocks[TC]) {
    bool Got = ResultNonZero == (A.Success == TrySuccess::NonZero);
    if (Got) {
      AppliedOp Acq = A;
      Acq.Op = LockOp::Acquire;
      apply(Acq, TC->getBeginLoc(), S, TC);
    }
  }
  return S;
}

std::optional<LockEffect> BodyAnalysis::effectForKey(LockOp Op,
                                                     const std::string &Key,
                                                     const std::string &Text,
                                                     const std::string &Kind,
                                                     const std::string &Prim) {
  LockEffect E;
  E.Op = Op;
  E.Kind = Kind;
  E.Primitive = Prim;
  E.Text = Text;
  std::string Resolved = Key;
  if (LockKey(Key).isLocal()) {
    if (!Aliases)
      Aliases.emplace(FD, R);
    Resolved = Aliases->resolve(Key);
    // The local's name means nothing to a caller.
    if (Resolved != Key && LockKey(Resolved).isFixed())
      E.Text = LockKey(Resolved).text();
  }
  LockKey K(Resolved);
  if (K.isParam()) {
    E.Param = K.paramIndex();
    E.Path = K.paramPath().str();
    assert(E.Param >= 0 && "a parameter key names its index");
  } else if (K.isFixed()) {
    E.FixedKey = Resolved;
  }
  // A lock the caller cannot name (a local's, an unrooted expression's)
  // is no lock of any of its arguments: taking it is not applied at all.
  if (E.Param < 0 && E.FixedKey.empty() && Op != LockOp::Release)
    return std::nullopt;
  return E;
}

BodyAnalysis::ReturnValue BodyAnalysis::returnValueOf(const CFGBlock &B) const {
  ReturnValue V;
  const ReturnStmt *RS = nullptr;
  for (const CFGElement &E : B)
    if (auto CS = E.getAs<CFGStmt>())
      if (const auto *R = dyn_cast<ReturnStmt>(CS->getStmt()))
        RS = R;
  const Expr *RV = RS ? RS->getRetValue() : nullptr;
  if (!RV)
    return V;
  if ((V.Try = trylockIn(RV, V.Same))) {
    V.Kind = ReturnValue::Trylock;
    return V;
  }
  ASTContext &Ctx = FD->getASTContext();
  Expr::EvalResult Res;
  if (!RV->isValueDependent() && RV->EvaluateAsInt(Res, Ctx))
    V.Kind =
        Res.Val.getInt().isZero() ? ReturnValue::Zero : ReturnValue::NonZero;
  else if (RV->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
    V.Kind = ReturnValue::Zero;
  return V;
}

void BodyAnalysis::noteExitPath(const CFGBlock &B, const LockState &Out) {
  unsigned Idx = 0;
  for (const CFGBlock *S : B.succs()) {
    unsigned I = Idx++;
    if (S == &Cfg->getExit())
      ExitPaths.emplace_back(edgeState(B, I, Out), returnValueOf(B));
  }
}

std::vector<LockEffect> BodyAnalysis::exitEffects() {
  // For each lock held on some path out: may it be held when the function
  // returns zero, and when it returns nonzero? Held for both is an acquire;
  // for one only, the function is a trylock with that success value
  // (io_acct_run_queue() returns true holding acct->lock, false without;
  // prepare_bprm_creds() returns 0 holding cred_guard_mutex).
  struct Sides {
    bool Zero = false, NonZero = false;
    std::string Text, Kind, Primitive;
  };
  std::map<std::string, Sides> Held;
  std::set<std::string> Released;
  auto Note = [&](const std::string &K, const std::string &Text,
                  const std::string &Kind, const std::string &Prim) -> Sides & {
    auto [It, New] = Held.try_emplace(K);
    if (New)
      It->second = Sides{false, false, Text, Kind, Prim};
    return It->second;
  };
  // The return value that says trylock A succeeded, as returned.
  auto SuccessNonZero = [](const AppliedOp &A, bool Same) {
    return (A.Success == TrySuccess::NonZero) == Same;
  };
  for (const auto &[S, V] : ExitPaths) {
    const std::vector<AppliedOp> *Tries =
        V.Kind == ReturnValue::Trylock ? &Trylocks[V.Try] : nullptr;
    for (const auto &[K, L] : S.Held) {
      auto W = S.Why.find(K);
      // The caller's own lock, dropped and taken again: no net effect.
      if (W != S.Why.end() && W->second.Restored)
        continue;
      Sides &Sd = Note(K, L.Text, L.Kind, L.Primitive);
      const AppliedOp *Tried = nullptr;
      if (Tries && W != S.Why.end() && W->second.Try == V.Try)
        for (const AppliedOp &A : *Tries)
          if (sameLock(A.Key, K))
            Tried = &A;
      if (Tried) {
        // Taken by the trylock whose result is returned: held only when
        // that result says so.
        (SuccessNonZero(*Tried, V.Same) ? Sd.NonZero : Sd.Zero) = true;
        continue;
      }
      Sd.Zero |= V.Kind != ReturnValue::NonZero;
      Sd.NonZero |= V.Kind != ReturnValue::Zero;
    }
    // "return spin_trylock(l)": a trylock wrapper.
    if (Tries)
      for (const AppliedOp &A : *Tries)
        if (!S.Held.count(A.Key)) {
          Sides &Sd = Note(A.Key, A.Text, A.Kind, A.Primitive);
          (SuccessNonZero(A, V.Same) ? Sd.NonZero : Sd.Zero) = true;
        }
    Released.insert(S.Released.begin(), S.Released.end());
  }
  std::vector<LockEffect> Out;
  for (const auto &[K, Sd] : Held) {
    if (!Sd.Zero && !Sd.NonZero)
      continue;
    LockOp Op = Sd.Zero && Sd.NonZero ? LockOp::Acquire : LockOp::TryAcquire;
    if (std::optional<LockEffect> E =
            effectForKey(Op, K, Sd.Text, Sd.Kind, Sd.Primitive)) {
      E->Success = Sd.NonZero ? TrySuccess::NonZero : TrySuccess::Zero;
      Out.push_back(std::move(*E));
    }
  }
  for (const std::string &K : Released)
    if (std::optional<LockEffect> E =
            effectForKey(LockOp::Release, K, K, "", ""))
      Out.push_back(std::move(*E));
  return Out;
}

void BodyAnalysis::finishCallSites(FunctionSummary &Out) {
  // First call sites reachable from each block, through blocks without calls.
  unsigned N = Cfg->getNumBlockIDs();
  std::vector<std::set<unsigned>> First(N);
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (const CFGBlock *B : *Cfg) {
      std::set<unsigned> &F = First[B->getBlockID()];
      size_t Before = F.size();
      if (!BlockSites[B->getBlockID()].empty()) {
        F.insert(BlockSites[B->getBlockID()].front());
      } else {
        for (const CFGBlock *S : B->succs())
          if (S)
            F.insert(First[S->getBlockID()].begin(),
                     First[S->getBlockID()].end());
      }
      Changed |= F.size() != Before;
    }
  }
  for (const CFGBlock *B : *Cfg) {
    const std::vector<unsigned> &BS = BlockSites[B->getBlockID()];
    for (size_t I = 0; I + 1 < BS.size(); ++I)
      Sites[BS[I]].Next.push_back(BS[I + 1]);
    if (BS.empty())
      continue;
    std::set<unsigned> After;
    for (const CFGBlock *S : B->succs())
      if (S)
        After.insert(First[S->getBlockID()].begin(),
                     First[S->getBlockID()].end());
    Sites[BS.back()].Next.assign(After.begin(), After.end());
  }
  // Report call sites in source order, renumbering the links.
  std::vector<unsigned> Order(Sites.size());
  std::iota(Order.begin(), Order.end(), 0);
  llvm::stable_sort(Order, [&](unsigned A, unsigned B) {
    return std::tie(Sites[A].Line, Sites[A].Col) <
           std::tie(Sites[B].Line, Sites[B].Col);
  });
  std::vector<unsigned> NewIndex(Sites.size());
  for (unsigned I = 0; I < Order.size(); ++I)
    NewIndex[Order[I]] = I;
  auto Renumber = [&](std::vector<unsigned> &V) {
    for (unsigned &X : V)
      X = NewIndex[X];
    llvm::sort(V);
    V.erase(std::unique(V.begin(), V.end()), V.end());
  };
  for (unsigned I : Order) {
    Renumber(Sites[I].Next);
    Out.Calls.push_back(std::move(Sites[I]));
  }
  const std::set<unsigned> &EntryFirst = First[Cfg->getEntry().getBlockID()];
  Out.Entry.assign(EntryFirst.begin(), EntryFirst.end());
  Renumber(Out.Entry);
}

FunctionResult BodyAnalysis::run() {
  FunctionResult Result;
  FunctionSummary &Sum = Result.Summary;
  Sum.Key = TU.functionKey(FD);
  Sum.Name = FD->getNameAsString();
  Sum.File = TU.fileOf(FD->getLocation());
  PresumedLoc P = SM.getPresumedLoc(SM.getExpansionLoc(FD->getLocation()));
  Sum.Line = P.isValid() ? P.getLine() : 0;

  CFG::BuildOptions BO;
  BO.AddImplicitDtors = true; // Emits CFGCleanupFunction for guard().
  BO.setAllAlwaysAdd();       // Every call is its own element, in order.
  Cfg = CFG::buildCFG(FD, FD->getBody(), &FD->getASTContext(), BO);
  if (!Cfg)
    return Result;

  chooseMacroAppliers();
  if (!R.ContextTests.empty() || !R.LastReferenceTests.empty()) {
    ContextTestReader Reader(R, SM, FD->getASTContext().getLangOpts());
    Facts = mustFacts(*Cfg, Reader);
  }
  unsigned N = Cfg->getNumBlockIDs();
  std::vector<LockState> In(N);
  BlockSites.assign(N, {});
  In[Cfg->getEntry().getBlockID()].Reached = true;
  std::vector<const CFGBlock *> Work{&Cfg->getEntry()};
  std::vector<bool> Queued(N, false);
  Queued[Cfg->getEntry().getBlockID()] = true;
  while (!Work.empty()) {
    const CFGBlock *B = Work.back();
    Work.pop_back();
    Queued[B->getBlockID()] = false;
    LockState Out = In[B->getBlockID()];
    transferBlock(*B, Out);
    // Clang links a block ending in a noreturn call (BUG(), panic()) to the
    // exit; nothing after it runs, so it returns no lock to the caller.
    if (B->hasNoReturnElement())
      continue;
    unsigned Idx = 0;
    for (const CFGBlock *S : B->succs()) {
      unsigned I = Idx++;
      if (!S)
        continue;
      if (In[S->getBlockID()].join(edgeState(*B, I, Out)) &&
          !Queued[S->getBlockID()]) {
        Queued[S->getBlockID()] = true;
        Work.push_back(S);
      }
    }
  }

  // One more pass with the fixpoint states, recording every call site and
  // every path into the exit block.
  Recording = true;
  for (const CFGBlock *B : llvm::reverse(*Cfg)) {
    LockState S = In[B->getBlockID()];
    if (!S.Reached)
      continue;
    transferBlock(*B, S);
    if (!B->hasNoReturnElement())
      noteExitPath(*B, S);
  }
  finishCallSites(Sum);
  Result.Effects = exitEffects();
  return Result;
}

FunctionResult fputcheck::analyzeFunction(const FunctionDecl *FD,
                                          TUServices &TU) {
  return BodyAnalysis(FD, TU).run();
}
