//===- Review.h - What a patch changes in the findings ----------*- C++ -*-===//
//
// A maintainer's question about a patch: which findings does it introduce,
// which does it resolve? The base is the tree on disk (the store's
// summaries, parsed where stale); the patched side parses again exactly the
// TUs that read a changed file (the store knows which), through an
// in-memory overlay: the tree is never written. Findings are matched by
// findingKey(), so a patch that only moves lines changes nothing.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_REVIEW_H
#define FPUTCHECK_REVIEW_H

#include "fputcheck/Analysis.h"
#include "fputcheck/ProgramLoader.h"
#include "fputcheck/Triage.h"
#include "llvm/Support/raw_ostream.h"
#include <map>
#include <memory>
#include <set>

namespace fputcheck {

struct ReviewInput {
  /// Patch text, and a name for errors (a file, "<stdin>", a git range).
  std::string Text, Name;
};

struct ReviewOptions {
  /// The compile database, store, jobs; Without/Adding are the review's.
  LoadOptions Load;
  /// Paths in patches are relative to it (-p1); empty: the database's
  /// folder.
  std::string Root;
  AnalysisOptions Analysis;
};

enum class ReviewState { New, Resolved, Unchanged };

struct ReviewedFinding {
  Finding F;
  ReviewState State;
  std::string Key; // findingKey() with paths relative to the root.
  /// For a new finding: the lines the patch added that make a step of its
  /// chain (the lock taken, the call, the export), "file:line" -> text.
  std::vector<std::pair<Step, std::string>> Added;
};

struct ReviewResult {
  std::string Root;
  /// New and resolved findings (patched-tree, respectively base-tree,
  /// locations), then unchanged ones, each sorted.
  std::vector<ReviewedFinding> Findings;
  unsigned Unchanged = 0;
  /// Changed files and how many TUs read them (parsed again).
  std::vector<std::string> ChangedFiles;
  unsigned Reparsed = 0;
  /// Source files the patch adds or changes that no compile command
  /// names, and TUs whose patched parse failed (with the error): the
  /// report says they were not analysed.
  std::vector<std::string> NotAnalysed;
  LoadStats BaseStats;
  /// Wall time of each phase of the review, in order (--time-phases).
  std::vector<std::pair<std::string, double>> Phases;
  /// The linked base and patched programs the findings came from. A
  /// library caller frees them with the result; a command line about to
  /// exit may keep them instead, as tearing down a whole tree's program
  /// costs more than analysing it.
  std::vector<std::unique_ptr<Program>> Programs;
};

/// Applies \p Patches in order (in memory) and compares findings before and
/// after. Errors: a patch that does not parse or apply (naming the file and
/// the hunk; nothing is analysed then), or a base that cannot be loaded.
llvm::Expected<ReviewResult> reviewPatches(const std::vector<ReviewInput> &Patches,
                                           const ReviewOptions &O,
                                           const Rules &R);

/// Drops the findings \p S suppresses, of every state (Triage.h).
void suppressReviewed(ReviewResult &Rv, std::vector<Suppression> &S);

/// A reply a reviewer can paste to a mailing list.
void emitReviewText(const ReviewResult &Rv, llvm::raw_ostream &OS);
/// The findings with a "state" field (new, resolved, unchanged).
void emitReviewJSON(const ReviewResult &Rv, llvm::raw_ostream &OS);
/// SARIF with baselineState new / unchanged / absent (resolved).
void emitReviewSARIF(const ReviewResult &Rv, llvm::raw_ostream &OS);

} // namespace fputcheck

#endif
