//===- CorpusCase.cpp - A test-corpus case and its expectations -----------===//

#include "CorpusCase.h"
#include "fputcheck/Extract.h"
#include "fputcheck/Program.h"
#include "fputcheck/Analysis.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include <algorithm>

using namespace llvm;

namespace fputcheck {
namespace test {

std::vector<std::string> listCases(const std::string &CasesDir) {
  std::vector<std::string> Names;
  std::error_code EC;
  for (sys::fs::directory_iterator It(CasesDir, EC), End; It != End && !EC;
       It.increment(EC)) {
    StringRef Name = sys::path::filename(It->path());
    if (Name.ends_with(".c") || sys::fs::is_directory(It->path()))
      Names.push_back(Name.str());
  }
  std::sort(Names.begin(), Names.end());
  return Names;
}

static void readExpectations(const std::string &File, CorpusCase &C) {
  auto Buf = MemoryBuffer::getFile(File);
  if (!Buf)
    return;
  Regex Comment("/\\*[[:space:]]*(expect|xfail|xfail-fp|fputcheck-options):"
                "[[:space:]]*(.*)\\*/");
  SmallVector<StringRef, 0> Lines;
  (*Buf)->getBuffer().split(Lines, '\n');
  for (unsigned I = 0; I < Lines.size(); ++I) {
    SmallVector<StringRef, 3> M;
    if (!Comment.match(Lines[I], &M))
      continue;
    StringRef What = M[1], Body = M[2].trim();
    if (What == "fputcheck-options") {
      SmallVector<StringRef, 4> Words;
      Body.split(Words, ' ', -1, false);
      for (unsigned W = 0; W + 1 < Words.size(); ++W)
        if (Words[W] == "--assume-sync") {
          SmallVector<StringRef, 4> Names;
          Words[W + 1].split(Names, ',', -1, false);
          for (StringRef N : Names)
            C.AssumeSync.push_back(N.str());
        }
      continue;
    }
    ExpectKind K = What == "expect"  ? ExpectKind::Expect
                   : What == "xfail" ? ExpectKind::XFail
                                     : ExpectKind::XFailFP;
    // "expect: A B" lists ids; "xfail: ID -- reason" has one.
    StringRef Ids = Body.split("--").first;
    SmallVector<StringRef, 4> Words;
    Ids.split(Words, ' ', -1, false);
    for (StringRef W : Words) {
      W = W.trim(", \t");
      if (!W.empty())
        C.Expectations.push_back({K, File, I + 1, W.str()});
      if (K != ExpectKind::Expect)
        break;
    }
  }
}

CorpusCase loadCase(const std::string &CasesDir, const std::string &Name) {
  CorpusCase C;
  C.Name = Name;
  SmallString<256> Path(CasesDir);
  sys::path::append(Path, Name);
  if (sys::fs::is_directory(Path)) {
    std::error_code EC;
    for (sys::fs::directory_iterator It(Path, EC), End; It != End && !EC;
         It.increment(EC))
      if (StringRef(It->path()).ends_with(".c"))
        C.Files.push_back(It->path());
    std::sort(C.Files.begin(), C.Files.end());
  } else {
    C.Files.push_back(std::string(Path));
  }
  for (const std::string &F : C.Files)
    readExpectations(F, C);
  return C;
}

std::vector<std::string> listCorpusTUs(const std::string &CasesDir) {
  std::vector<std::string> Files;
  std::error_code EC;
  for (sys::fs::recursive_directory_iterator It(CasesDir, EC), End;
       It != End && !EC; It.increment(EC))
    if (StringRef(It->path()).ends_with(".c"))
      Files.push_back(It->path());
  return Files;
}

clang::tooling::CompileCommand corpusCommand(const std::string &File,
                                             const std::string &IncludeDir) {
  return clang::tooling::CompileCommand(
      sys::path::parent_path(File), File,
      {"clang-19", "-std=gnu11", "-nostdinc", "-ffreestanding", "-D__KERNEL__",
       "-I", IncludeDir, "-c", File},
      "");
}

std::vector<Finding> runCase(const CorpusCase &C, const std::string &IncludeDir,
                             Rules R, std::vector<std::string> &Errors) {
  for (const std::string &N : C.AssumeSync)
    R.addSyncVariant(N);
  Program P;
  for (const std::string &F : C.Files) {
    clang::tooling::CompileCommand Cmd(
        sys::path::parent_path(F), F,
        {"clang-19", "-std=gnu11", "-nostdinc", "-ffreestanding",
         "-D__KERNEL__", "-I", IncludeDir, "-c", F, "-o", "/dev/null"},
        "/dev/null");
    TUOutcome O = extractOne(Cmd, R);
    if (!O.Ok)
      Errors.push_back(O.Error);
    else
      P.add(std::move(O.Summary));
  }
  P.link(R);
  return analyzeProgram(P, R);
}

} // namespace test
} // namespace fputcheck
