//===- FieldStates.cpp - Pointer fields a function knows are set ----------===//

#include "extract/FieldStates.h"
#include "extract/BranchConditions.h"
#include "extract/LocalWrites.h"
#include "extract/ReturnRanges.h"
#include "extract/StructName.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include <map>
#include <set>

using namespace clang;
using namespace fputcheck;

const char *const fputcheck::FieldSetPrefix = "set:";

namespace {
using Root = const VarDecl *;

/// Bounds that keep states small and the fixpoint finite: a fact that
/// needs more conditions than this is forgotten.
constexpr size_t MaxConds = 6;
constexpr size_t MaxEscapes = 3;
/// Block visits, per block on average, before the analysis gives up on a
/// function (a return block is revisited whenever any return changes).
constexpr unsigned MaxVisits = 20;

/// A fact on one object: it holds if all Conds do, or, on the paths where it
/// may not, every variable of one of the Escapes groups is nonzero (so a
/// function returning that variable did not return zero there).
struct Fact {
  std::set<std::string> Conds;
  std::set<std::set<Root>> Escapes;
  bool operator==(const Fact &O) const {
    return Conds == O.Conds && Escapes == O.Escapes;
  }
  bool small() const {
    return Conds.size() <= MaxConds && Escapes.size() <= MaxEscapes;
  }
};

using FactKey = std::pair<Root, std::string>; // Object, what is known.
using FactMap = std::map<FactKey, Fact>;
/// Conditions on other functions' return ranges ("+nfserrno#0": nfserrno()
/// is nonzero whenever its argument 0 is; "=IS_ERR#0": it is zero whenever
/// its argument 0 is), all of which must hold; empty when unconditional.
using Conds = std::set<std::string>;
/// A value known nonzero under some conditions; Small when it is also an
/// int's value sign-extended, so that narrowing it to an int keeps it
/// nonzero (an errno in a long).
struct NonZero {
  Conds If;
  bool Small = false;
  bool operator==(const NonZero &O) const {
    return If == O.If && Small == O.Small;
  }
};
/// Variables known nonzero.
using NonZeroMap = std::map<Root, NonZero>;

/// A bound on the conditions one nonzero value may need.
constexpr size_t MaxRangeConds = 8;

struct State {
  FactMap Facts;
  NonZeroMap NonZero;
  /// Variables holding the result of a call (`err = fh_compose(...)`).
  std::map<Root, const CallExpr *> Results;
  bool operator==(const State &O) const {
    return Facts == O.Facts && NonZero == O.NonZero && Results == O.Results;
  }
};

bool isByWhat(StringRef W) { return W.starts_with("@"); }
bool isFieldWhat(StringRef W) { return !W.starts_with("@") && !W.starts_with("^"); }

/// \p F from one side of a join, absent from \p Other: kept only where the
/// other side's paths are covered.
std::optional<Fact> oneSided(const FactKey &K, const Fact &F,
                             const FactMap &Other,
                             const std::set<Root> &OtherNonZero) {
  if (isFieldWhat(K.second))
    // `if (!fhp->fh_dentry) { err = set(fhp); if (err) goto out; }`: the
    // field is set on both sides if that call sets it.
    for (auto It = Other.lower_bound({K.first, ""});
         It != Other.end() && It->first.first == K.first; ++It)
      if (isByWhat(It->first.second)) {
        Fact G = F;
        G.Conds.insert(It->second.Conds.begin(), It->second.Conds.end());
        G.Conds.insert("?" + It->first.second.substr(1));
        G.Escapes.insert(It->second.Escapes.begin(), It->second.Escapes.end());
        return G;
      }
  if (OtherNonZero.empty())
    return std::nullopt;
  Fact G = F;
  G.Escapes.insert(OtherNonZero);
  return G;
}

/// The variables of \p M nonzero whatever other functions return.
std::set<Root> surelyNonZero(const NonZeroMap &M) {
  std::set<Root> Out;
  for (const auto &[V, N] : M)
    if (N.If.empty())
      Out.insert(V);
  return Out;
}

FactMap joinFacts(const FactMap &A, const std::set<Root> &ANonZero,
                  const FactMap &B, const std::set<Root> &BNonZero) {
  FactMap Out;
  auto Keep = [&](const FactKey &K, std::optional<Fact> F) {
    if (F && F->small())
      Out.emplace(K, std::move(*F));
  };
  for (const auto &[K, F] : A) {
    auto It = B.find(K);
    if (It == B.end()) {
      Keep(K, oneSided(K, F, B, BNonZero));
      continue;
    }
    Fact G = F;
    G.Conds.insert(It->second.Conds.begin(), It->second.Conds.end());
    G.Escapes.insert(It->second.Escapes.begin(), It->second.Escapes.end());
    Keep(K, std::move(G));
  }
  for (const auto &[K, F] : B)
    if (!A.count(K))
      Keep(K, oneSided(K, F, A, ANonZero));
  return Out;
}

State join(const State &A, const State &B) {
  State Out;
  Out.Facts = joinFacts(A.Facts, surelyNonZero(A.NonZero), B.Facts,
                        surelyNonZero(B.NonZero));
  for (const auto &[V, N] : A.NonZero)
    if (auto It = B.NonZero.find(V); It != B.NonZero.end()) {
      NonZero Both{N.If, N.Small && It->second.Small};
      Both.If.insert(It->second.If.begin(), It->second.If.end());
      if (Both.If.size() <= MaxRangeConds)
        Out.NonZero.emplace(V, std::move(Both));
    }
  for (const auto &[V, CE] : A.Results)
    if (auto It = B.Results.find(V); It != B.Results.end() && It->second == CE)
      Out.Results.emplace(V, CE);
  return Out;
}

std::string render(const std::string &What, const Fact &F) {
  if (F.Conds.empty())
    return What;
  return What + "|" + llvm::join(F.Conds, ",");
}

class FieldTransfer {
public:
  FieldTransfer(const FunctionDecl *FD,
                const std::function<std::string(const FunctionDecl *)> &KeyOf,
                const RangesLookup &RangesOf)
      : FD(FD), Ctx(FD->getASTContext()), KeyOf(KeyOf), RangesOf(RangesOf),
        Aliased(copiedOrAddressed(FD->getBody())),
        Indirect(indirectlyWritten(FD->getBody())) {}

