//===- RunChecks.cpp - Running the enabled checks ---------------*- C++ -*-===//

#include "Checks.h"

using namespace fputcheck;

std::vector<Step> fputcheck::flowFor(const std::vector<Hop> &Hops) {
  std::vector<Step> Flow;
  for (const Hop &H : Hops)
    Flow.push_back(stepFor(H));
  return Flow;
}

std::vector<Finding> fputcheck::runChecks(const Reachability &RA,
                                          CheckSet Enabled, ChainMode M) {
  std::vector<Finding> All;
  if (Enabled[unsigned(CheckKind::Atomic)] ||
      Enabled[unsigned(CheckKind::Locked)])
    checkLocks(RA, M, All);
  if (Enabled[unsigned(CheckKind::Export)])
    checkExports(RA, M, All);
  if (Enabled[unsigned(CheckKind::BeforeComplete)])
    checkBeforeComplete(RA, M, All);
  if (Enabled[unsigned(CheckKind::Exit)] || Enabled[unsigned(CheckKind::Irq)])
    checkContexts(RA, All);
  std::vector<Finding> Out;
  for (Finding &F : All)
    if (Enabled[unsigned(F.Check)])
      Out.push_back(std::move(F));
  sortFindings(Out);
  return Out;
}
