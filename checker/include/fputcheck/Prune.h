//===- Prune.h - Dropping what other fputcheck versions stored --*- C++ -*-===//
//
// Summaries of other extractors share the store with this one's and are
// dropped once unused for a month by any run. `fputcheck prune` drops them
// at once, and removes the files older schema versions kept beside the
// store; only while no other process has the store open, so nothing a
// running fputcheck uses goes.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_STORE_PRUNE_H
#define FPUTCHECK_STORE_PRUNE_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <chrono>
#include <string>
#include <vector>

namespace fputcheck {

struct PruneStats {
  /// The store pruned: where it was asked for, or beside it
  /// (versionedStorePath()).
  std::string Store;
  /// Extractors whose summaries went.
  unsigned Extractors = 0;
  /// Stores of older versions removed.
  std::vector<std::string> Files;
};

/// Drops from the store at \p Path what every extractor but \p Keep stored
/// and last used before \p Before (Unix time), then removes the stores of
/// older schemas beside it. Waits up to \p Wait for other processes to
/// close the store; an error, and nothing pruned, if one has not.
llvm::Expected<PruneStats> pruneStore(llvm::StringRef Path,
                                      llvm::StringRef Keep, int64_t Before,
                                      std::chrono::milliseconds Wait);

} // namespace fputcheck

#endif
