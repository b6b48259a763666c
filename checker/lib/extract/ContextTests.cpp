//===- ContextTests.cpp - What branches say about the running context -----===//

#include "extract/ContextTests.h"
#include "extract/BranchConditions.h"
#include "extract/FieldStates.h"
#include "extract/MustSets.h"
#include "extract/ObjectTags.h"

#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/Builtins.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;
using namespace fputcheck;

const char *const fputcheck::LastRefPrefix = "last:";

std::string fputcheck::negateFact(const std::string &Fact) {
  return (Fact[0] == '+' ? "-" : "+") + Fact.substr(1);
}

/// The side of `x == 0` / `0 != x` that is not the literal zero, or null.
static const Expr *comparedWithZero(const BinaryOperator *BO) {
  auto IsZero = [](const Expr *E) {
    const auto *IL = dyn_cast<IntegerLiteral>(E->IgnoreParenImpCasts());
    return IL && IL->getValue() == 0;
  };
  return IsZero(BO->getRHS())   ? BO->getLHS()
         : IsZero(BO->getLHS()) ? BO->getRHS()
                                : nullptr;
}

std::string ContextTestReader::wholeMacro(const Expr *E) const {
  SourceLocation B = E->getBeginLoc(), En = E->getEndLoc();
  if (!B.isMacroID() || !En.isMacroID())
    return "";
  // The innermost macro whose expansion produced the first token, and the
  // expression must run from that expansion's first token to its last.
  StringRef Name = Lexer::getImmediateMacroName(B, SM, LO);
  const ContextTest *T = R.contextTest(Name);
  if (!T || T->Macro.empty())
    return "";
  SourceLocation Begin, End;
  if (!Lexer::isAtStartOfMacroExpansion(B, SM, LO, &Begin) ||
      !Lexer::isAtEndOfMacroExpansion(En, SM, LO, &End))
    return "";
  return Name.str();
}

bool ContextTestReader::isCurrent(const Expr *E) const {
  E = E->IgnoreParenCasts();
  if (const auto *CE = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *FD = CE->getDirectCallee();
    return FD && FD->getIdentifier() && R.isCurrentTask(FD->getName());
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *PVD = dyn_cast<ParmVarDecl>(DRE->getDecl()))
      return CurrentParams.count(PVD);
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      return CurrentVars.count(VD);
  }
  return false;
}

bool ContextTestReader::isTaskFlags(const Expr *E) const {
  const auto *ME = dyn_cast<MemberExpr>(E->IgnoreParenCasts());
  if (!ME)
    return false;
  const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
  if (!FD || !FD->getIdentifier())
    return false;
  auto [Struct, Field] = StringRef(R.TaskFlagsField).split('.');
  return FD->getName() == Field && FD->getParent()->getName() == Struct &&
         isCurrent(ME->getBase());
}

std::string ContextTestReader::flagMacro(const Expr *E) const {
  // PF_KTHREAD may sit inside BUG_ON()'s argument: walk out through every
  // macro the constant came from.
  SourceLocation L = E->getBeginLoc();
  while (L.isMacroID()) {
    StringRef Name = Lexer::getImmediateMacroName(L, SM, LO);
    if (const ContextTest *T = R.contextTest(Name); T && !T->Flag.empty())
      return Name.str();
    L = SM.getImmediateMacroCallerLoc(L);
  }
  return "";
}