  State entry() const {
    State S;
    for (const ParmVarDecl *P : FD->parameters())
      if (tracked(P))
        S.Facts[{P, "^" + std::to_string(P->getFunctionScopeIndex())}] = {};
    return S;
  }

  /// Applies \p B's elements to \p S; with \p Out, records what holds at
  /// each call and at each return.
  void block(const CFGBlock &B, State &S, FieldStates *Out) {
    for (const CFGElement &E : B) {
      auto CS = E.getAs<CFGStmt>();
      if (!CS)
        continue;
      const Stmt *St = CS->getStmt();
      if (const auto *BO = dyn_cast<BinaryOperator>(St)) {
        if (BO->isAssignmentOp())
          assign(BO->getLHS(), BO->getOpcode() == BO_Assign ? BO->getRHS()
                                                             : nullptr,
                 S);
      } else if (const auto *UO = dyn_cast<UnaryOperator>(St)) {
        if (UO->isIncrementDecrementOp())
          assign(UO->getSubExpr(), nullptr, S);
      } else if (const auto *DS = dyn_cast<DeclStmt>(St)) {
        for (const Decl *D : DS->decls())
          if (const auto *VD = dyn_cast<VarDecl>(D))
            assignVar(VD, VD->getInit(), S);
      } else if (const auto *CE = dyn_cast<CallExpr>(St)) {
        call(CE, S, Out);
      } else if (const auto *RS = dyn_cast<ReturnStmt>(St)) {
        if (Out)
          ret(RS, S);
      }
    }
  }

