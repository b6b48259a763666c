//===- RunContexts.cpp - Where a chain's root may run ---------------------===//

#include "analysis/RunContexts.h"

#include "llvm/ADT/StringSet.h"

#include <deque>

using namespace llvm;
using namespace fputcheck;

RunContexts::RunContexts(const Program &P, const Rules &R) : P(P), R(R) {
  if (R.ContextTests.empty() && R.RunsInRules.empty())
    return; // Nothing would ever be asked.
  std::array<unsigned, NumBits> None;
  None.fill(~0u);
  // The callbacks of every context, found in one pass over the program:
  // the rules' callback lookups are linear, and there are five contexts.
  std::array<std::vector<StringRef>, NumBits> Seeds;
  auto SeedMask = [&](unsigned Mask, StringRef Fn) {
    for (unsigned Bit = 0; Bit < NumBits; ++Bit)
      if (Mask & (1u << Bit))
        Seeds[Bit].push_back(Fn);
  };
  // Where a function may be called from places no summary shows: it may
  // then run in plain process context (Open), and so may its callees.
  StringSet<> Open, Called, Registered;
  for (const FunctionSummary *F : P.functions())
    for (const CallSite &C : F->Calls) {
      for (const std::string &T : P.targets(C))
        Called.insert(T);
      if (C.Callee.empty())
        continue;
      for (const auto &[Idx, Fn] : C.FnArgs) {
        const CallbackRule *CR = R.callbackForArg(keyName(C.Callee), Idx);
        if (!CR) {
          Open.insert(Fn); // Handed to a function that may call it.
          continue;
        }
        SeedMask(contextBit(CR->Context), Fn);
        Registered.insert(Fn);
      }
    }
  for (const FieldStore &S : P.stores()) {
    const CallbackRule *CR = R.callbackForField(S.Struct, S.Field);
    if (!CR) {
      // Calls through the field may be capped or unresolved: whoever
      // calls through it may call this.
      Open.insert(S.Function);
      continue;
    }
    SeedMask(contextBit(CR->Context), S.Function);
    Registered.insert(S.Function);
  }
  for (const ExportMark &E : P.exports())
    Open.insert(E.Symbol); // Modules call it.
  for (const FunctionSummary *F : P.functions()) {
    if (P.escapes(F->Key))
      Open.insert(F->Key);
    // Called from nowhere the program shows (a system call, an entry from
    // assembly) and not a callback: its caller may be a task.
    else if (!Called.count(F->Key) && !Registered.count(F->Key))
      Open.insert(F->Key);
  }
  // Functions the rules place (boot code on the idle task) start in their
  // contexts and take no other from their callers.
  for (const RunsIn &RI : R.RunsInRules)
    SeedMask(RI.Contexts, RI.Function);
  for (const auto &E : Open)
    Seeds[0].push_back(E.getKey());
  // One 0-1 breadth-first search per context: a direct call (or one
  // through a known table) costs nothing, a guessed field call one.
  // The searches visit most of a kernel (work items reach a lot): the
  // queue holds the map's entries, so a visit costs one lookup of its key.
  // Plain process context (bit 0) follows every call whatever the budget:
  // a function that may run there must not be held to its callbacks'
  // contexts because the path is long.
  using Entry = StringMapEntry<std::array<unsigned, NumBits>>;
  for (unsigned Bit = 0; Bit < NumBits; ++Bit) {
    unsigned Budget = Bit == 0 ? ~0u - 1 : R.MaxIndirectCalls;
    std::deque<Entry *> Queue;
    auto Reach = [&](StringRef Key, unsigned Cost, bool Front) {
      if (Cost > Budget)
        return;
      // A function the rules place runs only in its contexts.
      if (!(R.runsIn(keyName(Key)) & (1u << Bit)))
        return;
      auto [It, New] = Fewest.try_emplace(Key, None);
      unsigned &D = It->second[Bit];
      if (D <= Cost)
        return;
      D = Cost;
      if (Front)
        Queue.push_front(&*It);
      else
        Queue.push_back(&*It);
    };
    for (StringRef Fn : Seeds[Bit])
      Reach(Fn, 0, false);
    while (!Queue.empty()) {
      Entry *E = Queue.front();
      Queue.pop_front();
      const FunctionSummary *F = P.function(E->getKey());
      if (!F)
        continue;
      unsigned D = E->second[Bit];
      for (const CallSite &C : F->Calls) {
        bool Guess = P.isGuess(C);
        for (const std::string &T : P.targets(C))
          Reach(T, D + (Bit == 0 ? 0 : Guess), Bit == 0 || !Guess);
      }
    }
  }
  Placed = true;
}

