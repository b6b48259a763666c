//===- CorpusDatabase.h - A compile database for corpus-style TUs -*- C++ -*-===//
//
// Store and command-line tests build small trees of their own and compile
// them like the corpus (against test-corpus/include); one writer of that
// database serves both.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_TESTS_CORPUSDATABASE_H
#define FPUTCHECK_TESTS_CORPUSDATABASE_H

#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace fputcheck {
namespace test {

/// compile_commands.json text for \p Files (absolute), run from \p Dir and
/// compiled like the corpus; \p Extra flags go to every command.
std::string corpusDatabaseJSON(llvm::StringRef Dir,
                               const std::vector<std::string> &Files,
                               const std::vector<std::string> &Extra);

} // namespace test
} // namespace fputcheck

#endif