std::optional<std::string>
ContextTestReader::factWhenTrue(const Expr *C) const {
  bool Same = true;
  while (C) {
    if (std::string M = wholeMacro(C); !M.empty())
      return (Same ? "+" : "-") + M;
    if (const auto *PE = dyn_cast<ParenExpr>(C)) {
      C = PE->getSubExpr();
    } else if (const auto *CE = dyn_cast<CastExpr>(C)) {
      C = CE->getSubExpr();
    } else if (const auto *SE = dyn_cast<StmtExpr>(C)) {
      // ({ ...; __ret; }) from WARN_ON(): its value is the last statement.
      const CompoundStmt *CS = SE->getSubStmt();
      C = CS->body_empty() ? nullptr : dyn_cast<Expr>(CS->body_back());
    } else if (const auto *UO = dyn_cast<UnaryOperator>(C);
               UO && UO->getOpcode() == UO_LNot) {
      Same = !Same;
      C = UO->getSubExpr();
    } else if (const auto *Call = dyn_cast<CallExpr>(C);
               Call && Call->getBuiltinCallee() == Builtin::BI__builtin_expect &&
               Call->getNumArgs() > 0) {
      C = Call->getArg(0); // unlikely(x)
    } else if (const auto *Call = dyn_cast<CallExpr>(C)) {
      // if (atomic_dec_and_test(&files->count)) close_files(files);
      const FunctionDecl *FD = Call->getDirectCallee();
      if (FD && FD->getIdentifier() && R.isLastReferenceTest(FD->getName()))
        return (Same ? "+" : "-") + (LastRefPrefix + FD->getName()).str();
      return std::nullopt;
    } else if (const auto *BO = dyn_cast<BinaryOperator>(C)) {
      if (BO->getOpcode() == BO_EQ || BO->getOpcode() == BO_NE) {
        const Expr *Other = comparedWithZero(BO);
        if (!Other) {
          // `obj->type == IOMMUFD_OBJ_FAULT`: holds when they are equal.
          std::optional<std::string> F =
              Tags ? Tags->equalityTest(BO->getLHS(), BO->getRHS())
                   : std::nullopt;
          if (F && BO->getOpcode() == BO_NE)
            Same = !Same;
          return F ? std::optional((Same ? "+" : "-") + *F) : std::nullopt;
        }
        if (BO->getOpcode() == BO_EQ)
          Same = !Same;
        C = Other;
        continue;
      }
      if (BO->getOpcode() != BO_And)
        return std::nullopt;
      for (auto [Flags, Bit] : {std::pair(BO->getLHS(), BO->getRHS()),
                                std::pair(BO->getRHS(), BO->getLHS())})
        if (isTaskFlags(Flags))
          if (std::string F = flagMacro(Bit); !F.empty())
            return (Same ? "+" : "-") + F;
      return std::nullopt;
    } else if (const auto *DRE = dyn_cast<DeclRefExpr>(C)) {
      const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
      auto It = VD ? VarFacts.find(VD) : VarFacts.end();
      if (It == VarFacts.end())
        return std::nullopt;
      return Same ? It->second : negateFact(It->second);
    } else if (std::optional<std::string> F =
                   Tags ? Tags->entryTest(C) : std::nullopt) {
      return (Same ? "+" : "-") + *F; // `if (ops->file_offset)`
    } else if (std::optional<std::string> F =
                   Fields ? Fields->test(C) : std::nullopt) {
      return (Same ? "+" : "-") + *F; // `if (!fhp->fh_dentry)`
    } else {
      return std::nullopt;
    }
  }
  return std::nullopt;
}

ContextTestReader::EdgeFacts
ContextTestReader::edgeFacts(const Expr *Cond) const {
  return edgeFactsIn(Cond, 0);
}

