//===- CompileDB.h - Compile commands, made safe to run in-process -*- C++ -*-=//
//
// Kernel compile commands carry things an in-process parse must not do:
// -Wp,-MMD,<file> would rewrite kbuild's dependency files, -fplugin= would
// load code named by the database. They are dropped (and reported), as are
// flags this clang does not know (GCC-only flags of a GCC-configured tree).
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_EXTRACT_COMPILEDB_H
#define FPUTCHECK_EXTRACT_COMPILEDB_H

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <string>
#include <vector>

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

struct DroppedFlags {
  std::vector<std::string> Plugin;
  std::vector<std::string> DepFile;
  std::vector<std::string> Unknown;
};

/// A syntax-only command line for an in-process parse of \p Cmd.
std::vector<std::string> sanitizeArguments(const clang::tooling::CompileCommand &Cmd,
                                           DroppedFlags &Dropped);

} // namespace fputcheck

#endif
