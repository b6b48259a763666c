//===- OpenStore.cpp - Opening a store other processes share --------------===//
//
// How SummaryStore::open gets a store it can use, whatever other processes
// are doing with the same path (docs/store.md, "Many processes, one store"):
//
// - The store is looked at with its lock held shared, so nobody is creating
//   or replacing its files meanwhile.
// - A healthy store of this schema is used as it is, the lock kept shared.
// - Anything to be done to the files (giving a new or empty database its
//   tables, replacing a corrupt store or one of an older schema) is done
//   with the lock held exclusively, after looking again: a process that got
//   there first may have done it already, and then its store is used.
// - A store of a newer schema, or an older one some process has open, is
//   never replaced: this fputcheck keeps its summaries beside it.
//
//===----------------------------------------------------------------------===//

#include "store/Schema.h"
#include "store/StoreFiles.h"
#include "store/SummaryStore.h"
#include "store/VerifiedStamp.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <thread>
#include <unistd.h>

using namespace llvm;
using namespace fputcheck;
using std::chrono::milliseconds;
using std::chrono::steady_clock;

namespace {
/// How long a store that has to be replaced may stay in use by others
/// before this run gives up on it. An older schema's store is waited for
/// briefly: there is a place beside it.
constexpr milliseconds CorruptWait{5000};
constexpr milliseconds OlderVersionWait{2000};
/// How long a missing or empty store waits for the lock before it is given
/// its tables under SQLite's lock alone. Whoever holds the store lock that
/// long is not creating it (that takes milliseconds): it is a run still
/// using a store someone deleted, whose files are not these.
constexpr milliseconds EmptyWait{2000};

Error configure(sql::Database &Db) {
  // WAL: a commit per TU costs no fsync (synchronous=NORMAL), a crash loses
  // at most the TU being saved, never the store, and readers see a snapshot
  // while a writer commits, without blocking it.
  return Db.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
}

/// What is at a store's path; looked at with its lock held.
struct Sight {
  StoreHealth Health = StoreHealth::Empty; // Nothing there is Empty too.
  std::string Why;
  sql::Database Db; // Open when Health is Ok.
};

Sight look(StringRef Path) {
  Sight S;
  if (!sys::fs::exists(Path))
    return S;
  // Stamped before it is opened: a write during the check changes it.
  std::optional<std::string> Stamp = storeStamp(Path);
  bool AsChecked = verifiedAsIs(Path);
  auto Db = sql::Database::open(Path, /*Create=*/false);
  if (!Db) {
    S.Health = StoreHealth::Corrupt;
    S.Why = toString(Db.takeError());
    return S;
  }
  S.Health = checkSchema(*Db, S.Why, /*ReadEveryPage=*/!AsChecked);
  if (S.Health == StoreHealth::Ok && !AsChecked && Stamp)
    rememberVerified(Path, *Stamp);
  if (S.Health == StoreHealth::Ok)
    S.Db = std::move(*Db);
  return S;
}

/// The store at \p Path with every table, what was there removed first
/// when \p Replace. Runs with the lock held exclusively.
Expected<sql::Database> build(StringRef Path, bool Replace) {
  if (Replace)
    removeStoreFiles(Path);
  auto Db = sql::Database::open(Path, /*Create=*/true);
  if (!Db)
    return storeError(Path, toString(Db.takeError()));
  if (Error E = configure(*Db))
    return storeError(Path, toString(std::move(E)));
  Expected<bool> Made = ensureSchema(*Db);
  if (!Made)
    return storeError(Path,
                      "cannot create tables: " + toString(Made.takeError()));
  return std::move(*Db);
}

void waitABit() {
  std::this_thread::sleep_for(milliseconds(10 + ::getpid() % 20));
}

/// What becomes of a store that is not fit to use as it is, judged with its
/// lock held exclusively.
enum class Verdict {
  Use,        // Healthy after all: another process made or repaired it.
  Complete,   // No tables yet: make them.
  Replace,    // Corrupt, or an older schema's that nobody has open.
  LeaveAlone, // Another version's, in use or newer: go beside it.
  Refuse,     // Not a summary store at all.
  Wait,       // Corrupt, but another program has it open.
};

Verdict judge(StringRef Path, const Sight &S) {
  switch (S.Health) {
  case StoreHealth::Ok:
    return Verdict::Use;
  case StoreHealth::Empty:
    return Verdict::Complete;
  case StoreHealth::NotAStore:
    return Verdict::Refuse;
  case StoreHealth::NewerVersion:
    return Verdict::LeaveAlone;
  case StoreHealth::Corrupt:
    return openElsewhere(Path) ? Verdict::Wait : Verdict::Replace;
  case StoreHealth::OlderVersion:
    // Another program (sqlite3, an older fputcheck) may be reading it.
    return openElsewhere(Path) ? Verdict::LeaveAlone : Verdict::Replace;
  }
  return Verdict::Wait;
}

/// Whose store \p S is, when this fputcheck leaves it alone.
const char *owner(const Sight &S) {
  return S.Health == StoreHealth::NewerVersion
             ? "a newer fputcheck version"
             : "another fputcheck version that has it open";
}

/// What a run says when it replaces the store \p S.
std::string replacing(StringRef Path, const Sight &S) {
  if (S.Health == StoreHealth::Corrupt)
    return Path.str() + ": error: store is corrupt (" + S.Why +
           "); rebuilding";
  return Path.str() + ": warning: store was written by another fputcheck "
                      "version (" +
         S.Why + "); rebuilding";
}
} // namespace

