//===- StoreTest.cpp - Reruns parse exactly what changed --------*- C++ -*-===//
//
// Tiny trees written to a temporary folder, with a generated compile
// database and the corpus headers: each test changes something between two
// runs and checks which TUs were parsed again and that the findings are
// those a run without a store gives.
//
//===----------------------------------------------------------------------===//

#include "BundledRules.h"
#include "Snippets.h"
#include "fputcheck/Emit.h"
#include "CorpusCase.h"
#include "CorpusDatabase.h"
#include "OtherRules.h"
#include "fputcheck/ProgramLoader.h"
#include "store/SummaryStore.h"
#include "fputcheck/Analysis.h"
#include "fputcheck/Extract.h"
#include "store/BinarySummary.h"
#include "store/Codec.h"
#include "fputcheck/Store.h"
#include "link/FunctionCopies.h"
#include "store/Schema.h"
#include "store/Sqlite.h"
#include "store/StoreFiles.h"
#include "store/StoreLock.h"

#include "gtest/gtest.h"
#include <thread>
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"
#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

using namespace llvm;
using namespace fputcheck;

namespace {

const Rules &rules() { return test::bundledRules(); }

// helper_put() (c.c) reaches __fput_sync(); a.c calls it under a spinlock,
// b.c under a mutex, both through helper.h. c.c does not include helper.h.
const char HelperH[] = R"c(
struct file;
void helper_put(struct file *f);
)c";

const std::string AC = std::string("\n#include <linux/spinlock.h>\n"
                                   "#include \"helper.h\"\n") +
                       test::LockedCallerBody;

const char BC[] = R"c(
#include <linux/mutex.h>
#include "helper.h"
struct b_dev { struct mutex lock; struct file *f; };
void b_release(struct b_dev *d)
{
	mutex_lock(&d->lock);
	helper_put(d->f);
	mutex_unlock(&d->lock);
}
)c";

const char CC[] = R"c(
#include <linux/file.h>
#include <linux/fs.h>
void helper_put(struct file *f);
void helper_put(struct file *f)
{
	__fput_sync(f);
}
)c";

struct RunResult {
  LoadStats Stats;
  /// Its diagnostics of the store and of failed TUs, as rendered (notes
  /// aside).
  std::vector<std::string> StoreErrors, ParseErrors;
  std::string Findings; // Kernel-style text, paths relative to the tree.
  bool Ok = false;
  std::string Error;
};

class StoreTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(sys::fs::createUniqueDirectory("fputcheck-store", Dir));
    write("helper.h", HelperH);
    write("a.c", AC);
    write("b.c", BC);
    write("c.c", CC);
    writeDatabase({"a.c", "b.c", "c.c"});
  }
  void TearDown() override { sys::fs::remove_directories(Dir); }

  std::string path(StringRef Name) const {
    SmallString<256> P(Dir);
    sys::path::append(P, Name);
    return std::string(P);
  }
  std::string store() const { return path("store/summaries.db"); }

  void write(StringRef Name, StringRef Text) {
    std::error_code EC;
    raw_fd_ostream OS(path(Name), EC);
    ASSERT_FALSE(EC) << Name.str() << ": " << EC.message();
    OS << Text;
  }
  void append(StringRef Name, StringRef Text) {
    std::error_code EC;
    raw_fd_ostream OS(path(Name), EC, sys::fs::OF_Append);
    ASSERT_FALSE(EC) << Name.str() << ": " << EC.message();
    OS << Text;
  }

  /// compile_commands.json for \p Files; \p Extra flags go to every one.
  void writeDatabase(const std::vector<std::string> &Files,
                     const std::vector<std::string> &Extra = {}) {
    write("compile_commands.json",
          test::corpusDatabaseJSON(Dir, Files, Extra));
  }

  RunResult run(const std::vector<std::string> &Files = {},
                unsigned ShardIndex = 0, unsigned ShardCount = 0,
                std::string StorePath = "") {
    LoadOptions O;
    O.Database = std::string(Dir);
    O.Files = Files;
    O.Jobs = 2;
    O.Quiet = true;
    O.UseStore = true;
    O.StorePath = StorePath.empty() ? store() : StorePath;
    O.ShardIndex = ShardIndex;
    O.ShardCount = ShardCount;
    RunResult Out;
    Program P;
    std::string DBDir;
    if (Error E = loadProgram(O, *Extracting, P, Out.Stats, DBDir)) {
      Out.Error = toString(std::move(E));
      return Out;
    }
    Out.Ok = true;
    for (const Diagnostic &D : Out.Stats.Diagnostics)
      if (D.Level != Severity::Note)
        (D.From == Origin::Store ? Out.StoreErrors : Out.ParseErrors)
            .push_back(render(D));
    raw_string_ostream OS(Out.Findings);
    emitText(analyzeProgram(P, rules()), EmitOptions{DBDir}, OS);
    return Out;
  }

  /// The same tree analysed without a store: what every run must agree with.
  std::string withoutStore() {
    LoadOptions O;
    O.Database = std::string(Dir);
    O.Quiet = true;
    Program P;
    LoadStats Stats;
    std::string DBDir;
    EXPECT_FALSE(bool(loadProgram(O, rules(), P, Stats, DBDir)));
    std::string Text;
    raw_string_ostream OS(Text);
    emitText(analyzeProgram(P, rules()), EmitOptions{DBDir}, OS);
    return Text;
  }

  std::vector<std::string> files(std::initializer_list<const char *> Names) {
    std::vector<std::string> Out;
    for (const char *N : Names)
      Out.push_back(path(N));
    return Out;
  }

  int64_t queryInt(StringRef Store, StringRef SQL) {
    auto Db = sql::Database::open(Store, /*Create=*/false);
    EXPECT_TRUE(bool(Db)) << toString(Db.takeError());
    auto Q = Db->prepare(SQL);
    EXPECT_TRUE(bool(Q)) << toString(Q.takeError());
    int64_t N = Q->step() ? Q->integer(0) : -1;
    Q->reset();
    return N;
  }
  /// Adds e.c, holding \p Text, to the database and runs: how many failed.
  unsigned addE(StringRef Text) {
    write("e.c", Text);
    writeDatabase({"a.c", "b.c", "c.c", "e.c"});
    return run().Stats.Failed;
  }
  void execute(StringRef Store, StringRef SQL) {
    auto Db = sql::Database::open(Store, /*Create=*/false);
    ASSERT_TRUE(bool(Db)) << toString(Db.takeError());
    ASSERT_FALSE(bool(Db->exec(SQL)));
  }

  /// A run after the store was overwritten by garbage of its size: it
  /// says the store is corrupt, once.
  RunResult runOverGarbage() {
    uint64_t Size = 0;
    EXPECT_FALSE(sys::fs::file_size(store(), Size));
    write("store/summaries.db", std::string(Size, '\x5a'));
    RunResult R = run();
    EXPECT_TRUE(R.Ok) << R.Error;
    EXPECT_EQ(R.StoreErrors.size(), 1u);
    if (!R.StoreErrors.empty())
      EXPECT_EQ(R.StoreErrors[0].rfind(store() + ": error: store is corrupt",
                                       0),
                0u)
          << R.StoreErrors[0];
    return R;
  }

  /// A run that says one thing about the store, containing \p What.
  RunResult runSaying(StringRef What) {
    RunResult R = run();
    EXPECT_TRUE(R.Ok) << R.Error;
    EXPECT_EQ(R.StoreErrors.size(), 1u);
    if (!R.StoreErrors.empty())
      EXPECT_NE(R.StoreErrors[0].find(What.str()), std::string::npos)
          << R.StoreErrors[0];
    return R;
  }

  /// A run finds no store to use, makes one without a word about it, and
  /// the next run parses nothing.
  void expectStoreMadeQuietly(const char *Case) {
    RunResult R = run();
    ASSERT_TRUE(R.Ok) << Case << ": " << R.Error;
    EXPECT_TRUE(R.StoreErrors.empty())
        << Case << ": " << R.StoreErrors[0];
    EXPECT_EQ(R.Stats.Parsed, 3u) << Case;
    EXPECT_EQ(run().Stats.Parsed, 0u) << Case;
  }

  SmallString<128> Dir;
  /// The rules run() extracts with: another set gives another extractor.
  const Rules *Extracting = &rules();
};

