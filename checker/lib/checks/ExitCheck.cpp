//===- ExitCheck.cpp - fput-sync-exit ---------------------------*- C++ -*-===//
//
// The task exit path (make_task_dead() -> do_exit() -> exit_files()) runs
// where the final __fput() cannot: the roots are rules' exit_roots, and a
// root reached from another is left to the outer one.
//
//===----------------------------------------------------------------------===//

#include "checks/ChainFinding.h"
#include "checks/Check.h"
#include "checks/RootChains.h"

using namespace fputcheck;

namespace {

class ExitCheck : public Check {
public:
  void run(const Reachability &RA, ChainMode M, FindingSink &Out) override;
};

std::vector<Root> exitRoots(const Reachability &RA) {
  std::vector<Root> Out;
  for (const std::string &Name : RA.rules().exitRoots())
    if (RA.reaches(Name))
      Out.push_back(Root{Name, Step{}, "", CtxAll, true});
  return Out;
}

/// Drops roots reached from another root: the chain should start at the
/// outermost one (make_task_dead(), not the do_exit() it calls).
std::vector<Root> outermost(const Reachability &RA,
                            const std::vector<Root> &Roots) {
  std::vector<Root> Out;
  for (unsigned I = 0; I < Roots.size(); ++I) {
    bool Inner = false;
    for (unsigned J = 0; J < Roots.size() && !Inner; ++J)
      Inner = I != J &&
              chainsPass(RA, originsOf(RA, {Roots[J]}), Roots[I].Key) &&
              !chainsPass(RA, originsOf(RA, {Roots[I]}), Roots[J].Key);
    if (!Inner)
      Out.push_back(Roots[I]);
  }
  return Out;
}

} // namespace

std::unique_ptr<Check> fputcheck::makeExitCheck() {
  return std::make_unique<ExitCheck>();
}

void ExitCheck::run(const Reachability &RA, ChainMode, FindingSink &Out) {
  chainsFromRoots(RA, outermost(RA, exitRoots(RA)),
                  [&](const Root &Rt, std::vector<Hop> Chain) {
                    std::string Name = keyName(Rt.Key).str();
                    Finding Fd = chainFinding(CheckKind::Exit, Chain,
                                              Chain.back(),
                                              "reached on the task exit path",
                                              Name);
                    Fd.Chain = Name + " -> " + Fd.Chain;
                    Out.report(std::move(Fd));
                  });
}
