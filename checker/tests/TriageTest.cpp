//===- TriageTest.cpp - Baselines and suppressions, through the binary ----===//

#include "ToolRunner.h"

#include "gtest/gtest.h"

using namespace fputcheck::test;

namespace {

const char Locked[] = R"c(#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/file.h>
#include <linux/fs.h>
struct port { spinlock_t lock; struct mutex m; struct file *f; };
void port_close(struct port *p)
{
	spin_lock(&p->lock);
	__fput_sync(p->f);
	spin_unlock(&p->lock);
}
)c";

const char SecondSite[] = R"c(
void port_drop(struct port *p)
{
	mutex_lock(&p->m);
	__fput_sync(p->f);
	mutex_unlock(&p->m);
}
)c";

struct Tree {
  TempDir D;
  std::string DB;
  Tree() { DB = writeCorpusDatabase(D, {D.write("a.c", Locked)}); }
  ToolResult analyze(const std::vector<std::string> &Extra = {}) {
    std::vector<std::string> Args{"analyze", "-p", DB};
    Args.insert(Args.end(), Extra.begin(), Extra.end());
    return runTool(Args);
  }
};

TEST(Baseline, HidesKnownFindingsAndOnlyThose) {
  Tree T;
  std::string B = T.D.path() + "/baseline.txt";
  ToolResult W = runTool({"baseline", "-p", T.DB, "-o", B, "--quiet"});
  ASSERT_EQ(W.Status, 0) << W.Err;
  std::string Text = readFile(B);
  EXPECT_NE(Text.find(" fput-sync-atomic a.c port_close() __fput_sync: "
                      "spinlock 'p->lock"),
            std::string::npos)
      << Text;

  ToolResult Same = T.analyze({"--baseline", B});
  EXPECT_EQ(Same.Status, 0) << Same.Out << Same.Err;
  EXPECT_EQ(Same.Out, "");
  EXPECT_NE(Same.Err.find("1 findings in the baseline hidden"),
            std::string::npos)
      << Same.Err;

  // Lines move and a second site appears: only that one is reported.
  T.D.write("a.c", std::string("/* moved */\n\n") + Locked + SecondSite);
  ToolResult After = T.analyze({"--baseline", B});
  EXPECT_EQ(After.Status, 1);
  EXPECT_NE(After.Out.find("port_drop()"), std::string::npos) << After.Out;
  EXPECT_EQ(After.Out.find("port_close()"), std::string::npos) << After.Out;
}

TEST(Baseline, ABrokenLineIsAnErrorNamingIt) {
  Tree T;
  std::string B = T.D.write("baseline.txt", "# header\nnot-a-fingerprint x\n");
  ToolResult R = T.analyze({"--baseline", B});
  EXPECT_EQ(R.Status, 2);
  EXPECT_NE(R.Err.find("baseline.txt:2: error:"), std::string::npos) << R.Err;
}

TEST(Suppressions, HideWithAReasonAndReportStaleEntries) {
  Tree T;
  T.D.write("a.c", std::string(Locked) + SecondSite);
  T.D.write(".fputcheck-suppressions.yaml",
            "- check: fput-sync-atomic\n"
            "  function: port_close\n"
            "  lock: p->lock\n"
            "  reason: the port's file is never the last reference here\n"
            "- check: fput-sync-locked\n"
            "  function: port_gone\n"
            "  reason: removed in 2026\n");
  ToolResult R = T.analyze();
  EXPECT_EQ(R.Status, 1);
  EXPECT_EQ(R.Out.find("port_close()"), std::string::npos) << R.Out;
  EXPECT_NE(R.Out.find("port_drop()"), std::string::npos) << R.Out;
  EXPECT_NE(R.Err.find(".fputcheck-suppressions.yaml:5: warning: stale "
                       "suppression: no fput-sync-locked finding in "
                       "port_gone()"),
            std::string::npos)
      << R.Err;
  EXPECT_NE(R.Err.find("1 findings suppressed"), std::string::npos) << R.Err;
}

TEST(Suppressions, AnEntryWithoutAReasonIsAnErrorWithItsLine) {
  Tree T;
  std::string S = T.D.write("s.yaml", "- check: fput-sync-atomic\n"
                                      "  function: port_close\n"
                                      "- check: fput-sync-locked\n"
                                      "  function: port_drop\n");
  ToolResult R = T.analyze({"--suppressions", S});
  EXPECT_EQ(R.Status, 2);
  EXPECT_NE(R.Err.find("s.yaml:1: error: a suppression needs a reason"),
            std::string::npos)
      << R.Err;
}

TEST(Suppressions, UnknownKeysAndChecksAreErrors) {
  Tree T;
  std::string S = T.D.write("s.yaml", "- check: fput-sync-atomic\n"
                                      "  function: port_close\n"
                                      "  reason: ok\n"
                                      "  line: 12\n");
  ToolResult R = T.analyze({"--suppressions", S});
  EXPECT_EQ(R.Status, 2);
  EXPECT_NE(R.Err.find("s.yaml:4: error: unknown key 'line'"),
            std::string::npos)
      << R.Err;
  S = T.D.write("t.yaml", "- check: fput-sync-sometimes\n"
                          "  function: port_close\n"
                          "  reason: ok\n");
  R = T.analyze({"--suppressions", S});
  EXPECT_EQ(R.Status, 2);
  EXPECT_NE(R.Err.find("t.yaml:1: error: a suppression needs a known check"),
            std::string::npos)
      << R.Err;
}

} // namespace
