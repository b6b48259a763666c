//===- ClangdFputMain.cpp - clangd with the fput-sync-* checks ------------===//
//
// Debian's clangd 19 (libclangdMain.a), unchanged, with the fput-sync-*
// clang-tidy module linked in: a drop-in for clangd.
//
//===----------------------------------------------------------------------===//

#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace clang {
namespace clangd {
// ClangdMain.cpp's entry point; libclang-19-dev ships no clangd headers.
int clangdMain(int argc, char *argv[]);
} // namespace clangd
} // namespace clang

#ifndef FPUTCHECK_CLANG_RESOURCE_DIR
#define FPUTCHECK_CLANG_RESOURCE_DIR ""
#endif

int main(int argc, char *argv[]) {
  // clangd finds clang's builtin headers (stddef.h, ...) relative to its own
  // path, which is not LLVM's prefix here; name clang-19's unless told.
  std::vector<char *> Args(argv, argv + argc);
  bool Given = false;
  for (int I = 1; I < argc; ++I)
    Given |= llvm::StringRef(argv[I]).ltrim('-').starts_with("resource-dir");
  static std::string ResourceDir =
      std::string("--resource-dir=") + FPUTCHECK_CLANG_RESOURCE_DIR;
  if (!Given && *FPUTCHECK_CLANG_RESOURCE_DIR)
    Args.insert(Args.begin() + 1, ResourceDir.data());
  Args.push_back(nullptr);
  return clang::clangd::clangdMain(static_cast<int>(Args.size()) - 1,
                                   Args.data());
}
