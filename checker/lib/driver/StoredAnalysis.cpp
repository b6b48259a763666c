//===- StoredAnalysis.cpp - Findings from the store, or analysed and kept -===//
//
// The one way analyze, baseline and a review's base side use stored
// findings (fputcheck/StoredFindings.h): read them when they stand for the
// program's analysis, else link and analyse it and keep what was found.
//
//===----------------------------------------------------------------------===//

#include "fputcheck/Facts.h"
#include "fputcheck/StoredFindings.h"

#include <chrono>

using namespace llvm;
using namespace fputcheck;

namespace {

Diagnostic storeWarning(const LoadStats &Stats, std::string Text) {
  return {Severity::Warning, Stats.StorePath, 0, 0, std::move(Text),
          Origin::Store};
}

/// The digest of the reach facts the store holds for \p R's mode, "" when
/// it holds none.
std::string factsNow(const LoadStats &Stats, const Rules &R) {
  auto D = storedFactsDigest(Stats.StorePath, R);
  if (!D) {
    consumeError(D.takeError());
    return "";
  }
  return *D;
}

} // namespace

std::optional<std::vector<Finding>>
fputcheck::recallFindings(const LoadStats &Stats, const Rules &R,
                          const AnalysisOptions &AO, bool NeedFacts,
                          std::vector<Diagnostic> &Warnings) {
  std::string Key = storedFindingsKey(Stats, R, AO);
  if (Key.empty())
    return std::nullopt;
  auto Kept = loadStoredFindings(Stats.StorePath, Key);
  if (!Kept) {
    Warnings.push_back(storeWarning(
        Stats, "stored findings not read: " + toString(Kept.takeError())));
    return std::nullopt;
  }
  if (!*Kept)
    return std::nullopt;
  // Stored by a run that kept no facts (a baseline, a review), or facts
  // another run has replaced since: the facts would be missing or stale.
  if (NeedFacts && ((*Kept)->FactsDigest.empty() ||
                    (*Kept)->FactsDigest != factsNow(Stats, R)))
    return std::nullopt;
  return std::move((*Kept)->Findings);
}

std::vector<Finding> fputcheck::analyzeAndKeep(
    Program &P, const Rules &R, const AnalysisOptions &AO,
    const LoadStats &Stats, StringRef PhasePrefix,
    std::vector<std::pair<std::string, double>> &Phases,
    std::vector<Diagnostic> &Warnings) {
  auto Start = std::chrono::steady_clock::now();
  auto Lap = [&](StringRef Phase) {
    auto Now = std::chrono::steady_clock::now();
    Phases.emplace_back((PhasePrefix + Phase).str(),
                        std::chrono::duration<double>(Now - Start).count());
    Start = Now;
  };
  P.link(R);
  Lap("link");
  std::vector<Finding> Out = analyzeProgram(P, R, AO);
  Lap("analyse");
  // Losing what is kept costs the next run time (and an editor its facts),
  // never this run its findings: said, not fatal.
  if (AO.Facts) {
    if (Error E = saveReachFacts(Stats.StorePath, *AO.Facts))
      Warnings.push_back(storeWarning(
          Stats, "reach facts for editors not kept: " + toString(std::move(E))));
    Lap("facts");
  }
  std::string Key = storedFindingsKey(Stats, R, AO);
  if (!Key.empty())
    if (Error E = saveStoredFindings(
            Stats.StorePath, Key, {Out, AO.Facts ? factsNow(Stats, R) : ""}))
      Warnings.push_back(storeWarning(
          Stats, "findings not stored: " + toString(std::move(E))));
  return Out;
}
