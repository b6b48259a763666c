//===- RootChains.cpp - Chains from the roots of a context ----------------===//

#include "checks/RootChains.h"

#include "llvm/ADT/DenseMap.h"

using namespace llvm;
using namespace fputcheck;

std::vector<Origin> fputcheck::originsOf(const Reachability &RA,
                                         const std::vector<Root> &Roots) {
  std::vector<Origin> Out;
  for (const Root &Rt : Roots) {
    const FunctionSummary *F = RA.program().function(Rt.Key);
    if (!F || RA.isSync(Rt.Key))
      continue;
    for (unsigned I = 0; I < F->Calls.size(); ++I)
      Out.push_back(Origin{F, I, Rt.Contexts, Rt.FromCallers});
  }
  return Out;
}

void fputcheck::chainsFromRoots(
    const Reachability &RA, const std::vector<Root> &Roots,
    const std::function<void(const Root &, std::vector<Hop>)> &Report) {
  // By the linked function: a root's key may name it by another spelling.
  DenseMap<const FunctionSummary *, const Root *> ByFunction;
  for (const Root &Rt : Roots)
    if (const FunctionSummary *F = RA.program().function(Rt.Key))
      ByFunction.try_emplace(F, &Rt);
  // The root is the context, each sync call its own finding: every chain.
  searchChains(RA, originsOf(RA, Roots), "", [&](std::vector<Hop> Chain) {
    const Root *Rt = ByFunction.lookup(Chain.front().F);
    assert(Rt && "a chain starts at one of the roots");
    Report(*Rt, std::move(Chain));
    return true;
  });
}
