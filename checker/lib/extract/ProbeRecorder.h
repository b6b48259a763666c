//===- ProbeRecorder.h - Which paths a parse found and missed ---*- C++ -*-===//
//
// A TU that fails to parse is kept in the store only with what can make it
// parse differently: the files it read, and every path it looked for and
// did not find (include-path probes, the missing header itself). This file
// system passes everything through to the one it wraps and notes both.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_EXTRACT_PROBERECORDER_H
#define FPUTCHECK_EXTRACT_PROBERECORDER_H

#include "llvm/ADT/StringSet.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <string>
#include <vector>

namespace fputcheck {

class ProbeRecorder : public llvm::vfs::ProxyFileSystem {
public:
  explicit ProbeRecorder(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS)
      : ProxyFileSystem(std::move(FS)) {}

  llvm::ErrorOr<llvm::vfs::Status> status(const llvm::Twine &Path) override;
  bool exists(const llvm::Twine &Path) override;
  llvm::ErrorOr<std::unique_ptr<llvm::vfs::File>>
  openFileForRead(const llvm::Twine &Path) override;

  /// Files opened for reading, absolute, sorted.
  std::vector<std::string> opened() const { return sorted(Opened); }
  /// Paths whose status or opening failed, absolute, sorted.
  std::vector<std::string> missing() const { return sorted(Missing); }

private:
  /// \p Path made absolute against the working directory, "." removed.
  std::string absolute(const llvm::Twine &Path) const;
  static std::vector<std::string> sorted(const llvm::StringSet<> &S);

  llvm::StringSet<> Opened, Missing;
};

} // namespace fputcheck

#endif