  /// What taking successor \p I of \p B says.
  void edge(const CFGBlock &B, unsigned I, State &S) const {
    const Expr *Cond = branchCondition(B);
    if (!Cond)
      return;
    bool Same = true;
    const Expr *X = truthOf(Cond, Same, Ctx)->IgnoreParenImpCasts();
    bool NonZeroEdge = (I == 0) == Same;
    if (const auto *CE = dyn_cast<CallExpr>(X)) {
      if (!NonZeroEdge)
        succeeded(CE, S); // if (fh_verify(...)) return ...;
      else
        argumentsNonZero(CE, S); // if (IS_ERR(exp)) ...
    } else if (Root V = varOf(X)) {
      if (NonZeroEdge) {
        setNonZero(S, V, {{}, isNarrow(V->getType())});
      } else if (auto It = S.Results.find(V); It != S.Results.end()) {
        succeeded(It->second, S); // err = fh_compose(...); if (err) ...
      }
    } else if (NonZeroEdge) {
      Root R = nullptr;
      if (std::string F = fieldOf(X, R); !F.empty())
        S.Facts[{R, F}] = {}; // if (!fhp->fh_dentry) return ...;
    }
  }

  /// Folds the facts on parameters at each return of zero.
  void finish(FieldStates &Out) const {
    FactMap All = Success;
    if (!AnyReturn) // Every return of zero depends on other functions.
      for (const auto &[If, Here] : MaybeZero)
        for (const auto &[K, F] : Here)
          All.emplace(K, Fact());
    for (const auto &[K, F] : All) {
      // What holds where the result is zero: at each such return, it held
      // there, or the return is not zero since the conditions hold.
      Fact G = F;
      for (const auto &[If, Here] : MaybeZero) {
        auto It = Here.find(K);
        const Conds &More = It != Here.end() ? It->second.Conds : If;
        G.Conds.insert(More.begin(), More.end());
      }
      if (!G.Escapes.empty() || G.Conds.size() > MaxConds + MaxRangeConds)
        continue;
      Out.Success.emplace_back(
          cast<ParmVarDecl>(K.first)->getFunctionScopeIndex(),
          render(K.second, G));
    }
    llvm::sort(Out.Success);
    for (const ParmVarDecl *P : FD->parameters())
      if (P->getType()->isPointerType() && Aliased.contains(P))
        Out.Clears.emplace_back(P->getFunctionScopeIndex(), "*");
    for (const auto &[P, F] : NullWrites)
      Out.Clears.emplace_back(P, F);
    llvm::sort(Out.Clears);
    Out.Clears.erase(std::unique(Out.Clears.begin(), Out.Clears.end()),
                     Out.Clears.end());
  }

  /// Null writes to parameters' fields, for FieldStates::Clears.
  std::set<std::pair<unsigned, std::string>> NullWrites;

private:
  static Root varOf(const Expr *E) {
    const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenCasts());
    const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    return VD && VD->hasLocalStorage() ? VD : nullptr;
  }

  /// A local or parameter pointer that is the only name of its object here.
  bool tracked(Root V) const {
    return V && V->getType()->isPointerType() && !Aliased.contains(V);
  }

  /// "Struct.field" when \p E is `R->field` with R tracked and the field a
  /// pointer; sets \p R.
  std::string fieldOf(const Expr *E, Root &R) const {
    const auto *ME = dyn_cast<MemberExpr>(E->IgnoreParenImpCasts());
    if (!ME || !ME->isArrow())
      return "";
    const auto *Field = dyn_cast<FieldDecl>(ME->getMemberDecl());
    R = varOf(ME->getBase());
    if (!Field || !Field->getType()->isPointerType() || !tracked(R) ||
        !Field->getIdentifier())
      return "";
    std::string S = structName(Field->getParent());
    return S.empty() ? "" : S + "." + Field->getName().str();
  }

  void assign(const Expr *LHS, const Expr *RHS, State &S) {
    Root R = nullptr;
    if (std::string F = fieldOf(LHS, R); !F.empty()) {
      bool Null = RHS && RHS->isNullPointerConstant(
                             Ctx, Expr::NPC_ValueDependentIsNotNull);
      if (!RHS || Null) {
        clearField(R, F, S);
        if (const auto *P = dyn_cast<ParmVarDecl>(R))
          NullWrites.insert({P->getFunctionScopeIndex(), F});
      } else {
        S.Facts[{R, F}] = {};
      }
      return;
    }
    if (isa<DeclRefExpr>(LHS->IgnoreParens()))
      assignVar(varOf(LHS), RHS, S);
  }

