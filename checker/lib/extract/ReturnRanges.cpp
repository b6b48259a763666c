//===- ReturnRanges.cpp - What a result says about an argument ------------===//

#include "extract/ReturnRanges.h"
#include "extract/BranchConditions.h"
#include "extract/LocalWrites.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/Builtins.h"
#include "llvm/ADT/APSInt.h"
#include <optional>
#include <set>
#include <tuple>

using namespace clang;
using namespace fputcheck;

namespace {
/// Bounds that keep the analysis cheap on the thousands of small helpers a
/// TU holds: larger functions get no facts.
constexpr unsigned MaxParams = 4;
constexpr unsigned MaxBlocks = 64;
constexpr unsigned MaxVisits = 8; // Per block.

bool intOrPointer(QualType T) {
  T = T.getCanonicalType();
  return T->isIntegralOrEnumerationType() || T->isPointerType();
}

const VarDecl *localOf(const Expr *E, const ASTContext &Ctx) {
  const auto *DRE = dyn_cast<DeclRefExpr>(keepingZero(E, Ctx));
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  return VD && VD->hasLocalStorage() ? VD : nullptr;
}

/// `T[i].field`: a read of one field of a table entry.
struct TableRead {
  const VarDecl *Table = nullptr;
  const VarDecl *Index = nullptr;
  const FieldDecl *Field = nullptr;
  bool operator<(const TableRead &O) const {
    return std::tie(Table, Index, Field) < std::tie(O.Table, O.Index, O.Field);
  }
  bool operator==(const TableRead &O) const {
    return std::tie(Table, Index, Field) == std::tie(O.Table, O.Index, O.Field);
  }
};

std::optional<TableRead> tableRead(const Expr *E) {
  const auto *ME = dyn_cast<MemberExpr>(E->IgnoreParenImpCasts());
  if (!ME || ME->isArrow())
    return std::nullopt;
  const auto *ASE = dyn_cast<ArraySubscriptExpr>(ME->getBase()->IgnoreParens());
  if (!ASE)
    return std::nullopt;
  const auto *T = dyn_cast<DeclRefExpr>(ASE->getBase()->IgnoreParenImpCasts());
  const auto *I = dyn_cast<DeclRefExpr>(ASE->getIdx()->IgnoreParenImpCasts());
  TableRead R;
  R.Table = T ? dyn_cast<VarDecl>(T->getDecl()) : nullptr;
  R.Index = I ? dyn_cast<VarDecl>(I->getDecl()) : nullptr;
  R.Field = dyn_cast<FieldDecl>(ME->getMemberDecl());
  if (!R.Table || !R.Index || !R.Field || !R.Index->hasLocalStorage() ||
      !R.Table->hasGlobalStorage())
    return std::nullopt;
  return R;
}

/// The variable \p E names, through members, subscripts and casts.
const VarDecl *baseVar(const Expr *E) {
  while (true) {
    E = E->IgnoreParenCasts();
    if (const auto *ME = dyn_cast<MemberExpr>(E))
      E = ME->getBase();
    else if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E))
      E = ASE->getBase();
    else
      break;
  }
  const auto *DRE = dyn_cast<DeclRefExpr>(E);
  return DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
}

/// Whether \p Body may change \p Table: an assignment or increment into it,
/// its address taken, or it handed to a call.
bool writesTable(const Stmt *Body, const VarDecl *Table) {
  return !forEachStmt(Body, [&](const Stmt *S) {
    if (const auto *BO = dyn_cast<BinaryOperator>(S);
        BO && BO->isAssignmentOp() && baseVar(BO->getLHS()) == Table)
      return false;
    if (const auto *UO = dyn_cast<UnaryOperator>(S);
        UO && (UO->isIncrementDecrementOp() || UO->getOpcode() == UO_AddrOf) &&
        baseVar(UO->getSubExpr()) == Table)
      return false;
    if (const auto *CE = dyn_cast<CallExpr>(S))
      for (const Expr *A : CE->arguments())
        if (A->getType()->isPointerType() && baseVar(A) == Table)
          return false;
    return true;
  });
}

