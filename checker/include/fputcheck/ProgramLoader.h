//===- ProgramLoader.h - From a compile database to a program ---*- C++ -*-===//
//
// Selects the TUs to analyse, takes every summary it can from the store and
// parses only the rest (store/SummaryStore.h), then links them all.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_PROGRAMLOADER_H
#define FPUTCHECK_PROGRAMLOADER_H

#include "fputcheck/Diagnostic.h"
#include "fputcheck/Program.h"
#include "fputcheck/Rules.h"
#include "fputcheck/Summary.h"
#include "clang/Tooling/CompilationDatabase.h"
#include <functional>
#include <string>
#include <vector>

namespace fputcheck {

struct LoadStats;

struct LoadOptions {
  std::string Database; // compile_commands.json or its folder.
  std::vector<std::string> Files;
  unsigned Jobs = 0;    // 0: every core.
  bool Quiet = false;
  /// Read and write the summary store. Off by default in the library, so a
  /// test or another tool never writes next to a tree unasked; the command
  /// line turns it on.
  bool UseStore = false;
  /// The store file, or a folder for one; empty: <database folder>/.fputcheck.
  std::string StorePath;
  /// Extract only slice ShardIndex (1-based) of ShardCount into the store,
  /// without linking: the slices' stores are merged and analysed later.
  unsigned ShardIndex = 0;
  unsigned ShardCount = 0;
  /// A program other than the tree on disk (patch review, an editor's
  /// buffer): the TUs of these main files (absolute paths) are neither
  /// loaded nor parsed, and these summaries, made by the caller (Extract.h,
  /// SummaryBuilder.h), are linked in as well. The store keeps what it had
  /// for the TUs left out.
  std::vector<std::string> Without;
  std::vector<TUSummary> Adding;
  /// Leave the program unlinked: the caller links it only if it needs the
  /// graph (a review whose base findings are stored, StoredFindings.h).
  bool DeferLink = false;
  /// Asked, when the program is to be made of stored summaries alone, with
  /// the load's stats so far (their InputDigest is the program's): false
  /// leaves the program empty, as its caller has what it wanted of it
  /// (its stored findings, StoredFindings.h) and decoding a whole tree's
  /// summaries would cost half a second for nothing.
  std::function<bool(const LoadStats &)> SummariesWanted;
};

/// Parses "K/N" with 1 <= K <= N.
llvm::Error parseShard(llvm::StringRef Text, unsigned &K, unsigned &N);

struct LoadStats {
  unsigned TUs = 0;
  unsigned Parsed = 0;   // Parsed in this run.
  unsigned Cached = 0;   // Taken from the store.
  unsigned Failed = 0;
  /// Of Failed, those the store knew would fail again: not parsed.
  unsigned FailuresCached = 0;
  unsigned Unsaved = 0;  // Parsed, but an input changed meanwhile.
  unsigned Removed = 0;  // Dropped from the store: gone from the database.
  std::string StorePath; // Empty without a store.
  /// The store could not be opened or written: results were not kept.
  bool StoreLost = false;
  uint64_t StoreBytes = 0;
  /// Files whose content was read to tell an edit from a touch.
  unsigned FilesHashed = 0;
  std::vector<std::string> ParsedFiles; // Sorted.
  /// Identifies the program loaded: a digest of every summary in it, as
  /// stored, in link order. Empty when some summary was not read from the
  /// store (parsed in this run, added by the caller), so the program has no
  /// stored identity (results keyed by it, StoredFindings.h, are neither
  /// read nor written).
  std::string InputDigest;
  /// SummariesWanted said no: the program was left empty.
  bool SummariesSkipped = false;
  /// Wall time of each phase, in order, for finding where time goes.
  std::vector<std::pair<std::string, double>> Phases;
  /// In the order to show them: the store's problems (rebuilt,
  /// unwritable), the first error of each failed TU (Origin::Parse, sorted),
  /// then notes (dropped flags and the like).
  std::vector<Diagnostic> Diagnostics;
};

/// Extracts or loads every selected TU and links them into \p P. Input
/// errors (no database, unknown file, a store that is not ours) are
/// returned; a TU that fails to parse is counted and reported in \p Stats,
/// never fatal, and so is a store that had to be rebuilt. With \p All,
/// every selected command is appended to it too, in file order (before
/// Without and shards are applied).
llvm::Error loadProgram(const LoadOptions &O, const Rules &R, Program &P,
                         LoadStats &Stats, std::string &DBDir,
                         std::vector<clang::tooling::CompileCommand> *All =
                             nullptr);

} // namespace fputcheck

#endif
