//===- FileStamps.h - Has a file changed since it was parsed? ---*- C++ -*-===//
//
// A summary stays valid while every file its parse read is unchanged. Size
// and mtime answer that cheaply; when they moved (a touch, a checkout on
// another machine) the content hash decides, so only a real edit re-parses.
// Thousands of TUs share each header: every path is stat'ed and hashed at
// most once per run.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_STORE_FILESTAMPS_H
#define FPUTCHECK_STORE_FILESTAMPS_H

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include <chrono>
#include <cstdint>
#include <optional>

namespace fputcheck {

struct FileStamp {
  uint64_t Size = 0;
  /// Nanoseconds since the epoch.
  int64_t MTime = 0;
  /// xxh3-64 of the content.
  uint64_t Hash = 0;
};

class FileStamps {
public:
  /// Whether \p Path still holds the content \p Was describes. \p MTimeNow
  /// is its mtime: when the content is the same but the mtime moved, the
  /// caller can refresh its record and take the cheap path next time.
  bool unchanged(llvm::StringRef Path, const FileStamp &Was,
                 int64_t &MTimeNow);

  /// The stamp of a file a parse that started at \p ParseStart has just
  /// read, or nothing when the file is gone or was modified after the parse
  /// began (its content may differ from what was parsed).
  std::optional<FileStamp>
  afterParse(llvm::StringRef Path,
             std::chrono::system_clock::time_point ParseStart);

  /// Whether nothing is at \p Path (the test a parse's failed probe made:
  /// status fails), stat'ed once per run.
  bool absent(llvm::StringRef Path);

  unsigned filesHashed() const { return Hashed; }

private:
  struct Entry {
    bool Exists = false;
    bool HasHash = false;
    FileStamp Stamp;
  };
  Entry &lookup(llvm::StringRef Path);
  bool hash(llvm::StringRef Path, Entry &E);

  llvm::StringMap<Entry> Cache;
  llvm::StringMap<bool> Absent;
  unsigned Hashed = 0;
};

} // namespace fputcheck

#endif