  void clearField(Root R, const std::string &F, State &S) const {
    S.Facts.erase({R, F});
    for (auto &[K, Fa] : S.Facts)
      if (K.first == R && !isFieldWhat(K.second))
        Fa.Conds.insert("!" + F);
      else if (K.first == R)
        for (const std::string &C : Fa.Conds)
          if (StringRef(C).starts_with("?")) {
            Fa.Conds.insert("!" + F); // Set only by a call: it may be F.
            break;
          }
    dropLarge(S);
  }

  void assignVar(Root V, const Expr *Init, State &S) const {
    if (!V)
      return;
    for (auto It = S.Facts.begin(); It != S.Facts.end();) {
      bool Drop = It->first.first == V ||
                  llvm::any_of(It->second.Escapes,
                               [&](const auto &G) { return G.count(V); });
      It = Drop ? S.Facts.erase(It) : std::next(It);
    }
    for (auto It = S.Results.begin(); It != S.Results.end();) {
      bool Drop = It->first == V ||
                  llvm::any_of(It->second->arguments(),
                               [&](const Expr *A) { return varOf(A) == V; });
      It = Drop ? S.Results.erase(It) : std::next(It);
    }
    S.NonZero.erase(V);
    if (!Init)
      return;
    const Expr *I = Init->IgnoreParenCasts();
    Expr::EvalResult R;
    if (!I->isValueDependent() && I->EvaluateAsInt(R, Ctx)) {
      if (!R.Val.getInt().isZero())
        setNonZero(S, V, {{}, true}); // error = nfserr_badhandle;
      return;
    }
    if (const auto *CE = dyn_cast<CallExpr>(I))
      S.Results[V] = CE;
    if (std::optional<NonZero> N = nonZero(Init, S))
      setNonZero(S, V, std::move(*N)); // error = nfserrno(-ENOMEM);
  }

  void setNonZero(State &S, Root V, NonZero N) const {
    if (!Indirect.contains(V))
      S.NonZero[V] = std::move(N);
  }

  bool isNarrow(QualType T) const {
    return !T->isDependentType() && Ctx.getTypeSize(T) <= 32;
  }

