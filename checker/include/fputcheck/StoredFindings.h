//===- StoredFindings.h - Findings kept in the store ------------*- C++ -*-===//
//
// An analysis of a program made of stored summaries alone is a function of
// those summaries, the rules and the options, and of the analyser's code.
// The store keeps its findings under a key made of all four, so a run that
// would compute them again (a review's base side, a warm analyze of an
// unchanged tree) reads them instead: a whole tree's link and analysis cost
// some 0.8 s, the read a few milliseconds.
//
//===----------------------------------------------------------------------===//

#ifndef FPUTCHECK_STOREDFINDINGS_H
#define FPUTCHECK_STOREDFINDINGS_H

#include "fputcheck/Analysis.h"
#include "fputcheck/Diagnostic.h"
#include "fputcheck/Finding.h"
#include "fputcheck/ProgramLoader.h"
#include "fputcheck/Rules.h"
#include "llvm/Support/Error.h"
#include <optional>
#include <string>
#include <vector>

namespace fputcheck {

/// The key of analysing the program \p Stats describes (its InputDigest)
/// with \p R and \p O by this build of the library; empty when the run has
/// no stored identity (a TU parsed in this run, rules not read from files,
/// no store).
std::string storedFindingsKey(const LoadStats &Stats, const Rules &R,
                              const AnalysisOptions &O);

struct StoredFindings {
  /// Sorted, as analyzeProgram() returns them.
  std::vector<Finding> Findings;
  /// The digest of the reach facts the store held for the rules' mode when
  /// the findings were stored (storedFactsDigest()), "" if none: the facts
  /// are the same run's only while it is unchanged.
  std::string FactsDigest;
};

/// The findings stored under \p Key in the store at \p StorePath, or
/// nothing when there are none. A row that does not decode is nothing too
/// (and is replaced by the next save): the findings are computed again.
llvm::Expected<std::optional<StoredFindings>>
loadStoredFindings(llvm::StringRef StorePath, llvm::StringRef Key);

/// Keeps \p F under \p Key, with the few most recent other keys (one per
/// mode and check set a store serves); older ones are dropped.
llvm::Error saveStoredFindings(llvm::StringRef StorePath, llvm::StringRef Key,
                               const StoredFindings &F);

/// The findings stored for the program a load describes, if they stand for
/// its analysis: with \p NeedFacts (a run that keeps reach facts for
/// editors), only findings stored together with the store's current facts.
/// A store that cannot be read adds a warning to \p Warnings.
std::optional<std::vector<Finding>>
recallFindings(const LoadStats &Stats, const Rules &R,
               const AnalysisOptions &AO, bool NeedFacts,
               std::vector<Diagnostic> &Warnings);

/// Links the unlinked program \p P (loaded as \p Stats says), analyses it,
/// keeps its reach facts when \p AO asks for them, and stores the findings
/// for the next run under their key. Phases "link", "analyse" and "facts",
/// prefixed, go to \p Phases; what could not be kept is a warning.
std::vector<Finding>
analyzeAndKeep(Program &P, const Rules &R, const AnalysisOptions &AO,
               const LoadStats &Stats, llvm::StringRef PhasePrefix,
               std::vector<std::pair<std::string, double>> &Phases,
               std::vector<Diagnostic> &Warnings);

/// The JSON the store keeps, and back; exposed for tests.
std::string encodeFindings(const std::vector<Finding> &F);
llvm::Expected<std::vector<Finding>> decodeFindings(llvm::StringRef Text);

} // namespace fputcheck

#endif
