//===- RunChecks.cpp - Running the enabled checks ---------------*- C++ -*-===//

#include "checks/Checks.h"
#include "extract/ContextTests.h"

using namespace fputcheck;

void fputcheck::setFlow(Finding &Fd, const std::vector<Hop> &Hops) {
  Fd.Flow.clear();
  std::string Condition;
  for (const Hop &H : Hops) {
    Step S = stepFor(H);
    for (const std::string &G : H.F->Calls[H.Site].Guards) {
      llvm::StringRef Test(G);
      if (!Test.consume_front("+") || !Test.consume_front(LastRefPrefix))
        continue;
      S.Message += " when " + Test.str() + "() drops the last reference";
      if (Condition.empty())
        Condition = ", only when " + H.F->Name + "() drops the last reference";
      break;
    }
    Fd.Flow.push_back(std::move(S));
  }
  Fd.Message += Condition;
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