TEST_F(StoreTest, SecondRunParsesNothingAndAgrees) {
  RunResult First = run();
  ASSERT_TRUE(First.Ok) << First.Error;
  EXPECT_EQ(First.Stats.Parsed, 3u);
  EXPECT_EQ(First.Stats.Cached, 0u);
  EXPECT_NE(First.Findings.find("a_close()"), std::string::npos);
  EXPECT_NE(First.Findings.find("b_release()"), std::string::npos);
  EXPECT_EQ(First.Findings, withoutStore());

  RunResult Second = run();
  ASSERT_TRUE(Second.Ok) << Second.Error;
  EXPECT_EQ(Second.Stats.Parsed, 0u);
  EXPECT_EQ(Second.Stats.Cached, 3u);
  EXPECT_EQ(Second.Stats.FilesHashed, 0u); // Nothing moved: stat was enough.
  EXPECT_TRUE(Second.StoreErrors.empty());
  EXPECT_EQ(Second.Findings, First.Findings);
}

TEST_F(StoreTest, EditedSourceIsTheOnlyTUParsed) {
  ASSERT_TRUE(run().Ok);
  // A new unsafe caller in a.c: the rerun must see it, from a.c alone.
  append("a.c", R"c(
void a_flush(struct a_port *p)
{
	spin_lock(&p->lock);
	helper_put(p->f);
	spin_unlock(&p->lock);
}
)c");
  RunResult R = run();
  ASSERT_TRUE(R.Ok) << R.Error;
  EXPECT_EQ(R.Stats.ParsedFiles, files({"a.c"}));
  EXPECT_EQ(R.Stats.Cached, 2u);
  EXPECT_NE(R.Findings.find("a_flush()"), std::string::npos);
  EXPECT_EQ(R.Findings, withoutStore());
}

TEST_F(StoreTest, EditedHeaderReparsesExactlyItsIncluders) {
  ASSERT_TRUE(run().Ok);
  append("helper.h", "/* content changes, meaning does not */\n");
  RunResult R = run();
  ASSERT_TRUE(R.Ok) << R.Error;
  EXPECT_EQ(R.Stats.ParsedFiles, files({"a.c", "b.c"}));
  EXPECT_EQ(R.Stats.Cached, 1u);
  EXPECT_EQ(R.Findings, withoutStore());
}

TEST_F(StoreTest, TouchWithoutContentChangeParsesNothing) {
  ASSERT_TRUE(run().Ok);
  sys::TimePoint<> Later = std::chrono::system_clock::now() +
                           std::chrono::hours(1);
  for (const char *F : {"a.c", "helper.h"}) {
    int FD;
    ASSERT_FALSE(sys::fs::openFileForWrite(path(F), FD, sys::fs::CD_OpenExisting,
                                           sys::fs::OF_Append));
    ASSERT_FALSE(sys::fs::setLastAccessAndModificationTime(FD, Later));
    sys::Process::SafelyCloseFileDescriptor(FD);
  }
  RunResult R = run();
  ASSERT_TRUE(R.Ok) << R.Error;
  EXPECT_EQ(R.Stats.Parsed, 0u);
  EXPECT_EQ(R.Stats.FilesHashed, 2u); // The content decided, once per file.
  // The new mtimes were recorded: the next run trusts a stat again.
  RunResult Again = run();
  EXPECT_EQ(Again.Stats.Parsed, 0u);
  EXPECT_EQ(Again.Stats.FilesHashed, 0u);
}