ContextTestReader::EdgeFacts
ContextTestReader::edgeFactsIn(const Expr *C, unsigned Depth) const {
  // Helpers of helpers are read this deep; a kernel predicate is one or two.
  constexpr unsigned MaxDepth = 2;
  EdgeFacts Out;
  if (!C)
    return Out;
  if (Depth == 0) {
    if (std::optional<std::string> F = factWhenTrue(C)) {
      Out.True.insert(*F);
      Out.False.insert(negateFact(*F));
      return Out;
    }
  } else if (std::string M = wholeMacro(C); !M.empty()) {
    Out.True.insert("+" + M);
    Out.False.insert("-" + M);
    return Out;
  }
  C = C->IgnoreParens();
  if (const auto *CE = dyn_cast<CastExpr>(C))
    return edgeFactsIn(CE->getSubExpr(), Depth);
  if (const auto *SE = dyn_cast<StmtExpr>(C)) {
    const CompoundStmt *CS = SE->getSubStmt();
    return edgeFactsIn(
        CS->body_empty() ? nullptr : dyn_cast<Expr>(CS->body_back()), Depth);
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(C);
      UO && UO->getOpcode() == UO_LNot) {
    EdgeFacts In = edgeFactsIn(UO->getSubExpr(), Depth);
    std::swap(In.True, In.False);
    return In;
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(C)) {
    auto Meet = [](const FactSet &A, const FactSet &B) {
      FactSet Both;
      for (const std::string &F : A)
        if (B.count(F))
          Both.insert(F);
      return Both;
    };
    if (BO->getOpcode() == BO_LOr || BO->getOpcode() == BO_LAnd) {
      EdgeFacts L = edgeFactsIn(BO->getLHS(), Depth);
      EdgeFacts R = edgeFactsIn(BO->getRHS(), Depth);
      // a || b is false when both are; true when either is.
      bool Or = BO->getOpcode() == BO_LOr;
      FactSet &Both = Or ? Out.False : Out.True;
      FactSet &Either = Or ? Out.True : Out.False;
      Both = Or ? L.False : L.True;
      for (const std::string &F : Or ? R.False : R.True)
        Both.insert(F);
      Either = Or ? Meet(L.True, R.True) : Meet(L.False, R.False);
      return Out;
    }
    if (BO->getOpcode() == BO_EQ || BO->getOpcode() == BO_NE) {
      // helper(ctx) == 0: the helper's facts, edges swapped.
      const Expr *Other = comparedWithZero(BO);
      if (!Other)
        return Out;
      EdgeFacts In = edgeFactsIn(Other, Depth);
      if (BO->getOpcode() == BO_EQ)
        std::swap(In.True, In.False);
      return In;
    }
    if (BO->getOpcode() == BO_And) {
      // current->flags & (PF_KTHREAD | PF_EXITING) is zero only when every
      // one of the bits is clear, and nonzero says which only for one bit.
      for (auto [Flags, Bits] : {std::pair(BO->getLHS(), BO->getRHS()),
                                 std::pair(BO->getRHS(), BO->getLHS())}) {
        if (!isTaskFlags(Flags))
          continue;
        std::vector<const Expr *> Work{Bits};
        std::vector<std::string> Named;
        unsigned Leaves = 0;
        while (!Work.empty()) {
          const Expr *E = Work.back()->IgnoreParenCasts();
          Work.pop_back();
          if (const auto *Or = dyn_cast<BinaryOperator>(E);
              Or && Or->getOpcode() == BO_Or) {
            Work.push_back(Or->getLHS());
            Work.push_back(Or->getRHS());
            continue;
          }
          ++Leaves;
          if (std::string F = flagMacro(E); !F.empty())
            Named.push_back(F);
        }
        for (const std::string &F : Named)
          Out.False.insert("-" + F);
        if (Leaves == 1 && Named.size() == 1)
          Out.True.insert("+" + Named.front());
        return Out;
      }
      return Out;
    }
    return Out;
  }
  if (const auto *Call = dyn_cast<CallExpr>(C)) {
    if (Call->getBuiltinCallee() == Builtin::BI__builtin_expect &&
        Call->getNumArgs() > 0)
      return edgeFactsIn(Call->getArg(0), Depth);
    // A predicate helper: `static inline bool io_should_terminate_tw(...)
    // { return (current->flags & ...) || ...; }`.
    const FunctionDecl *FD = Call->getDirectCallee();
    const FunctionDecl *Def = FD ? FD->getDefinition() : nullptr;
    const auto *Body = Def ? dyn_cast_or_null<CompoundStmt>(Def->getBody())
                           : nullptr;
    if (Depth >= MaxDepth || !Body || Body->size() != 1)
      return Out;
    if (const auto *Ret = dyn_cast<ReturnStmt>(Body->body_front()))
      return edgeFactsIn(Ret->getRetValue(), Depth + 1);
  }
  return Out;
}

