//===- VerifiedStamp.cpp - A store nobody wrote since it was checked ------===//

#include "store/VerifiedStamp.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"
#include <chrono>
#include <sys/stat.h>

using namespace llvm;
using namespace fputcheck;

static int64_t nanoseconds(const struct timespec &T) {
  return int64_t(T.tv_sec) * 1000000000 + T.tv_nsec;
}

std::optional<std::string> fputcheck::storeStamp(StringRef Path) {
  struct stat St;
  if (::stat(Path.str().c_str(), &St) || !S_ISREG(St.st_mode))
    return std::nullopt;
  int64_t Now = std::chrono::duration_cast<std::chrono::nanoseconds>(
                    std::chrono::system_clock::now().time_since_epoch())
                    .count();
  int64_t Changed = std::max(nanoseconds(St.st_mtim), nanoseconds(St.st_ctim));
  if (Now - Changed < 1000000000)
    return std::nullopt;
  // Committed transactions not yet copied into the file are the store too.
  uint64_t WalSize = 0;
  if (!sys::fs::file_size(Path + "-wal", WalSize) && WalSize)
    return std::nullopt;
  std::string Out;
  raw_string_ostream(Out) << St.st_size << " " << nanoseconds(St.st_mtim)
                          << " " << nanoseconds(St.st_ctim) << " "
                          << St.st_dev << " " << St.st_ino;
  return Out;
}

bool fputcheck::verifiedAsIs(StringRef Path) {
  std::optional<std::string> Now = storeStamp(Path);
  if (!Now)
    return false;
  auto Was = MemoryBuffer::getFile(Path + "-verified");
  return Was && (*Was)->getBuffer() == *Now;
}

void fputcheck::rememberVerified(StringRef Path, const std::string &Stamp) {
  if (storeStamp(Path) != Stamp)
    return;
  // Written whole and renamed into place: a reader never sees half of it.
  SmallString<256> Tmp;
  if (sys::fs::createUniqueFile(Path + "-verified-%%%%%%", Tmp))
    return;
  {
    std::error_code EC;
    raw_fd_ostream OS(Tmp, EC);
    if (!EC)
      OS << Stamp;
  }
  if (sys::fs::rename(Tmp, Path + "-verified"))
    sys::fs::remove(Tmp);
}
