//===- GlobalTables.cpp - Calls through constant global tables ------------===//

#include "GlobalTables.h"

#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;
using namespace fputcheck;

bool fputcheck::isConstantTable(const VarDecl *VD) {
  if (!VD || !VD->hasGlobalStorage() || VD->isStaticLocal())
    return false;
  QualType T = VD->getType();
  while (const ArrayType *AT = T->getAsArrayTypeUnsafe())
    T = AT->getElementType();
  return T.isConstQualified() && T->isRecordType();
}

namespace {
/// Whether a local is written after its initialisation anywhere in a body.
class Writes : public RecursiveASTVisitor<Writes> {
public:
  explicit Writes(const VarDecl *VD) : VD(VD) {}
  bool Found = false;

  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->isAssignmentOp() && refersTo(BO->getLHS()))
      Found = true;
    return !Found;
  }
  bool VisitUnaryOperator(UnaryOperator *UO) {
    // ++/--, or its address taken (then anything may write it).
    if ((UO->isIncrementDecrementOp() || UO->getOpcode() == UO_AddrOf) &&
        refersTo(UO->getSubExpr()))
      Found = true;
    return !Found;
  }

private:
  bool refersTo(const Expr *E) const {
    const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
    return DRE && DRE->getDecl() == VD;
  }
  const VarDecl *VD;
};
} // namespace

/// The constant table \p E names directly: `tbl`, `tbl[i]` or `&tbl[i]`.
static const VarDecl *directTable(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_AddrOf)
    E = UO->getSubExpr()->IgnoreParenImpCasts();
  while (const auto *AS = dyn_cast<ArraySubscriptExpr>(E))
    E = AS->getBase()->IgnoreParenImpCasts();
  const auto *DRE = dyn_cast<DeclRefExpr>(E);
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  return isConstantTable(VD) ? VD : nullptr;
}

const VarDecl *fputcheck::tableOf(const Expr *Base, const FunctionDecl *FD) {
  if (const VarDecl *T = directTable(Base))
    return T;
  const auto *DRE = dyn_cast<DeclRefExpr>(Base->IgnoreParenImpCasts());
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!VD || !VD->hasLocalStorage() || isa<ParmVarDecl>(VD) || !VD->getInit())
    return nullptr;
  const VarDecl *T = directTable(VD->getInit());
  if (!T || !FD->getBody())
    return nullptr;
  Writes W(VD);
  W.TraverseStmt(FD->getBody());
  return W.Found ? nullptr : T;
}
