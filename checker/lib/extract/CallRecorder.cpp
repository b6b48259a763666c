//===- CallRecorder.cpp - Call sites and what holds at each -----*- C++ -*-===//

#include "extract/CallRecorder.h"
#include "extract/FieldStates.h"
#include "extract/GlobalTables.h"
#include "extract/HeldRefs.h"
#include "extract/LocalWrites.h"
#include "extract/LockExpr.h"
#include "extract/ObjectStores.h"
#include "extract/ObjectTags.h"
#include "extract/ReturnRanges.h"
#include "extract/StructName.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"
#include <algorithm>
#include <cassert>
#include <numeric>
#include <set>
#include <tuple>

using namespace clang;
using namespace fputcheck;

CallRecorder::CallRecorder(const FunctionDecl *FD, const CFG &Cfg,
                           TUServices &TU)
    : FD(FD), Cfg(Cfg), TU(TU), R(TU.rules()), SM(TU.sourceManager()),
      Locals(FD, R), BlockSites(Cfg.getNumBlockIDs()) {
  ContextTestReader Reader(R, SM, FD->getASTContext().getLangOpts());
  Written = writtenLocals(FD);
  TagTestReader Tags(FD, Written);
  Reader.readTags(&Tags);
  FieldTestReader FieldTests(FD);
  Reader.readFields(&FieldTests);
  Facts = mustFacts(Cfg, Reader, &AfterCalls);
  Fields = std::make_unique<FieldStates>(fieldStates(
      FD, Cfg, [&](const FunctionDecl *F) { return TU.functionKey(F); },
      [&](const FunctionDecl *F) { return TU.rangesOf(F); }));
  HeldRefs = heldRefArgs(FD, Cfg, R);
  Containers = containerCalls(FD);
}

CallRecorder::~CallRecorder() = default;

void CallRecorder::onCall(const CallExpr *CE, const LockState &S,
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
    // A pointer copied into a local never written again is still the
    // field's: the kernel's INDIRECT_CALL_2(req->io_task_work.func, ...)
    // calls `__f1(...)` after `typeof(f) __f2 = (f); typeof(f) __f1 =
    // (__f2);`, and `fn = ops->op; ... fn(x)` is common.
    for (unsigned Depth = 0; Depth < 4; ++Depth) {
      const Expr *Init = throughLocal(E, Written)->IgnoreParenCasts();
      if (Init == E)
        break;
      E = Init;
    }
    const auto *ME = dyn_cast<MemberExpr>(E);
    const auto *Field = ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
    if (!Field)
      return; // A call through a plain pointer variable: unresolved.
    std::string Struct = structName(Field->getParent());
    if (Struct.empty())
      return;
    C.Struct = Struct;
    C.Field = Field->getName().str();
    if (const VarDecl *Table = tableOf(ME->getBase(), FD))
      C.Object = TU.objectKey(Table);
    else
      C.Via = viaOf(ME->getBase(), FD);
  }
  PresumedLoc P = SM.getPresumedLoc(SM.getExpansionLoc(CE->getBeginLoc()));
  if (P.isValid()) {
    C.Line = P.getLine();
    C.Col = P.getColumn();
  }
  bool AnyKey = false;
  for (unsigned I = 0; I < CE->getNumArgs(); ++I) {
    const Expr *Arg = CE->getArg(I);
    // Named as the lock analysis names what is held (LockTransfer.h).
    C.ArgKeys.push_back(
        Locals.resolve(lockRefFor(Arg, FD, /*WantText=*/false, &R).Key));
    AnyKey |= !C.ArgKeys.back().empty();
    const Expr *A = Arg->IgnoreParenCasts();
    if (const auto *UO = dyn_cast<UnaryOperator>(A);
        UO && UO->getOpcode() == UO_AddrOf)
      A = UO->getSubExpr()->IgnoreParenCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(A))
      if (const auto *Fn = dyn_cast<FunctionDecl>(DRE->getDecl()))
        C.FnArgs.emplace_back(I, TU.functionKey(Fn));
    if (std::string O = argObject(Arg, Written); !O.empty())
      C.ArgObjects.emplace_back(I, std::move(O));
  }
  if (auto It = Containers.find(CE); It != Containers.end()) {
    C.Into = It->second;
    const ASTContext &Ctx = FD->getASTContext();
    for (unsigned I = 0; I < CE->getNumArgs(); ++I) {
      const Expr *Arg = CE->getArg(I);
      Expr::EvalResult V;
      if (Arg->getType()->isIntegralOrEnumerationType() &&
          !Arg->isValueDependent() && Arg->EvaluateAsInt(V, Ctx))
        C.ConstArgs.emplace_back(I,
                                 std::to_string(V.Val.getInt().getExtValue()));
    }
  }
  if (!AnyKey)
    C.ArgKeys.clear();
  if (auto It = HeldRefs.find(CE); It != HeldRefs.end())
    C.HeldRefArgs = It->second;
  if (auto It = Fields->Args.find(CE); It != Fields->Args.end())
    C.ArgFields = It->second;
  if (auto It = Fields->ReadOnly.find(CE); It != Fields->ReadOnly.end())
    C.ReadOnlyArgs = It->second;
  recordSite(std::move(C), S, BlockID, CE);
}

void CallRecorder::onCleanup(const CFGCleanupFunction &CF, const LockState &S,
                             unsigned BlockID) {
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

void CallRecorder::recordSite(CallSite C, const LockState &S,
                              unsigned BlockID, const Stmt *At) {
  assert(S.Reached && BlockID < BlockSites.size());
  for (const auto &[K, L] : S.Held)
    C.Held.push_back(L);
  C.Released.assign(S.Released.begin(), S.Released.end());
  if (BlockID < Facts.size() && Facts[BlockID]) {
    FactSet G = *Facts[BlockID];
    if (auto It = AfterCalls.find(At); At && It != AfterCalls.end())
      G.insert(It->second.begin(), It->second.end());
    C.Guards.assign(G.begin(), G.end());
  }
  BlockSites[BlockID].push_back(Sites.size());
  Sites.push_back(std::move(C));
}

void CallRecorder::finish(FunctionSummary &Out) {
  assert(Out.Calls.empty() && Out.Entry.empty() && "finish() runs once");
  // First call sites reachable from each block, through blocks without calls.
  unsigned N = Cfg.getNumBlockIDs();
  std::vector<std::set<unsigned>> First(N);
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (const CFGBlock *B : Cfg) {
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
  for (const CFGBlock *B : Cfg) {
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
  const std::set<unsigned> &EntryFirst = First[Cfg.getEntry().getBlockID()];
  Out.Entry.assign(EntryFirst.begin(), EntryFirst.end());
  Renumber(Out.Entry);
  Out.SuccessFields = std::move(Fields->Success);
  Out.FieldClears = std::move(Fields->Clears);
  ReturnRanges Ranges = returnRanges(FD, Cfg);
  Out.NonZeroIf = std::move(Ranges.NonZeroIf);
  Out.ZeroIf = std::move(Ranges.ZeroIf);
}
