//===- RealTreeTest.cpp - Known findings on Linux 6.12 ----------*- C++ -*-===//
//
// Runs the checker over a slice of a real, prepared Linux 6.12 tree (Debian's
// linux-source-6.12, see scripts/get-kernel.sh) and asserts the findings and
// non-findings kernel developers know about. Skipped, saying so, when no tree
// is present: set FPUTCHECK_KERNEL_TREE or run scripts/get-kernel.sh.
//
//===----------------------------------------------------------------------===//

#include "fputcheck/Census.h"
#include "RealTreeSlice.h"
#include "fputcheck/ProgramLoader.h"
#include "fputcheck/Analysis.h"

#include "gtest/gtest.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <cstdlib>

using namespace fputcheck;

namespace {

const std::vector<std::string> SliceFiles = {
    "fs/open.c",        "fs/file.c",
    "fs/file_table.c",  "fs/exec.c",
    "kernel/exit.c",    "kernel/acct.c",
    "drivers/md/dm.c",  "drivers/md/dm-table.c",
    "fs/exportfs/expfs.c", "fs/cachefiles/ondemand.c",
    "net/sunrpc/xprtsock.c", "net/sunrpc/svc_xprt.c", "fs/nfsd/vfs.c",
    "drivers/iommu/iommufd/main.c", "fs/coredump.c",
    "kernel/fork.c",    "kernel/signal.c",
    "io_uring/io-wq.c"};

class RealTree : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    Tree = realTreePath("FPUTCHECK_KERNEL_TREE", "6.12");
    auto R = Rules::loadDirectory(FPUTCHECK_RULES_DIR);
    ASSERT_TRUE(bool(R)) << llvm::toString(R.takeError());
    Slice = std::make_unique<Program>();
    if (!loadRealSlice(Tree, SliceFiles, *R, *Slice))
      return;
    // Summaries do not depend on sync variants: one extraction serves the
    // base run and the what-if run.
    Base = std::make_unique<Run>(*Slice, *R);
    Rules WhatIfRules = *R;
    WhatIfRules.addSyncVariant("filp_close");
    WhatIf = std::make_unique<Run>(*Slice, WhatIfRules);
  }
  static void TearDownTestSuite() {
    Base.reset();
    WhatIf.reset();
    Slice.reset();
  }
  void SetUp() override {
    if (!Base)
      GTEST_SKIP() << "no prepared Linux 6.12 tree with compile_commands.json "
                      "at " << Tree
                   << " (run scripts/get-kernel.sh or set "
                      "FPUTCHECK_KERNEL_TREE); real-tree checks SKIPPED";
  }

  struct Run {
    Run(const Program &P, const Rules &R) : Findings(analyzeProgram(P, R)) {}
    std::vector<Finding> Findings;
  };

  /// Findings of \p Check at \p Function whose chain is \p Chain ("" = any).
  static size_t count(const Run &R, CheckKind Check, llvm::StringRef Function,
                      llvm::StringRef Chain = "") {
    size_t N = 0;
    for (const Finding &F : R.Findings)
      N += F.Check == Check && F.Where.Function == Function &&
           (Chain.empty() || F.Chain == Chain);
    return N;
  }
  static std::string dump(const Run &R) {
    std::string S;
    for (const Finding &F : R.Findings)
      S += F.Where.File + ":" + std::to_string(F.Where.Line) + " " +
           F.Where.Function + " " + checkId(F.Check).str() + " " + F.Message +
           " (" + F.Chain + ")\n";
    return S;
  }

  static std::string Tree;
  static std::unique_ptr<Program> Slice;
  static std::unique_ptr<Run> Base, WhatIf;
};

std::string RealTree::Tree;
std::unique_ptr<Program> RealTree::Slice;
std::unique_ptr<RealTree::Run> RealTree::Base, RealTree::WhatIf;

TEST_F(RealTree, DmTableDevicesLockFindings) {
  EXPECT_EQ(count(*Base, CheckKind::Locked, "dm_put_table_device",
                  "close_table_device -> __fput_sync"),
            1u)
      << dump(*Base);
  EXPECT_EQ(count(*Base, CheckKind::Locked, "dm_get_table_device",
                  "open_table_device -> __fput_sync"),
            1u)
      << dump(*Base);
  for (const Finding &F : Base->Findings)
    if (F.Where.Function == "dm_put_table_device")
      EXPECT_NE(F.Message.find("md->table_devices_lock"), std::string::npos);
}

TEST_F(RealTree, KnownSafeSitesStaySilent) {
  for (const Finding &F : Base->Findings) {
    // close(2) drops the fd table lock before __fput_sync().
    EXPECT_EQ(F.Where.File.find("/fs/open.c"), std::string::npos)
        << dump(*Base);
    // xs_reset_transport() releases its locks before __fput_sync().
    EXPECT_NE(F.Where.Function, "xs_reset_transport") << dump(*Base);
    EXPECT_NE(F.Where.Function, "do_close_on_exec") << dump(*Base);
  }
}

