//===- ProgramProvider.cpp - The program around an open file --------------===//

#include "ProgramProvider.h"
#include "Log.h"

#include "fputcheck/Facts.h"
#include "fputcheck/Store.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <map>
#include <mutex>
#include <set>

using namespace llvm;
using namespace fputcheck;
using namespace fputcheck::tidy;

ProgramProvider::~ProgramProvider() = default;

namespace {

/// Says \p Message once per process: the log is for a human wondering why
/// a chain through another file is not shown, not a line per keystroke.
void logOnce(const std::string &Message) {
  static std::mutex Lock;
  static std::set<std::string> Said;
  std::lock_guard<std::mutex> Guard(Lock);
  if (Said.insert(Message).second)
    logLine(Message);
}

/// No store: the checks see the open TU alone, chains through functions it
/// defines, locks and exports it shows. A call into another .c file ends
/// there.
class OpenFileOnly : public ProgramProvider {
public:
  std::unique_ptr<FactsSource> open(const Rules &) override {
    logOnce("no fputcheck summary store found (run 'fputcheck analyze -p "
            "<build dir>' or set the FputcheckStore option): the "
            "fput-sync-* checks see the functions each open file defines; "
            "chains through other .c files are not followed");
    return nullptr;
  }
};

/// The facts of the store's last analyze, read whole the first time and
/// again only when an analyze has written different ones: a rebuild then
/// costs one indexed query of the store, and its lookups are in memory.
class StoredFactsProvider : public ProgramProvider {
public:
  explicit StoredFactsProvider(std::string Store) : Store(std::move(Store)) {}

  std::unique_ptr<FactsSource> open(const Rules &R) override {
    auto Digest = storedFactsDigest(Store, R);
    if (!Digest) {
      logOnce(toString(Digest.takeError()) +
              ": the fput-sync-* checks see each open file alone");
      return nullptr;
    }
    std::string Mode = factsMode(R);
    std::lock_guard<std::mutex> Guard(Lock);
    Cached &C = ByMode[Mode];
    if (!C.Facts || C.Digest != *Digest) {
      std::string Read;
      auto Facts = loadStoredFacts(Store, R, Read);
      if (!Facts) {
        logOnce(toString(Facts.takeError()) +
                ": the fput-sync-* checks see each open file alone");
        return nullptr;
      }
      C.Facts = std::make_shared<const ReachFacts>(std::move(*Facts));
      C.Digest = Read;
      logLine("read reach facts from " + Store + ": " +
              std::to_string(C.Facts->Functions.size()) + " functions, " +
              std::to_string(C.Facts->Fields.size()) + " fields, " +
              std::to_string(C.Facts->Effects.size()) + " lock effects");
    }
    return factsIn(C.Facts);
  }

private:
  struct Cached {
    std::string Digest;
    std::shared_ptr<const ReachFacts> Facts;
  };
  std::string Store;
  std::mutex Lock;
  std::map<std::string, Cached> ByMode;
};

/// \p Dir's ".fputcheck/summaries.db", or of the nearest folder above it
/// that has one.
std::string storeAbove(StringRef Dir) {
  SmallString<256> D(Dir);
  if (D.empty())
    return "";
  sys::fs::make_absolute(D);
  for (StringRef Cur = D; !Cur.empty(); Cur = sys::path::parent_path(Cur)) {
    std::string Candidate = defaultStorePath(Cur);
    if (sys::fs::exists(Candidate))
      return Candidate;
  }
  return "";
}

} // namespace

void fputcheck::tidy::linkOpenFile(TUSummary Open, FactsSource *Src,
                                   const Rules &R, Program &P) {
  if (Src) {
    // Facts in memory do not fail; a source that did would leave this
    // rebuild without findings rather than with half a program.
    if (auto Stats = linkWithFacts(std::move(Open), *Src, R, P); !Stats) {
      logOnce("reading reach facts failed: " + toString(Stats.takeError()));
      P = Program();
    }
    return;
  }
  P.add(std::move(Open));
  P.link(R);
}

std::string fputcheck::tidy::findStore(const ProviderOptions &O) {
  if (!O.StorePath.empty()) {
    std::string Given = resolveStorePath(O.StorePath);
    return sys::fs::exists(Given) ? Given : "";
  }
  std::string Found = storeAbove(O.BuildDirectory);
  if (Found.empty())
    Found = storeAbove(sys::path::parent_path(O.MainFile));
  return Found;
}

std::shared_ptr<ProgramProvider>
fputcheck::tidy::makeProgramProvider(const ProviderOptions &O) {
  std::string Store = findStore(O);
  if (Store.empty()) {
    if (!O.StorePath.empty())
      logOnce("FputcheckStore names no summary store: " + O.StorePath);
    static const auto Only = std::make_shared<OpenFileOnly>();
    return Only;
  }
  static std::mutex Lock;
  static std::map<std::string, std::shared_ptr<ProgramProvider>> ByStore;
  std::lock_guard<std::mutex> Guard(Lock);
  std::shared_ptr<ProgramProvider> &P = ByStore[Store];
  if (!P)
    P = std::make_shared<StoredFactsProvider>(Store);
  return P;
}
