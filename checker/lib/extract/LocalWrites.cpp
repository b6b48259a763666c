//===- LocalWrites.cpp - Locals that change after their initialiser -------===//

#include "extract/LocalWrites.h"

#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;
using namespace fputcheck;

namespace {
struct Finder : RecursiveASTVisitor<Finder> {
  llvm::DenseSet<const VarDecl *> Written;
  void written(const Expr *E, bool AddressOf) {
    const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
    const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    if (VD && !(AddressOf && VD->getType()->isRecordType()))
      Written.insert(VD);
  }
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->isAssignmentOp())
      written(BO->getLHS(), false);
    return true;
  }
  // OPTIMIZER_HIDE_VAR() and friends write a variable through an asm output.
  bool VisitGCCAsmStmt(GCCAsmStmt *AS) {
    for (const Expr *Out : AS->outputs())
      written(Out, false);
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *UO) {
    if (UO->isIncrementDecrementOp())
      written(UO->getSubExpr(), false);
    else if (UO->getOpcode() == UO_AddrOf)
      written(UO->getSubExpr(), true);
    return true;
  }
};
} // namespace

namespace {
/// The local \p E names, if it has an initializer; null otherwise.
const VarDecl *initialisedLocal(const Expr *E) {
  const auto *DRE = dyn_cast<DeclRefExpr>(E);
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!VD || !VD->hasLocalStorage() || isa<ParmVarDecl>(VD) || !VD->getInit())
    return nullptr;
  return VD;
}
} // namespace

const Expr *fputcheck::throughLocal(const Expr *E, const FunctionDecl *FD) {
  E = E->IgnoreParenImpCasts();
  const VarDecl *VD = initialisedLocal(E);
  if (!VD || !FD->getBody() || writtenLocals(FD).count(VD))
    return E;
  return VD->getInit()->IgnoreParenImpCasts();
}

const Expr *
fputcheck::throughLocal(const Expr *E,
                        const llvm::DenseSet<const VarDecl *> &Written) {
  E = E->IgnoreParenImpCasts();
  const VarDecl *VD = initialisedLocal(E);
  if (!VD || Written.count(VD))
    return E;
  return VD->getInit()->IgnoreParenImpCasts();
}

llvm::DenseSet<const VarDecl *>
fputcheck::writtenLocals(const FunctionDecl *FD) {
  Finder F;
  if (FD->getBody())
    F.TraverseStmt(FD->getBody());
  return std::move(F.Written);
}

static const VarDecl *namedVar(const Expr *E) {
  const auto *DRE =
      dyn_cast_or_null<DeclRefExpr>(E ? E->IgnoreParenCasts() : nullptr);
  return DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
}

llvm::DenseSet<const VarDecl *>
fputcheck::copiedOrAddressed(const Stmt *Body) {
  llvm::DenseSet<const VarDecl *> Out;
  forEachStmt(Body, [&](const Stmt *S) {
    if (const auto *UO = dyn_cast<UnaryOperator>(S);
        UO && UO->getOpcode() == UO_AddrOf)
      Out.insert(namedVar(UO->getSubExpr()));
    if (const auto *BO = dyn_cast<BinaryOperator>(S);
        BO && BO->getOpcode() == BO_Assign)
      Out.insert(namedVar(BO->getRHS()));
    if (const auto *DS = dyn_cast<DeclStmt>(S))
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D))
          Out.insert(namedVar(VD->getInit()));
    return true;
  });
  return Out;
}

bool fputcheck::forEachStmt(const Stmt *Body,
                            llvm::function_ref<bool(const Stmt *)> Visit) {
  std::vector<const Stmt *> Work{Body};
  while (!Work.empty()) {
    const Stmt *S = Work.back();
    Work.pop_back();
    if (!S)
      continue;
    if (!Visit(S))
      return false;
    for (const Stmt *C : S->children())
      Work.push_back(C);
  }
  return true;
}

llvm::DenseSet<const VarDecl *>
fputcheck::indirectlyWritten(const Stmt *Body) {
  llvm::DenseSet<const VarDecl *> Out;
  auto Name = [&](const Expr *E) {
    const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
    if (const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr)
      Out.insert(VD);
  };
  forEachStmt(Body, [&](const Stmt *S) {
    if (const auto *UO = dyn_cast<UnaryOperator>(S);
        UO && UO->getOpcode() == UO_AddrOf)
      Name(UO->getSubExpr());
    if (const auto *AS = dyn_cast<GCCAsmStmt>(S))
      for (const Expr *O : AS->outputs())
        Name(O);
    return true;
  });
  return Out;
}
