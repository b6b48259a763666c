//===- SarifValidatorTest.cpp - SARIF as GitHub code scanning takes it ----===//
//
// The OASIS schema (CliTest) is not all a CI upload needs: Microsoft's SARIF
// Multitool checks GitHub's ingestion rules ("Gh") and SARIF's own advice.
// setup.sh installs it from the npm registry into build/tools/; without it
// this test says so and is skipped.
//
//===----------------------------------------------------------------------===//

#include "ToolRunner.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Program.h"
#include "gtest/gtest.h"

using namespace fputcheck::test;

namespace {

const char Validator[] = FPUTCHECK_BUILD_DIR
    "/tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool";

/// The validator's findings of level error or warning on \p Sarif.
std::string problems(const std::string &Sarif, const TempDir &D) {
  std::string Log = D.path() + "/validate.log", Out = Sarif + ".validation";
  std::vector<llvm::StringRef> Argv{Validator, "validate", Sarif,
                                    "--rule-kind", "Sarif;Gh", "--output",
                                    Out};
  std::optional<llvm::StringRef> Redirects[] = {std::nullopt,
                                                llvm::StringRef(Log),
                                                llvm::StringRef(Log)};
  std::string Err;
  int Status = llvm::sys::ExecuteAndWait(Validator, Argv, std::nullopt,
                                         Redirects, 300, 0, &Err);
  if (Status != 0)
    return "validator failed (" + std::to_string(Status) + "): " + Err +
           readFile(Log);
  std::string Found;
  llvm::SmallVector<llvm::StringRef> Lines;
  llvm::StringRef(readFile(Log)).split(Lines, '\n');
  for (llvm::StringRef L : Lines)
    if (L.contains(": error ") || L.contains(": warning "))
      Found += L.str() + "\n";
  return Found;
}

const char Locked[] = R"c(#include <linux/spinlock.h>
#include <linux/file.h>
#include <linux/fs.h>
struct port { spinlock_t lock; struct file *f; };
void port_close(struct port *p)
{
	spin_lock(&p->lock);
	__fput_sync(p->f);
	spin_unlock(&p->lock);
}
)c";

TEST(SarifValidator, AnalyzeAndReviewOutputPassGitHubsRules) {
  if (!llvm::sys::fs::can_execute(Validator))
    GTEST_SKIP() << "no SARIF Multitool at " << Validator
                 << " (setup.sh installs it with npm); SKIPPED";
  TempDir D;
  std::string DB = writeCorpusDatabase(
      D, {D.write("a.c", Locked), corpusCase("lock-direct-mutex-dm-table-device.c"),
          corpusCase("export-sync-variant-definition.c"),
          corpusCase("complete-acct-close-work.c"),
          corpusCase("exit-do-exit-chain.c")});
  std::string Analyzed = D.path() + "/analyze.sarif";
  ToolResult A = runTool({"analyze", "-p", DB, "--quiet", "--format", "sarif",
                          "-o", Analyzed});
  ASSERT_EQ(A.Status, 1) << A.Err;
  EXPECT_EQ(problems(Analyzed, D), "");

  std::string Patch = D.write("fix.patch", R"(--- a/a.c
+++ b/a.c
@@ -5,6 +5,6 @@
 void port_close(struct port *p)
 {
 	spin_lock(&p->lock);
-	__fput_sync(p->f);
 	spin_unlock(&p->lock);
+	__fput_sync(p->f);
 }
)");
  std::string Reviewed = D.path() + "/review.sarif";
  ToolResult R = runTool({"review", "-p", DB, "--quiet", "--format", "sarif",
                          "-o", Reviewed, Patch});
  ASSERT_EQ(R.Status, 0) << R.Err;
  EXPECT_EQ(problems(Reviewed, D), "");
}

} // namespace
