//===- Extract.h - Compile commands to TU summaries -------------*- C++ -*-===//
//
// Parses TUs with fputcheck's own frontend action (SummaryBuilder.h) over a
// file system the caller may overlay (patch review parses patched files
// that are not on disk), one TU per worker at a time. Every TU's outcome is
// handed to a callback as soon as it is known (the store saves it there),
// so an error, a clang crash (caught per TU) or an interrupt never loses
// what other TUs already produced.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_EXTRACT_H
#define FPUTCHECK_EXTRACT_H

#include "fputcheck/Rules.h"
#include "fputcheck/Summary.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/IntrusiveRefCntPtr.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <chrono>
#include <functional>
#include <memory>

namespace fputcheck {

/// Loads compile_commands.json from a file or its folder; errors name it.
llvm::Expected<std::unique_ptr<clang::tooling::CompilationDatabase>>
loadCompileDatabase(llvm::StringRef PathOrDir);

/// The commands to analyse: all of them (sorted by file, first command per
/// file) or those for \p Files (absolute, or relative to the database's
/// directory or the current one). Unknown files are an error naming them.
llvm::Expected<std::vector<clang::tooling::CompileCommand>>
selectCommands(const clang::tooling::CompilationDatabase &DB,
               llvm::StringRef DBDir, const std::vector<std::string> &Files);

/// Flags an in-process parse must not run with, dropped from a command.
struct DroppedFlags {
  std::vector<std::string> Plugin;
  std::vector<std::string> DepFile;
  std::vector<std::string> Unknown;
};

struct TUOutcome {
  const clang::tooling::CompileCommand *Cmd = nullptr;
  bool Ok = false;
  TUSummary Summary;
  /// First error, "file:line:col: error: message", when !Ok.
  std::string Error;
  /// Every file the parse read (for cache keys); empty after a crash.
  std::vector<std::string> Inputs;
  /// When !Ok: every path the parse looked for and did not find. The
  /// failure stands while these stay missing and the inputs unchanged.
  std::vector<std::string> Absent;
  DroppedFlags Dropped;
  /// When the parse began: a file modified after it may not be what was
  /// parsed, so the store does not vouch for it.
  std::chrono::system_clock::time_point Started;
  double Seconds = 0;
};

struct ExtractOptions {
  /// Leave unparsed the header function bodies the TU cannot reach
  /// (extract/BodyNeeds.h); the summary is the same either way.
  bool SkipUnneededBodies = true;
  /// Makes the file system a parse reads, once per TU (each parse sets its
  /// own working directory); empty: the disk. An overlay of patched files
  /// over the real file system parses a patch without writing the tree.
  std::function<llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>()> MakeFS;
};

/// Extracts one TU in the calling thread.
TUOutcome extractOne(const clang::tooling::CompileCommand &Cmd, const Rules &R,
                     const ExtractOptions &O = {});

/// Extracts every command with \p Jobs workers; \p OnDone is called for each
/// TU, serialised, in completion order.
void extractAll(const std::vector<clang::tooling::CompileCommand> &Cmds,
                const Rules &R, unsigned Jobs,
                const std::function<void(TUOutcome &)> &OnDone,
                const ExtractOptions &O = {});

} // namespace fputcheck

#endif
