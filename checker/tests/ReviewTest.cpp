//===- ReviewTest.cpp - fputcheck review, through the real binary ---------===//
//
// A reviewer's questions about a patch, on a small tree: what does it
// introduce, what does it resolve, does it apply at all. The tree on disk
// is never written.
//
//===----------------------------------------------------------------------===//

#include "Snippets.h"
#include "ToolRunner.h"

#include "llvm/Support/JSON.h"
#include "gtest/gtest.h"

using namespace fputcheck::test;

namespace {

const char DeferredHelper[] = R"c(#include <linux/file.h>
#include <linux/fs.h>
void helper_put(struct file *f)
{
	fput(f);
}
)c";

// The helper made synchronous: a.c's call under the spinlock becomes unsafe.
const char MakeSync[] = R"(--- a/c.c
+++ b/c.c
@@ -2,5 +2,5 @@
 #include <linux/fs.h>
 void helper_put(struct file *f)
 {
-	fput(f);
+	__fput_sync(f);
 }
)";

// The caller fixed: the put moves out of the lock.
const char MoveOut[] = R"(--- a/a.c
+++ b/a.c
@@ -4,7 +4,10 @@
 struct a_port { spinlock_t lock; struct file *f; };
 void a_close(struct a_port *p)
 {
+	struct file *f;
+
 	spin_lock(&p->lock);
-	helper_put(p->f);
+	f = p->f;
 	spin_unlock(&p->lock);
+	helper_put(f);
 }
)";

// Only moves lines.
const char CommentOnly[] = R"(--- a/a.c
+++ b/a.c
@@ -1,3 +1,6 @@
+/*
+ * A port that closes its file under its lock.
+ */
 #include <linux/spinlock.h>
 #include <linux/fs.h>
 void helper_put(struct file *f);
)";

const char DoesNotApply[] = R"(--- a/a.c
+++ b/a.c
@@ -7,3 +7,3 @@
 	spin_lock(&p->lock);
-	helper_put(p->file);
+	helper_put(NULL);
 	spin_unlock(&p->lock);
)";

struct Tree {
  TempDir D;
  std::string DB;
  explicit Tree(const char *Helper = DeferredHelper) {
    DB = writeCorpusDatabase(
        D, {D.write("a.c", LockedCaller), D.write("c.c", Helper)});
  }
  ToolResult review(const std::vector<std::string> &Patches,
                    const std::vector<std::string> &Extra = {}) {
    std::vector<std::string> Args{"review", "-p", DB, "--quiet"};
    Args.insert(Args.end(), Extra.begin(), Extra.end());
    for (const std::string &P : Patches)
      Args.push_back(P);
    return runTool(Args);
  }
};

TEST(Review, ANewFindingQuotesTheLineThePatchAdds) {
  Tree T;
  std::string P = T.D.write("sync.patch", MakeSync);
  ToolResult R = T.review({P});
  EXPECT_EQ(R.Status, 1) << R.Err;
  EXPECT_NE(R.Out.find("a.c:8 a_close() warn: __fput_sync() reached with "
                       "spinlock"),
            std::string::npos)
      << R.Out;
  EXPECT_NE(R.Out.find("    c.c:5\n    +\t__fput_sync(f);\n"),
            std::string::npos)
      << R.Out;
  EXPECT_NE(R.Out.find("fputcheck review: 1 new, 0 resolved, 0 unchanged "
                       "findings (1 files changed, 1 TUs parsed again)"),
            std::string::npos)
      << R.Out;
  EXPECT_EQ(readFile(T.D.path() + "/c.c"), DeferredHelper)
      << "review never writes the tree";
}

TEST(Review, AFixIsResolvedAndExitsZero) {
  Tree T(R"c(#include <linux/file.h>
#include <linux/fs.h>
void helper_put(struct file *f)
{
	__fput_sync(f);
}
)c");
  std::string P = T.D.write("fix.patch", MoveOut);
  ToolResult R = T.review({P});
  EXPECT_EQ(R.Status, 0) << R.Err;
  EXPECT_NE(R.Out.find("Resolved findings:\n\na.c:8 a_close() "
                       "fput-sync-atomic: "),
            std::string::npos)
      << R.Out;
  EXPECT_NE(R.Out.find("0 new, 1 resolved, 0 unchanged"), std::string::npos)
      << R.Out;
}

TEST(Review, MovedLinesChangeNothing) {
  Tree T(R"c(#include <linux/file.h>
#include <linux/fs.h>
void helper_put(struct file *f)
{
	__fput_sync(f);
}
)c");
  std::string P = T.D.write("comment.patch", CommentOnly);
  ToolResult R = T.review({P}, {"--format", "json"});
  EXPECT_EQ(R.Status, 0) << R.Err;
  auto Doc = llvm::json::parse(R.Out);
  ASSERT_TRUE(bool(Doc)) << R.Out;
  auto *Fs = Doc->getAsObject()->getArray("findings");
  ASSERT_EQ(Fs->size(), 1u);
  EXPECT_EQ(*Fs->front().getAsObject()->getString("state"), "unchanged");
  // Reported where the patched tree has it.
  EXPECT_EQ(*Fs->front().getAsObject()->getObject("location")->getInteger(
                "line"),
            11);
}

TEST(Review, ASeriesIsAppliedInOrder) {
  Tree T;
  // The second patch builds on the first: alone it does not apply, and
  // only the pair creates the finding.
  std::string First = T.D.write("1.patch", MakeSync);
  std::string Second = T.D.write("2.patch", R"(--- a/c.c
+++ b/c.c
@@ -4,3 +4,4 @@
 {
 	__fput_sync(f);
+	/* now synchronous */
 }
)");
  ToolResult Alone = T.review({Second});
  EXPECT_EQ(Alone.Status, 2) << Alone.Out;
  ToolResult Both = T.review({First, Second});
  EXPECT_EQ(Both.Status, 1) << Both.Err;
  EXPECT_NE(Both.Out.find("1 new"), std::string::npos) << Both.Out;
}

TEST(Review, APatchThatDoesNotApplyNamesTheHunkAndAnalysesNothing) {
  Tree T;
  std::string P = T.D.write("bad.patch", DoesNotApply);
  ToolResult R = T.review({P});
  EXPECT_EQ(R.Status, 2);
  EXPECT_NE(R.Err.find("a.c: error: hunk #1 '@@ -7,3 +7,3 @@' does not apply"),
            std::string::npos)
      << R.Err;
  EXPECT_EQ(readFile(T.D.path() + "/a.c"), LockedCaller);
}

TEST(Review, SarifGivesBaselineStates) {
  Tree T;
  std::string P = T.D.write("sync.patch", MakeSync);
  ToolResult R = runTool({"review", "-p", T.DB, "--quiet", "--format",
                          "sarif", "-o", T.D.path() + "/out.sarif", P});
  EXPECT_EQ(R.Status, 1) << R.Err;
  auto Doc = llvm::json::parse(readFile(T.D.path() + "/out.sarif"));
  ASSERT_TRUE(bool(Doc));
  auto *Results = Doc->getAsObject()
                      ->getArray("runs")
                      ->front()
                      .getAsObject()
                      ->getArray("results");
  ASSERT_EQ(Results->size(), 1u);
  EXPECT_EQ(*Results->front().getAsObject()->getString("baselineState"),
            "new");
}

TEST(Review, NeedsPatchesOrARange) {
  Tree T;
  ToolResult R = T.review({});
  EXPECT_EQ(R.Status, 2);
  EXPECT_NE(R.Err.find("review takes PATCH..."), std::string::npos) << R.Err;
}

} // namespace