std::optional<llvm::APSInt> constantOf(const Expr *E, const ASTContext &Ctx) {
  Expr::EvalResult R;
  if (E->isValueDependent() || !E->EvaluateAsInt(R, Ctx))
    return std::nullopt;
  return R.Val.getInt();
}

/// Whether in every entry of \p Table whose \p A is zero, \p B is zero too
/// (nfserrno()'s table maps only errno 0 to nfs_ok). The table is one no
/// code changes: const, or a function's own static the function never
/// writes.
bool zeroOnlyWithZero(const VarDecl *Table, const FieldDecl *A,
                      const FieldDecl *B, const FunctionDecl *FD) {
  const ASTContext &Ctx = FD->getASTContext();
  QualType T = Table->getType();
  const auto *AT = Ctx.getAsArrayType(T);
  if (!AT || A->getParent() != B->getParent())
    return false;
  bool Const = AT->getElementType().isConstQualified();
  if (!Const && !(Table->isStaticLocal() &&
                  Table->getParentFunctionOrMethod() == FD &&
                  !writesTable(FD->getBody(), Table)))
    return false;
  const auto *Init = dyn_cast_or_null<InitListExpr>(Table->getInit());
  if (!Init)
    return false;
  auto FieldValue = [&](const InitListExpr *Entry, const FieldDecl *F)
      -> std::optional<llvm::APSInt> {
    unsigned I = F->getFieldIndex();
    if (I >= Entry->getNumInits())
      return llvm::APSInt::get(0); // Not written: zero.
    return constantOf(Entry->getInit(I), Ctx);
  };
  for (const Expr *E : Init->inits()) {
    const auto *Entry = dyn_cast<InitListExpr>(E->IgnoreParenImpCasts());
    if (!Entry) {
      if (isa<ImplicitValueInitExpr>(E))
        continue; // All zero.
      return false;
    }
    std::optional<llvm::APSInt> VA = FieldValue(Entry, A);
    std::optional<llvm::APSInt> VB = FieldValue(Entry, B);
    if (!VA || !VB)
      return false;
    if (VA->isZero() && !VB->isZero())
      return false;
  }
  return true;
}