TEST_F(StoreTest, ChangedCommandReparses) {
  ASSERT_TRUE(run().Ok);
  writeDatabase({"a.c", "b.c", "c.c"}, {"-DEXTRA=1"});
  RunResult R = run();
  ASSERT_TRUE(R.Ok) << R.Error;
  EXPECT_EQ(R.Stats.Parsed, 3u);
}

/// Gives \p Name the modification time \p When.
static void setMTime(const std::string &Name, sys::TimePoint<> When) {
  int FD;
  ASSERT_FALSE(sys::fs::openFileForWrite(Name, FD, sys::fs::CD_OpenExisting,
                                         sys::fs::OF_Append));
  ASSERT_FALSE(sys::fs::setLastAccessAndModificationTime(FD, When));
  sys::Process::SafelyCloseFileDescriptor(FD);
}

TEST_F(StoreTest, UnchangedDatabaseIsTakenFromTheStore) {
  // A database written in the last second is not kept: it may be being
  // written still.
  sys::TimePoint<> Old = std::chrono::system_clock::now() -
                         std::chrono::hours(1);
  setMTime(path("compile_commands.json"), Old);
  ASSERT_TRUE(run().Ok);
  EXPECT_EQ(queryInt(store(), "SELECT count(*) FROM compile_commands"), 3);
  // A stale TU's command comes from the store's copy.
  append("a.c", "\n/* edited */\n");
  RunResult R = run();
  ASSERT_TRUE(R.Ok) << R.Error;
  EXPECT_EQ(R.Stats.ParsedFiles, files({"a.c"}));
  EXPECT_EQ(R.Findings, withoutStore());
  // Same size, another mtime: the content decides.
  writeDatabase({"a.c", "b.c", "c.c"}, {"-DEXTRA=2"});
  setMTime(path("compile_commands.json"), Old);
  ASSERT_EQ(run().Stats.Parsed, 3u);
  writeDatabase({"a.c", "b.c", "c.c"}, {"-DEXTRA=3"});
  setMTime(path("compile_commands.json"), Old - std::chrono::minutes(1));
  R = run();
  ASSERT_TRUE(R.Ok) << R.Error;
  EXPECT_EQ(R.Stats.Parsed, 3u);
  EXPECT_EQ(R.Findings, withoutStore());
  setMTime(path("compile_commands.json"), Old - std::chrono::minutes(2));
  EXPECT_EQ(run().Stats.Parsed, 0u);
}

TEST_F(StoreTest, RemovedTUDisappears) {
  ASSERT_TRUE(run().Ok);
  EXPECT_EQ(queryInt(store(), "SELECT count(*) FROM tus"), 3);
  writeDatabase({"a.c", "b.c"});
  RunResult R = run();
  ASSERT_TRUE(R.Ok) << R.Error;
  EXPECT_EQ(R.Stats.Parsed, 0u);
  EXPECT_EQ(R.Stats.Removed, 1u);
  // Without c.c nothing reaches __fput_sync().
  EXPECT_EQ(R.Findings, "");
  EXPECT_EQ(R.Findings, withoutStore());
  EXPECT_EQ(queryInt(store(), "SELECT count(*) FROM tus"), 2);
  EXPECT_EQ(queryInt(store(), "SELECT count(*) FROM tus WHERE file LIKE "
                              "'%/c.c'"),
            0);
  EXPECT_EQ(queryInt(store(), "SELECT count(*) FROM functions WHERE name = "
                              "'helper_put'"),
            0);
}

TEST_F(StoreTest, SelectedFilesLeaveTheOthersStored) {
  ASSERT_TRUE(run().Ok);
  RunResult R = run({path("a.c")});
  ASSERT_TRUE(R.Ok) << R.Error;
  EXPECT_EQ(R.Stats.TUs, 1u);
  EXPECT_EQ(R.Stats.Cached, 1u);
  EXPECT_EQ(R.Stats.Removed, 0u);
  EXPECT_EQ(queryInt(store(), "SELECT count(*) FROM tus"), 3);
}

TEST_F(StoreTest, CorruptStoreIsReportedAndRebuilt) {
  RunResult First = run();
  ASSERT_TRUE(First.Ok) << First.Error;
  RunResult R = runOverGarbage();
  EXPECT_EQ(R.Stats.Parsed, 3u);
  EXPECT_EQ(R.Findings, First.Findings);
  RunResult Again = run();
  EXPECT_TRUE(Again.StoreErrors.empty());
  EXPECT_EQ(Again.Stats.Parsed, 0u);
}

TEST_F(StoreTest, CheckedStoreNobodyWroteIsNotReadWhole) {
  ASSERT_TRUE(run().Ok);
  // Timestamps are coarse: a file changed in the last second is checked.
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  ASSERT_TRUE(run().Ok);
  EXPECT_TRUE(sys::fs::exists(store() + "-verified"));
  // Nothing to write, so the file is as the check found it.
  RunResult Warm = run();
  ASSERT_TRUE(Warm.Ok) << Warm.Error;
  EXPECT_TRUE(Warm.StoreErrors.empty());
  EXPECT_EQ(Warm.Stats.Parsed, 0u);
  // Written by anyone, it is checked again.
  EXPECT_EQ(runOverGarbage().Stats.Parsed, 3u);
}

TEST_F(StoreTest, SummaryThatDoesNotParseRebuildsTheStore) {
  RunResult First = run();
  ASSERT_TRUE(First.Ok) << First.Error;
  execute(store(), "UPDATE tus SET summary = x'00ff' WHERE file LIKE '%/b.c'");
  RunResult R = run();
  ASSERT_TRUE(R.Ok) << R.Error;
  ASSERT_EQ(R.StoreErrors.size(), 1u);
  EXPECT_NE(R.StoreErrors[0].find("b.c does not parse"),
            std::string::npos)
      << R.StoreErrors[0];
  EXPECT_EQ(R.Stats.Parsed, 3u);
  EXPECT_EQ(R.Findings, First.Findings);
}

