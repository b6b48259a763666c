//===- StoreLock.cpp - Who may replace a store's files --------------------===//

#include "store/StoreLock.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <thread>
#include <unistd.h>

using namespace llvm;
using namespace fputcheck;

std::string fputcheck::storeLockPath(StringRef StorePath) {
  return (StorePath + "-lock").str();
}

StoreLock &StoreLock::operator=(StoreLock &&O) {
  if (this != &O) {
    if (FD >= 0)
      ::close(FD);
    FD = O.FD;
    Held = O.Held;
    O.FD = -1;
    O.Held = Mode::None;
  }
  return *this;
}

StoreLock::~StoreLock() {
  // Closing the file drops its lock.
  if (FD >= 0)
    ::close(FD);
}

Expected<StoreLock> StoreLock::open(StringRef StorePath) {
  std::string Path = storeLockPath(StorePath);
  int FD = ::open(Path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
  if (FD < 0)
    return createStringError(std::error_code(errno, std::generic_category()),
                             "%s: cannot open: %s", Path.c_str(),
                             std::strerror(errno));
  return StoreLock(FD);
}

bool StoreLock::acquire(Mode M, std::chrono::milliseconds Wait) {
  // Never blocking in flock(): a waiter must be able to give up, and one
  // that wants the lock exclusively must not hold it shared meanwhile (two
  // such would wait for each other forever).
  release();
  int Op = (M == Mode::Exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB;
  auto Deadline = std::chrono::steady_clock::now() + Wait;
  // Waiters poll at slightly different rates, so that several of them
  // contending for the exclusive lock do not keep colliding.
  auto Pause = std::chrono::milliseconds(5 + ::getpid() % 7);
  for (;;) {
    if (::flock(FD, Op) == 0) {
      Held = M;
      return true;
    }
    // A file system without flock: SQLite's own locking is all there is,
    // as before there was a lock file.
    if (errno == ENOLCK || errno == EOPNOTSUPP || errno == ENOSYS) {
      Held = M;
      return true;
    }
    if (errno != EWOULDBLOCK && errno != EINTR)
      return false;
    if (std::chrono::steady_clock::now() >= Deadline)
      return false;
    std::this_thread::sleep_for(Pause);
    Pause = std::min(Pause * 2, std::chrono::milliseconds(50));
  }
}

void StoreLock::downgrade() {
  // Linux converts a flock lock under one kernel lock: no other process
  // can take it exclusively in between.
  if (Held == Mode::Exclusive && ::flock(FD, LOCK_SH) == 0)
    Held = Mode::Shared;
}

void StoreLock::release() {
  if (Held != Mode::None)
    ::flock(FD, LOCK_UN);
  Held = Mode::None;
}
