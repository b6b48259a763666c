//===- CliTest.cpp - The command line as a new user meets it ----*- C++ -*-===//
//
// Exit status, bad input (missing or malformed database, a vanished file, a
// TU that does not parse, unknown and plugin flags, broken rules, an
// unwritable output, Ctrl-C), determinism and SARIF validity, all through the
// real binary.
//
//===----------------------------------------------------------------------===//

#include "ToolRunner.h"

#include "gtest/gtest.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Program.h"
#include <chrono>
#include <csignal>
#include <thread>

using namespace fputcheck::test;
using llvm::StringRef;

namespace {

const char *Positive = "lock-direct-mutex-dm-table-device.c";
const char *Negative = "lock-unlock-before-call.c";

size_t occurrences(StringRef Text, StringRef What) {
  size_t N = 0;
  for (size_t P = Text.find(What); P != StringRef::npos;
       P = Text.find(What, P + 1))
    ++N;
  return N;
}

TEST(Cli, NoSubcommandIsAUsageError) {
  ToolResult R = runTool({});
  EXPECT_EQ(R.Status, 2);
  EXPECT_NE(R.Err.find("subcommand"), std::string::npos) << R.Err;
}

TEST(Cli, ExitStatusSaysWhetherThereAreFindings) {
  TempDir D;
  std::string DB = writeCorpusDatabase(D, {corpusCase(Negative)});
  EXPECT_EQ(runTool({"analyze", "-p", DB, "--quiet"}).Status, 0);
  TempDir D2;
  std::string DB2 = writeCorpusDatabase(D2, {corpusCase(Positive)});
  ToolResult R = runTool({"analyze", "-p", DB2, "--quiet"});
  EXPECT_EQ(R.Status, 1) << R.Err;
  EXPECT_NE(R.Out.find("[fput-sync-locked]"), std::string::npos) << R.Out;
}

TEST(Cli, MissingDatabaseIsNamed) {
  ToolResult R = runTool({"analyze", "-p", "/nonexistent/tree"});
  EXPECT_EQ(R.Status, 2);
  EXPECT_NE(R.Err.find("/nonexistent/tree: error:"), std::string::npos)
      << R.Err;
  TempDir D;
  ToolResult Empty = runTool({"analyze", "-p", D.path()});
  EXPECT_EQ(Empty.Status, 2);
  EXPECT_NE(Empty.Err.find(D.path() + "/compile_commands.json"),
            std::string::npos)
      << Empty.Err;
}

TEST(Cli, MalformedDatabaseIsNamed) {
  TempDir D;
  std::string DB = D.write("compile_commands.json", "[{\"directory\": 1,");
  ToolResult R = runTool({"analyze", "-p", DB});
  EXPECT_EQ(R.Status, 2);
  EXPECT_NE(R.Err.find(DB), std::string::npos) << R.Err;
  EXPECT_NE(R.Err.find("malformed"), std::string::npos) << R.Err;
}

TEST(Cli, FileNotInDatabaseIsAnInputError) {
  TempDir D;
  std::string DB = writeCorpusDatabase(D, {corpusCase(Positive)});
  ToolResult R = runTool({"analyze", "-p", DB, "drivers/nothere.c"});
  EXPECT_EQ(R.Status, 2);
  EXPECT_NE(R.Err.find("drivers/nothere.c"), std::string::npos) << R.Err;
}

TEST(Cli, VanishedFileIsReportedAndTheRunGoesOn) {
  TempDir D;
  std::string Gone = D.write("gone.c", "int x;\n");
  std::string DB = writeCorpusDatabase(D, {corpusCase(Positive), Gone});
  llvm::sys::fs::remove(Gone);
  ToolResult R = runTool({"analyze", "-p", DB});
  EXPECT_EQ(R.Status, 1) << R.Err;
  EXPECT_NE(R.Err.find(Gone), std::string::npos) << R.Err;
  EXPECT_NE(R.Err.find("1 failed"), std::string::npos) << R.Err;
  EXPECT_NE(R.Out.find("[fput-sync-locked]"), std::string::npos);
}

TEST(Cli, TUThatDoesNotParseIsReportedOnceAndSkipped) {
  TempDir D;
  std::string Bad = D.write("bad.c", "int ok;\nvoid f(void) { return 1 +; }\n");
  std::string NoHeader =
      D.write("nohdr.c", "#include <generated/autoconf-missing.h>\n");
  std::string DB =
      writeCorpusDatabase(D, {corpusCase(Positive), Bad, NoHeader});
  ToolResult R = runTool({"analyze", "-p", DB});
  EXPECT_EQ(R.Status, 1) << R.Err;
  EXPECT_EQ(occurrences(R.Err, Bad + ":2:"), 1u) << R.Err;
  EXPECT_EQ(occurrences(R.Err, "autoconf-missing.h"), 1u) << R.Err;
  EXPECT_NE(R.Err.find("2 failed"), std::string::npos) << R.Err;
  EXPECT_NE(R.Out.find("dm_put_table_device"), std::string::npos) << R.Out;
}

TEST(Cli, ErrorInAHeaderNamesTheTU) {
  TempDir D;
  D.write("gen.h", "#include <generated/missing-table.h>\n");
  std::string TU = D.write("user.c", "#include \"gen.h\"\nint x;\n");
  std::string DB = writeCorpusDatabase(D, {TU});
  ToolResult R = runTool({"analyze", "-p", DB});
  EXPECT_NE(R.Err.find("gen.h:1:10: error:"), std::string::npos) << R.Err;
  EXPECT_NE(R.Err.find("(in " + TU + ")"), std::string::npos) << R.Err;
}

TEST(Cli, StoredFailureIsReportedAsIfParsed) {
  TempDir D;
  std::string NoHeader =
      D.write("nohdr.c", "#include <generated/autoconf-missing.h>\n");
  std::string DB = writeCorpusDatabase(D, {NoHeader});
  ToolResult Cold = runTool({"analyze", "-p", DB});
  ToolResult NoStore = runTool({"analyze", "-p", DB, "--no-store"});
  ToolResult Warm = runTool({"analyze", "-p", DB});
  EXPECT_EQ(Cold.Status, 0) << Cold.Err;
  EXPECT_EQ(occurrences(Cold.Err, "autoconf-missing.h' file not found"), 1u)
      << Cold.Err;
  EXPECT_NE(Cold.Err.find("1 failed to parse"), std::string::npos)
      << Cold.Err;
  EXPECT_EQ(Warm.Err, Cold.Err);
  EXPECT_EQ(Warm.Err, NoStore.Err);
  EXPECT_EQ(Warm.Out, NoStore.Out);
  EXPECT_EQ(Warm.Status, NoStore.Status);
}

TEST(Cli, ClangCrashOnOneTUIsThatTUsError) {
  TempDir D;
  // Clang's own debugging pragma: a deliberate trap inside the parser.
  std::string Crash =
      D.write("crash.c", "int a;\n#pragma clang __debug parser_crash\n");
  std::string DB = writeCorpusDatabase(D, {Crash, corpusCase(Positive)});
  ToolResult R = runTool({"analyze", "-p", DB, "-j", "1"});
  EXPECT_EQ(R.Status, 1) << R.Err;
  EXPECT_NE(R.Err.find(Crash + ": error: clang crashed"), std::string::npos)
      << R.Err;
  EXPECT_NE(R.Err.find("1 failed"), std::string::npos) << R.Err;
  EXPECT_NE(R.Out.find("dm_put_table_device"), std::string::npos) << R.Out;
}

TEST(Cli, UnknownAndPluginFlagsAreDroppedWithANote) {
  TempDir D;
  std::string DB = writeCorpusDatabase(
      D, {corpusCase(Positive)},
      {"-fconserve-stack", "-fplugin=/nonexistent/evil.so",
       "-Wp,-MMD,/nonexistent/dir/.x.o.d"});
  ToolResult R = runTool({"analyze", "-p", DB});
  EXPECT_EQ(R.Status, 1) << R.Err;
  EXPECT_NE(R.Err.find("-fplugin=/nonexistent/evil.so"), std::string::npos)
      << R.Err;
  EXPECT_NE(R.Err.find("-fconserve-stack"), std::string::npos) << R.Err;
  EXPECT_NE(R.Out.find("[fput-sync-locked]"), std::string::npos) << R.Err;
}

/// Runs analyze with a rules directory holding only locks.yaml = \p Yaml;
/// \p RulesFile is set to that file's path.
ToolResult runWithRules(TempDir &D, const std::string &Yaml,
                        std::string &RulesFile) {
  std::string DB = writeCorpusDatabase(D, {corpusCase(Positive)});
  RulesFile = D.write("rules/locks.yaml", Yaml);
  return runTool({"analyze", "-p", DB, "--rules", D.path() + "/rules"});
}

TEST(Cli, BrokenRulesPointAtTheLine) {
  TempDir D;
  std::string Rules;
  ToolResult R = runWithRules(D,
                              "sync_variants: [__fput_sync]\n"
                              "lock_kinds:\n"
                              "  - { name: spinlock, context: atomic }\n"
                              "locks:\n"
                              "  - { name: _raw_spin_lock, op: grab, kind: "
                              "spinlock, arg: 0 }\n",
                              Rules);
  EXPECT_EQ(R.Status, 2);
  EXPECT_NE(R.Err.find(Rules + ":5:"), std::string::npos) << R.Err;
  EXPECT_NE(R.Err.find("error:"), std::string::npos) << R.Err;
  // Rules are checked before any TU is parsed.
  EXPECT_EQ(R.Err.find("TUs"), std::string::npos) << R.Err;
}

TEST(Cli, CurrentTaskNamesAreIdentifiers) {
  TempDir D;
  std::string Rules;
  // "get_current()" would never match a call's name: an error at its line.
  ToolResult R = runWithRules(D,
                              "sync_variants: [__fput_sync]\n"
                              "lock_kinds:\n"
                              "  - { name: spinlock, context: atomic }\n"
                              "current_task: [current,\n"
                              "               get_current()]\n",
                              Rules);
  EXPECT_EQ(R.Status, 2);
  EXPECT_NE(R.Err.find(Rules + ":5:"), std::string::npos) << R.Err;
  EXPECT_NE(R.Err.find("not a C identifier"), std::string::npos) << R.Err;
}

/// A rules file and the error it must give, at its line 3.
struct BrokenRule {
  const char *Yaml;
  const char *Error;
};

void expectBrokenAtLine3(llvm::ArrayRef<BrokenRule> Broken) {
  for (const BrokenRule &B : Broken) {
    TempDir D;
    std::string Rules;
    ToolResult R = runWithRules(D, B.Yaml, Rules);
    EXPECT_EQ(R.Status, 2) << B.Yaml;
    EXPECT_NE(R.Err.find(Rules + ":3:"), std::string::npos) << R.Err;
    EXPECT_NE(R.Err.find(B.Error), std::string::npos) << R.Err;
  }
}

TEST(Cli, ExtraReferenceRulesAreChecked) {
  BrokenRule Broken[] = {
      {"sync_variants: [__fput_sync]\n"
       "reference_gets:\n"
       "  - get_file()\n",
       "not a C identifier"},
      {"sync_variants: [__fput_sync]\n"
       "release_file_args:\n"
       "  - { name: close_fd, arg: -2 }\n",
       "'arg' must be an argument index"},
      {"sync_variants: [__fput_sync]\n"
       "release_file_args:\n"
       "  - { name: close_fd }\n",
       "missing required key 'arg'"},
  };
  expectBrokenAtLine3(Broken);
}

TEST(Cli, RunsInAndWarningRulesAreChecked) {
  BrokenRule Broken[] = {
      {"sync_variants: [__fput_sync]\n"
       "runs_in:\n"
       "  - { function: start_kernel }\n",
       "missing required key 'contexts'"},
      {"sync_variants: [__fput_sync]\n"
       "runs_in:\n"
       "  - { function: start_kernel, contexts: [boot] }\n",
       "unknown enumerated scalar"},
      {"sync_variants: [__fput_sync]\n"
       "runs_in:\n"
       "  - { function: start_kernel, contexts: [] }\n",
       "needs 'contexts'"},
      {"sync_variants: [__fput_sync]\n"
       "warnings:\n"
       "  - WARN_ON()\n",
       "not a C identifier"},
  };
  expectBrokenAtLine3(Broken);
}

TEST(Cli, ContextTestNeedsFlagOrMacro) {
  TempDir D;
  std::string Rules;
  ToolResult R = runWithRules(D,
                              "sync_variants: [__fput_sync]\n"
                              "context_tests:\n"
                              "  - { flag: PF_KTHREAD, macro: in_task,\n"
                              "      true_in: [kthread] }\n"
                              "  - { flag: PF_WQ_WORKER, true_in: [wq] }\n",
                              Rules);
  EXPECT_EQ(R.Status, 2);
  EXPECT_NE(R.Err.find(Rules + ":3:"), std::string::npos) << R.Err;
  EXPECT_NE(R.Err.find("either a 'flag' or a 'macro'"), std::string::npos)
      << R.Err;
}

TEST(Cli, UnwritableOutputIsAnInputError) {
  TempDir D;
  std::string DB = writeCorpusDatabase(D, {corpusCase(Positive)});
  ToolResult R = runTool(
      {"analyze", "-p", DB, "-o", "/nonexistent/dir/out.sarif", "--quiet"});
  EXPECT_EQ(R.Status, 2);
  EXPECT_NE(R.Err.find("/nonexistent/dir/out.sarif"), std::string::npos)
      << R.Err;
}

TEST(Cli, InterruptedRunLeavesNoReport) {
  TempDir D;
  std::vector<std::string> Files;
  std::string Text = readFile(corpusCase(Positive));
  for (int I = 0; I < 400; ++I)
    Files.push_back(D.write("tu" + std::to_string(I) + ".c", Text));
  std::string DB = writeCorpusDatabase(D, Files);
  std::string Out = D.path() + "/report.sarif";
  std::vector<StringRef> Argv{FPUTCHECK_TOOL, "analyze", "-p",      DB,
                              "--format",     "sarif",   "-o",      Out,
                              "-j",           "1",       "--quiet"};
  std::string Err;
  llvm::sys::ProcessInfo PI =
      llvm::sys::ExecuteNoWait(FPUTCHECK_TOOL, Argv, std::nullopt, {}, 0, &Err);
  ASSERT_GT(PI.Pid, 0) << Err;
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  ::kill(PI.Pid, SIGINT);
  llvm::sys::ProcessInfo Done = llvm::sys::Wait(PI, std::nullopt);
  EXPECT_NE(Done.ReturnCode, 0);
  EXPECT_FALSE(llvm::sys::fs::exists(Out));
  EXPECT_FALSE(llvm::sys::fs::exists(Out + ".tmp"));
}

TEST(Cli, SameInputSameBytes) {
  TempDir D;
  std::string DB = writeCorpusDatabase(
      D, {corpusCase(Positive), corpusCase("export-gpl-static-helper.c"),
          corpusCase("complete-acct-close-work.c"),
          corpusCase("irq-request-irq-handler.c")});
  for (const char *Format : {"text", "json", "sarif"}) {
    ToolResult A = runTool({"analyze", "-p", DB, "--format", Format, "-j",
                            "2", "--quiet"});
    ToolResult B = runTool({"analyze", "-p", DB, "--format", Format, "-j",
                            "2", "--quiet"});
    EXPECT_EQ(A.Status, 1) << A.Err;
    EXPECT_FALSE(A.Out.empty());
    EXPECT_EQ(A.Out, B.Out) << Format;
  }
}

// An unchanged tree's findings come from the store, and say so under
// --time-phases; what-if rules are another analysis.
TEST(Cli, UnchangedTreeFindingsComeFromTheStore) {
  TempDir D;
  std::string DB = writeCorpusDatabase(
      D, {corpusCase(Positive), corpusCase("export-gpl-static-helper.c")});
  std::vector<std::string> Args = {"analyze", "-p", DB, "--time-phases",
                                   "-j", "2"};
  ToolResult Parsed = runTool(Args);
  ToolResult Computed = runTool(Args);
  ToolResult Stored = runTool(Args);
  EXPECT_EQ(Stored.Status, 1) << Stored.Err;
  EXPECT_EQ(occurrences(Computed.Err, "findings from the store"), 0u)
      << Computed.Err;
  EXPECT_EQ(occurrences(Stored.Err, "findings from the store"), 1u)
      << Stored.Err;
  EXPECT_EQ(occurrences(Stored.Err, "time: analyse"), 0u) << Stored.Err;
  EXPECT_EQ(Stored.Out, Parsed.Out);
  EXPECT_EQ(Stored.Out, Computed.Out);

  Args.insert(Args.end(), {"--assume-sync", "filp_close"});
  ToolResult WhatIf = runTool(Args);
  EXPECT_EQ(occurrences(WhatIf.Err, "findings from the store"), 0u)
      << WhatIf.Err;
}

// Findings stored by a run that keeps no reach facts (a baseline) do not
// stand for an analyze, which must leave the facts an editor reads.
TEST(Cli, AnalyzeAfterABaselineStillKeepsTheFacts) {
  TempDir D;
  std::string DB = writeCorpusDatabase(D, {corpusCase(Positive)});
  std::string Base = D.path() + "/baseline.txt";
  // The first parses (no stored identity), the second stores its findings;
  // no run has kept facts yet.
  for (int Run = 0; Run < 2; ++Run) {
    ToolResult B = runTool({"baseline", "-p", DB, "-o", Base, "--quiet"});
    ASSERT_EQ(B.Status, 0) << B.Err;
  }
  ToolResult A = runTool({"analyze", "-p", DB, "--time-phases"});
  EXPECT_EQ(occurrences(A.Err, "time: facts"), 1u) << A.Err;
  EXPECT_EQ(occurrences(A.Err, "findings from the store"), 0u) << A.Err;
  ToolResult Again = runTool({"analyze", "-p", DB, "--time-phases"});
  EXPECT_EQ(occurrences(Again.Err, "findings from the store"), 1u)
      << Again.Err;
}

// A chain that needs the last reference dropped says so as data, for
// tools that rank findings; the others do not.
TEST(Cli, LastReferenceConditionIsData) {
  TempDir D;
  std::string DB = writeCorpusDatabase(
      D, {corpusCase("exit-do-exit-chain.c"),
          corpusCase("export-gpl-static-helper.c")});
  ToolResult J = runTool({"analyze", "-p", DB, "--quiet", "--format", "json"});
  auto V = llvm::json::parse(J.Out);
  ASSERT_TRUE(bool(V)) << llvm::toString(V.takeError());
  unsigned With = 0, Without = 0;
  for (const llvm::json::Value &F : *V->getAsObject()->getArray("findings")) {
    const llvm::json::Object &O = *F.getAsObject();
    auto Cond = O.getString("only_on_last_reference");
    bool Says = O.getString("message")->contains("drops the last reference");
    EXPECT_EQ(bool(Cond), Says) << O.getString("message")->str();
    if (Cond)
      EXPECT_TRUE(O.getString("message")->contains(
          ("only when " + *Cond + "() drops the last reference").str()))
          << O.getString("message")->str();
    ++(Cond ? With : Without);
  }
  EXPECT_GT(With, 0u);
  EXPECT_GT(Without, 0u);
  ToolResult S =
      runTool({"analyze", "-p", DB, "--quiet", "--format", "sarif"});
  EXPECT_EQ(occurrences(S.Out, "\"onlyOnLastReference\""), With) << S.Out;
}

TEST(Cli, SarifValidatesAndCarriesTheChain) {
  TempDir D;
  std::string DB = writeCorpusDatabase(
      D, {corpusCase(Positive), corpusCase("export-sync-variant-definition.c"),
          corpusCase("complete-acct-close-work.c"),
          corpusCase("exit-do-exit-chain.c")});
  std::string Out = D.path() + "/out.sarif";
  ToolResult R = runTool({"analyze", "-p", DB, "--format", "sarif", "-o", Out,
                          "--quiet", "--root", FPUTCHECK_CORPUS_DIR});
  ASSERT_EQ(R.Status, 1) << R.Err;
  std::string Py = "import json,jsonschema,sys; "
                   "jsonschema.validate(json.load(open(sys.argv[1])), "
                   "json.load(open(sys.argv[2])))";
  std::string Python = llvm::sys::findProgramByName("python3").get();
  std::vector<StringRef> Argv{Python, "-c", Py, Out,
                              FPUTCHECK_TEST_DATA "/sarif-schema-2.1.0.json"};
  std::string Err;
  EXPECT_EQ(llvm::sys::ExecuteAndWait(Python, Argv, std::nullopt, {}, 120, 0,
                                      &Err),
            0)
      << "SARIF does not validate against the OASIS schema " << Err;

  auto Doc = llvm::json::parse(readFile(Out));
  ASSERT_TRUE(bool(Doc));
  auto *Run = Doc->getAsObject()->getArray("runs")->front().getAsObject();
  bool SawLocked = false;
  for (const llvm::json::Value &V : *Run->getArray("results")) {
    const llvm::json::Object &Res = *V.getAsObject();
    if (Res.getString("ruleId") != "fput-sync-locked")
      continue;
    SawLocked = true;
    const auto &Loc = *Res.getArray("locations")->front().getAsObject();
    EXPECT_EQ(Loc.getArray("logicalLocations")
                  ->front()
                  .getAsObject()
                  ->getString("name"),
              "dm_put_table_device");
    const auto &Flow = *Res.getArray("codeFlows")
                            ->front()
                            .getAsObject()
                            ->getArray("threadFlows")
                            ->front()
                            .getAsObject()
                            ->getArray("locations");
    ASSERT_EQ(Flow.size(), 2u); // dm_put_table_device -> close_table_device.
    EXPECT_EQ(Flow.back()
                  .getAsObject()
                  ->getObject("location")
                  ->getArray("logicalLocations")
                  ->front()
                  .getAsObject()
                  ->getString("name"),
              "close_table_device");
    auto Uri = Loc.getObject("physicalLocation")
                   ->getObject("artifactLocation")
                   ->getString("uriBaseId");
    EXPECT_EQ(Uri, "SRCROOT");
  }
  EXPECT_TRUE(SawLocked);
  // Every rule carries its documentation (code scanning shows it).
  const auto &Rules = *Run->getObject("tool")
                           ->getObject("driver")
                           ->getArray("rules");
  ASSERT_EQ(Rules.size(), 6u);
  for (const llvm::json::Value &V : Rules) {
    const llvm::json::Object &Rule = *V.getAsObject();
    std::string Full =
        Rule.getObject("fullDescription")->getString("text")->str();
    EXPECT_TRUE(StringRef(Full).starts_with(
        Rule.getObject("shortDescription")->getString("text")->str()))
        << Full;
    EXPECT_GT(Full.size(), Rule.getObject("shortDescription")
                               ->getString("text")
                               ->size())
        << "the full description adds docs/checks.md's section";
    EXPECT_TRUE(Rule.getObject("help")->getString("markdown").has_value());
  }
}

TEST(Cli, WhatIfAndCensus) {
  TempDir D;
  std::string DB =
      writeCorpusDatabase(D, {corpusCase("whatif-filp-close-under-mutex.c"),
                              corpusCase("whatif-close-fd-drops-file-lock.c")});
  EXPECT_EQ(runTool({"analyze", "-p", DB, "--quiet"}).Status, 0);
  ToolResult W =
      runTool({"analyze", "-p", DB, "--quiet", "--assume-sync", "filp_close"});
  EXPECT_EQ(W.Status, 1);
  EXPECT_NE(W.Out.find("filp_close() reached with mutex"), std::string::npos)
      << W.Out;
  ToolResult C = runTool({"census", "filp_close", "-p", DB, "--quiet"});
  EXPECT_EQ(C.Status, 1) << C.Err;
  EXPECT_NE(C.Out.find("unsafe"), std::string::npos) << C.Out;
  EXPECT_NE(C.Out.find(": safe"), std::string::npos) << C.Out;
  EXPECT_NE(C.Out.find("filp_close: "), std::string::npos) << C.Out;
}

// A call covered by an extra reference is safe for a reason the census
// gives; one that is merely reached by no unsafe path says nothing more.
TEST(Cli, CensusSaysWhyAnExtraReferenceMakesACallSafe) {
  TempDir D;
  std::string DB = writeCorpusDatabase(
      D, {corpusCase("whatif-extra-ref-nfsd-filp-close.c")});
  ToolResult C = runTool({"census", "filp_close", "-p", DB, "--quiet"});
  EXPECT_EQ(occurrences(C.Out, "safe (its caller holds an extra reference"),
            2u)
      << C.Out;
  ToolResult J = runTool(
      {"census", "filp_close", "-p", DB, "--quiet", "--format", "json"});
  EXPECT_EQ(occurrences(J.Out, "\"why\": \"its caller holds an extra"), 2u)
      << J.Out;
}

TEST(Cli, CensusJudgesEveryCallNotJustTheShortestChain) {
  TempDir D;
  std::string Src = D.write("census.c", R"(#include <linux/mutex.h>
#include <linux/fs.h>
#include <linux/fdtable.h>

static DEFINE_MUTEX(table_mutex);

struct table {
	struct file *a, *b;
	struct files_struct *files;
};

static void table_drop(struct table *t)
{
	filp_close(t->a, t->files);
	filp_close(t->b, t->files);
}

void table_reset(struct table *t)
{
	mutex_lock(&table_mutex);
	table_drop(t);
	mutex_unlock(&table_mutex);
}

void table_free(struct table *t)
{
	filp_close(t->a, t->files);
}
)");
  std::string DB = writeCorpusDatabase(D, {Src});
  ToolResult C = runTool({"census", "filp_close", "-p", DB, "--quiet",
                          "--format", "json"});
  EXPECT_EQ(C.Status, 1) << C.Err;
  auto Doc = llvm::json::parse(C.Out);
  ASSERT_TRUE(bool(Doc)) << C.Out;
  const llvm::json::Object &O = *Doc->getAsObject();
  EXPECT_EQ(O.getObject("counts")->getInteger("total"), 3);
  EXPECT_EQ(O.getObject("counts")->getInteger("unsafe"), 2);
  for (const llvm::json::Value &Site : *O.getArray("sites")) {
    const llvm::json::Object &S = *Site.getAsObject();
    bool InDrop = S.getString("function") == "table_drop";
    EXPECT_EQ(S.getString("verdict"), InDrop ? "unsafe" : "safe") << C.Out;
  }
}

} // namespace
