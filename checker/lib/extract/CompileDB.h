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

#include "fputcheck/Extract.h"
#include <string>
#include <vector>

namespace fputcheck {

/// A syntax-only command line for an in-process parse of \p Cmd.
std::vector<std::string> sanitizeArguments(const clang::tooling::CompileCommand &Cmd,
                                           DroppedFlags &Dropped);

} // namespace fputcheck

#endif