/// \p E's value when \p P is zero, for the operators helpers like IS_ERR()
/// are made of.
std::optional<llvm::APSInt> valueWithZero(const Expr *E, const VarDecl *P,
                                          const ASTContext &Ctx,
                                          unsigned Depth = 0) {
  if (Depth > 24)
    return std::nullopt;
  E = E->IgnoreParens();
  auto Sized = [&](llvm::APSInt V, QualType T) {
    T = T.getCanonicalType();
    V = V.extOrTrunc(Ctx.getTypeSize(T));
    V.setIsUnsigned(T->isPointerType() || T->isUnsignedIntegerOrEnumerationType());
    return V;
  };
  auto Truth = [&](bool B) {
    return Sized(llvm::APSInt::get(B), Ctx.IntTy);
  };
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E); DRE && DRE->getDecl() == P)
    return Sized(llvm::APSInt::get(0), P->getType());
  if (!intOrPointer(E->getType()))
    return std::nullopt;
  if (const auto *CE = dyn_cast<CastExpr>(E)) {
    std::optional<llvm::APSInt> V =
        valueWithZero(CE->getSubExpr(), P, Ctx, Depth + 1);
    if (!V)
      return std::nullopt;
    if (CE->getType()->isBooleanType())
      return Sized(llvm::APSInt::get(!V->isZero()), CE->getType());
    return Sized(*V, CE->getType());
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    std::optional<llvm::APSInt> V =
        valueWithZero(UO->getSubExpr(), P, Ctx, Depth + 1);
    if (!V)
      return std::nullopt;
    switch (UO->getOpcode()) {
    case UO_LNot:
      return Truth(V->isZero());
    case UO_Minus:
      return Sized(-*V, E->getType());
    case UO_Not:
      return Sized(~*V, E->getType());
    default:
      return std::nullopt;
    }
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    std::optional<llvm::APSInt> L = valueWithZero(BO->getLHS(), P, Ctx, Depth + 1);
    if (BO->getOpcode() == BO_LAnd && L && L->isZero())
      return Truth(false);
    if (BO->getOpcode() == BO_LOr && L && !L->isZero())
      return Truth(true);
    std::optional<llvm::APSInt> R = valueWithZero(BO->getRHS(), P, Ctx, Depth + 1);
    if (!L || !R)
      return std::nullopt;
    if (BO->isLogicalOp())
      return Truth(!R->isZero());
    if (BO->isComparisonOp()) {
      int C = llvm::APSInt::compareValues(*L, *R);
      switch (BO->getOpcode()) {
      case BO_LT: return Truth(C < 0);
      case BO_GT: return Truth(C > 0);
      case BO_LE: return Truth(C <= 0);
      case BO_GE: return Truth(C >= 0);
      case BO_EQ: return Truth(C == 0);
      case BO_NE: return Truth(C != 0);
      default: return std::nullopt;
      }
    }
    if (L->getBitWidth() != R->getBitWidth())
      return std::nullopt;
    switch (BO->getOpcode()) {
    case BO_And: return Sized(*L & *R, E->getType());
    case BO_Or: return Sized(*L | *R, E->getType());
    case BO_Xor: return Sized(*L ^ *R, E->getType());
    default: return std::nullopt;
    }
  }
  if (const auto *CO = dyn_cast<ConditionalOperator>(E)) {
    std::optional<llvm::APSInt> C = valueWithZero(CO->getCond(), P, Ctx, Depth + 1);
    if (!C)
      return std::nullopt;
    return valueWithZero(C->isZero() ? CO->getFalseExpr() : CO->getTrueExpr(),
                         P, Ctx, Depth + 1);
  }
  if (const auto *CE = dyn_cast<CallExpr>(E)) {
    if (CE->getBuiltinCallee() == Builtin::BI__builtin_expect &&
        CE->getNumArgs() == 2)
      return valueWithZero(CE->getArg(0), P, Ctx, Depth + 1);
    return std::nullopt;
  }
  if (std::optional<llvm::APSInt> V = constantOf(E, Ctx))
    return Sized(*V, E->getType());
  return std::nullopt;
}

/// What holds on a path, with the parameter assumed nonzero (NonZeroIf) or
/// zero (ZeroIf).
struct State {
  bool Dead = false;
  std::set<const VarDecl *> NonZero; // Locals known nonzero.
  /// `T[i].b == param` tests passed since i last changed.
  std::set<TableRead> Equal;
  bool operator==(const State &O) const {
    return Dead == O.Dead && NonZero == O.NonZero && Equal == O.Equal;
  }
};

State join(const State &A, const State &B) {
  if (A.Dead)
    return B;
  if (B.Dead)
    return A;
  State Out;
  std::set_intersection(A.NonZero.begin(), A.NonZero.end(), B.NonZero.begin(),
                        B.NonZero.end(),
                        std::inserter(Out.NonZero, Out.NonZero.end()));
  std::set_intersection(A.Equal.begin(), A.Equal.end(), B.Equal.begin(),
                        B.Equal.end(), std::inserter(Out.Equal, Out.Equal.end()));
  return Out;
}

class Prover {
public:
  Prover(const FunctionDecl *FD, const VarDecl *P, bool AssumeNonZero,
         const llvm::DenseSet<const VarDecl *> &Indirect)
      : FD(FD), P(P), Ctx(FD->getASTContext()), NonZeroMode(AssumeNonZero),
        Indirect(Indirect) {}

