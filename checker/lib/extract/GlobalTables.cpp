//===- GlobalTables.cpp - Calls through constant global tables ------------===//

#include "extract/GlobalTables.h"
#include "extract/LocalWrites.h"

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
  return directTable(throughLocal(Base, FD));
}