Expected<std::unique_ptr<SummaryStore>>
SummaryStore::adopt(StringRef Path, sql::Database Db, StoreLock Lock) {
  std::unique_ptr<SummaryStore> S(new SummaryStore(Path.str(), std::move(Db)));
  S->Lock = std::move(Lock);
  if (Error E = configure(S->Db))
    return storeError(Path, toString(std::move(E)));
  if (Error E = S->prepare())
    return storeError(Path, toString(std::move(E)));
  return S;
}

Expected<std::unique_ptr<SummaryStore>>
SummaryStore::open(StringRef Path, std::string &Rebuilt, bool &NotAStore) {
  Rebuilt.clear();
  NotAStore = false;
  return openAt(Path, /*MayMove=*/true, Rebuilt, NotAStore);
}

Expected<std::unique_ptr<SummaryStore>>
SummaryStore::openAt(StringRef Path, bool MayMove, std::string &Rebuilt,
                     bool &NotAStore) {
  if (std::error_code EC =
          sys::fs::create_directories(sys::path::parent_path(Path)))
    return storeError(Path, "cannot create its folder: " + EC.message());
  auto Lock = StoreLock::open(Path);
  if (!Lock)
    return storeError(Path, toString(Lock.takeError()));

  auto Beside = [&](const Sight &S) -> Expected<std::unique_ptr<SummaryStore>> {
    Lock->release();
    if (!MayMove)
      return storeError(Path, "store was written by another fputcheck "
                              "version (" + S.Why + ")");
    std::string Other = versionedStorePath(Path, StoreSchemaVersion);
    bool Existed = sys::fs::exists(Other);
    auto Store = openAt(Other, /*MayMove=*/false, Rebuilt, NotAStore);
    if (Store && !Existed)
      Rebuilt = Path.str() + ": warning: store was written by " + owner(S) +
                " (" + S.Why + "); left to it, this fputcheck keeps its "
                "summaries in " + Other;
    return Store;
  };
  auto Refuse = [&](const Sight &S) {
    NotAStore = true;
    return storeError(Path, "not a fputcheck summary store (" + S.Why +
                                "); refusing to overwrite it");
  };

  auto Start = steady_clock::now();
  for (;;) {
    if (!Lock->acquire(StoreLock::Mode::Shared, StoreLockWait))
      return storeError(Path, "another process has kept the store locked "
                              "for a minute");
    Sight S = look(Path);
    if (S.Health == StoreHealth::Ok)
      return adopt(Path, std::move(S.Db), std::move(*Lock));
    if (S.Health == StoreHealth::NotAStore)
      return Refuse(S);
    if (S.Health == StoreHealth::NewerVersion)
      return Beside(S);

    // Made or replaced only by a process that has the store to itself, and
    // only if it still needs it: the first one there does it, and the
    // others use its store.
    if (Lock->acquire(StoreLock::Mode::Exclusive, milliseconds(0))) {
      S = look(Path);
      Verdict V = judge(Path, S);
      if (V == Verdict::Refuse)
        return Refuse(S);
      if (V == Verdict::LeaveAlone)
        return Beside(S);
      if (V == Verdict::Complete || V == Verdict::Replace) {
        if (V == Verdict::Replace)
          Rebuilt = replacing(Path, S);
        auto Db = build(Path, V == Verdict::Replace);
        if (!Db)
          return Db.takeError();
        S.Db = std::move(*Db);
      }
      if (V != Verdict::Wait) {
        Lock->downgrade();
        return adopt(Path, std::move(S.Db), std::move(*Lock));
      }
    }

    // Someone else has it: making it, using it, or (a store that needs
    // replacing) keeping it from being replaced.
    Lock->release();
    auto Waited = steady_clock::now() - Start;
    if (S.Health == StoreHealth::OlderVersion && Waited > OlderVersionWait)
      return Beside(S);
    if (S.Health == StoreHealth::Corrupt && Waited > CorruptWait)
      return storeError(Path, "store is corrupt (" + S.Why +
                                  ") and another process has it open");
    if (S.Health == StoreHealth::Empty && Waited > EmptyWait) {
      // ensureSchema() still makes the tables exactly once.
      auto Db = build(Path, /*Replace=*/false);
      if (!Db)
        return Db.takeError();
      continue;
    }
    waitABit();
  }
}

Expected<std::unique_ptr<SummaryStore>>
SummaryStore::openExisting(StringRef Path) {
  if (!sys::fs::exists(Path))
    return storeError(Path, "no such store");
  // Shared, so nobody replaces it while it is read. An input in a folder
  // this process cannot write is read without the lock.
  StoreLock Lock;
  if (auto L = StoreLock::open(Path)) {
    Lock = std::move(*L);
    if (!Lock.acquire(StoreLock::Mode::Shared, StoreLockWait))
      return storeError(Path, "another process has kept the store locked "
                              "for a minute");
  } else {
    consumeError(L.takeError());
  }
  Sight S = look(Path);
  if (S.Health != StoreHealth::Ok)
    return storeError(Path, "cannot use this store (" +
                                (S.Why.empty() ? "it has no tables" : S.Why) +
                                ")");
  return adopt(Path, std::move(S.Db), std::move(Lock));
}

Expected<std::unique_ptr<SummaryStore>>
SummaryStore::create(StringRef Path) {
  if (std::error_code EC =
          sys::fs::create_directories(sys::path::parent_path(Path)))
    return storeError(Path, "cannot create its folder: " + EC.message());
  auto Db = build(Path, /*Replace=*/true);
  if (!Db)
    return Db.takeError();
  return adopt(Path, std::move(*Db), StoreLock());
}

bool SummaryStore::useAlone(milliseconds Wait) {
  if (Lock.acquire(StoreLock::Mode::Exclusive, Wait))
    return true;
  // Back to sharing it. Meanwhile nobody could replace it: this process's
  // connection keeps openElsewhere() true.
  Lock.acquire(StoreLock::Mode::Shared, StoreLockWait);
  return false;
}
