//===- Store.h - The summary store, as front ends see it --------*- C++ -*-===//
//
// Where the store lives, how shards' stores are merged, and which extractor
// made a summary (store/SummaryStore.h is the store itself).
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_STORE_H
#define FPUTCHECK_STORE_H

#include "fputcheck/Rules.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>

namespace fputcheck {

struct MergeStats {
  unsigned Added = 0;
  /// TUs an earlier store already gave (the first store named wins).
  unsigned Duplicates = 0;
  /// TUs made by another extractor: analyze will parse them again.
  unsigned OtherExtractor = 0;
};

/// Writes into \p Out (replacing it) every TU of the stores \p Inputs, the
/// first store naming a TU giving it, so the same inputs always make the
/// same store. \p Extractor only counts TUs analyze would parse again. The
/// store is built beside \p Out and renamed over it: a failed merge leaves
/// nothing that looks complete.
llvm::Expected<MergeStats> mergeStores(llvm::StringRef Out,
                                       llvm::ArrayRef<std::string> Inputs,
                                       llvm::StringRef Extractor);

/// "<dir>/.fputcheck/summaries.db" for a compile database in \p DBDir; a
/// --store naming a folder gets "summaries.db" in it.
std::string defaultStorePath(llvm::StringRef DBDir);
std::string resolveStorePath(llvm::StringRef Given);

/// A stored summary is reused only by the same extractor: the same extraction
/// sources (hashed at build time, so any change to them re-makes summaries
/// without anyone bumping a version by hand), the same clang, the same store
/// schema and the same rules as far as extraction reads them. Options that
/// only the global analysis reads (--assume-sync, --checks, the output
/// format) are not part of it.
std::string extractorDigest(const Rules &R);

} // namespace fputcheck

#endif
