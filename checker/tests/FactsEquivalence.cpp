//===- FactsEquivalence.cpp - An editor's view against the whole ----------===//

#include "FactsEquivalence.h"
#include "fputcheck/Analysis.h"
#include "fputcheck/Emit.h"

#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"

using namespace llvm;
using namespace fputcheck;

Rules test::loadRulesOrFail(const std::string &Dir) {
  auto R = Rules::loadDirectory(Dir);
  if (!R) {
    ADD_FAILURE() << toString(R.takeError());
    return Rules();
  }
  return std::move(*R);
}

/// A chain from an interrupt handler registered in another file: the facts
/// do not carry registrations (Facts.h), so an editor does not see it.
static bool registeredElsewhere(const Finding &F) {
  return F.Check == CheckKind::Irq && !F.Notes.empty() &&
         F.Notes.front().File != F.Where.File;
}

std::string test::findingsIn(const std::vector<Finding> &Findings,
                             StringRef MainFile) {
  std::vector<Finding> In;
  for (const Finding &F : Findings)
    if (F.Where.File == MainFile && !registeredElsewhere(F))
      In.push_back(F);
  std::string Text;
  raw_string_ostream OS(Text);
  emitText(In, EmitOptions{}, OS);
  return Text;
}

std::vector<std::string>
test::factsMismatches(const std::vector<TUSummary> &TUs, const Rules &R,
                      unsigned &Compared, FactsSource *Src) {
  Program Whole;
  for (const TUSummary &S : TUs)
    Whole.add(S);
  Whole.link(R);
  std::vector<Finding> All = analyzeProgram(Whole, R);
  std::unique_ptr<FactsSource> Own;
  if (!Src) {
    Own = factsIn(computeReachFacts(Whole, R));
    Src = Own.get();
  }
  std::vector<std::string> Out;
  for (const TUSummary &S : TUs) {
    Program One;
    auto Stats = linkWithFacts(S, *Src, R, One);
    if (!Stats) {
      Out.push_back(S.MainFile + ": " + toString(Stats.takeError()));
      continue;
    }
    std::string Expected = findingsIn(All, S.MainFile);
    std::string Got = findingsIn(analyzeProgram(One, R), S.MainFile);
    for (const Finding &F : All)
      Compared += F.Where.File == S.MainFile && !registeredElsewhere(F);
    if (Expected != Got)
      Out.push_back(S.MainFile + ":\n--- whole program\n" + Expected +
                    "--- with facts\n" + Got);
  }
  return Out;
}
