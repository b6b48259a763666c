//===- ToolRunner.h - Running build/bin/fputcheck from tests ----*- C++ -*-===//
#ifndef FPUTCHECK_TESTS_TOOLRUNNER_H
#define FPUTCHECK_TESTS_TOOLRUNNER_H

#include "llvm/Support/Program.h"
#include <memory>
#include <string>
#include <vector>

namespace fputcheck {
namespace test {

struct ToolResult {
  int Status = -1;
  std::string Out, Err;
};

/// A fresh temporary directory, removed by the destructor.
class TempDir {
public:
  TempDir();
  ~TempDir();
  const std::string &path() const { return Path; }
  /// Writes \p Text to path()/\p Rel (creating folders); returns the path.
  std::string write(const std::string &Rel, const std::string &Text) const;

private:
  std::string Path;
};

/// Runs the program \p Exe with \p Args.
ToolResult runProgram(const std::string &Exe,
                      const std::vector<std::string> &Args);
/// Runs the fputcheck binary with \p Args.
ToolResult runTool(const std::vector<std::string> &Args);

/// A program (the fputcheck binary by default) started with some arguments
/// and not waited for yet: several at once, or one to be killed.
class RunningTool {
public:
  explicit RunningTool(const std::vector<std::string> &Args,
                       const std::string &Exe = FPUTCHECK_TOOL);
  /// Whether it has exited (then wait() returns at once).
  bool done();
  /// Waits for it to exit; what it printed.
  ToolResult wait();
  void signal(int Signal);

private:
  std::unique_ptr<TempDir> Scratch;
  llvm::sys::ProcessInfo PI;
  std::optional<int> Status;
};

/// A compile_commands.json in \p Dir for \p Files (absolute), compiled like
/// the corpus: against test-corpus/include. \p Extra flags are appended.
std::string writeCorpusDatabase(const TempDir &Dir,
                                const std::vector<std::string> &Files,
                                const std::vector<std::string> &Extra = {});

std::string corpusCase(const std::string &Name);
std::string readFile(const std::string &Path);

} // namespace test
} // namespace fputcheck

#endif
