//===- FileStamps.cpp - Has a file changed since it was parsed? -----------===//

#include "store/FileStamps.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/xxhash.h"

using namespace llvm;
using namespace fputcheck;

static int64_t nanoseconds(sys::TimePoint<> T) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             T.time_since_epoch())
      .count();
}

FileStamps::Entry &FileStamps::lookup(StringRef Path) {
  auto [It, New] = Cache.try_emplace(Path);
  Entry &E = It->second;
  if (New) {
    sys::fs::file_status St;
    if (!sys::fs::status(Path, St) && sys::fs::is_regular_file(St)) {
      E.Exists = true;
      E.Stamp.Size = St.getSize();
      E.Stamp.MTime = nanoseconds(St.getLastModificationTime());
    }
  }
  return E;
}

bool FileStamps::hash(StringRef Path, Entry &E) {
  if (E.HasHash)
    return true;
  auto Buf = MemoryBuffer::getFile(Path, /*IsText=*/false,
                                   /*RequiresNullTerminator=*/false);
  if (!Buf) {
    E.Exists = false;
    return false;
  }
  ++Hashed;
  E.Stamp.Hash = xxh3_64bits((*Buf)->getBuffer());
  // The size read wins over the size stat'ed: the content is what counts.
  E.Stamp.Size = (*Buf)->getBufferSize();
  E.HasHash = true;
  return true;
}

bool FileStamps::unchanged(StringRef Path, const FileStamp &Was,
                           int64_t &MTimeNow) {
  Entry &E = lookup(Path);
  MTimeNow = E.Stamp.MTime;
  if (!E.Exists || E.Stamp.Size != Was.Size)
    return false;
  if (E.Stamp.MTime == Was.MTime)
    return true;
  return hash(Path, E) && E.Stamp.Hash == Was.Hash && E.Stamp.Size == Was.Size;
}

std::optional<FileStamp>
FileStamps::afterParse(StringRef Path,
                       std::chrono::system_clock::time_point ParseStart) {
  // Stat again even when cached: the file may have changed during the run,
  // and a stat is cheap next to a parse.
  sys::fs::file_status St;
  if (sys::fs::status(Path, St) || !sys::fs::is_regular_file(St))
    return std::nullopt;
  int64_t MTime = nanoseconds(St.getLastModificationTime());
  int64_t Start = nanoseconds(ParseStart);
  int64_t Now = nanoseconds(std::chrono::system_clock::now());
  // Modified after the parse began: what was parsed may not be what is on
  // disk now. A timestamp in the future (clock skew, an extracted archive)
  // says nothing about this run and is not held against the file.
  if (MTime >= Start && MTime <= Now)
    return std::nullopt;
  Entry &E = lookup(Path);
  if (!E.Exists || E.Stamp.MTime != MTime || E.Stamp.Size != St.getSize()) {
    E = Entry();
    E.Exists = true;
    E.Stamp.Size = St.getSize();
    E.Stamp.MTime = MTime;
  }
  if (!hash(Path, E))
    return std::nullopt;
  // Written between the stat and the read: the hash may not match the mtime.
  sys::fs::file_status After;
  if (sys::fs::status(Path, After) ||
      nanoseconds(After.getLastModificationTime()) != MTime) {
    Cache.erase(Path);
    return std::nullopt;
  }
  return E.Stamp;
}

bool FileStamps::absent(StringRef Path) {
  auto [It, New] = Absent.try_emplace(Path);
  if (New) {
    sys::fs::file_status St;
    It->second = bool(sys::fs::status(Path, St));
  }
  return It->second;
}
