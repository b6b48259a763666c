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
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      return CurrentVars.count(VD);
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
      auto IsZero = [](const Expr *E) {
        const auto *IL = dyn_cast<IntegerLiteral>(E->IgnoreParenImpCasts());
        return IL && IL->getValue() == 0;
      };
      if (BO->getOpcode() == BO_EQ || BO->getOpcode() == BO_NE) {
        const Expr *Other = IsZero(BO->getRHS())   ? BO->getLHS()
                            : IsZero(BO->getLHS()) ? BO->getRHS()
                                                   : nullptr;
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

void ContextTestReader::noteVar(const VarDecl *VD, const Expr *Init) {
  if (isCurrent(Init))
    CurrentVars[VD] = true;
  else if (std::optional<std::string> F = factWhenTrue(Init))
    VarFacts[VD] = *F;
}

std::vector<std::optional<FactSet>>
fputcheck::mustFacts(const CFG &Cfg, ContextTestReader &Reader) {
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
  std::optional<std::string> Fact;
  auto Block = [&](const CFGBlock &B, FactSet &) {
    Fact.reset();
    if (const Expr *Cond = branchCondition(B))
      Fact = Reader.factWhenTrue(Cond);
  };
  auto Edge = [&](const CFGBlock &, unsigned I, FactSet &Out) {
    if (Fact)
      Out.insert(I == 0 ? *Fact : negateFact(*Fact));
  };
  std::vector<std::optional<FactSet>> In =
      mustSets<std::string>(Cfg, Block, Edge);
  // Calls on the way to BUG() (printk(), then panic()) lead nowhere; they
  // state no context, and would contradict the test that guards the calls
  // after it. A block is on the way when no path from it returns.
  std::vector<bool> Returns(N, false);
  Returns[Cfg.getExit().getBlockID()] = true;
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
