//===- RunContexts.cpp - Where a chain's root may run ---------------------===//

#include "analysis/RunContexts.h"

#include <deque>

using namespace llvm;
using namespace fputcheck;

RunContexts::RunContexts(const Program &P, const Rules &R) : P(P), R(R) {
  if (R.ContextTests.empty())
    return; // Nothing would ever be asked.
  std::array<unsigned, NumBits> None;
  None.fill(~0u);
  // The callbacks of every context, found in one pass over the program:
  // the rules' callback lookups are linear, and there are five contexts.
  std::array<std::vector<const std::string *>, NumBits> Seeds;
  auto Seed = [&](const CallbackRule *CR, const std::string &Fn) {
    for (unsigned Bit = 0; CR && Bit < NumBits; ++Bit)
      if (contextBit(CR->Context) == (1u << Bit))
        Seeds[Bit].push_back(&Fn);
  };
  for (const FunctionSummary *F : P.functions())
    for (const CallSite &C : F->Calls)
      if (!C.Callee.empty())
        for (const auto &[Idx, Fn] : C.FnArgs)
          Seed(R.callbackForArg(keyName(C.Callee), Idx), Fn);
  for (const FieldStore &S : P.stores())
    Seed(R.callbackForField(S.Struct, S.Field), S.Function);
  // One 0-1 breadth-first search per context: a direct call (or one
  // through a known table) costs nothing, a guessed field call one.
  // The searches visit most of a kernel (work items reach a lot): the
  // queue holds the map's entries, so a visit costs one lookup of its key.
  using Entry = StringMapEntry<std::array<unsigned, NumBits>>;
  for (unsigned Bit = 0; Bit < NumBits; ++Bit) {
    std::deque<Entry *> Queue;
    auto Reach = [&](StringRef Key, unsigned Cost, bool Front) {
      if (Cost > R.MaxIndirectCalls)
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
    for (const std::string *Fn : Seeds[Bit])
      Reach(*Fn, 0, false);
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
          Reach(T, D + Guess, !Guess);
      }
    }
  }
}

unsigned RunContexts::rootMask(StringRef Key, unsigned Guesses) const {
  unsigned Mask = CtxTask;
  auto It = Fewest.find(Key);
  if (It != Fewest.end())
    for (unsigned Bit = 0; Bit < NumBits; ++Bit)
      if (It->second[Bit] <= Guesses)
        Mask |= 1u << Bit;
  return Mask;
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
