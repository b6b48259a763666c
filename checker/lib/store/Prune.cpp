//===- Prune.cpp - Dropping what other fputcheck versions stored ----------===//

#include "fputcheck/Prune.h"
#include "store/StoreFiles.h"
#include "store/SummaryStore.h"

#include "llvm/Support/FileSystem.h"

using namespace llvm;
using namespace fputcheck;

Expected<PruneStats> fputcheck::pruneStore(StringRef Path, StringRef Keep,
                                           int64_t Before,
                                           std::chrono::milliseconds Wait) {
  PruneStats Stats;
  if (sys::fs::exists(Path)) {
    std::string Rebuilt;
    bool NotAStore = false;
    auto S = SummaryStore::open(Path, Rebuilt, NotAStore);
    if (!S)
      return S.takeError();
    Stats.Store = (*S)->path();
    if (!(*S)->useAlone(Wait))
      return storeError(Stats.Store, "another process has the store open; "
                                     "nothing pruned");
    Expected<unsigned> N = (*S)->pruneExtractors(Keep, Before);
    if (!N)
      return storeError(Stats.Store, toString(N.takeError()));
    Stats.Extractors = *N;
    if (Error E = (*S)->collectGarbage())
      return storeError(Stats.Store, toString(std::move(E)));
    if (Error E = (*S)->close())
      return storeError(Stats.Store, toString(std::move(E)));
  }
  Stats.Files = removeOldVersions(Path, Stats.Store);
  return Stats;
}
