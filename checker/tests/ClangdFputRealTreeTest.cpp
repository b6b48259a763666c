//===- ClangdFputRealTreeTest.cpp - clangd-fput on dm.c ---------*- C++ -*-===//
//-*-===//
//
// The real dm.c of a prepared Linux 6.12 tree in clangd-fput, over LSP: its
// two known findings (dm_get_table_device() and dm_put_table_device() reach
// __fput_sync() under md->table_devices_lock) show on their calls, from the
// file's own facts. The checks are enabled by a user config
// (XDG_CONFIG_HOME), so nothing is written into the tree. Skipped, saying
// so, without a tree.
//
//===----------------------------------------------------------------------===//

#include "LspClient.h"
#include "RealTreeSlice.h"
#include "ToolRunner.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "gtest/gtest.h"

using namespace fputcheck;
using namespace fputcheck::test;
using namespace llvm;

namespace {

TEST(ClangdFputRealTree, DmTableDeviceFindings) {
  std::string Tree = realTreePath("FPUTCHECK_KERNEL_TREE", "6.12");
  if (!sys::fs::exists(Tree + "/compile_commands.json"))
    GTEST_SKIP() << "no prepared Linux 6.12 tree with compile_commands.json "
                    "at "
                 << Tree << " (run scripts/get-kernel.sh)";
  TempDir Config;
  Config.write("clangd/config.yaml", "Diagnostics:\n"
                                     "  ClangTidy:\n"
                                     "    Add: [fput-sync-*]\n"
                                     "    FastCheckFilter: None\n");
  std::string Log = Config.path() + "/server.log";
  LspClient Server(CLANGD_FPUT, {"--background-index=false"}, Log,
                   {"XDG_CONFIG_HOME=" + Config.path()});
  ASSERT_TRUE(Server.initialize()) << readFile(Log);

  std::string File = Tree + "/drivers/md/dm.c";
  std::string Text = readFile(File);
  std::optional<json::Array> Diags = Server.open(File, Text, 600);
  ASSERT_TRUE(Diags.has_value()) << readFile(Log);

  SmallVector<StringRef, 0> Lines;
  StringRef(Text).split(Lines, '\n');
  std::vector<std::string> Seen;
  for (const json::Value &V : *Diags) {
    const json::Object *D = V.getAsObject();
    if (D->getString("code").value_or("") != "fput-sync-locked")
      continue;
    std::string Message = D->getString("message").value_or("").str();
    int64_t Line =
        *D->getObject("range")->getObject("start")->getInteger("line");
    EXPECT_NE(Message.find("mutex 'md->table_devices_lock' held"),
              std::string::npos)
        << Message;
    for (StringRef Callee : {"open_table_device", "close_table_device"})
      if (Message.find("(" + Callee.str() + " -> __fput_sync)") !=
          std::string::npos) {
        Seen.push_back(Callee.str());
        EXPECT_TRUE(Lines[Line].contains(Callee.str() + "("))
            << Lines[Line].str();
      }
  }
  std::sort(Seen.begin(), Seen.end());
  EXPECT_EQ(Seen, (std::vector<std::string>{"close_table_device",
                                            "open_table_device"}))
      << readFile(Log);
}

} // namespace
