//===- HeldRefs.cpp - Extra file references a function holds --------------===//

#include "extract/HeldRefs.h"
#include "extract/LocalWrites.h"
#include "extract/MustSets.h"

#include "clang/AST/ParentMap.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include <set>

using namespace clang;
using namespace fputcheck;

namespace {
using VarSet = std::set<const VarDecl *>;

/// How the elements of a block change the set of variables holding an
/// extra reference. Anything it cannot tell is harmless lets the reference
/// go: the set only ever says "certainly held".
class HeldRefTransfer {
public:
  HeldRefTransfer(const FunctionDecl *FD, const Rules &R)
      : R(R), PM(const_cast<Stmt *>(FD->getBody())),
        Aliased(copiedOrAddressed(FD->getBody())) {}

  /// Applies \p B's elements to \p S; with \p Out, records each call's
  /// arguments held on entry to it.
  void block(const CFGBlock &B, VarSet &S,
             llvm::DenseMap<const CallExpr *, std::vector<unsigned>> *Out =
                 nullptr) const {
    for (const CFGElement &E : B) {
      // The scope of a __free() variable ends: it is gone.
      if (auto CF = E.getAs<CFGCleanupFunction>()) {
        S.erase(CF->getVarDecl());
        continue;
      }
      auto CS = E.getAs<CFGStmt>();
      if (!CS)
        continue;
      const Stmt *St = CS->getStmt();
      if (const auto *DS = dyn_cast<DeclStmt>(St)) {
        for (const Decl *D : DS->decls()) // Declared anew (in a loop).
          if (const auto *VD = dyn_cast<VarDecl>(D))
            S.erase(VD);
      } else if (const auto *DRE = dyn_cast<DeclRefExpr>(St)) {
        const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
        if (VD && S.count(VD) && !keepsReference(DRE))
          S.erase(VD);
      } else if (const auto *CE = dyn_cast<CallExpr>(St)) {
        call(CE, S, Out);
      }
    }
  }

private:
  void
  call(const CallExpr *CE, VarSet &S,
       llvm::DenseMap<const CallExpr *, std::vector<unsigned>> *Out) const {
    if (Out) {
      std::vector<unsigned> Held;
      for (unsigned I = 0; I < CE->getNumArgs(); ++I)
        if (const VarDecl *VD = tracked(CE->getArg(I)); VD && S.count(VD))
          Held.push_back(I);
      if (!Held.empty())
        (*Out)[CE] = std::move(Held);
    }
    const FunctionDecl *Callee = CE->getDirectCallee();
    if (Callee && Callee->getIdentifier() &&
        R.isReferenceGet(Callee->getName())) {
      // `x = get_file(fp)` gives the reference to x, which may hand it on.
      if (CE->getNumArgs() > 0 && resultDiscarded(CE))
        if (const VarDecl *VD = tracked(CE->getArg(0)))
          S.insert(VD);
      return;
    }
    // The callee may drop the reference, or keep the file and drop it
    // later from elsewhere.
    for (const Expr *Arg : CE->arguments())
      if (const VarDecl *VD = tracked(Arg))
        S.erase(VD);
  }

  /// The local or parameter \p E names, unless another name for it may
  /// exist (copiedOrAddressed(): the other name may drop
  /// the reference).
  const VarDecl *tracked(const Expr *E) const {
    const VarDecl *VD = varOf(E);
    if (!VD || !VD->hasLocalStorage() || Aliased.contains(VD))
      return nullptr;
    return VD;
  }

  static const VarDecl *varOf(const Expr *E) {
    const auto *DRE =
        dyn_cast_or_null<DeclRefExpr>(E ? E->IgnoreParenCasts() : nullptr);
    return DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  }

  /// A use of a held variable that cannot let its reference go: an
  /// argument (the call decides), a comparison or a test (`!fp`, `if (fp)`).
  bool keepsReference(const DeclRefExpr *DRE) const {
    const Stmt *P = PM.getParentIgnoreParenCasts(DRE);
    auto Is = [&](const Expr *E) { return E && E->IgnoreParenCasts() == DRE; };
    if (const auto *CE = dyn_cast_or_null<CallExpr>(P))
      return llvm::any_of(CE->arguments(), Is);
    if (const auto *BO = dyn_cast_or_null<BinaryOperator>(P))
      return BO->getOpcode() == BO_EQ || BO->getOpcode() == BO_NE;
    if (const auto *UO = dyn_cast_or_null<UnaryOperator>(P))
      return UO->getOpcode() == UO_LNot;
    if (const auto *If = dyn_cast_or_null<IfStmt>(P))
      return Is(If->getCond());
    if (const auto *W = dyn_cast_or_null<WhileStmt>(P))
      return Is(W->getCond());
    return false;
  }

  /// \p CE is a statement of its own, its value unused.
  bool resultDiscarded(const CallExpr *CE) const {
    const Stmt *Child = CE;
    const Stmt *P = PM.getParentIgnoreParens(CE);
    if (const auto *Cast = dyn_cast_or_null<CStyleCastExpr>(P);
        Cast && Cast->getType()->isVoidType()) {
      Child = Cast;
      P = PM.getParentIgnoreParens(Cast);
    }
    if (const auto *CS = dyn_cast_or_null<CompoundStmt>(P))
      // The last statement of ({ ... }) is its value.
      return CS->body_back() != Child ||
             !isa_and_nonnull<StmtExpr>(PM.getParent(CS));
    // `if (keep) get_file(fp);`: a branch or a loop body, not a condition.
    if (const auto *If = dyn_cast_or_null<IfStmt>(P))
      return Child == If->getThen() || Child == If->getElse();
    if (const auto *W = dyn_cast_or_null<WhileStmt>(P))
      return Child == W->getBody();
    if (const auto *D = dyn_cast_or_null<DoStmt>(P))
      return Child == D->getBody();
    if (const auto *F = dyn_cast_or_null<ForStmt>(P))
      return Child == F->getBody();
    return isa_and_nonnull<LabelStmt, SwitchCase>(P);
  }

  const Rules &R;
  ParentMap PM;
  llvm::DenseSet<const VarDecl *> Aliased; // May hold null: harmless.
};
/// Whether \p Cfg calls a reference get at all: most functions do not, and
/// they need neither a parent map nor the dataflow.
bool callsAGet(const CFG &Cfg, const Rules &R) {
  for (const CFGBlock *B : Cfg)
    for (const CFGElement &E : *B)
      if (auto CS = E.getAs<CFGStmt>())
        if (const auto *CE = dyn_cast<CallExpr>(CS->getStmt()))
          if (const FunctionDecl *Callee = CE->getDirectCallee();
              Callee && Callee->getIdentifier() &&
              R.isReferenceGet(Callee->getName()))
            return true;
  return false;
}
} // namespace

llvm::DenseMap<const CallExpr *, std::vector<unsigned>>
fputcheck::heldRefArgs(const FunctionDecl *FD, const CFG &Cfg, const Rules &R) {
  llvm::DenseMap<const CallExpr *, std::vector<unsigned>> Out;
  if (R.ReferenceGets.empty() || !FD->getBody() || !callsAGet(Cfg, R))
    return Out;
  HeldRefTransfer T(FD, R);
  std::vector<std::optional<VarSet>> In = mustSets<const VarDecl *>(
      Cfg, [&](const CFGBlock &B, VarSet &S) { T.block(B, S); },
      [](const CFGBlock &, unsigned, VarSet &) {});
  for (const CFGBlock *B : Cfg)
    if (std::optional<VarSet> &S = In[B->getBlockID()])
      T.block(*B, *S, &Out);
  return Out;
}
