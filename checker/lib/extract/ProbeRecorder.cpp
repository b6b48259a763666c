//===- ProbeRecorder.cpp - Which paths a parse found and missed -----------===//

#include "extract/ProbeRecorder.h"

#include "llvm/Support/Path.h"

using namespace llvm;
using namespace fputcheck;

std::string ProbeRecorder::absolute(const Twine &Path) const {
  SmallString<256> P;
  Path.toVector(P);
  makeAbsolute(P);
  // "a/../b" is left alone: with a symbolic link in it, it is not "b".
  sys::path::remove_dots(P, /*remove_dot_dot=*/false);
  return std::string(P);
}

std::vector<std::string> ProbeRecorder::sorted(const StringSet<> &S) {
  std::vector<std::string> Out;
  Out.reserve(S.size());
  for (const auto &E : S)
    Out.push_back(E.getKey().str());
  llvm::sort(Out);
  return Out;
}

ErrorOr<vfs::Status> ProbeRecorder::status(const Twine &Path) {
  ErrorOr<vfs::Status> S = ProxyFileSystem::status(Path);
  if (!S)
    Missing.insert(absolute(Path));
  return S;
}

bool ProbeRecorder::exists(const Twine &Path) {
  bool Found = ProxyFileSystem::exists(Path);
  if (!Found)
    Missing.insert(absolute(Path));
  return Found;
}

ErrorOr<std::unique_ptr<vfs::File>>
ProbeRecorder::openFileForRead(const Twine &Path) {
  ErrorOr<std::unique_ptr<vfs::File>> F =
      ProxyFileSystem::openFileForRead(Path);
  if (!F) {
    Missing.insert(absolute(Path));
    return F;
  }
  // A directory opens too (FileManager then looks elsewhere): not an input.
  // The status is the one FileManager asks for next, cached by the file.
  ErrorOr<vfs::Status> S = (*F)->status();
  if (S && S->isRegularFile())
    Opened.insert(absolute(Path));
  return F;
}
