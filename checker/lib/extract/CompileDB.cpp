//===- CompileDB.cpp - Compile commands, made safe to run in-process -----===//

#include "extract/CompileDB.h"

#include "clang/Driver/Options.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Option/ArgList.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <map>
#include <set>

using namespace llvm;
using namespace clang::tooling;
using namespace fputcheck;

#ifndef FPUTCHECK_CLANG_RESOURCE_DIR
#define FPUTCHECK_CLANG_RESOURCE_DIR ""
#endif

Expected<std::unique_ptr<CompilationDatabase>>
fputcheck::loadCompileDatabase(StringRef PathOrDir) {
  SmallString<256> Path(PathOrDir);
  if (!sys::fs::exists(Path))
    return createStringError(inconvertibleErrorCode(),
                             "%s: error: no such file or directory (expected "
                             "compile_commands.json or the folder holding it)",
                             Path.c_str());
  if (sys::fs::is_directory(Path))
    sys::path::append(Path, "compile_commands.json");
  if (!sys::fs::exists(Path))
    return createStringError(inconvertibleErrorCode(),
                             "%s: error: no compile database here (make one "
                             "with compile_commands-gen/kernel-compdb)",
                             Path.c_str());
  std::string Err;
  std::unique_ptr<CompilationDatabase> DB = JSONCompilationDatabase::loadFromFile(
      Path, Err, JSONCommandLineSyntax::AutoDetect);
  if (!DB)
    return createStringError(inconvertibleErrorCode(),
                             "%s: error: malformed compile database: %s",
                             Path.c_str(), Err.c_str());
  if (DB->getAllCompileCommands().empty())
    return createStringError(inconvertibleErrorCode(),
                             "%s: error: compile database has no entries",
                             Path.c_str());
  return DB;
}

static std::string absoluteIn(StringRef Dir, StringRef File) {
  SmallString<256> P(File);
  if (!sys::path::is_absolute(P)) {
    P = Dir;
    sys::path::append(P, File);
  }
  sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  return std::string(P);
}

Expected<std::vector<CompileCommand>>
fputcheck::selectCommands(const CompilationDatabase &DB, StringRef DBDir,
                          const std::vector<std::string> &Files) {
  // First command per file, keyed by absolute path: one TU, one summary.
  std::map<std::string, CompileCommand> ByFile;
  for (CompileCommand &C : DB.getAllCompileCommands()) {
    std::string Abs = absoluteIn(C.Directory, C.Filename);
    C.Filename = Abs;
    ByFile.try_emplace(Abs, std::move(C));
  }
  std::vector<CompileCommand> Out;
  if (Files.empty()) {
    for (auto &[F, C] : ByFile)
      Out.push_back(C);
    return Out;
  }
  SmallString<256> Cwd;
  sys::fs::current_path(Cwd);
  std::set<std::string> Picked;
  for (const std::string &F : Files) {
    auto It = ByFile.find(absoluteIn(DBDir, F));
    if (It == ByFile.end())
      It = ByFile.find(absoluteIn(Cwd, F));
    if (It == ByFile.end())
      return createStringError(inconvertibleErrorCode(),
                               "%s: error: not in the compile database",
                               F.c_str());
    if (Picked.insert(It->first).second)
      Out.push_back(It->second);
  }
  return Out;
}

std::vector<std::string>
fputcheck::sanitizeArguments(const CompileCommand &Cmd, DroppedFlags &Dropped) {
  const std::vector<std::string> &In = Cmd.CommandLine;
  std::vector<std::string> Args;
  if (In.empty())
    return Args;
  Args.push_back(In[0]);
  bool HasResourceDir = false;
  for (size_t I = 1; I < In.size(); ++I) {
    StringRef A = In[I];
    auto Next = [&] { return I + 1 < In.size() ? StringRef(In[I + 1]) : ""; };
    if (A == "-o" || A == "-MF" || A == "-MT" || A == "-MQ") {
      ++I;
      continue;
    }
    if (A == "-c" || A == "-S" || A == "-E" || A == "-MD" || A == "-MMD" ||
        A == "-MP" || A == "-M" || A == "-MM")
      continue;
    if (A.starts_with("-Wp,-MD,") || A.starts_with("-Wp,-MMD,")) {
      Dropped.DepFile.push_back(A.str());
      continue;
    }
    if (A.starts_with("-fplugin") || A.starts_with("-fpass-plugin")) {
      Dropped.Plugin.push_back(A.str());
      continue;
    }
    // -Xclang -load -Xclang lib.so, -Xclang -add-plugin -Xclang name, ...
    if (A == "-Xclang" && (Next() == "-load" || Next().starts_with("-plugin") ||
                           Next().starts_with("-add-plugin"))) {
      StringRef Opt = Next();
      std::string Flag = "-Xclang " + Opt.str();
      I += 1;
      bool TakesValue = Opt == "-load" || Opt == "-add-plugin" ||
                        Opt == "-plugin" || Opt.starts_with("-plugin-arg-");
      if (TakesValue && Next() == "-Xclang" && I + 2 < In.size()) {
        Flag += " " + In[I + 2];
        I += 2;
      }
      Dropped.Plugin.push_back(Flag);
      continue;
    }
    if (A.starts_with("-resource-dir"))
      HasResourceDir = true;
    Args.push_back(A.str());
  }
  // Flags this clang does not know would fail the whole TU; drop them.
  const opt::OptTable &Table = clang::driver::getDriverOptTable();
  std::vector<const char *> Argv;
  for (size_t I = 1; I < Args.size(); ++I)
    Argv.push_back(Args[I].c_str());
  unsigned MissingIndex = 0, MissingCount = 0;
  opt::InputArgList Parsed = Table.ParseArgs(
      Argv, MissingIndex, MissingCount,
      opt::Visibility(clang::driver::options::ClangOption));
  std::set<unsigned> Unknown;
  for (const opt::Arg *A : Parsed.filtered(clang::driver::options::OPT_UNKNOWN))
    Unknown.insert(A->getIndex() + 1);
  if (!Unknown.empty()) {
    std::vector<std::string> Kept;
    for (size_t I = 0; I < Args.size(); ++I) {
      if (Unknown.count(I))
        Dropped.Unknown.push_back(Args[I]);
      else
        Kept.push_back(Args[I]);
    }
    Args = std::move(Kept);
  }
  Args.push_back("-fsyntax-only");
  Args.push_back("-w"); // Warnings are not ours to report and cost time.
  Args.push_back("-ferror-limit=5");
  // Without carets clang also skips its "N errors generated." line, which
  // would reach stderr unattributed; the first error is reported with its
  // file instead.
  Args.push_back("-fno-caret-diagnostics");
  Args.push_back("-Qunused-arguments");
  if (!HasResourceDir && *FPUTCHECK_CLANG_RESOURCE_DIR)
    Args.push_back("-resource-dir=" FPUTCHECK_CLANG_RESOURCE_DIR);
  return Args;
}
