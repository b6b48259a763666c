//===- ExitEffects.cpp - A function's net effect on locks -------*- C++ -*-===//

#include "extract/ExitEffects.h"
#include "extract/LockKey.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include <cassert>
#include <map>
#include <set>

using namespace clang;
using namespace fputcheck;

ExitEffects::ReturnValue
ExitEffects::returnValueOf(const CFGBlock &B, const LockState &Out) const {
  ReturnValue V;
  const ReturnStmt *RS = nullptr;
  for (const CFGElement &E : B)
    if (auto CS = E.getAs<CFGStmt>())
      if (const auto *Ret = dyn_cast<ReturnStmt>(CS->getStmt()))
        RS = Ret;
  const Expr *RV = RS ? RS->getRetValue() : nullptr;
  if (!RV)
    return V;
  if ((V.Try = T.trylockIn(RV, V.Same, Out))) {
    V.Kind = ReturnValue::Trylock;
    return V;
  }
  ASTContext &Ctx = FD->getASTContext();
  Expr::EvalResult Res;
  if (!RV->isValueDependent() && RV->EvaluateAsInt(Res, Ctx))
    V.Kind =
        Res.Val.getInt().isZero() ? ReturnValue::Zero : ReturnValue::NonZero;
  else if (RV->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
    V.Kind = ReturnValue::Zero;
  return V;
}

void ExitEffects::noteBlockEnd(const CFGBlock &B, const LockState &Out) {
  assert(Out.Reached && "a block no path reaches returns nothing");
  if (B.hasNoReturnElement())
    return;
  unsigned Idx = 0;
  for (const CFGBlock *S : B.succs()) {
    unsigned I = Idx++;
    if (S != &Cfg.getExit())
      continue;
    // An edge earlier tests rule out returns nothing.
    LockState Edge = T.edgeState(B, I, Out);
    if (Edge.Reached)
      ExitPaths.emplace_back(std::move(Edge), returnValueOf(B, Out));
  }
}

std::optional<LockEffect> ExitEffects::effectForKey(LockOp Op,
                                                    const std::string &Key,
                                                    const std::string &Text,
                                                    const std::string &Kind,
                                                    const std::string &Prim) {
  LockEffect E;
  E.Op = Op;
  E.Kind = Kind;
  E.Primitive = Prim;
  E.Text = Text;
  // Keys come named through locals already (LockTransfer::nameThroughLocals).
  LockKey K(Key);
  if (K.isParam()) {
    E.Param = K.paramIndex();
    E.Path = K.paramPath().str();
    assert(E.Param >= 0 && "a parameter key names its index");
  } else if (K.isFixed()) {
    E.FixedKey = Key;
  }
  // A lock the caller cannot name (a local's, an unrooted expression's)
  // is no lock of any of its arguments: taking it is not applied at all.
  if (E.Param < 0 && E.FixedKey.empty() && Op != LockOp::Release)
    return std::nullopt;
  return E;
}

std::vector<LockEffect> ExitEffects::effects() {
  // For each lock held on some path out: may it be held when the function
  // returns zero, and when it returns nonzero? Held for both is an acquire;
  // for one only, the function is a trylock with that success value
  // (io_acct_run_queue() returns true holding acct->lock, false without;
  // prepare_bprm_creds() returns 0 holding cred_guard_mutex).
  struct Sides {
    bool Zero = false, NonZero = false;
    std::string Text, Kind, Primitive;
  };
  std::map<std::string, Sides> Held;
  std::set<std::string> Released;
  auto Note = [&](const std::string &K, const std::string &Text,
                  const std::string &Kind, const std::string &Prim) -> Sides & {
    auto [It, New] = Held.try_emplace(K);
    if (New)
      It->second = Sides{false, false, Text, Kind, Prim};
    return It->second;
  };
  // The return value that says trylock A succeeded, as returned.
  auto SuccessNonZero = [](const AppliedOp &A, bool Same) {
    return (A.Success == TrySuccess::NonZero) == Same;
  };
  for (const auto &[S, V] : ExitPaths) {
    const std::vector<AppliedOp> *Tries =
        V.Kind == ReturnValue::Trylock ? &T.attempts(V.Try) : nullptr;
    for (const auto &[K, L] : S.Held) {
      auto W = S.Why.find(K);
      // The caller's own lock, dropped and taken again: no net effect.
      if (W != S.Why.end() && W->second.Restored)
        continue;
      Sides &Sd = Note(K, L.Text, L.Kind, L.Primitive);
      const AppliedOp *Tried = nullptr;
      if (Tries && W != S.Why.end() && W->second.Try == V.Try)
        for (const AppliedOp &A : *Tries)
          if (sameLock(A.Key, K))
            Tried = &A;
      if (Tried) {
        // Taken by the trylock whose result is returned: held only when
        // that result says so.
        (SuccessNonZero(*Tried, V.Same) ? Sd.NonZero : Sd.Zero) = true;
        continue;
      }
      Sd.Zero |= V.Kind != ReturnValue::NonZero;
      Sd.NonZero |= V.Kind != ReturnValue::Zero;
    }
    // "return spin_trylock(l)": a trylock wrapper.
    if (Tries)
      for (const AppliedOp &A : *Tries)
        if (!S.Held.count(A.Key)) {
          Sides &Sd = Note(A.Key, A.Text, A.Kind, A.Primitive);
          (SuccessNonZero(A, V.Same) ? Sd.NonZero : Sd.Zero) = true;
        }
    Released.insert(S.Released.begin(), S.Released.end());
  }
  std::vector<LockEffect> Out;
  for (const auto &[K, Sd] : Held) {
    if (!Sd.Zero && !Sd.NonZero)
      continue;
    LockOp Op = Sd.Zero && Sd.NonZero ? LockOp::Acquire : LockOp::TryAcquire;
    if (std::optional<LockEffect> E =
            effectForKey(Op, K, Sd.Text, Sd.Kind, Sd.Primitive)) {
      E->Success = Sd.NonZero ? TrySuccess::NonZero : TrySuccess::Zero;
      Out.push_back(std::move(*E));
    }
  }
  for (const std::string &K : Released)
    if (std::optional<LockEffect> E =
            effectForKey(LockOp::Release, K, K, "", ""))
      Out.push_back(std::move(*E));
  return Out;
}