  /// Applies \p B to \p S; false when a return breaks the fact.
  bool block(const CFGBlock &B, State &S) {
    for (const CFGElement &E : B) {
      auto CS = E.getAs<CFGStmt>();
      if (!CS || S.Dead)
        continue;
      const Stmt *St = CS->getStmt();
      if (const auto *BO = dyn_cast<BinaryOperator>(St)) {
        if (BO->isAssignmentOp())
          if (const VarDecl *V = localOf(BO->getLHS(), Ctx))
            assign(V, BO->getOpcode() == BO_Assign ? BO->getRHS() : nullptr,
                   S);
      } else if (const auto *UO = dyn_cast<UnaryOperator>(St)) {
        if (UO->isIncrementDecrementOp())
          if (const VarDecl *V = localOf(UO->getSubExpr(), Ctx))
            assign(V, nullptr, S);
      } else if (const auto *DS = dyn_cast<DeclStmt>(St)) {
        for (const Decl *D : DS->decls())
          if (const auto *VD = dyn_cast<VarDecl>(D); VD && VD->hasLocalStorage())
            assign(VD, VD->getInit(), S);
      } else if (const auto *RS = dyn_cast<ReturnStmt>(St)) {
        if (!RS->getRetValue() || !holds(RS->getRetValue(), S))
          return false;
      }
    }
    return true;
  }

  /// What taking successor \p I of \p B says.
  void edge(const CFGBlock &B, unsigned I, const CFGBlock &Succ,
            State &S) const {
    if (const auto *SW = dyn_cast_or_null<SwitchStmt>(B.getTerminatorStmt())) {
      const auto *Case = dyn_cast_or_null<CaseStmt>(Succ.getLabel());
      if (Case && !Case->getRHS() && isParam(SW->getCond()))
        if (std::optional<llvm::APSInt> V = constantOf(Case->getLHS(), Ctx))
          if (V->isZero() == NonZeroMode)
            S.Dead = true; // case 0: with the parameter nonzero.
      return;
    }
    const Expr *Cond = branchCondition(B);
    if (!Cond)
      return;
    bool Same = true;
    const Expr *X = truthOf(Cond, Same, Ctx);
    bool NonZeroEdge = (I == 0) == Same;
    if (isParam(X)) {
      if (NonZeroEdge != NonZeroMode)
        S.Dead = true;
      return;
    }
    if (const VarDecl *V = localOf(X, Ctx); V && S.NonZero.count(V)) {
      if (!NonZeroEdge)
        S.Dead = true;
      return;
    }
    const auto *BO = dyn_cast<BinaryOperator>(X->IgnoreParenImpCasts());
    if (!BO || !BO->isEqualityOp())
      return;
    bool EqualEdge = NonZeroEdge == (BO->getOpcode() == BO_EQ);
    if (!EqualEdge)
      return;
    for (auto [A, C] : {std::pair(BO->getLHS(), BO->getRHS()),
                        std::pair(BO->getRHS(), BO->getLHS())}) {
      if (!isParam(A))
        continue;
      if (std::optional<TableRead> T = tableRead(C))
        S.Equal.insert(*T); // if (tbl[i].syserr == errno)
      else if (std::optional<llvm::APSInt> V = constantOf(C, Ctx);
               V && !V->isZero() && !NonZeroMode)
        S.Dead = true; // param == 5 with the parameter zero.
    }
  }

private:
  bool isParam(const Expr *E) const {
    const auto *DRE = dyn_cast<DeclRefExpr>(keepingZero(E, Ctx));
    return DRE && DRE->getDecl() == P;
  }

  void assign(const VarDecl *V, const Expr *Init, State &S) const {
    S.NonZero.erase(V);
    for (auto It = S.Equal.begin(); It != S.Equal.end();)
      It = It->Index == V ? S.Equal.erase(It) : std::next(It);
    if (Init && NonZeroMode && !Indirect.contains(V) && nonZero(Init, S))
      S.NonZero.insert(V);
  }

  bool nonZero(const Expr *E, const State &S) const {
    if (std::optional<llvm::APSInt> V = constantOf(E, Ctx))
      return !V->isZero();
    if (isParam(E))
      return true;
    if (const VarDecl *V = localOf(E, Ctx); V && S.NonZero.count(V))
      return true;
    std::optional<TableRead> T = tableRead(keepingZero(E, Ctx));
    if (!T)
      return false;
    for (const TableRead &Eq : S.Equal)
      if (Eq.Table == T->Table && Eq.Index == T->Index &&
          zeroOnlyWithZero(T->Table, T->Field, Eq.Field, FD))
        return true;
    return false;
  }

