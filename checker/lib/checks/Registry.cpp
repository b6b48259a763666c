//===- Registry.cpp - Running the enabled checks --------------------------===//

#include "analysis/ReachFacts.h"
#include "checks/Check.h"

#include "llvm/ADT/STLExtras.h"

using namespace fputcheck;

Check::~Check() = default;
FindingSink::~FindingSink() = default;

namespace {

struct Entry {
  CheckKind Kind;
  std::unique_ptr<Check> (*Make)();
};

constexpr Entry Registry[] = {
#define FPUTCHECK_CHECK(Kind, Id, Class, Summary) {CheckKind::Kind, &make##Class},
#include "fputcheck/Checks.def"
};

/// Passes on the findings of enabled ids only.
class EnabledOnly : public FindingSink {
public:
  EnabledOnly(CheckSet Enabled, FindingSink &Out)
      : Enabled(Enabled), Out(Out) {}
  void report(Finding F) override {
    if (Enabled[unsigned(F.Check)])
      Out.report(std::move(F));
  }

private:
  CheckSet Enabled;
  FindingSink &Out;
};

} // namespace

void fputcheck::runChecks(const Reachability &RA, const AnalysisOptions &O,
                          FindingSink &Out) {
  EnabledOnly Sink(O.Enabled, Out);
  std::vector<std::unique_ptr<Check> (*)()> Ran;
  for (const Entry &E : Registry) {
    if (!O.Enabled[unsigned(E.Kind)] || llvm::is_contained(Ran, E.Make))
      continue;
    Ran.push_back(E.Make);
    E.Make()->run(RA, O.Mode, Sink);
  }
}

void fputcheck::analyzeProgram(const Program &P, const Rules &R,
                               const AnalysisOptions &O, FindingSink &Sink) {
  Reachability RA(P, R);
  runChecks(RA, O, Sink);
  if (O.Facts)
    *O.Facts = reachFacts(RA);
}

std::vector<Finding> fputcheck::analyzeProgram(const Program &P,
                                               const Rules &R,
                                               const AnalysisOptions &O) {
  CollectingSink Sink;
  analyzeProgram(P, R, O, Sink);
  sortFindings(Sink.Findings);
  return std::move(Sink.Findings);
}
