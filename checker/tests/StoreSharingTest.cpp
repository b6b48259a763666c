//===- StoreSharingTest.cpp - Many fputcheck processes, one store -*- C++ -*-===//
//
// Real processes on one summary store: cold runs racing to create it,
// readers while a writer re-parses, two extractors taking turns, a run
// killed while creating it, pruning. No process may call a store another
// is creating corrupt, delete one another has open, or redo another
// extractor's work every time.
//
//===----------------------------------------------------------------------===//

#include "OtherRules.h"
#include "ToolRunner.h"
#include "store/Sqlite.h"
#include "store/StoreLock.h"

#include "gtest/gtest.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <chrono>
#include <csignal>
#include <thread>

using namespace fputcheck;
using namespace fputcheck::test;
using llvm::StringRef;

namespace {

/// A tree of corpus TUs (\p Copies of the first \p Cases) that all include
/// one header, shared.h, so one edit of it re-parses them all; apart.c
/// does not include it.
class Tree {
public:
  Tree(unsigned Copies, size_t NumCases) {
    Headers = D.write("shared.h", "/* shared */\n");
    std::vector<std::string> Files;
    std::error_code EC;
    std::vector<std::string> Cases;
    for (llvm::sys::fs::directory_iterator
             I(FPUTCHECK_CORPUS_DIR "/cases", EC),
         End;
         I != End && !EC; I.increment(EC))
      if (StringRef(I->path()).ends_with(".c"))
        Cases.push_back(I->path());
    llvm::sort(Cases);
    Cases.resize(std::min(Cases.size(), NumCases));
    for (unsigned C = 0; C < Copies; ++C)
      for (const std::string &Case : Cases)
        Files.push_back(D.write(std::to_string(C) + "/" +
                                    llvm::sys::path::filename(Case).str(),
                                "#include \"" + Headers + "\"\n" +
                                    readFile(Case)));
    Files.push_back(D.write("apart.c", readFile(corpusCase(
                                           "lock-direct-mutex-dm-table-"
                                           "device.c"))));
    TUs = Files.size();
    DB = writeCorpusDatabase(D, Files);
  }

  std::string store() const { return D.path() + "/.fputcheck/summaries.db"; }
  std::string path(const std::string &Rel) const {
    return D.path() + "/" + Rel;
  }
  /// A real change to the shared header: every TU but apart.c re-parses.
  void editShared() {
    D.write("shared.h", "/* shared, edit " + std::to_string(++Edits) +
                            " */\n");
  }
  std::vector<std::string> analyze(std::vector<std::string> More = {}) const {
    std::vector<std::string> Args{"analyze", "-p", DB, "-j", "1"};
    Args.insert(Args.end(), More.begin(), More.end());
    return Args;
  }