  bool holds(const Expr *Ret, const State &S) const {
    if (NonZeroMode)
      return nonZero(Ret, S);
    std::optional<llvm::APSInt> V = valueWithZero(Ret, P, Ctx);
    return V && V->isZero();
  }

  const FunctionDecl *FD;
  const VarDecl *P;
  const ASTContext &Ctx;
  bool NonZeroMode;
  /// Locals a pointer or an asm statement may write: never known nonzero.
  const llvm::DenseSet<const VarDecl *> &Indirect;
};

/// Whether every return of \p FD that a path with \p P nonzero (or zero)
/// reaches gives a nonzero (or zero) result.
bool proves(const FunctionDecl *FD, const CFG &Cfg, const VarDecl *P,
            bool AssumeNonZero,
            const llvm::DenseSet<const VarDecl *> &Indirect) {
  Prover Pr(FD, P, AssumeNonZero, Indirect);
  unsigned N = Cfg.getNumBlockIDs();
  std::vector<std::optional<State>> In(N);
  In[Cfg.getEntry().getBlockID()] = State();
  std::vector<const CFGBlock *> Work{&Cfg.getEntry()};
  std::vector<bool> Queued(N, false);
  unsigned Visits = 0;
  while (!Work.empty()) {
    const CFGBlock *B = Work.back();
    Work.pop_back();
    Queued[B->getBlockID()] = false;
    if (++Visits > MaxVisits * N)
      return false;
    State S = *In[B->getBlockID()];
    if (!Pr.block(*B, S))
      return false;
    if (S.Dead || B->hasNoReturnElement())
      continue;
    unsigned Idx = 0;
    for (const CFGBlock *Succ : B->succs()) {
      unsigned I = Idx++;
      if (!Succ)
        continue;
      State Edge = S;
      Pr.edge(*B, I, *Succ, Edge);
      std::optional<State> &Dst = In[Succ->getBlockID()];
      State New = Dst ? join(*Dst, Edge) : std::move(Edge);
      if (Dst && *Dst == New)
        continue;
      Dst = std::move(New);
      if (!Queued[Succ->getBlockID()]) {
        Queued[Succ->getBlockID()] = true;
        Work.push_back(Succ);
      }
    }
  }
  return true;
}
/// \p E without parentheses and the casts that keep its bits, or with
/// \p OnlyZero, that keep whether it is zero (keepingZero()).
const Expr *throughCasts(const Expr *E, const ASTContext &Ctx, bool OnlyZero) {
  while (true) {
    E = E->IgnoreParens();
    const auto *CE = dyn_cast<CastExpr>(E);
    if (!CE)
      return E;
    const Expr *Sub = CE->getSubExpr();
    switch (CE->getCastKind()) {
    case CK_NoOp:
    case CK_LValueToRValue:
    case CK_BitCast:
      break;
    case CK_IntegralToBoolean:
    case CK_PointerToBoolean:
      if (!OnlyZero)
        return E;
      break;
    case CK_IntegralCast:
    case CK_PointerToIntegral:
    case CK_IntegralToPointer: {
      if (Sub->getType()->isDependentType() || CE->getType()->isDependentType())
        return E;
      uint64_t From = Ctx.getTypeSize(Sub->getType());
      uint64_t To = Ctx.getTypeSize(CE->getType());
      // Narrowing may drop every set bit; widening changes the bits.
      if (To < From || (To > From && !OnlyZero))
        return E;
      break;
    }
    default:
      return E;
    }
    E = Sub;
  }
}

const Expr *keepingBits(const Expr *E, const ASTContext &Ctx) {
  return throughCasts(E, Ctx, /*OnlyZero=*/false);
}