TEST_F(StoreTest, OlderSchemaVersionIsRebuilt) {
  RunResult First = run();
  ASSERT_TRUE(First.Ok) << First.Error;
  execute(store(), "UPDATE meta SET value = '1' WHERE key = 'schema'");
  RunResult R = runSaying("another fputcheck version");
  EXPECT_EQ(R.Stats.Parsed, 3u);
  EXPECT_EQ(R.Findings, First.Findings);
  EXPECT_EQ(queryInt(store(), "SELECT value FROM meta WHERE key = 'schema'"),
            StoreSchemaVersion);
}

TEST_F(StoreTest, NewerSchemaVersionIsLeftAlone) {
  RunResult First = run();
  ASSERT_TRUE(First.Ok) << First.Error;
  execute(store(), "UPDATE meta SET value = '999' WHERE key = 'schema'");
  std::string Beside = versionedStorePath(store(), StoreSchemaVersion);
  RunResult R = runSaying("a newer fputcheck version (schema version '999', "
                          "this fputcheck writes " +
                          std::to_string(StoreSchemaVersion) +
                          "); left to it, this fputcheck keeps its "
                          "summaries in " +
                          Beside);
  EXPECT_EQ(R.Stats.StorePath, Beside);
  EXPECT_EQ(R.Stats.Parsed, 3u);
  EXPECT_EQ(R.Findings, First.Findings);
  // The newer version's store is as it was.
  EXPECT_EQ(queryInt(store(), "SELECT value FROM meta WHERE key = 'schema'"),
            999);
  EXPECT_EQ(queryInt(store(), "SELECT count(*) FROM tus"), 3);
  RunResult Again = run();
  EXPECT_TRUE(Again.StoreErrors.empty());
  EXPECT_EQ(Again.Stats.Parsed, 0u);
  EXPECT_EQ(Again.Stats.StorePath, Beside);
}

TEST_F(StoreTest, OlderSchemaVersionIsReplacedOnlyOnceNobodyHasItOpen) {
  ASSERT_TRUE(run().Ok);
  execute(store(), "UPDATE meta SET value = '1' WHERE key = 'schema'");
  std::string Beside = versionedStorePath(store(), StoreSchemaVersion);
  {
    // An older fputcheck, or sqlite3, reading it: SQLite's locks say so.
    auto Reader = sql::Database::open(store(), /*Create=*/false);
    ASSERT_TRUE(bool(Reader));
    ASSERT_FALSE(bool(Reader->exec("SELECT count(*) FROM tus")));
    RunResult R = runSaying("another fputcheck version that has it open");
    EXPECT_EQ(R.Stats.StorePath, Beside);
    EXPECT_EQ(queryInt(store(), "SELECT value FROM meta WHERE key = "
                                "'schema'"),
              1);
  }
  {
    // Another fputcheck using it: the store's lock says so.
    auto Other = StoreLock::open(store());
    ASSERT_TRUE(bool(Other));
    ASSERT_TRUE(Other->acquire(StoreLock::Mode::Shared,
                               std::chrono::milliseconds(0)));
    RunResult R = run();
    ASSERT_TRUE(R.Ok) << R.Error;
    EXPECT_EQ(R.Stats.StorePath, Beside);
    EXPECT_EQ(R.Stats.Parsed, 0u); // Stored beside it the first time.
    EXPECT_EQ(queryInt(store(), "SELECT value FROM meta WHERE key = "
                                "'schema'"),
              1);
  }
  RunResult R = runSaying("rebuilding");
  EXPECT_EQ(R.Stats.StorePath, store());
  EXPECT_EQ(queryInt(store(), "SELECT value FROM meta WHERE key = 'schema'"),
            StoreSchemaVersion);
}

TEST_F(StoreTest, CorruptStoreAnotherProcessUsesIsNotDeleted) {
  ASSERT_FALSE(sys::fs::create_directories(path("store")));
  const std::string Garbage(8192, '\x5a');
  write("store/summaries.db", Garbage);
  auto Other = StoreLock::open(store());
  ASSERT_TRUE(bool(Other));
  ASSERT_TRUE(Other->acquire(StoreLock::Mode::Shared,
                             std::chrono::milliseconds(0)));
  RunResult R = runSaying("another process has it open (results are not "
                          "stored)");
  EXPECT_TRUE(R.Stats.StoreLost);
  EXPECT_EQ(R.Findings, withoutStore());
  auto Left = MemoryBuffer::getFile(store());
  ASSERT_TRUE(bool(Left));
  EXPECT_EQ((*Left)->getBuffer(), Garbage);
}

TEST_F(StoreTest, DatabaseWithoutTablesIsCompletedNotCalledCorrupt) {
  // What a creator that died before committing its tables leaves: an empty
  // file, or an empty database already in WAL mode.
  for (bool Wal : {false, true}) {
    removeStoreFiles(store());
    ASSERT_FALSE(sys::fs::create_directories(path("store")));
    if (Wal) {
      auto Db = sql::Database::open(store(), /*Create=*/true);
      ASSERT_TRUE(bool(Db));
      ASSERT_FALSE(bool(Db->exec("PRAGMA journal_mode=WAL")));
    } else {
      write("store/summaries.db", "");
    }
    expectStoreMadeQuietly(Wal ? "WAL" : "empty file");
  }
}

TEST_F(StoreTest, StoreDeletedUnderARunningProcessIsMadeAnew) {
  ASSERT_TRUE(run().Ok);
  // A run still going holds the lock, on files someone has since deleted:
  // its store is not the new one, so the new one need not wait for it.
  auto Running = StoreLock::open(store());
  ASSERT_TRUE(bool(Running));
  ASSERT_TRUE(Running->acquire(StoreLock::Mode::Shared,
                               std::chrono::milliseconds(0)));
  removeStoreFiles(store());
  expectStoreMadeQuietly("deleted");
}

