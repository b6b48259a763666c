//===- RealTree61Test.cpp - Known findings on Linux 6.1 ---------*- C++ -*-===//
//
// The 6.1 LTS line differs where the checks look: EXPORT_SYMBOL() is a
// __ksymtab section entry (before 6.5), __fput_sync() asserts a kernel
// thread with BUG_ON(!(task->flags & PF_KTHREAD)), and there is no
// cleanup.h. Runs over a slice of Debian's linux-source-6.1 prepared by
// scripts/get-kernel.sh --version 6.1; skipped, saying so, without it
// (FPUTCHECK_KERNEL_TREE_6_1 points elsewhere).
//
//===----------------------------------------------------------------------===//

#include "RealTreeSlice.h"
#include "fputcheck/Analysis.h"

#include "gtest/gtest.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <cstdlib>

using namespace fputcheck;

namespace {

const std::vector<std::string> SliceFiles = {
    "fs/file_table.c", "kernel/acct.c", "net/sunrpc/xprtsock.c",
    "net/sunrpc/svc_xprt.c", "fs/open.c"};

class RealTree61 : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    Tree = realTreePath("FPUTCHECK_KERNEL_TREE_6_1", "6.1");
    auto R = Rules::loadDirectory(FPUTCHECK_RULES_DIR);
    ASSERT_TRUE(bool(R)) << llvm::toString(R.takeError());
    Slice = std::make_unique<Program>();
    if (!loadRealSlice(Tree, SliceFiles, *R, *Slice))
      return;
    Findings =
        std::make_unique<std::vector<Finding>>(analyzeProgram(*Slice, *R));
  }
  static void TearDownTestSuite() {
    Findings.reset();
    Slice.reset();
  }
  void SetUp() override {
    if (!Findings)
      GTEST_SKIP() << "no prepared Linux 6.1 tree with compile_commands.json "
                      "at " << Tree
                   << " (run scripts/get-kernel.sh --version 6.1 or set "
                      "FPUTCHECK_KERNEL_TREE_6_1); 6.1 checks SKIPPED";
  }
  static std::string dump() {
    std::string S;
    for (const Finding &F : *Findings)
      S += F.Where.File + ":" + std::to_string(F.Where.Line) + " " +
           F.Where.Function + " " + checkId(F.Check).str() + " " + F.Message +
           " (" + F.Chain + ")\n";
    return S;
  }
  static size_t count(CheckKind Check, llvm::StringRef Function) {
    size_t N = 0;
    for (const Finding &F : *Findings)
      N += F.Check == Check && F.Where.Function == Function;
    return N;
  }

  static std::string Tree;
  static std::unique_ptr<Program> Slice;
  static std::unique_ptr<std::vector<Finding>> Findings;
};

std::string RealTree61::Tree;
std::unique_ptr<Program> RealTree61::Slice;
std::unique_ptr<std::vector<Finding>> RealTree61::Findings;

TEST_F(RealTree61, KsymtabExportOfTheSyncVariant) {
  // EXPORT_SYMBOL(__fput_sync) as a pre-6.5 __ksymtab entry.
  EXPECT_EQ(count(CheckKind::Export, "__fput_sync"), 1u) << dump();
}

TEST_F(RealTree61, CloseWorkBeforeComplete) {
  // A work item runs in a kworker, a kernel thread: the BUG_ON() in 6.1's
  // __fput_sync() holds there, and the release runs before complete().
  EXPECT_EQ(count(CheckKind::BeforeComplete, "close_work"), 1u) << dump();
}

TEST_F(RealTree61, GuardedResetAndCloseStaySilent) {
  for (const Finding &F : *Findings) {
    EXPECT_EQ(F.Chain.find("xs_reset_transport"), std::string::npos)
        << dump();
    EXPECT_EQ(F.Where.File.find("/fs/open.c"), std::string::npos) << dump();
  }
}

} // namespace