  /// The conditions under which \p E is nonzero, or nothing when it may be
  /// zero: a nonzero constant, a variable known nonzero, or a call given a
  /// nonzero argument whose result is nonzero whenever that argument is
  /// (`nfserrno(PTR_ERR(exp))` where IS_ERR(exp) held). A callee whose body
  /// is here answers now; one elsewhere is a condition ("+nfserrno#0").
  std::optional<NonZero> nonZero(const Expr *E, const State &S,
                                 unsigned Depth = 0) const {
    Expr::EvalResult R;
    if (!E->isValueDependent() && E->EvaluateAsInt(R, Ctx)) {
      if (R.Val.getInt().isZero())
        return std::nullopt;
      return NonZero{{}, isSmall(R.Val.getInt())};
    }
    E = E->IgnoreParens();
    if (Depth > 8)
      return std::nullopt;
    if (const auto *CE = dyn_cast<CastExpr>(E))
      return castNonZero(CE, nonZero(CE->getSubExpr(), S, Depth + 1));
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
      auto It = VD ? S.NonZero.find(VD) : S.NonZero.end();
      if (It == S.NonZero.end())
        return std::nullopt;
      return It->second;
    }
    const auto *CE = dyn_cast<CallExpr>(E);
    const FunctionDecl *Callee = CE ? CE->getDirectCallee() : nullptr;
    if (!Callee || !Callee->getIdentifier())
      return std::nullopt;
    const ReturnRanges *Here = RangesOf(Callee);
    bool Narrow = isNarrow(CE->getType());
    for (unsigned I = 0; I < CE->getNumArgs(); ++I) {
      std::optional<NonZero> N = nonZero(CE->getArg(I), S, Depth + 1);
      if (!N)
        continue;
      if (Here) {
        if (llvm::is_contained(Here->Identity, I))
          return N;
        if (llvm::is_contained(Here->NonZeroIf, I))
          return NonZero{N->If, Narrow};
        continue;
      }
      N->If.insert("+" + KeyOf(Callee) + "#" + std::to_string(I));
      if (N->If.size() <= MaxRangeConds)
        return NonZero{N->If, Narrow};
    }
    return std::nullopt;
  }

  /// What a cast makes of a value known nonzero as \p N.
  std::optional<NonZero> castNonZero(const CastExpr *CE,
                                     std::optional<NonZero> N) const {
    if (!N)
      return std::nullopt;
    switch (CE->getCastKind()) {
    case CK_NoOp:
    case CK_LValueToRValue:
    case CK_BitCast:
      return N;
    case CK_IntegralToBoolean:
    case CK_PointerToBoolean:
      return NonZero{N->If, true};
    case CK_IntegralCast:
    case CK_PointerToIntegral:
    case CK_IntegralToPointer:
      break;
    default:
      return std::nullopt;
    }
    QualType From = CE->getSubExpr()->getType(), To = CE->getType();
    if (From->isDependentType() || To->isDependentType())
      return std::nullopt;
    uint64_t F = Ctx.getTypeSize(From), T = Ctx.getTypeSize(To);
    if (T == F)
      return N;
    if (T > F) { // Sign extension keeps a small value small.
      bool Signed = From->isSignedIntegerType();
      return NonZero{N->If, T <= 32 || F < 32 || (Signed && (F == 32 ||
                                                             N->Small))};
    }
    if (T >= 32 && N->Small)
      return NonZero{N->If, true}; // (int)PTR_ERR(exp) after IS_ERR(exp).
    return std::nullopt;
  }

  /// \p CE returned nonzero: each variable handed to it is nonzero if the
  /// callee returns zero whenever that argument is zero.
  void argumentsNonZero(const CallExpr *CE, State &S) const {
    const FunctionDecl *Callee = CE->getDirectCallee();
    if (!Callee || !Callee->getIdentifier())
      return;
    const ReturnRanges *Here = RangesOf(Callee);
    for (unsigned I = 0; I < CE->getNumArgs(); ++I) {
      // The variable itself, through no cast that may zero it.
      const auto *DRE =
          dyn_cast<DeclRefExpr>(keepingZero(CE->getArg(I), Ctx));
      Root V = DRE ? varOf(DRE) : nullptr;
      if (!V || Indirect.contains(V))
        continue;
      bool Narrow = isNarrow(V->getType());
      std::optional<NonZero> N;
      if (!Here)
        N = {{"=" + KeyOf(Callee) + "#" + std::to_string(I)}, Narrow};
      else if (llvm::is_contained(Here->SmallIf, I))
        N = {{}, true};
      else if (llvm::is_contained(Here->ZeroIf, I))
        N = {{}, Narrow};
      if (!N)
        continue;
      // Keep what was known unless this says more.
      auto [It, New] = S.NonZero.try_emplace(V, *N);
      if (!New && (It->second.If.size() > N->If.size() ||
                   (It->second.If == N->If && N->Small)))
        It->second = std::move(*N);
    }
  }

  void call(const CallExpr *CE, State &S, FieldStates *Out) const {
    const FunctionDecl *Callee = CE->getDirectCallee();
    std::string Key = Callee && Callee->getIdentifier() ? KeyOf(Callee) : "";
    const FunctionProtoType *Proto = nullptr;
    if (const auto *PT = CE->getCallee()->getType()->getAs<PointerType>())
      Proto = PT->getPointeeType()->getAs<FunctionProtoType>();
    for (unsigned I = 0; I < CE->getNumArgs(); ++I) {
      Root R = varOf(CE->getArg(I));
      if (!tracked(R))
        continue;
      if (Out) {
        IndexedFacts &A = Out->Args[CE];
        for (auto It = S.Facts.lower_bound({R, ""});
             It != S.Facts.end() && It->first.first == R; ++It)
          if (It->second.Escapes.empty())
            A.emplace_back(I, render(It->first.second, It->second));
        if (A.empty())
          Out->Args.erase(CE);
      }
      bool ReadOnly = Proto && I < Proto->getNumParams() &&
                      Proto->getParamType(I)->isPointerType() &&
                      Proto->getParamType(I)->getPointeeType().isConstQualified();
      if (ReadOnly) {
        if (Out)
          Out->ReadOnly[CE].push_back(I);
        continue;
      }
      for (auto It = S.Facts.lower_bound({R, ""});
           It != S.Facts.end() && It->first.first == R;) {
        if (Key.empty()) {
          It = S.Facts.erase(It);
          continue;
        }
        It->second.Conds.insert("~" + Key + "#" + std::to_string(I));
        ++It;
      }
    }
    dropLarge(S);
  }

  /// \p CE returned zero: what it sets in its arguments' objects is set.
  void succeeded(const CallExpr *CE, State &S) const {
    const FunctionDecl *Callee = CE->getDirectCallee();
    if (!Callee || !Callee->getIdentifier())
      return;
    std::string Key = KeyOf(Callee);
    for (unsigned I = 0; I < CE->getNumArgs(); ++I)
      if (Root R = varOf(CE->getArg(I)); tracked(R))
        S.Facts[{R, "@" + Key + "#" + std::to_string(I)}] = {};
  }

  void ret(const ReturnStmt *RS, const State &S) {
    const Expr *V = RS->getRetValue();
    if (!V)
      return;
    const Expr *I = V->IgnoreParenCasts();
    Root Var = nullptr;
    State At = S;
    Expr::EvalResult R;
    if (!I->isValueDependent() && I->EvaluateAsInt(R, Ctx)) {
      if (!R.Val.getInt().isZero())
        return; // return nfserr_stale;
    }
    // return error; return nfserrno(PTR_ERR(exp)): not zero, or not zero as
    // long as the other functions' return ranges hold.
    std::optional<NonZero> N = nonZero(V, S);
    if (N && N->If.empty())
      return;
    if (const auto *CE = dyn_cast<CallExpr>(I))
      succeeded(CE, At); // return __fh_verify(..., fhp, ...);
    else
      Var = varOf(I);
    FactMap Here;
    for (const auto &[K, F] : At.Facts) {
      if (!isa<ParmVarDecl>(K.first) || StringRef(K.second).starts_with("^"))
        continue;
      if (llvm::all_of(F.Escapes, [&](const auto &G) {
            return Var && G.count(Var);
          }))
        Here.emplace(K, Fact{F.Conds, {}});
    }
    if (N) {
      MaybeZero.push_back({std::move(N->If), std::move(Here)});
      return;
    }
    Success = AnyReturn ? joinFacts(Success, {}, Here, {}) : std::move(Here);
    AnyReturn = true;
  }

  void dropLarge(State &S) const {
    for (auto It = S.Facts.begin(); It != S.Facts.end();)
      It = It->second.small() ? std::next(It) : S.Facts.erase(It);
  }

  const FunctionDecl *FD;
  ASTContext &Ctx;
  const std::function<std::string(const FunctionDecl *)> &KeyOf;
  const RangesLookup &RangesOf;
  /// Another name may reach their objects (copiedOrAddressed()).
  llvm::DenseSet<Root> Aliased;
  /// Written through a pointer or by asm: never known nonzero
  /// (`err = 1; get(&err); return err;`).
  llvm::DenseSet<Root> Indirect;
  FactMap Success;
  bool AnyReturn = false;
  /// Returns that are zero only if other functions' return ranges fail
  /// (`return nfserrno(PTR_ERR(exp))`): their conditions, and what held
  /// at each.
  std::vector<std::pair<Conds, FactMap>> MaybeZero;
};

} // namespace

