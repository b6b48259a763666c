//===- Analysis.h - Findings from a linked program --------------*- C++ -*-===//
//
// The checks over a linked program (ProgramLoader.h, Program.h). Rules say
// what a sync variant is; --assume-sync and census add to them
// (Rules::addSyncVariant) before the analysis runs.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_ANALYSIS_H
#define FPUTCHECK_ANALYSIS_H

#include "fputcheck/Finding.h"
#include "fputcheck/FindingSink.h"
#include "fputcheck/Program.h"
#include "fputcheck/Rules.h"
#include <bitset>

namespace fputcheck {

using CheckSet = std::bitset<NumChecks>;

/// How many findings an origin (a lock holder, an export, a completion, a
/// root) yields: its shortest chain (analyze), or one chain per sync call it
/// reaches (census, which must judge every call).
enum class ChainMode { Shortest, EverySyncCall };

struct ReachFacts;

struct AnalysisOptions {
  CheckSet Enabled = CheckSet().set();
  ChainMode Mode = ChainMode::Shortest;
  /// When set, also gets the program's reach facts (Facts.h), from the
  /// reachability the checks computed anyway.
  ReachFacts *Facts = nullptr;
};

/// Runs the enabled checks; each finding goes to \p Sink as it is made, in
/// no promised order.
void analyzeProgram(const Program &P, const Rules &R, const AnalysisOptions &O,
                    FindingSink &Sink);
/// The same findings, sorted (sortFindings()).
std::vector<Finding> analyzeProgram(const Program &P, const Rules &R,
                                    const AnalysisOptions &O = {});

} // namespace fputcheck

#endif