TEST_F(StoreTest, CreatorKilledBeforeCommittingLeavesNothingCorrupt) {
  for (const char *Mode : {"WAL", "DELETE"}) {
    removeStoreFiles(store());
    ASSERT_FALSE(sys::fs::create_directories(path("store")));
    pid_t Child = ::fork();
    ASSERT_GE(Child, 0);
    if (Child == 0) {
      // Half a schema in a transaction that never commits, then kill -9.
      auto Db = sql::Database::open(store(), /*Create=*/true);
      if (Db)
        consumeError(Db->exec(std::string("PRAGMA journal_mode=") + Mode +
                              "; BEGIN IMMEDIATE; CREATE TABLE meta(key "
                              "TEXT PRIMARY KEY, value TEXT); CREATE TABLE "
                              "tus(id INTEGER PRIMARY KEY);"));
      ::raise(SIGKILL);
    }
    int Status = 0;
    ASSERT_EQ(::waitpid(Child, &Status, 0), Child);
    ASSERT_TRUE(WIFSIGNALED(Status));
    expectStoreMadeQuietly(Mode);
  }
}

/// Another build's extractor: the bundled rules plus a lock nobody calls.
class TwoExtractorsTest : public StoreTest {
protected:
  void SetUp() override {
    StoreTest::SetUp();
    auto R = Rules::loadDirectory(
        test::writeOtherExtractorRules(path("other-rules")));
    ASSERT_TRUE(bool(R)) << toString(R.takeError());
    Other = std::make_unique<Rules>(std::move(*R));
    ASSERT_NE(extractorDigest(*Other), extractorDigest(rules()));
  }
  RunResult runWith(const Rules &R) {
    Extracting = &R;
    return run();
  }
  std::unique_ptr<Rules> Other;
};

TEST_F(TwoExtractorsTest, SummariesStaySideBySide) {
  RunResult A = runWith(rules());
  ASSERT_TRUE(A.Ok) << A.Error;
  int64_t Functions = queryInt(store(), "SELECT count(*) FROM functions");
  ASSERT_GT(Functions, 0);
  RunResult B = runWith(*Other);
  ASSERT_TRUE(B.Ok) << B.Error;
  EXPECT_EQ(B.Stats.Parsed, 3u);
  EXPECT_EQ(B.Findings, A.Findings);
  // Neither re-parses what the other stored, and neither replaced it.
  RunResult A2 = runWith(rules());
  RunResult B2 = runWith(*Other);
  EXPECT_EQ(A2.Stats.Parsed, 0u);
  EXPECT_EQ(B2.Stats.Parsed, 0u);
  EXPECT_EQ(A2.Findings, A.Findings);
  EXPECT_TRUE(A2.StoreErrors.empty());
  EXPECT_TRUE(B2.StoreErrors.empty());
  EXPECT_EQ(queryInt(store(), "SELECT count(*) FROM tus"), 6);
  EXPECT_EQ(queryInt(store(), "SELECT count(*) FROM extractors"), 2);
  // The query tables show one summary per file, not one per extractor.
  EXPECT_EQ(queryInt(store(), "SELECT count(*) FROM tus WHERE queried = 1"),
            3);
  EXPECT_EQ(queryInt(store(), "SELECT count(*) FROM functions"), Functions);
  // A TU gone from the database is gone for both.
  writeDatabase({"a.c", "b.c"});
  RunResult Fewer = runWith(rules());
  EXPECT_EQ(Fewer.Stats.Removed, 1u);
  EXPECT_EQ(queryInt(store(), "SELECT count(*) FROM tus"), 4);
}

TEST_F(TwoExtractorsTest, SummaryThatDoesNotParseDropsOnlyItsExtractors) {
  ASSERT_TRUE(runWith(*Other).Ok);
  ASSERT_TRUE(runWith(rules()).Ok);
  execute(store(), "UPDATE tus SET summary = x'00ff' WHERE file LIKE "
                   "'%/b.c' AND extractor = '" +
                       extractorDigest(rules()) + "'");
  Extracting = &rules();
  RunResult R = runSaying("b.c does not parse");
  EXPECT_EQ(R.Stats.Parsed, 3u);
  EXPECT_EQ(runWith(*Other).Stats.Parsed, 0u);
}

TEST_F(TwoExtractorsTest, ExtractorUnusedForAMonthIsPruned) {
  ASSERT_TRUE(runWith(rules()).Ok);
  ASSERT_TRUE(runWith(*Other).Ok); // Its summaries fill the query tables.
  int64_t Functions = queryInt(store(), "SELECT count(*) FROM functions");
  execute(store(), "UPDATE extractors SET last_used = last_used - 29 * 86400");
  ASSERT_TRUE(runWith(rules()).Ok);
  EXPECT_EQ(queryInt(store(), "SELECT count(*) FROM tus"), 6);
  execute(store(), "UPDATE extractors SET last_used = last_used - 2 * 86400 "
                   "WHERE digest = '" +
                       extractorDigest(*Other) + "'");
  ASSERT_TRUE(runWith(rules()).Ok);
  EXPECT_EQ(queryInt(store(), "SELECT count(*) FROM tus"), 3);
  EXPECT_EQ(queryInt(store(), "SELECT count(*) FROM extractors"), 1);
  EXPECT_EQ(queryInt(store(), "SELECT count(*) FROM tus WHERE queried = 1"),
            3);
  EXPECT_EQ(queryInt(store(), "SELECT count(*) FROM functions"), Functions);
  EXPECT_EQ(runWith(*Other).Stats.Parsed, 3u);
}

TEST_F(StoreTest, ForeignDatabaseIsRefusedNotDeleted) {
  ASSERT_FALSE(sys::fs::create_directories(path("store")));
  {
    auto Db = sql::Database::open(store(), /*Create=*/true);
    ASSERT_TRUE(bool(Db));
    ASSERT_FALSE(bool(Db->exec("CREATE TABLE mine(x); INSERT INTO mine "
                               "VALUES(42);")));
  }
  RunResult R = run();
  EXPECT_FALSE(R.Ok);
  EXPECT_NE(R.Error.find("not a fputcheck summary store"), std::string::npos)
      << R.Error;
  EXPECT_EQ(queryInt(store(), "SELECT x FROM mine"), 42);
}

