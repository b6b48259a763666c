//===- RealTreeSlice.h - A slice of a prepared kernel tree ------*- C++ -*-===//
//
// The real-tree tests parse a few TUs of a Debian kernel source tree that
// scripts/get-kernel.sh prepared, and skip (saying so) when there is none.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_TESTS_REALTREESLICE_H
#define FPUTCHECK_TESTS_REALTREESLICE_H

#include "fputcheck/Program.h"
#include "fputcheck/Rules.h"
#include <string>
#include <vector>

namespace fputcheck {

/// The tree: $EnvVar if set, else $FPUTCHECK_WORK (or /var/tmp/fputcheck)
/// /linux-source-VERSION.
std::string realTreePath(const char *EnvVar, const std::string &Version);

/// The TUs where closing a file happens (fs/open.c, fs/file.c, ...) and
/// their callers that hold locks (drivers/md/dm.c, kernel/acct.c): chains
/// cross these files, plainly and with filp_close() made synchronous.
const std::vector<std::string> &fileCloseSlice();

/// Parses \p Files of \p Tree into \p P without a store, adding a test
/// failure for each TU that does not parse. False, with nothing parsed,
/// when the tree has no compile_commands.json.
bool loadRealSlice(const std::string &Tree,
                   const std::vector<std::string> &Files, const Rules &R,
                   Program &P);

} // namespace fputcheck

#endif
