//===- BranchConditions.cpp - Tests that mean the same each time ----------===//

#include "extract/BranchConditions.h"
#include "extract/LocalWrites.h"

#include "clang/AST/ASTContext.h"
#include "clang/Basic/Builtins.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang;
using namespace fputcheck;

StableConditions::StableConditions(const FunctionDecl *FD)
    : Ctx(FD->getASTContext()), Written(writtenLocals(FD)) {}

bool StableConditions::isStable(const VarDecl *VD) const {
  if (!VD->hasLocalStorage() || Written.count(VD))
    return false;
  QualType T = VD->getType();
  if (T.isVolatileQualified() || !T->isScalarType())
    return false;
  // A local with no initializer is only ever set by a write, and is then
  // written; a parameter is set by the call.
  return isa<ParmVarDecl>(VD) || VD->getInit();
}

std::string StableConditions::token(const VarDecl *VD) {
  // Braces delimit it, so one variable's token is never part of another's.
  return "{" + VD->getName().str() + "@" +
         std::to_string(VD->getLocation().getRawEncoding()) + "}";
}

static bool isZero(const Expr *E, const ASTContext &Ctx) {
  Expr::EvalResult R;
  return !E->isValueDependent() && E->EvaluateAsInt(R, Ctx) &&
         R.Val.getInt().isZero();
}

const Expr *fputcheck::truthOf(const Expr *Cond, bool &Same,
                               const ASTContext &Ctx) {
  Same = true;
  const Expr *C = Cond;
  while (true) {
    C = C->IgnoreParenImpCasts();
    if (const auto *CE = dyn_cast<CallExpr>(C);
        CE && CE->getBuiltinCallee() == Builtin::BI__builtin_expect &&
        CE->getNumArgs() == 2) {
      C = CE->getArg(0);
      continue;
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(C);
        UO && UO->getOpcode() == UO_LNot) {
      Same = !Same;
      C = UO->getSubExpr();
      continue;
    }
    const auto *BO = dyn_cast<BinaryOperator>(C);
    if (!BO || !BO->isEqualityOp())
      return C;
    const Expr *Other = isZero(BO->getRHS(), Ctx)   ? BO->getLHS()
                        : isZero(BO->getLHS(), Ctx) ? BO->getRHS()
                                                    : nullptr;
    if (!Other)
      return C;
    if (BO->getOpcode() == BO_EQ)
      Same = !Same;
    C = Other;
  }
}

const Expr *fputcheck::branchCondition(const CFGBlock &B) {
  if (B.succ_size() != 2)
    return nullptr;
  // As written: getLastCondition() strips the parentheses that make
  // `(irq_count())` the whole of in_interrupt().
  if (const auto *Cond = dyn_cast_or_null<Expr>(
          B.getTerminatorCondition(/*StripParens=*/false)))
    return Cond;
  return B.getLastCondition();
}

std::optional<BranchCondition>
StableConditions::read(const Expr *Cond) const {
  bool Same;
  const Expr *C = truthOf(Cond, Same, Ctx);
  std::string Key;
  bool HasVar = false;
  // A test of constants alone is decided by the CFG already.
  if (!atom(C, Key, HasVar) || !HasVar)
    return std::nullopt;
  return BranchCondition{std::move(Key), Same};
}

bool StableConditions::atom(const Expr *E, std::string &Out,
                            bool &HasVar) const {
  E = E->IgnoreParenImpCasts();
  if (E->isValueDependent())
    return false;
  if (std::optional<llvm::APSInt> V = E->getIntegerConstantExpr(Ctx)) {
    Out += llvm::toString(*V, 10);
    return true;
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (!VD || !isStable(VD))
      return false;
    Out += token(VD);
    HasVar = true;
    return true;
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    switch (UO->getOpcode()) {
    case UO_LNot:
    case UO_Not:
    case UO_Minus:
      Out += UnaryOperator::getOpcodeStr(UO->getOpcode()).str() + "(";
      if (!atom(UO->getSubExpr(), Out, HasVar))
        return false;
      Out += ")";
      return true;
    default:
      return false;
    }
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    // Operators that read their operands and write nothing.
    if (BO->isAssignmentOp() || BO->isCommaOp() || BO->isPtrMemOp())
      return false;
    Out += "(";
    if (!atom(BO->getLHS(), Out, HasVar))
      return false;
    Out += BO->getOpcodeStr().str();
    if (!atom(BO->getRHS(), Out, HasVar))
      return false;
    Out += ")";
    return true;
  }
  return false;
}