TEST_F(StoreTest, MergedShardsGiveTheUnshardedFindings) {
  std::string Whole = withoutStore();
  ASSERT_NE(Whole, "");
  RunResult S1 = run({}, 1, 2, path("s1.db"));
  RunResult S2 = run({}, 2, 2, path("s2.db"));
  ASSERT_TRUE(S1.Ok && S2.Ok) << S1.Error << S2.Error;
  EXPECT_EQ(S1.Stats.TUs + S2.Stats.TUs, 3u);
  EXPECT_EQ(S1.Stats.Parsed + S2.Stats.Parsed, 3u);
  EXPECT_EQ(S1.Findings, ""); // A shard does not analyse.

  auto M = mergeStores(path("merged.db"), {path("s1.db"), path("s2.db")},
                       extractorDigest(rules()));
  ASSERT_TRUE(bool(M)) << toString(M.takeError());
  EXPECT_EQ(M->Added, 3u);
  EXPECT_EQ(M->Duplicates, 0u);
  EXPECT_EQ(M->OtherExtractor, 0u);

  RunResult R = run({}, 0, 0, path("merged.db"));
  ASSERT_TRUE(R.Ok) << R.Error;
  EXPECT_EQ(R.Stats.Parsed, 0u);
  EXPECT_EQ(R.Stats.Cached, 3u);
  EXPECT_EQ(R.Findings, Whole);

  // Merging again, in the other order and with an overlap, gives the same
  // query tables.
  auto Again = mergeStores(path("again.db"),
                           {path("s2.db"), path("s1.db"), path("s2.db")},
                           extractorDigest(rules()));
  ASSERT_TRUE(bool(Again)) << toString(Again.takeError());
  EXPECT_EQ(Again->Duplicates, S2.Stats.TUs);
  const char *Calls = "SELECT count(*) FROM call_graph WHERE held IS NOT NULL";
  EXPECT_EQ(queryInt(path("again.db"), Calls),
            queryInt(path("merged.db"), Calls));
  EXPECT_GT(queryInt(path("merged.db"), Calls), 0);
}

TEST_F(StoreTest, MergeRefusesACorruptInput) {
  ASSERT_TRUE(run({}, 1, 1, path("s1.db")).Ok);
  write("bad.db", "not a database at all, not even close to one");
  auto M = mergeStores(path("out.db"), {path("s1.db"), path("bad.db")}, "");
  ASSERT_FALSE(bool(M));
  EXPECT_NE(toString(M.takeError()).find("bad.db"), std::string::npos);
  EXPECT_FALSE(sys::fs::exists(path("out.db")));
  // Nor the store it was being built in.
  std::error_code EC;
  for (sys::fs::directory_iterator I(Dir, EC), End; I != End && !EC;
       I.increment(EC))
    EXPECT_FALSE(sys::path::filename(I->path()).starts_with("out.db."))
        << I->path();
}

TEST_F(StoreTest, FailedTUIsStoredApartAndReportedAgain) {
  write("d.c", "void d_broken(void) { this is not C; }\n");
  writeDatabase({"a.c", "b.c", "c.c", "d.c"});
  RunResult R = run();
  ASSERT_TRUE(R.Ok) << R.Error;
  EXPECT_EQ(R.Stats.Failed, 1u);
  EXPECT_EQ(R.Stats.Parsed, 3u);
  EXPECT_EQ(queryInt(store(), "SELECT count(*) FROM tus"), 3);
  EXPECT_EQ(queryInt(store(), "SELECT count(*) FROM failures"), 1);
  // Reported on every run, as parsed; nothing is parsed again.
  RunResult Again = run();
  EXPECT_EQ(Again.Stats.Failed, 1u);
  EXPECT_EQ(Again.Stats.FailuresCached, 1u);
  EXPECT_EQ(Again.ParseErrors, R.ParseErrors);
  ASSERT_EQ(Again.ParseErrors.size(), 1u);
  EXPECT_NE(Again.ParseErrors[0].find("d.c"), std::string::npos);
  EXPECT_EQ(Again.Stats.Cached, 3u);
  EXPECT_EQ(Again.Findings, R.Findings);
}

// e.c reads helper.h, then looks for missing.h (next to it, then in the
// corpus include folder) and fails; f.c fails the same way without
// helper.h.
const char EC[] = R"c(
#include "helper.h"
#include "missing.h"
void e_fn(void) {}
)c";
const char FC[] = R"c(
#include "missing.h"
void f_fn(void) {}
)c";

TEST_F(StoreTest, MissingHeaderFailureIsReportedWithoutParsing) {
  write("e.c", EC);
  writeDatabase({"a.c", "b.c", "c.c", "e.c"});
  RunResult First = run();
  ASSERT_TRUE(First.Ok) << First.Error;
  EXPECT_EQ(First.Stats.Failed, 1u);
  EXPECT_EQ(First.Stats.FailuresCached, 0u);
  ASSERT_EQ(First.ParseErrors.size(), 1u);
  EXPECT_EQ(First.ParseErrors[0],
            "e.c:3:10: error: 'missing.h' file not found");
  // Both places it was looked for are recorded, and what it read.
  EXPECT_EQ(queryInt(store(), ("SELECT count(*) FROM failure_absent WHERE "
                               "path IN ('" + path("missing.h") + "', '" +
                               FPUTCHECK_CORPUS_DIR "/include/missing.h')")
                                  .c_str()),
            2);
  EXPECT_EQ(queryInt(store(), ("SELECT count(*) FROM failure_inputs i JOIN "
                               "files f ON f.id = i.file WHERE f.path IN ('" +
                               path("e.c") + "', '" + path("helper.h") + "')")
                                  .c_str()),
            2);

  RunResult Second = run();
  ASSERT_TRUE(Second.Ok) << Second.Error;
  EXPECT_EQ(Second.Stats.Parsed, 0u);
  EXPECT_TRUE(Second.Stats.ParsedFiles.empty());
  EXPECT_EQ(Second.Stats.FailuresCached, 1u);
  EXPECT_EQ(Second.Stats.Failed, 1u);
  EXPECT_EQ(Second.Stats.Cached, 3u);
  EXPECT_EQ(Second.ParseErrors, First.ParseErrors);
  EXPECT_EQ(Second.Findings, First.Findings);

  // Gone from the database: gone from the store, with the versions only it
  // read.
  writeDatabase({"a.c", "b.c", "c.c"});
  RunResult Third = run();
  EXPECT_EQ(Third.Stats.Removed, 1u);
  EXPECT_EQ(Third.Stats.Failed, 0u);
  EXPECT_EQ(queryInt(store(), "SELECT count(*) FROM failures"), 0);
  EXPECT_EQ(queryInt(store(), "SELECT count(*) FROM failure_absent"), 0);
  EXPECT_EQ(queryInt(store(), ("SELECT count(*) FROM files WHERE path = '" +
                               path("e.c") + "'")
                                  .c_str()),
            0);
}