TEST_F(RealTree, ExportsAndCompleteOrdering) {
  EXPECT_EQ(count(*Base, CheckKind::Export, "__fput_sync"), 1u) << dump(*Base);
  EXPECT_EQ(count(*Base, CheckKind::Export, "dm_get_device"), 1u)
      << dump(*Base);
  EXPECT_EQ(count(*Base, CheckKind::Export, "dm_put_device"), 1u)
      << dump(*Base);
  EXPECT_EQ(count(*Base, CheckKind::Export, "exportfs_decode_fh_raw"), 1u)
      << dump(*Base);
  EXPECT_EQ(count(*Base, CheckKind::BeforeComplete, "close_work",
                  "__fput_sync"),
            1u)
      << dump(*Base);
}

TEST_F(RealTree, WorkqueueOnlyResetNotReachedFromSystemCalls) {
  // xs_reset_transport() backs off unless current is a workqueue worker;
  // the exported svc_xprt_close() -> svc_delete_xprt() -> ops->close()
  // chains reach it only from system calls, so none is reported.
  for (const Finding &F : Base->Findings)
    EXPECT_EQ(F.Chain.find("xs_reset_transport"), std::string::npos)
        << dump(*Base);
}

TEST_F(RealTree, NoExitOrIrqFindingsToday) {
  for (const Finding &F : Base->Findings) {
    EXPECT_NE(F.Check, CheckKind::Exit) << dump(*Base);
    EXPECT_NE(F.Check, CheckKind::Irq) << dump(*Base);
  }
}

TEST_F(RealTree, WhatIfFilpCloseSync) {
  EXPECT_EQ(count(*WhatIf, CheckKind::Exit, "close_files",
                  "make_task_dead -> do_exit -> exit_files -> "
                  "put_files_struct -> close_files -> filp_close"),
            1u)
      << dump(*WhatIf);
  // close_files() runs only for the last user of a file table: the
  // finding says so, for a reviewer to weigh apart.
  for (const Finding &F : WhatIf->Findings)
    if (F.Check == CheckKind::Exit && F.Where.Function == "close_files")
      EXPECT_NE(F.Message.find(
                    "only when put_files_struct() drops the last reference"),
                std::string::npos)
          << F.Message;
  EXPECT_EQ(count(*WhatIf, CheckKind::Export, "filp_close"), 1u)
      << dump(*WhatIf);
  EXPECT_EQ(count(*WhatIf, CheckKind::Export, "close_fd"), 1u)
      << dump(*WhatIf);
  size_t AcctOn = 0;
  for (const Finding &F : WhatIf->Findings)
    AcctOn += F.Check == CheckKind::Locked &&
              F.Chain.find("acct_on -> filp_close") == 0 &&
              F.Message.find("acct_on_mutex") != std::string::npos;
  EXPECT_EQ(AcctOn, 1u) << dump(*WhatIf);
  // The call sites that drop files->file_lock first stay silent.
  for (const Finding &F : WhatIf->Findings)
    EXPECT_EQ(F.Message.find("file_lock"), std::string::npos)
        << dump(*WhatIf);
}

// Issue #9, lock-state errors: with filp_close() synchronous, every
// fput-sync-atomic finding came from a wrong lock effect. Killable wrappers
// (dump_vma_snapshot(), alloc_bprm(), copy_mm()) and ptrace_stop()'s
// drop-and-retake were learned as acquiring a lock named after the caller's
// argument; io_acct_run_queue() as an unconditional acquire;
// prepare_bprm_creds()'s mutex was named 'bprm'.
TEST_F(RealTree, WhatIfLockEffectsNameTheLockHeld) {
  for (const Finding &F : WhatIf->Findings) {
    EXPECT_NE(F.Check, CheckKind::Atomic) << dump(*WhatIf);
    for (const char *Wrong : {"'cprm'", "'fd'", "'bprm'", "'clone_flags'",
                              "'signr", "'acct->lock'"})
      EXPECT_EQ(F.Message.find(Wrong), std::string::npos) << dump(*WhatIf);
    if (F.Check == CheckKind::Atomic || F.Check == CheckKind::Locked)
      for (const char *Fn : {"do_coredump", "get_signal", "io_wq_worker",
                             "copy_process", "kernel_clone"})
        EXPECT_NE(F.Where.Function, Fn) << dump(*WhatIf);
  }
}

TEST_F(RealTree, CensusOfFilpClose) {
  auto R = Rules::loadDirectory(FPUTCHECK_RULES_DIR);
  ASSERT_TRUE(bool(R));
  R->addSyncVariant("filp_close");
  unsigned AcctOnUnsafe = 0;
  for (const CensusEntry &E :
       takeCensus(*Slice, *R, "filp_close", CheckSet().set())) {
    // Every filp_close() in acct_on() runs under acct_on_mutex.
    if (E.Site.Function == "acct_on") {
      EXPECT_FALSE(E.Verdicts.empty()) << E.Site.Line;
      AcctOnUnsafe += !E.Verdicts.empty();
    }
    // These drop files->file_lock first.
    if (E.Site.Function == "do_dup2" || E.Site.Function == "__range_close")
      EXPECT_TRUE(E.Verdicts.empty()) << E.Site.Function;
  }
  EXPECT_GE(AcctOnUnsafe, 2u);
}

} // namespace