/// Whether \p FD's body has returns and \p Each holds for every value they
/// return (false when one returns nothing).
bool forEachReturn(const FunctionDecl *FD,
                   llvm::function_ref<bool(const Expr *)> Each) {
  bool Any = false;
  return forEachStmt(FD->getBody(),
                     [&](const Stmt *S) {
                       const auto *RS = dyn_cast<ReturnStmt>(S);
                       if (!RS)
                         return true;
                       Any = true;
                       return RS->getRetValue() && Each(RS->getRetValue());
                     }) &&
         Any;
}

/// Whether \p Ret is nonzero only for a nonzero, small \p P: a constant
/// zero, or `P >= C` (or `P > C`) compared unsigned with C in the top 2^31
/// values, under __builtin_expect(), `!!` and conversions to bool.
bool smallWhenTrue(const Expr *Ret, const VarDecl *P, const ASTContext &Ctx) {
  if (std::optional<llvm::APSInt> V = constantOf(Ret, Ctx))
    return V->isZero();
  bool Same = true;
  const Expr *X = truthOf(Ret, Same, Ctx);
  if (!Same)
    return false;
  const auto *BO = dyn_cast<BinaryOperator>(X->IgnoreParenImpCasts());
  if (!BO || (BO->getOpcode() != BO_GE && BO->getOpcode() != BO_GT))
    return false;
  const auto *DRE = dyn_cast<DeclRefExpr>(keepingBits(BO->getLHS(), Ctx));
  if (!DRE || DRE->getDecl() != P)
    return false;
  QualType T = BO->getLHS()->getType().getCanonicalType();
  if (!T->isUnsignedIntegerType() || Ctx.getTypeSize(T) !=
                                        Ctx.getTypeSize(P->getType()))
    return false;
  std::optional<llvm::APSInt> C = constantOf(BO->getRHS(), Ctx);
  if (!C)
    return false;
  llvm::APInt Low = C->zextOrTrunc(Ctx.getTypeSize(T));
  if (BO->getOpcode() == BO_GT) {
    if (Low.isAllOnes())
      return true; // Never true.
    ++Low;
  }
  // Every value from Low up has its top bits set from bit 31 on.
  return !Low.isZero() && isSmall(Low) && Low.isNegative();
}
} // namespace

bool fputcheck::isSmall(const llvm::APInt &V) {
  return V.getBitWidth() <= 32 || V.getSignificantBits() <= 32;
}

const Expr *fputcheck::keepingZero(const Expr *E, const ASTContext &Ctx) {
  return throughCasts(E, Ctx, /*OnlyZero=*/true);
}

ReturnRanges fputcheck::returnRanges(const FunctionDecl *FD, const CFG &Cfg) {
  ReturnRanges Out;
  if (!FD->getBody() || !intOrPointer(FD->getReturnType()) ||
      Cfg.getNumBlockIDs() > MaxBlocks)
    return Out;
  llvm::DenseSet<const VarDecl *> Written = writtenLocals(FD);
  llvm::DenseSet<const VarDecl *> Indirect = indirectlyWritten(FD->getBody());
  for (const ParmVarDecl *P : FD->parameters()) {
    unsigned I = P->getFunctionScopeIndex();
    if (I >= MaxParams)
      break;
    if (!intOrPointer(P->getType()) || Written.contains(P))
      continue;
    if (proves(FD, Cfg, P, /*AssumeNonZero=*/true, Indirect))
      Out.NonZeroIf.push_back(I);
    if (proves(FD, Cfg, P, /*AssumeNonZero=*/false, Indirect))
      Out.ZeroIf.push_back(I);
    const ASTContext &Ctx = FD->getASTContext();
    if (forEachReturn(FD, [&](const Expr *R) {
          const auto *DRE = dyn_cast<DeclRefExpr>(keepingBits(R, Ctx));
          return DRE && DRE->getDecl() == P;
        }))
      Out.Identity.push_back(I);
    if (forEachReturn(FD, [&](const Expr *R) {
          return smallWhenTrue(R, P, Ctx);
        }))
      Out.SmallIf.push_back(I);
  }
  return Out;
}