bool ContextTestReader::endsInTerminal(const CFGBlock &B) const {
  for (const CFGElement &E : B) {
    auto CS = E.getAs<CFGStmt>();
    const auto *CE = CS ? dyn_cast<CallExpr>(CS->getStmt()) : nullptr;
    const FunctionDecl *FD = CE ? CE->getDirectCallee() : nullptr;
    if (!FD || !FD->isNoReturn())
      continue;
    // __builtin_unreachable() after the BUG() trap, or panic().
    if (FD->getBuiltinID() || !FD->getIdentifier() ||
        R.isBarrier(FD->getName()))
      return true;
    return false;
  }
  return true; // No noreturn call: an unreachable() or a trap.
}

bool ContextTestReader::isWarningBranch(const CFGBlock &B) const {
  const auto *If = dyn_cast_or_null<IfStmt>(B.getTerminatorStmt());
  if (!If)
    return false;
  bool Warning = false;
  for (SourceLocation L = If->getIfLoc(); L.isMacroID() && !Warning;
       L = SM.getImmediateMacroCallerLoc(L))
    Warning = R.isWarning(Lexer::getImmediateMacroName(L, SM, LO));
  // WARN_ON_ONCE(1) states nothing: its warning is the path taken. Only a
  // test of the running context is an assertion here; a warning about a
  // count or a field is an ordinary branch.
  if (!Warning)
    return false;
  return llvm::any_of(edgeFacts(If->getCond()).True,
                      [&](const std::string &F) {
                        return R.contextTest(StringRef(F).drop_front());
                      });
}

FactSet ContextTestReader::factsAfterCall(const CallExpr *CE) const {
  // One call deep: to_kthread(current) in kthread_exit().
  if (CallDepth > 0)
    return {};
  const FunctionDecl *FD = CE->getDirectCallee();
  const FunctionDecl *Def = FD ? FD->getDefinition() : nullptr;
  if (!Def || !Def->hasBody() || Def->getNumParams() != CE->getNumArgs())
    return {};
  unsigned Mask = 0;
  for (unsigned I = 0; I < CE->getNumArgs() && I < 32; ++I)
    if (isCurrent(CE->getArg(I)))
      Mask |= 1u << I;
  if (!Mask)
    return {};
  auto [It, New] = AfterCalls.try_emplace({Def, Mask});
  if (!New)
    return It->second;
  CFG::BuildOptions BO;
  BO.setAllAlwaysAdd();
  std::unique_ptr<CFG> Cfg = CFG::buildCFG(Def, Def->getBody(),
                                           &Def->getASTContext(), BO);
  if (!Cfg)
    return {};
  ContextTestReader Callee(R, SM, LO);
  Callee.CallDepth = CallDepth + 1;
  for (unsigned I = 0; I < Def->getNumParams() && I < 32; ++I)
    if (Mask & (1u << I))
      Callee.CurrentParams[Def->getParamDecl(I)] = true;
  std::vector<std::optional<FactSet>> In = mustFacts(*Cfg, Callee);
  const std::optional<FactSet> &AtExit = In[Cfg->getExit().getBlockID()];
  FactSet Out;
  // Only what the callee says of the running context: its reference
  // counts and its parameters' objects are its own.
  for (const std::string &F : AtExit ? *AtExit : FactSet())
    if (R.contextTest(StringRef(F).drop_front()))
      Out.insert(F);
  It->second = Out;
  return Out;
}

void ContextTestReader::noteVar(const VarDecl *VD, const Expr *Init) {
  if (isCurrent(Init))
    CurrentVars[VD] = true;
  else if (std::optional<std::string> F = factWhenTrue(Init))
    VarFacts[VD] = *F;
}

