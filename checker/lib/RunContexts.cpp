//===- RunContexts.cpp - Where a chain's root may run ---------------------===//

#include "RunContexts.h"

#include <deque>

using namespace llvm;
using namespace fputcheck;

RunContexts::RunContexts(const Program &P, const Rules &R) : P(P), R(R) {
  if (R.ContextTests.empty())
    return; // Nothing would ever be asked.
  std::deque<std::pair<std::string, unsigned>> Queue;
  auto Mark = [&](const std::string &Key, unsigned Bits) {
    unsigned &M = Reached[Key];
    if ((M | Bits) != M) {
      M |= Bits;
      Queue.push_back({Key, Bits});
    }
  };
  for (const FunctionSummary *F : P.functions())
    for (const CallSite &C : F->Calls)
      if (!C.Callee.empty())
        for (const auto &[Idx, Fn] : C.FnArgs)
          if (const CallbackRule *CR = R.callbackForArg(keyName(C.Callee), Idx))
            Mark(Fn, contextBit(CR->Context));
  for (const FieldStore &S : P.stores())
    if (const CallbackRule *CR = R.callbackForField(S.Struct, S.Field))
      Mark(S.Function, contextBit(CR->Context));
  // Forward over every call edge the chains use, each context once.
  while (!Queue.empty()) {
    auto [Key, Bits] = Queue.front();
    Queue.pop_front();
    const FunctionSummary *F = P.function(Key);
    if (!F)
      continue;
    for (const CallSite &C : F->Calls)
      for (const std::string &T : P.targets(C))
        Mark(T, Bits);
  }
}

unsigned RunContexts::rootMask(StringRef Key) const {
  auto It = Reached.find(Key);
  return CtxTask | (It == Reached.end() ? 0 : It->second);
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