unsigned RunContexts::rootMask(StringRef Key, unsigned Guesses) const {
  // An editor's file: the whole program's answer, when it gave one; a
  // function without one may run in plain process context.
  if (P.contextsKnown()) {
    const auto *Known = P.assumedContexts(Key);
    ArrayRef<std::pair<unsigned, unsigned>> Bits;
    if (Known)
      Bits = *Known;
    unsigned Mask = 0;
    for (const auto &[Bit, Cost] : Bits)
      if (Bit < NumBits && Cost <= Guesses)
        Mask |= 1u << Bit;
    if (!Known || !(Mask & ~CtxTask)) {
      Mask |= CtxTask;
      // What this file registers adds its callbacks' contexts.
      if (auto It = Fewest.find(Key); It != Fewest.end())
        for (unsigned Bit = 1; Bit < NumBits; ++Bit)
          if (It->second[Bit] <= Guesses)
            Mask |= 1u << Bit;
    }
    return Mask;
  }
  auto It = Fewest.find(Key);
  // A function no search reached (not linked, or no rules that place
  // anything) may run anywhere a system call does.
  if (!Placed || It == Fewest.end())
    return CtxTask;
  unsigned Mask = 0;
  for (unsigned Bit = 1; Bit < NumBits; ++Bit)
    if (It->second[Bit] <= Guesses)
      Mask |= 1u << Bit;
  // Plain process context when some path from a place that runs there
  // reaches it, and when no callback close enough does: a function only
  // callbacks reach runs only in theirs.
  if (It->second[0] != ~0u || !Mask)
    Mask |= CtxTask;
  return Mask;
}

std::optional<std::vector<std::pair<unsigned, unsigned>>>
RunContexts::callbackOnly(StringRef Key) const {
  auto It = Fewest.find(Key);
  if (!Placed || It == Fewest.end() || It->second[0] != ~0u)
    return std::nullopt;
  std::vector<std::pair<unsigned, unsigned>> Out;
  for (unsigned Bit = 1; Bit < NumBits; ++Bit)
    if (It->second[Bit] != ~0u)
      Out.push_back({Bit, It->second[Bit]});
  return Out;
}

unsigned RunContexts::allow(unsigned Mask, ArrayRef<std::string> Guards) const {
  for (const std::string &G : Guards) {
    const ContextTest *T = R.contextTest(StringRef(G).drop_front());
    if (!T)
      continue; // A test these rules no longer name says nothing.
    Mask &= G[0] == '+' ? T->TrueIn : ~T->TrueIn;
  }
  return Mask & CtxAll;
}

unsigned RunContexts::narrow(unsigned Before, StringRef Root,
                             unsigned Indirect,
                             ArrayRef<std::string> Guards) const {
  unsigned Max = R.MaxIndirectCalls;
  if (!Root.empty())
    Before &= rootMask(Root, Max == ~0u ? ~0u : Max - Indirect);
  return allow(Before, Guards);
}

unsigned RunContexts::syncMask(StringRef Key) const {
  const FunctionSummary *F = P.function(Key);
  if (!F)
    return CtxAll;
  unsigned Mask = CtxAll;
  for (const CallSite &C : F->Calls)
    Mask = allow(Mask, C.Guards);
  // Tests that contradict each other describe no one context: ignore them.
  return Mask ? Mask : CtxAll;
}
