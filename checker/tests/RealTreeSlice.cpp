//===- RealTreeSlice.cpp - A slice of a prepared kernel tree --------------===//

#include "RealTreeSlice.h"
#include "fputcheck/ProgramLoader.h"

#include "gtest/gtest.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <cstdlib>

using namespace fputcheck;

std::string fputcheck::realTreePath(const char *EnvVar,
                                    const std::string &Version) {
  if (const char *T = std::getenv(EnvVar))
    return T;
  const char *Work = std::getenv("FPUTCHECK_WORK");
  return std::string(Work ? Work : "/var/tmp/fputcheck") + "/linux-source-" +
         Version;
}

const std::vector<std::string> &fputcheck::fileCloseSlice() {
  static const std::vector<std::string> Files = {
      "fs/open.c",     "fs/file.c",     "fs/file_table.c", "fs/exec.c",
      "kernel/exit.c", "kernel/acct.c", "drivers/md/dm.c",
      "drivers/md/dm-table.c"};
  return Files;
}

bool fputcheck::loadRealSlice(const std::string &Tree,
                              const std::vector<std::string> &Files,
                              const Rules &R, Program &P) {
  llvm::SmallString<256> DB(Tree);
  llvm::sys::path::append(DB, "compile_commands.json");
  if (!llvm::sys::fs::exists(DB))
    return false;
  LoadOptions O;
  O.Database = Tree;
  O.Files = Files;
  O.Quiet = true;
  LoadStats Stats;
  std::string DBDir;
  if (llvm::Error E = loadProgram(O, R, P, Stats, DBDir)) {
    ADD_FAILURE() << llvm::toString(std::move(E));
    return false;
  }
  for (const Diagnostic &D : Stats.Diagnostics)
    if (D.From == Origin::Parse)
      ADD_FAILURE() << "real TU failed to parse: " << render(D);
  EXPECT_EQ(Stats.Parsed, Files.size());
  return true;
}
