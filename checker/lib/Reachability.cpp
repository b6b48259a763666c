//===- Reachability.cpp - Which functions reach a sync variant --*- C++ -*-===//

#include "Reachability.h"

#include <deque>

using namespace llvm;
using namespace fputcheck;

Reachability::Reachability(const Program &P, const Rules &R) : P(P), R(R) {
  StringMap<std::vector<const FunctionSummary *>> Callers;
  std::deque<std::string> Queue;
  for (const FunctionSummary *F : P.functions())
    for (const CallSite &C : F->Calls)
      for (const std::string &T : P.targets(C)) {
        Callers[T].push_back(F);
        if (isSync(T) && Dist.try_emplace(T, 0).second)
          Queue.push_back(T);
      }
  // Sync variants defined but never called (exported ones) count too.
  for (const FunctionSummary *F : P.functions())
    if (isSync(F->Key) && Dist.try_emplace(F->Key, 0).second)
      Queue.push_back(F->Key);
  while (!Queue.empty()) {
    std::string T = Queue.front();
    Queue.pop_front();
    unsigned D = Dist[T];
    auto It = Callers.find(T);
    if (It == Callers.end())
      continue;
    for (const FunctionSummary *F : It->second)
      if (!R.isBarrier(keyName(F->Key)) &&
          Dist.try_emplace(F->Key, D + 1).second)
        Queue.push_back(F->Key);
  }
}

bool Reachability::isSync(StringRef Key) const {
  return R.isSyncVariant(keyName(Key));
}

Step fputcheck::stepFor(const Hop &H) {
  const CallSite &C = H.F->Calls[H.Site];
  return Step{H.F->Name, H.F->File, C.Line, C.Col,
              H.F->Name + "() calls " + keyName(H.Target).str() + "()"};
}

std::string fputcheck::chainText(const std::vector<Hop> &Hops) {
  std::string S;
  for (const Hop &H : Hops) {
    if (!S.empty())
      S += " -> ";
    S += keyName(H.Target);
  }
  return S;
}