TEST_F(StoreTest, CreatedMissingHeaderReparsesTheFailedTU) {
  ASSERT_EQ(addE(EC), 1u);
  write("missing.h", "struct now_here;\n");
  RunResult R = run();
  ASSERT_TRUE(R.Ok) << R.Error;
  EXPECT_EQ(R.Stats.ParsedFiles, files({"e.c"}));
  EXPECT_EQ(R.Stats.Failed, 0u);
  EXPECT_EQ(R.Stats.FailuresCached, 0u);
  EXPECT_EQ(R.Findings, withoutStore());
  EXPECT_EQ(queryInt(store(), "SELECT count(*) FROM failures"), 0);
  EXPECT_EQ(queryInt(store(), "SELECT count(*) FROM tus"), 4);
}

TEST_F(StoreTest, EditedHeaderReparsesTheFailedTUsThatReadIt) {
  write("e.c", EC);
  write("f.c", FC);
  writeDatabase({"a.c", "b.c", "c.c", "e.c", "f.c"});
  RunResult First = run();
  ASSERT_EQ(First.Stats.Failed, 2u);
  append("helper.h", "/* content changes, meaning does not */\n");
  RunResult R = run();
  ASSERT_TRUE(R.Ok) << R.Error;
  EXPECT_EQ(R.Stats.ParsedFiles, files({"a.c", "b.c"}));
  EXPECT_EQ(R.Stats.Failed, 2u);
  EXPECT_EQ(R.Stats.FailuresCached, 1u); // f.c, which does not read it.
  EXPECT_EQ(R.ParseErrors, First.ParseErrors);
  RunResult Again = run();
  EXPECT_EQ(Again.Stats.FailuresCached, 2u);
  EXPECT_EQ(Again.Stats.Parsed, 0u);
}

TEST_F(StoreTest, FixedTUReplacesItsFailure) {
  ASSERT_EQ(addE(EC), 1u);
  write("e.c", "#include \"helper.h\"\nvoid e_fn(void) {}\n");
  RunResult R = run();
  ASSERT_TRUE(R.Ok) << R.Error;
  EXPECT_EQ(R.Stats.ParsedFiles, files({"e.c"}));
  EXPECT_EQ(R.Stats.Failed, 0u);
  EXPECT_EQ(queryInt(store(), "SELECT count(*) FROM failures"), 0);
  EXPECT_EQ(queryInt(store(), ("SELECT count(*) FROM tus WHERE file = '" +
                               path("e.c") + "'")
                                  .c_str()),
            1);
  RunResult Again = run();
  EXPECT_EQ(Again.Stats.Parsed, 0u);
  EXPECT_EQ(Again.Stats.Cached, 4u);
  // And broken again: the summary gives way to the failure.
  write("e.c", EC);
  RunResult Broken = run();
  EXPECT_EQ(Broken.Stats.Failed, 1u);
  EXPECT_EQ(Broken.Stats.FailuresCached, 0u);
  EXPECT_EQ(queryInt(store(), "SELECT count(*) FROM failures"), 1);
  EXPECT_EQ(queryInt(store(), "SELECT count(*) FROM tus"), 3);
}

TEST_F(StoreTest, StoreWithoutFailureTablesIsKeptAndGetsThem) {
  ASSERT_TRUE(run().Ok);
  execute(store(), "DROP TABLE failures; DROP TABLE failure_inputs; "
                   "DROP TABLE failure_absent;");
  RunResult R = run();
  ASSERT_TRUE(R.Ok) << R.Error;
  EXPECT_TRUE(R.StoreErrors.empty());
  EXPECT_EQ(R.Stats.Parsed, 0u);
  EXPECT_EQ(R.Stats.Cached, 3u);
  EXPECT_EQ(queryInt(store(), "SELECT count(*) FROM failures"), 0);
}

TEST_F(StoreTest, TUThatStopsParsingLosesItsSummary) {
  ASSERT_TRUE(run().Ok);
  append("c.c", "this does not parse\n");
  RunResult R = run();
  EXPECT_EQ(R.Stats.Failed, 1u);
  EXPECT_EQ(queryInt(store(), "SELECT count(*) FROM tus WHERE file LIKE "
                              "'%/c.c'"),
            0);
}

TEST_F(StoreTest, DefaultStoreIsNextToTheDatabase) {
  LoadOptions O;
  O.Database = path("compile_commands.json");
  O.Quiet = true;
  O.UseStore = true;
  Program P;
  LoadStats Stats;
  std::string DBDir;
  ASSERT_FALSE(bool(loadProgram(O, rules(), P, Stats, DBDir)));
  EXPECT_EQ(Stats.StorePath, path(".fputcheck/summaries.db"));
  EXPECT_TRUE(sys::fs::exists(Stats.StorePath));
}

TEST_F(StoreTest, NoStoreWritesNothing) {
  withoutStore();
  EXPECT_FALSE(sys::fs::exists(path(".fputcheck")));
  EXPECT_FALSE(sys::fs::exists(path("store")));
}