  TempDir D;
  std::string DB, Headers;
  size_t TUs = 0;

private:
  unsigned Edits = 0;
};

std::string parsed(size_t N) { return ", " + std::to_string(N) + " parsed,"; }

/// What a run that minds its own business prints on stderr about the store:
/// nothing.
void expectNoStoreTrouble(const Tree &T, const ToolResult &R) {
  EXPECT_EQ(R.Err.find("corrupt"), std::string::npos) << R.Err;
  EXPECT_EQ(R.Err.find("rebuilding"), std::string::npos) << R.Err;
  EXPECT_EQ(R.Err.find(T.store()), std::string::npos) << R.Err;
}

TEST(StoreSharing, ColdRunsAtOnceAllSucceedAndAgree) {
  for (int Round = 0; Round < 5; ++Round) {
    Tree T(1, 20);
    ToolResult Alone = runTool(T.analyze({"--no-store"}));
    ASSERT_EQ(Alone.Status, 1) << Alone.Err;
    std::vector<std::unique_ptr<RunningTool>> Runs;
    for (int I = 0; I < 4; ++I)
      Runs.push_back(std::make_unique<RunningTool>(T.analyze()));
    for (auto &Run : Runs) {
      ToolResult R = Run->wait();
      EXPECT_EQ(R.Status, Alone.Status) << R.Err;
      EXPECT_EQ(R.Out, Alone.Out);
      expectNoStoreTrouble(T, R);
    }
    ToolResult After = runTool(T.analyze());
    EXPECT_NE(After.Err.find(parsed(0)), std::string::npos) << After.Err;
    EXPECT_EQ(After.Out, Alone.Out);
  }
}

TEST(StoreSharing, ReadersSeeOneSnapshotWhileAWriterReparses) {
  Tree T(2, 100);
  ToolResult Warm = runTool(T.analyze());
  ASSERT_EQ(Warm.Status, 1) << Warm.Err;
  ToolResult Apart = runTool(T.analyze({T.path("apart.c")}));
  ASSERT_NE(Apart.Err.find(parsed(0)), std::string::npos) << Apart.Err;

  T.editShared();
  RunningTool Writer(T.analyze());
  unsigned Snapshots = 0, Runs = 0;
  auto Db = sql::Database::open(T.store(), /*Create=*/false);
  ASSERT_TRUE(bool(Db)) << toString(Db.takeError());
  // What any snapshot shows: every TU once, each with the inputs it was
  // parsed from and in the query tables. A reader that saw half of a save
  // would find a TU missing or without inputs.
  const char *Check =
      "SELECT (SELECT count(*) FROM tus), "
      "(SELECT count(*) FROM tus t WHERE NOT EXISTS "
      "(SELECT 1 FROM tu_inputs i WHERE i.tu = t.id)), "
      "(SELECT count(*) FROM tus WHERE queried = 1)";
  auto Q = Db->prepare(Check);
  ASSERT_TRUE(bool(Q));
  do {
    ASSERT_FALSE(bool(Db->exec("BEGIN")));
    ASSERT_TRUE(Q->step()) << toString(Q->takeError());
    EXPECT_EQ(size_t(Q->integer(0)), T.TUs);
    EXPECT_EQ(Q->integer(1), 0);
    EXPECT_EQ(size_t(Q->integer(2)), T.TUs);
    Q->reset();
    ASSERT_FALSE(bool(Db->exec("COMMIT")));
    ++Snapshots;
    // A reader that parses nothing: apart.c is unchanged.
    if (Runs < 8) {
      ToolResult R = runTool(T.analyze({T.path("apart.c")}));
      EXPECT_EQ(R.Status, Apart.Status) << R.Err;
      EXPECT_EQ(R.Out, Apart.Out);
      EXPECT_NE(R.Err.find(parsed(0)), std::string::npos) << R.Err;
      expectNoStoreTrouble(T, R);
      ++Runs;
    }
  } while (!Writer.done());
  ToolResult W = Writer.wait();
  EXPECT_EQ(W.Status, Warm.Status) << W.Err;
  EXPECT_EQ(W.Out, Warm.Out);
  EXPECT_NE(W.Err.find(parsed(T.TUs - 1)), std::string::npos) << W.Err;
  expectNoStoreTrouble(T, W);
  EXPECT_GT(Runs, 0u);
  EXPECT_GT(Snapshots, 0u);
  ToolResult After = runTool(T.analyze());
  EXPECT_NE(After.Err.find(parsed(0)), std::string::npos) << After.Err;
}

TEST(StoreSharing, TwoExtractorsTakeTurnsWithoutRedoingEachOther) {
  Tree T(1, 20);
  std::string Other = writeOtherExtractorRules(T.path("other-rules"));
  auto Mine = [&] { return T.analyze(); };
  auto Theirs = [&] { return T.analyze({"--rules", Other}); };
  ToolResult A = runTool(Mine());
  ASSERT_EQ(A.Status, 1) << A.Err;
  llvm::sys::fs::UniqueID Id;
  ASSERT_FALSE(llvm::sys::fs::getUniqueID(T.store(), Id));
  ToolResult B = runTool(Theirs());
  EXPECT_NE(B.Err.find(parsed(T.TUs)), std::string::npos) << B.Err;
  EXPECT_EQ(B.Out, A.Out);
  for (int Turn = 0; Turn < 2; ++Turn)
    for (const ToolResult &R : {runTool(Mine()), runTool(Theirs())}) {
      EXPECT_NE(R.Err.find(parsed(0)), std::string::npos) << R.Err;
      EXPECT_EQ(R.Out, A.Out);
      expectNoStoreTrouble(T, R);
    }

  // Both at once, both re-parsing: neither deletes the store under the
  // other, and each keeps what it saved.
  for (int Round = 0; Round < 2; ++Round) {
    T.editShared();
    RunningTool M(Mine()), O(Theirs());
    for (ToolResult R : {M.wait(), O.wait()}) {
      EXPECT_EQ(R.Status, 1) << R.Err;
      EXPECT_EQ(R.Out, A.Out);
      expectNoStoreTrouble(T, R);
    }
    for (const ToolResult &R : {runTool(Mine()), runTool(Theirs())})
      EXPECT_NE(R.Err.find(parsed(0)), std::string::npos) << R.Err;
  }
  llvm::sys::fs::UniqueID Now;
  ASSERT_FALSE(llvm::sys::fs::getUniqueID(T.store(), Now));
  EXPECT_EQ(Now, Id) << "the store file was replaced";
}

TEST(StoreSharing, RunKilledWhileCreatingTheStoreThenANormalRun) {
  Tree T(1, 20);
  ToolResult Alone = runTool(T.analyze({"--no-store"}));
  for (int Attempt = 0; Attempt < 6; ++Attempt) {
    llvm::sys::fs::remove_directories(T.path(".fputcheck"));
    RunningTool Victim(T.analyze());
    // The lock file is the first thing a run creates: from then on it is
    // creating the store. Later attempts die a little later each.
    auto Deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (!llvm::sys::fs::exists(T.store() + "-lock") && !Victim.done() &&
           std::chrono::steady_clock::now() < Deadline)
      std::this_thread::sleep_for(std::chrono::microseconds(200));
    std::this_thread::sleep_for(std::chrono::milliseconds(Attempt * 3));
    Victim.signal(SIGKILL);
    Victim.wait();

    ToolResult R = runTool(T.analyze());
    EXPECT_EQ(R.Status, Alone.Status) << R.Err;
    EXPECT_EQ(R.Out, Alone.Out);
    expectNoStoreTrouble(T, R);
    ToolResult Again = runTool(T.analyze());
    EXPECT_NE(Again.Err.find(parsed(0)), std::string::npos) << Again.Err;
  }
}

TEST(StoreSharing, PruneWaitsForTheStoreToBeFree) {
  Tree T(1, 10);
  std::string Other = writeOtherExtractorRules(T.path("other-rules"));
  ASSERT_EQ(runTool(T.analyze({"--rules", Other})).Status, 1);
  ASSERT_EQ(runTool(T.analyze()).Status, 1);
  {
    // Another process using the store: nothing is pruned.
    auto Using = StoreLock::open(T.store());
    ASSERT_TRUE(bool(Using));
    ASSERT_TRUE(Using->acquire(StoreLock::Mode::Shared,
                               std::chrono::milliseconds(0)));
    ToolResult R = runTool({"prune", "-p", T.DB, "--wait", "1"});
    EXPECT_EQ(R.Status, 2) << R.Err;
    EXPECT_NE(R.Err.find("nothing pruned"), std::string::npos) << R.Err;
  }
  ToolResult R = runTool({"prune", "-p", T.DB});
  EXPECT_EQ(R.Status, 0) << R.Err;
  EXPECT_NE(R.Err.find("1 other fputcheck version"), std::string::npos)
      << R.Err;
  EXPECT_NE(runTool(T.analyze()).Err.find(parsed(0)), std::string::npos);
  ToolResult Again = runTool(T.analyze({"--rules", Other}));
  EXPECT_NE(Again.Err.find(parsed(T.TUs)), std::string::npos) << Again.Err;
}

} // namespace