FieldStates fputcheck::fieldStates(
    const FunctionDecl *FD, const CFG &Cfg,
    const std::function<std::string(const FunctionDecl *)> &KeyOf,
    const RangesLookup &RangesOf) {
  FieldStates Out;
  if (!FD->getBody())
    return Out;
  FieldTransfer T(FD, KeyOf, RangesOf);
  unsigned N = Cfg.getNumBlockIDs();
  std::vector<std::optional<State>> In(N);
  unsigned Visits = 0;
  In[Cfg.getEntry().getBlockID()] = T.entry();
  std::vector<const CFGBlock *> Work{&Cfg.getEntry()};
  std::vector<bool> Queued(N, false);
  while (!Work.empty()) {
    const CFGBlock *B = Work.back();
    Work.pop_back();
    Queued[B->getBlockID()] = false;
    if (++Visits > MaxVisits * N)
      return FieldStates(); // Says nothing rather than something wrong.
    if (B->hasNoReturnElement())
      continue;
    State AtEnd = *In[B->getBlockID()];
    T.block(*B, AtEnd, nullptr);
    unsigned Idx = 0;
    for (const CFGBlock *S : B->succs()) {
      unsigned I = Idx++;
      if (!S)
        continue;
      State Edge = AtEnd;
      T.edge(*B, I, Edge);
      std::optional<State> &Dst = In[S->getBlockID()];
      State New = Dst ? join(*Dst, Edge) : std::move(Edge);
      if (Dst && *Dst == New)
        continue;
      Dst = std::move(New);
      if (!Queued[S->getBlockID()]) {
        Queued[S->getBlockID()] = true;
        Work.push_back(S);
      }
    }
  }
  for (const CFGBlock *B : Cfg)
    if (std::optional<State> &S = In[B->getBlockID()];
        S && !B->hasNoReturnElement()) {
      State At = *S;
      T.block(*B, At, &Out);
    }
  T.finish(Out);
  for (auto &[CE, V] : Out.Args)
    llvm::sort(V);
  return Out;
}

