//===- LockState.cpp - Locks held at one point of a function ----*- C++ -*-===//

#include "extract/LockState.h"
#include "extract/LockKey.h"

#include <cassert>
#include <tuple>

using namespace fputcheck;

bool LockState::wellFormed() const {
  if (!Reached)
    return Held.empty() && Released.empty() && Why.empty();
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
  return true;
}

bool LockState::join(const LockState &O) {
  assert(wellFormed() && O.wellFormed());
  if (!O.Reached)
    return false;
  if (!Reached) {
    *this = O;
    return true;
  }
  bool Changed = false;
  for (const auto &[K, L] : O.Held) {
    auto [It, New] = Held.try_emplace(K, L);
    auto Theirs = O.Why.find(K);
    if (New) {
      Changed = true;
      if (Theirs != O.Why.end())
        Why[K] = Theirs->second;
      continue;
    }
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
  for (const std::string &K : O.Released)
    Changed |= Released.insert(K).second;
  assert(wellFormed());
  return Changed;
}

void LockState::acquire(HeldLock L, const clang::CallExpr *Try) {
  assert(Reached && !L.Key.empty() && "a lock taken on no path, or unnamed");
  bool WasReleased = false;
  for (auto It = Released.begin(); It != Released.end();) {
    if (sameLock(*It, L.Key)) {
      It = Released.erase(It);
      WasReleased = true;
    } else {
      ++It;
    }
  }
  std::string K = L.Key;
  Held[K] = std::move(L);
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
  bool WasHeld = false;
  for (auto It = Held.begin(); It != Held.end();) {
    if (sameLock(It->first, Key)) {
      Why.erase(It->first);
      It = Held.erase(It);
      WasHeld = true;
    } else {
      ++It;
    }
  }
  // Only a lock the caller held counts as released on its behalf.
  if (!WasHeld)
    Released.insert(Key);
  assert(wellFormed());
}
