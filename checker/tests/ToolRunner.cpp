//===- ToolRunner.cpp - Running build/bin/fputcheck from tests ------------===//

#include "ToolRunner.h"
#include "CorpusDatabase.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"
#include <csignal>
#include <optional>

using namespace llvm;

namespace fputcheck {
namespace test {

TempDir::TempDir() {
  SmallString<128> P;
  sys::fs::createUniqueDirectory("fputcheck-test", P);
  Path = std::string(P);
}

TempDir::~TempDir() { sys::fs::remove_directories(Path); }

std::string TempDir::write(const std::string &Rel,
                           const std::string &Text) const {
  SmallString<256> P(Path);
  sys::path::append(P, Rel);
  sys::fs::create_directories(sys::path::parent_path(P));
  std::error_code EC;
  raw_fd_ostream OS(P, EC);
  OS << Text;
  return std::string(P);
}

std::string readFile(const std::string &Path) {
  auto B = MemoryBuffer::getFile(Path);
  return B ? (*B)->getBuffer().str() : std::string();
}

ToolResult runProgram(const std::string &Exe,
                      const std::vector<std::string> &Args) {
  return RunningTool(Args, Exe).wait();
}

ToolResult runTool(const std::vector<std::string> &Args) {
  return runProgram(FPUTCHECK_TOOL, Args);
}

RunningTool::RunningTool(const std::vector<std::string> &Args,
                         const std::string &Exe)
    : Scratch(std::make_unique<TempDir>()) {
  std::string Out = Scratch->path() + "/out", Err = Scratch->path() + "/err";
  std::vector<StringRef> Argv{Exe};
  for (const std::string &A : Args)
    Argv.push_back(A);
  std::optional<StringRef> Redirects[] = {std::nullopt, StringRef(Out),
                                          StringRef(Err)};
  PI = sys::ExecuteNoWait(Exe, Argv, std::nullopt, Redirects);
  if (PI.Pid <= 0)
    Status = -1;
}

bool RunningTool::done() {
  if (Status)
    return true;
  sys::ProcessInfo Now = sys::Wait(PI, /*SecondsToWait=*/0);
  if (Now.Pid == 0)
    return false;
  Status = Now.ReturnCode;
  return true;
}

ToolResult RunningTool::wait() {
  if (!Status)
    Status = sys::Wait(PI, /*SecondsToWait=*/600).ReturnCode;
  ToolResult R;
  R.Status = *Status;
  R.Out = readFile(Scratch->path() + "/out");
  R.Err = readFile(Scratch->path() + "/err");
  return R;
}

void RunningTool::signal(int Signal) {
  if (!Status)
    ::kill(PI.Pid, Signal);
}

std::string writeCorpusDatabase(const TempDir &Dir,
                                const std::vector<std::string> &Files,
                                const std::vector<std::string> &Extra) {
  return Dir.write("compile_commands.json",
                   corpusDatabaseJSON(Dir.path(), Files, Extra));
}

std::string corpusCase(const std::string &Name) {
  return FPUTCHECK_CORPUS_DIR "/cases/" + Name;
}

} // namespace test
} // namespace fputcheck
