//===- LockState.cpp - Locks held at one point of a function ----*- C++ -*-===//

#include "extract/LockState.h"
#include "extract/LockKey.h"

#include <cassert>
#include <iterator>
#include <tuple>
#include <vector>

using namespace fputcheck;

bool LockState::wellFormed() const {
  if (!Reached)
    return Held.empty() && Released.empty() && Why.empty() &&
           Assumed.empty() && HeldWhen.empty() && ReleasedWhen.empty() &&
           TryVars.empty();
  for (const auto &[K, L] : Held)
    if (K.empty() || L.Key != K)
      return false;
  for (const std::string &K : Released)
    if (K.empty())
      return false;
  // A reason belongs to a held lock and says one thing.
  for (const auto &[K, W] : Why)
    if (!Held.count(K) || (W.Try != nullptr) == W.Restored)
      return false;
  // Every held or released lock knows what every path here knows.
  auto Knows = [&](const std::map<std::string, bool> &When) {
    for (const auto &[C, V] : Assumed) {
      auto It = When.find(C);
      if (It == When.end() || It->second != V)
        return false;
    }
    return true;
  };
  if (HeldWhen.size() != Held.size() ||
      ReleasedWhen.size() != Released.size())
    return false;
  for (const auto &[K, When] : HeldWhen)
    if (!Held.count(K) || !Knows(When))
      return false;
  for (const auto &[K, When] : ReleasedWhen)
    if (!Released.count(K) || !Knows(When))
      return false;
  return true;
}

/// Keeps in \p Mine the entries \p Theirs agrees on; returns whether any
/// went.
template <class K, class V>
static bool intersect(std::map<K, V> &Mine, const std::map<K, V> &Theirs) {
  bool Changed = false;
  for (auto It = Mine.begin(); It != Mine.end();) {
    auto T = Theirs.find(It->first);
    if (T == Theirs.end() || T->second != It->second) {
      It = Mine.erase(It);
      Changed = true;
    } else {
      ++It;
    }
  }
  return Changed;
}

bool LockState::join(const LockState &O) {
  assert(wellFormed() && O.wellFormed());
  if (!O.Reached)
    return false;
  if (!Reached) {
    *this = O;
    return true;
  }
  bool Changed = intersect(Assumed, O.Assumed);
  Changed |= intersect(TryVars, O.TryVars);
  // A lock held on one side only is held on that side's paths, so what
  // they passed still holds wherever it is held.
  for (const auto &[K, L] : O.Held) {
    auto [It, New] = Held.try_emplace(K, L);
    auto Theirs = O.Why.find(K);
    if (New) {
      Changed = true;
      HeldWhen[K] = O.HeldWhen.at(K);
      if (Theirs != O.Why.end())
        Why[K] = Theirs->second;
      continue;
    }
    Changed |= intersect(HeldWhen[K], O.HeldWhen.at(K));
    if (std::tie(L.Line, L.Col) < std::tie(It->second.Line, It->second.Col)) {
      It->second = L; // Deterministic choice of the witness.
      Changed = true;
    }
    // Held on both sides: a reason survives only if both give it.
    auto Mine = Why.find(K);
    if (Mine != Why.end() &&
        (Theirs == O.Why.end() || !(Theirs->second == Mine->second))) {
      Why.erase(Mine);
      Changed = true;
    }
  }
  for (const std::string &K : O.Released) {
    if (Released.insert(K).second) {
      Changed = true;
      ReleasedWhen[K] = O.ReleasedWhen.at(K);
    } else {
      Changed |= intersect(ReleasedWhen[K], O.ReleasedWhen.at(K));
    }
  }
  assert(wellFormed());
  return Changed;
}

void LockState::acquire(HeldLock L, const clang::CallExpr *Try) {
  assert(Reached && !L.Key.empty() && "a lock taken on no path, or unnamed");
  bool WasReleased = false;
  for (auto It = Released.begin(); It != Released.end();) {
    if (sameLock(*It, L.Key)) {
      ReleasedWhen.erase(*It);
      It = Released.erase(It);
      WasReleased = true;
    } else {
      ++It;
    }
  }
  std::string K = L.Key;
  Held[K] = std::move(L);
  HeldWhen[K] = Assumed;
  if (Try)
    Why[K] = HoldReason{Try, false};
  else if (WasReleased)
    Why[K] = HoldReason{nullptr, true};
  else
    Why.erase(K);
  assert(wellFormed());
}

void LockState::release(const std::string &Key) {
  assert(Reached && !Key.empty() && "a lock released on no path, or unnamed");
  bool Ours = false;
  for (auto It = Held.begin(); It != Held.end();) {
    if (sameLock(It->first, Key)) {
      auto W = Why.find(It->first);
      // Released again after taking it back: it is the caller's again.
      if (W == Why.end() || !W->second.Restored)
        Ours = true;
      if (W != Why.end())
        Why.erase(W);
      HeldWhen.erase(It->first);
      It = Held.erase(It);
    } else {
      ++It;
    }
  }
  // Only a lock the caller held counts as released on its behalf. Every
  // path here has now released it, so what those paths passed is Assumed.
  if (!Ours) {
    Released.insert(Key);
    ReleasedWhen[Key] = Assumed;
  }
  assert(wellFormed());
}

/// Adds the test \p Key = \p Value to every entry of \p Whens, and takes out
/// (returning them) the entries whose paths all gave it the other value.
static std::vector<std::string>
narrow(std::map<std::string, std::map<std::string, bool>> &Whens,
       const std::string &Key, bool Value) {
  std::vector<std::string> Gone;
  for (auto It = Whens.begin(); It != Whens.end();) {
    auto [C, New] = It->second.try_emplace(Key, Value);
    if (!New && C->second != Value) {
      Gone.push_back(It->first);
      It = Whens.erase(It);
    } else {
      ++It;
    }
  }
  return Gone;
}

bool LockState::assume(const std::string &Key, bool Value) {
  assert(Reached && !Key.empty() && "a test on no path, or unnamed");
  auto A = Assumed.find(Key);
  if (A != Assumed.end())
    return A->second == Value;
  for (const std::string &K : narrow(HeldWhen, Key, Value)) {
    Held.erase(K);
    Why.erase(K);
  }
  for (const std::string &K : narrow(ReleasedWhen, Key, Value))
    Released.erase(K);
  Assumed[Key] = Value;
  assert(wellFormed());
  return true;
}

void LockState::forget(const std::string &Token) {
  auto Drop = [&](std::map<std::string, bool> &M) {
    for (auto It = M.begin(); It != M.end();)
      It = It->first.find(Token) != std::string::npos ? M.erase(It)
                                                       : std::next(It);
  };
  Drop(Assumed);
  for (auto &[K, When] : HeldWhen)
    Drop(When);
  for (auto &[K, When] : ReleasedWhen)
    Drop(When);
  assert(wellFormed());
}