// Every corpus TU's summary survives the store's encoding, and a read of its
// JSON, unchanged, as its JSON shows. Both walk SummaryFields.h; that it
// names every field is SummaryFields.EveryFieldIsMapped's.
TEST(SummaryCodec, CorpusRoundTripsExactly) {
  std::vector<std::string> Files =
      test::listCorpusTUs(FPUTCHECK_CORPUS_DIR "/cases");
  ASSERT_GT(Files.size(), 20u);
  unsigned Calls = 0, Held = 0, HeldRefs = 0, Stores = 0, Exports = 0;
  for (const std::string &F : Files) {
    TUOutcome O = extractOne(
        test::corpusCommand(F, FPUTCHECK_CORPUS_DIR "/include"), rules());
    ASSERT_TRUE(O.Ok) << O.Error;
    Expected<TUSummary> Back = decodeSummary(encodeSummary(O.Summary));
    ASSERT_TRUE(bool(Back)) << F << ": " << toString(Back.takeError());
    EXPECT_EQ(formatv("{0}", toJSON(*Back)).str(),
              formatv("{0}", toJSON(O.Summary)).str())
        << F;
    Expected<TUSummary> Read = summaryFromJSON(toJSON(O.Summary));
    ASSERT_TRUE(bool(Read)) << F << ": " << toString(Read.takeError());
    EXPECT_EQ(formatv("{0}", toJSON(*Read)).str(),
              formatv("{0}", toJSON(O.Summary)).str())
        << F;
    for (const FunctionSummary &Fn : O.Summary.Functions)
      for (const CallSite &C : Fn.Calls) {
        ++Calls;
        Held += C.Held.size();
        HeldRefs += C.HeldRefArgs.size();
      }
    Stores += O.Summary.Stores.size();
    Exports += O.Summary.Exports.size();
  }
  // The corpus exercises every part of a summary.
  EXPECT_GT(Calls, 0u);
  EXPECT_GT(Held, 0u);
  EXPECT_GT(HeldRefs, 0u);
  EXPECT_GT(Stores, 0u);
  EXPECT_GT(Exports, 0u);
}

TEST(SummaryCodec, DamagedBytesAreRejectedNotMisread) {
  TUSummary S;
  S.MainFile = "/t/a.c";
  FunctionSummary F;
  F.Key = F.Name = "f";
  F.File = "/t/a.c";
  CallSite C;
  C.Callee = "g";
  C.Held.push_back({"$1.lock", "p->lock", "spinlock", "spin_lock", 3, 2});
  C.Next = {0};
  F.Calls.push_back(C);
  F.Entry = {0};
  S.Functions.push_back(F);
  std::vector<uint8_t> Bytes;
  writeBinarySummary(S, Bytes);
  ASSERT_TRUE(bool(readBinarySummary(Bytes)));
  for (size_t Len = 0; Len < Bytes.size(); ++Len) {
    Expected<TUSummary> T = readBinarySummary(ArrayRef(Bytes).take_front(Len));
    EXPECT_FALSE(bool(T)) << "truncated to " << Len;
    consumeError(T.takeError());
  }
  std::vector<uint8_t> Longer = Bytes;
  Longer.push_back(0);
  Expected<TUSummary> T = readBinarySummary(Longer);
  EXPECT_FALSE(bool(T));
  consumeError(T.takeError());
  // Any byte flipped: an error or a summary, never a crash (run under
  // FPUTCHECK_SANITIZE to make that an assertion).
  for (size_t I = 0; I < Bytes.size(); ++I) {
    std::vector<uint8_t> Bad = Bytes;
    Bad[I] ^= 0xff;
    Expected<TUSummary> B = readBinarySummary(Bad);
    if (!B)
      consumeError(B.takeError());
  }
}

// Which copy of a header inline survives depends on command order only,
// never on the order TUs finish in.
TEST(FunctionCopies, KeepsTheFirstTUsCopyWhateverTheArrivalOrder) {
  auto TU = [](const char *Main, std::vector<std::pair<const char *, unsigned>>
                                     Fns) {
    TUSummary S;
    S.MainFile = Main;
    for (auto [Key, Line] : Fns) {
      FunctionSummary F;
      F.Key = F.Name = Key;
      F.File = "/t/h.h";
      F.Line = Line;
      S.Functions.push_back(F);
    }
    return S;
  };
  std::vector<TUSummary> In = {TU("/t/a.c", {{"a", 1}, {"inl", 10}}),
                               TU("/t/b.c", {{"b", 2}, {"inl", 20}}),
                               TU("/t/c.c", {{"inl", 30}, {"c", 3}})};
  auto Render = [](std::vector<TUSummary> Out) {
    std::string Text;
    for (const TUSummary &S : Out) {
      Text += S.MainFile + ":";
      for (const FunctionSummary &F : S.Functions)
        Text += " " + F.Key + "@" + std::to_string(F.Line);
      Text += "\n";
    }
    return Text;
  };
  std::string Expected = "/t/a.c: a@1 inl@10\n/t/b.c: b@2\n/t/c.c: c@3\n";
  std::vector<size_t> Order = {0, 1, 2};
  do {
    FunctionCopies C(In.size());
    for (size_t I : Order)
      C.add(I, In[I]);
    EXPECT_EQ(Render(C.take()), Expected);
  } while (std::next_permutation(Order.begin(), Order.end()));
}

TEST(ShardSyntax, AcceptsKOfNOnly) {
  unsigned K = 0, N = 0;
  EXPECT_FALSE(bool(parseShard("2/8", K, N)));
  EXPECT_EQ(K, 2u);
  EXPECT_EQ(N, 8u);
  for (const char *Bad : {"0/2", "3/2", "1/0", "1", "a/b", "1/2/3", "", "/"}) {
    Error E = parseShard(Bad, K, N);
    EXPECT_TRUE(bool(E)) << Bad;
    consumeError(std::move(E));
  }
}

} // namespace
