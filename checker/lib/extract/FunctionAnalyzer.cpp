//===- FunctionAnalyzer.cpp - Locks held at each call -----------*- C++ -*-===//
//
// The driver: builds the CFG, runs the lock transfer (LockTransfer.h) to a
// fixpoint, then makes one more pass over the fixpoint states in which the
// call recorder (CallRecorder.h) sees every call and the exit effects
// (ExitEffects.h) see every path out.
//
//===----------------------------------------------------------------------===//

#include "extract/FunctionAnalyzer.h"
#include "extract/CallRecorder.h"
#include "extract/ExitEffects.h"
#include "extract/ObjectTags.h"
#include "extract/LockTransfer.h"

#include "clang/AST/ASTContext.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"
#include <cassert>

using namespace clang;
using namespace fputcheck;

/// The state on entry to each block (by ID) when nothing changes any more.
static std::vector<LockState> lockFixpoint(const CFG &Cfg, LockTransfer &T) {
  unsigned N = Cfg.getNumBlockIDs();
  std::vector<LockState> In(N);
  In[Cfg.getEntry().getBlockID()].Reached = true;
  std::vector<const CFGBlock *> Work{&Cfg.getEntry()};
  std::vector<bool> Queued(N, false);
  Queued[Cfg.getEntry().getBlockID()] = true;
  while (!Work.empty()) {
    const CFGBlock *B = Work.back();
    Work.pop_back();
    Queued[B->getBlockID()] = false;
    LockState Out = In[B->getBlockID()];
    T.transferBlock(*B, Out);
    // Clang links a block ending in a noreturn call (BUG(), panic()) to the
    // exit; nothing after it runs, so it returns no lock to the caller.
    if (B->hasNoReturnElement())
      continue;
    unsigned Idx = 0;
    for (const CFGBlock *S : B->succs()) {
      unsigned I = Idx++;
      if (!S)
        continue;
      if (In[S->getBlockID()].join(T.edgeState(*B, I, Out)) &&
          !Queued[S->getBlockID()]) {
        Queued[S->getBlockID()] = true;
        Work.push_back(S);
      }
    }
  }
  return In;
}

FunctionSummary fputcheck::analyzeFunction(const FunctionDecl *FD,
                                           TUServices &TU) {
  assert(FD->getBody() && "only a function with a body is analysed");
  FunctionSummary Sum;
  Sum.Key = TU.functionKey(FD);
  Sum.Name = FD->getNameAsString();
  Sum.File = TU.fileOf(FD->getLocation());
  SourceManager &SM = TU.sourceManager();
  PresumedLoc P = SM.getPresumedLoc(SM.getExpansionLoc(FD->getLocation()));
  Sum.Line = P.isValid() ? P.getLine() : 0;

  CFG::BuildOptions BO;
  BO.AddImplicitDtors = true; // Emits CFGCleanupFunction for guard().
  BO.setAllAlwaysAdd();       // Every call is its own element, in order.
  std::unique_ptr<CFG> Cfg =
      CFG::buildCFG(FD, FD->getBody(), &FD->getASTContext(), BO);
  if (!Cfg)
    return Sum;

  LockTransfer T(FD, *Cfg, TU);
  std::vector<LockState> In = lockFixpoint(*Cfg, T);

  // One more pass with the fixpoint states, recording every call site and
  // every path into the exit block.
  CallRecorder Calls(FD, *Cfg, TU);
  ExitEffects Exits(FD, *Cfg, T);
  for (const CFGBlock *B : llvm::reverse(*Cfg)) {
    LockState S = In[B->getBlockID()];
    if (!S.Reached)
      continue;
    T.transferBlock(*B, S, &Calls);
    Exits.noteBlockEnd(*B, S);
  }
  Calls.finish(Sum);
  Sum.Effects = Exits.effects();
  Sum.ResultFields = resultFields(FD);
  // The allocator's own write of its result's tag is what gives the tag.
  for (std::string &W : tagWrites(FD->getBody()))
    if (llvm::none_of(Sum.ResultFields,
                      [&](const auto &RF) { return RF.second == W; }))
      Sum.TagWrites.push_back(std::move(W));
  return Sum;
}
