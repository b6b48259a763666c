//===- Reachability.cpp - Which functions reach a sync variant --*- C++ -*-===//

#include "analysis/Reachability.h"
#include "extract/LockKey.h"
#include "extract/ObjectTags.h"

#include "llvm/ADT/STLExtras.h"
#include <deque>

using namespace llvm;
using namespace fputcheck;

Reachability::Reachability(const Program &P, const Rules &R)
    : P(P), R(R), Contexts(P, R) {
  // Callers of each function, with 1 for a call through a struct field.
  StringMap<std::vector<std::pair<const FunctionSummary *, unsigned>>> Callers;
  std::deque<std::string> Queue;
  auto Seed = [&](const std::string &Key) {
    if (FewestIndirect.try_emplace(Key, 0).second)
      Queue.push_back(Key);
  };
  for (const FunctionSummary *F : P.functions())
    for (const CallSite &C : F->Calls)
      for (const std::string &T : P.targets(C)) {
        if (!follows(C, T))
          continue;
        Callers[T].push_back({F, P.isGuess(C) ? 1u : 0u});
        if (isSync(T))
          Seed(T);
      }
  // Sync variants defined but never called (exported ones) count too.
  for (const FunctionSummary *F : P.functions())
    if (isSync(F->Key))
      Seed(F->Key);
  // 0-1 breadth-first search: a direct call costs nothing, so its caller
  // goes to the front and every function is settled with its fewest.
  while (!Queue.empty()) {
    std::string T = Queue.front();
    Queue.pop_front();
    unsigned D = FewestIndirect[T];
    auto It = Callers.find(T);
    if (It == Callers.end())
      continue;
    for (auto [F, Cost] : It->second) {
      CallsReaching.insert(F);
      if (R.isBarrier(keyName(F->Key)) || D + Cost > R.MaxIndirectCalls)
        continue;
      auto [Known, New] = FewestIndirect.try_emplace(F->Key, D + Cost);
      if (!New && Known->second <= D + Cost)
        continue;
      Known->second = D + Cost;
      if (Cost)
        Queue.push_back(F->Key);
      else
        Queue.push_front(F->Key);
    }
  }
  findTagParams();
}

bool Reachability::isSync(StringRef Key) const {
  return R.isSyncVariant(keyName(Key));
}

void Reachability::findTagParams() {
  auto Add = [&](StringRef Key, unsigned Param) {
    std::vector<unsigned> &Ps = TagParams[Key];
    if (is_contained(Ps, Param))
      return false;
    Ps.insert(llvm::upper_bound(Ps, Param), Param);
    return true;
  };
  for (const Program::TagTestAt &At : P.tagTests())
    if (std::optional<TagTest> T =
            parseTagFact(StringRef(*At.Guard).drop_front()))
      Add(At.F->Key, T->Param);
  if (TagParams.empty())
    return;
  // A parameter passed on unchanged to one the callee's tests read.
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (const FunctionSummary *F : P.functions())
      for (const CallSite &C : F->Calls)
        for (unsigned I = 0; I < C.ArgKeys.size(); ++I) {
          int Param = passedParam(C.ArgKeys[I]);
          if (Param < 0)
            continue;
          for (const std::string &T : P.targets(C))
            if (is_contained(tagParams(T), I))
              Changed |= Add(F->Key, Param);
        }
  }
}

bool Reachability::follows(const CallSite &C, StringRef Target) const {
  if (C.HeldRefArgs.empty() || !isSync(Target))
    return true;
  int File = R.releaseFileArg(keyName(Target));
  return File < 0 || !llvm::is_contained(C.HeldRefArgs, unsigned(File));
}

int fputcheck::passedParam(StringRef ArgKey) {
  LockKey K(ArgKey);
  return K.isParam() && K.paramPath().empty() ? K.paramIndex() : -1;
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
