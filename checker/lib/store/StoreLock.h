//===- StoreLock.h - Who may replace a store's files ------------*- C++ -*-===//
//
// A store is one SQLite file plus its -wal and -shm, and SQLite's own
// locking keeps the rows consistent between processes. It cannot keep a
// process from deleting those files under another that has them open: the
// other goes on writing into an unlinked database and loses everything.
// So beside each store sits a lock file, "<store>-lock": every fputcheck
// holds it shared for as long as it has the store open, and creating,
// replacing or deleting the store's files takes it exclusively.
//
// flock(2), not fcntl: a flock lock belongs to its open file, so two stores
// open in one process (a merge, the tests) lock independently, and closing
// one never drops the other's lock. The lock file itself is never deleted:
// a process waiting on a deleted lock file would exclude nobody.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_STORE_STORELOCK_H
#define FPUTCHECK_STORE_STORELOCK_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <chrono>
#include <string>

namespace fputcheck {

class StoreLock {
public:
  enum class Mode { None, Shared, Exclusive };

  StoreLock() = default;
  StoreLock(StoreLock &&O) : FD(O.FD), Held(O.Held) {
    O.FD = -1;
    O.Held = Mode::None;
  }
  StoreLock &operator=(StoreLock &&O);
  StoreLock(const StoreLock &) = delete;
  StoreLock &operator=(const StoreLock &) = delete;
  ~StoreLock();

  /// Opens (creating) the lock file of the store at \p StorePath; takes no
  /// lock yet.
  static llvm::Expected<StoreLock> open(llvm::StringRef StorePath);

  /// Takes the lock in \p M, trying until \p Wait has passed; false when
  /// another process kept it. A lock already held is given up first, so a
  /// failed attempt leaves none held.
  bool acquire(Mode M, std::chrono::milliseconds Wait);
  /// Exclusive to shared without a moment unlocked in between.
  void downgrade();
  void release();
  Mode held() const { return Held; }
  bool isOpen() const { return FD >= 0; }

private:
  explicit StoreLock(int FD) : FD(FD) {}
  int FD = -1;
  Mode Held = Mode::None;
};

/// "<store>-lock".
std::string storeLockPath(llvm::StringRef StorePath);

} // namespace fputcheck

#endif
