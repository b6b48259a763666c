//===- StoreFiles.cpp - A store's files, changed under other users --------===//

#include "store/StoreFiles.h"
#include "store/Schema.h"
#include "store/Sqlite.h"
#include "store/StoreLock.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <sqlite3.h>
#include <thread>

using namespace llvm;
using namespace fputcheck;

Error fputcheck::storeError(StringRef Path, const Twine &Msg) {
  return createStringError(inconvertibleErrorCode(), "%s: error: %s",
                           Path.str().c_str(), Msg.str().c_str());
}

void fputcheck::removeStoreFiles(StringRef Path) {
  // The side files first: a write-ahead log left beside a new database
  // would be replayed into it, and a crash between two removals must never
  // leave one.
  for (const char *Suffix : {"-verified", "-wal", "-journal", "-shm", ""})
    sys::fs::remove(Path + Suffix);
}

bool fputcheck::openElsewhere(StringRef Path) {
  auto Db = sql::Database::open(Path, /*Create=*/false);
  if (!Db) {
    consumeError(Db.takeError());
    return false;
  }
  // In exclusive locking mode SQLite wants the whole file to itself: a
  // connection anywhere else, even an idle reader of a WAL database, makes
  // it fail at once (no busy wait).
  sqlite3_busy_timeout(Db->handle(), 0);
  int RC = sqlite3_exec(Db->handle(),
                        "PRAGMA locking_mode=EXCLUSIVE; BEGIN EXCLUSIVE; "
                        "ROLLBACK;",
                        nullptr, nullptr, nullptr);
  return (RC & 0xff) == SQLITE_BUSY || (RC & 0xff) == SQLITE_LOCKED;
}

std::string fputcheck::versionedStorePath(StringRef Path, int Schema) {
  SmallString<256> P(sys::path::parent_path(Path));
  sys::path::append(P, sys::path::stem(Path) + ".v" + Twine(Schema) +
                           sys::path::extension(Path));
  return std::string(P);
}

Error fputcheck::replaceStore(StringRef Path, StringRef Tmp,
                              std::chrono::milliseconds Wait) {
  auto Lock = StoreLock::open(Path);
  if (!Lock)
    return storeError(Path, toString(Lock.takeError()));
  auto Deadline = std::chrono::steady_clock::now() + Wait;
  for (;;) {
    if (Lock->acquire(StoreLock::Mode::Exclusive, Wait) &&
        !openElsewhere(Path))
      break;
    Lock->release();
    if (std::chrono::steady_clock::now() >= Deadline)
      return storeError(Path,
                        "another process has the store open; not replaced");
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  removeStoreFiles(Path);
  if (std::error_code EC = sys::fs::rename(Tmp, Path))
    return storeError(Path, "cannot write: " + EC.message());
  return Error::success();
}

std::vector<std::string> fputcheck::removeOldVersions(StringRef Path,
                                                      StringRef InUse) {
  std::vector<std::string> Removed;
  StringRef Dir = sys::path::parent_path(Path);
  std::string Prefix = (sys::path::stem(Path) + ".v").str();
  StringRef Ext = sys::path::extension(Path);
  std::error_code EC;
  std::vector<std::string> Candidates;
  for (sys::fs::directory_iterator I(Dir.empty() ? "." : Dir, EC), End;
       I != End && !EC; I.increment(EC)) {
    StringRef Name = sys::path::filename(I->path());
    if (!Name.consume_front(Prefix) || !Name.consume_back(Ext))
      continue;
    int Schema = 0;
    if (Name.getAsInteger(10, Schema) || Schema > StoreSchemaVersion)
      continue;
    if (I->path() != InUse)
      Candidates.push_back(I->path());
  }
  llvm::sort(Candidates);
  for (const std::string &P : Candidates) {
    auto Lock = StoreLock::open(P);
    if (!Lock) {
      consumeError(Lock.takeError());
      continue;
    }
    if (!Lock->acquire(StoreLock::Mode::Exclusive,
                       std::chrono::milliseconds(0)) ||
        openElsewhere(P))
      continue;
    removeStoreFiles(P);
    Removed.push_back(P);
  }
  return Removed;
}