std::vector<std::optional<FactSet>>
fputcheck::mustFacts(const CFG &Cfg, ContextTestReader &Reader,
                     std::map<const Stmt *, FactSet> *AfterCalls) {
  unsigned N = Cfg.getNumBlockIDs();
  // Locals first: `struct task_struct *task = current;` and WARN_ON()'s
  // `__ret_warn_on = !!(cond)` are read before the branches that use them.
  for (const CFGBlock *B : Cfg)
    for (const CFGElement &E : *B)
      if (auto CS = E.getAs<CFGStmt>())
        if (const auto *DS = dyn_cast<DeclStmt>(CS->getStmt()))
          for (const Decl *D : DS->decls())
            if (const auto *VD = dyn_cast<VarDecl>(D); VD && VD->getInit())
              Reader.noteVar(VD, VD->getInit());

  // A branch on a context test adds its fact to each edge: succ 0 is the
  // edge where the condition is nonzero.
  // What calls in a block say once they return (to_kthread(current)):
  // for the blocks after it, and for the later calls of its own block.
  std::vector<FactSet> Gens(N);
  for (const CFGBlock *B : Cfg) {
    FactSet Acc;
    for (const CFGElement &E : *B) {
      auto CS = E.getAs<CFGStmt>();
      const auto *CE = CS ? dyn_cast<CallExpr>(CS->getStmt()) : nullptr;
      if (!CE)
        continue;
      if (AfterCalls && !Acc.empty())
        (*AfterCalls)[CE] = Acc;
      for (const std::string &F : Reader.factsAfterCall(CE))
        Acc.insert(F);
    }
    Gens[B->getBlockID()] = std::move(Acc);
  }
  ContextTestReader::EdgeFacts Facts;
  bool Warning = false;
  auto Block = [&](const CFGBlock &B, FactSet &AtEnd) {
    for (const std::string &F : Gens[B.getBlockID()])
      AtEnd.insert(F);
    Facts = {};
    Warning = false;
    if (const Expr *Cond = branchCondition(B)) {
      Facts = Reader.edgeFacts(Cond);
      Warning = Reader.isWarningBranch(B);
    }
  };
  auto Edge = [&](const CFGBlock &, unsigned I, FactSet &Out) {
    // A warning's own path is the bug it reports (WARN_ON() of a context
    // test): the code after it is meant for where the test fails.
    if (I == 0 && Warning)
      return false;
    // Succ 0 is the edge where the condition is nonzero; a branch has two.
    if (I < 2)
      for (const std::string &F : I == 0 ? Facts.True : Facts.False)
        Out.insert(F);
    return true;
  };
  std::vector<std::optional<FactSet>> In =
      mustSets<std::string>(Cfg, Block, Edge);
  // Calls on the way to BUG() (printk(), then panic()) lead nowhere; they
  // state no context, and would contradict the test that guards the calls
  // after it. A block is on the way when no path from it returns, or ends
  // in a call that does not either (do_exit() runs the exit path: its
  // block is a real way on).
  std::vector<bool> Returns(N, false);
  Returns[Cfg.getExit().getBlockID()] = true;
  for (const CFGBlock *B : Cfg)
    if (B->hasNoReturnElement() && !Reader.endsInTerminal(*B))
      Returns[B->getBlockID()] = true;
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (const CFGBlock *B : Cfg) {
      if (Returns[B->getBlockID()] || B->hasNoReturnElement())
        continue;
      if (llvm::any_of(B->succs(), [&](const CFGBlock *S) {
            return S && Returns[S->getBlockID()];
          }))
        Changed = Returns[B->getBlockID()] = true;
    }
  }
  for (const CFGBlock *B : Cfg)
    if (!Returns[B->getBlockID()])
      In[B->getBlockID()].reset();
  return In;
}
