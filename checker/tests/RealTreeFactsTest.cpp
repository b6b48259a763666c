//===- RealTreeFactsTest.cpp - An editor's view of Linux 6.12 ---*- C++ -*-===//
//
// Each TU of a slice of the real tree, linked with the reach facts of the
// whole slice as clangd-fput links the open file (fputcheck/Facts.h), must
// show the findings the whole slice shows in its file: plainly and with
// filp_close() made synchronous, where chains cross fs/file.c, fs/open.c,
// kernel/exit.c and kernel/acct.c. Skipped, saying so, when no prepared
// tree exists.
//
//===----------------------------------------------------------------------===//

#include "FactsEquivalence.h"
#include "RealTreeSlice.h"
#include "fputcheck/Extract.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "gtest/gtest.h"

using namespace llvm;
using namespace fputcheck;

namespace {

const std::vector<std::string> &SliceFiles = fileCloseSlice();

Rules loadRules() { return test::loadRulesOrFail(FPUTCHECK_RULES_DIR); }

TEST(RealTreeFacts, EachFileSeesWhatTheWholeSliceSees) {
  std::string Tree = realTreePath("FPUTCHECK_KERNEL_TREE", "6.12");
  SmallString<256> DBPath(Tree);
  sys::path::append(DBPath, "compile_commands.json");
  if (!sys::fs::exists(DBPath))
    GTEST_SKIP() << "no prepared Linux 6.12 tree with compile_commands.json "
                    "at " << Tree
                 << " (run scripts/get-kernel.sh or set "
                    "FPUTCHECK_KERNEL_TREE); real-tree facts SKIPPED";
  auto DB = loadCompileDatabase(Tree);
  ASSERT_TRUE(bool(DB)) << toString(DB.takeError());
  auto Cmds = selectCommands(**DB, Tree, SliceFiles);
  ASSERT_TRUE(bool(Cmds)) << toString(Cmds.takeError());
  Rules R = loadRules();
  std::vector<TUSummary> TUs;
  extractAll(*Cmds, R, 2, [&](TUOutcome &O) {
    EXPECT_TRUE(O.Ok) << O.Error;
    if (O.Ok)
      TUs.push_back(std::move(O.Summary));
  });
  ASSERT_EQ(TUs.size(), SliceFiles.size());

  unsigned Compared = 0;
  for (const std::string &M : test::factsMismatches(TUs, R, Compared))
    ADD_FAILURE() << M;
  // dm_get_device() in dm-table.c reaches __fput_sync() through dm.c.
  EXPECT_GE(Compared, 5u);

  Rules WhatIf = loadRules();
  WhatIf.addSyncVariant("filp_close");
  unsigned ComparedWhatIf = 0;
  for (const std::string &M : test::factsMismatches(TUs, WhatIf, ComparedWhatIf))
    ADD_FAILURE() << "--assume-sync filp_close: " << M;
  EXPECT_GT(ComparedWhatIf, Compared);
}

} // namespace