FieldTestReader::FieldTestReader(const FunctionDecl *FD) : FD(FD) {
  std::vector<const Stmt *> Work{FD->getBody()};
  while (!Work.empty()) {
    const Stmt *St = Work.back();
    Work.pop_back();
    if (!St)
      continue;
    if (const auto *BO = dyn_cast<BinaryOperator>(St);
        BO && BO->isAssignmentOp()) {
      const Expr *L = BO->getLHS()->IgnoreParenImpCasts();
      const FieldDecl *Field = nullptr;
      if (const auto *ME = dyn_cast<MemberExpr>(L)) {
        Field = dyn_cast<FieldDecl>(ME->getMemberDecl());
        L = ME->getBase()->IgnoreParenImpCasts();
      }
      if (const auto *DRE = dyn_cast<DeclRefExpr>(L))
        if (const auto *P = dyn_cast<ParmVarDecl>(DRE->getDecl()))
          Assigned.emplace_back(P->getFunctionScopeIndex(), Field);
    }
    for (const Stmt *C : St->children())
      Work.push_back(C);
  }
}

std::optional<std::string> FieldTestReader::test(const Expr *E) const {
  const auto *ME = dyn_cast<MemberExpr>(E->IgnoreParenImpCasts());
  if (!ME || !ME->isArrow())
    return std::nullopt;
  const auto *Field = dyn_cast<FieldDecl>(ME->getMemberDecl());
  const auto *DRE = dyn_cast<DeclRefExpr>(ME->getBase()->IgnoreParenImpCasts());
  const auto *P = DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
  if (!Field || !P || !Field->getIdentifier() ||
      !Field->getType()->isPointerType())
    return std::nullopt;
  unsigned I = P->getFunctionScopeIndex();
  if (llvm::any_of(Assigned, [&](const auto &A) {
        return A.first == I && (!A.second || A.second == Field);
      }))
    return std::nullopt;
  std::string S = structName(Field->getParent());
  if (S.empty())
    return std::nullopt;
  return FieldSetPrefix + ("$" + std::to_string(I)) + ">" + S + "." +
         Field->getName().str();
}

std::optional<FieldSetTest> fputcheck::parseFieldSetFact(StringRef Fact) {
  if (!Fact.consume_front(FieldSetPrefix) || !Fact.consume_front("$"))
    return std::nullopt;
  auto [Num, Field] = Fact.split('>');
  FieldSetTest T;
  if (Num.getAsInteger(10, T.Param) || Field.empty())
    return std::nullopt;
  T.Field = Field.str();
  return T;
}
