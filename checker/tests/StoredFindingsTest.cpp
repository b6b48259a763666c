//===- StoredFindingsTest.cpp - Findings kept in the store ------*- C++ -*-===//
//
// A program made of stored summaries has an identity; the findings kept
// under it are exactly the ones its analysis gives, and anything that could
// change them (a summary, the rules, the options) gives another key.
//
//===----------------------------------------------------------------------===//

#include "BundledRules.h"
#include "CorpusDatabase.h"
#include "fputcheck/Emit.h"
#include "fputcheck/StoredFindings.h"
#include "store/Sqlite.h"

#include "gtest/gtest.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace fputcheck;

namespace {

const Rules &rules() { return test::bundledRules(); }

// A lock holder, an export and a completion: findings with notes and flows.
const char *Cases[] = {"lock-direct-mutex-dm-table-device.c",
                       "export-gpl-static-helper.c",
                       "complete-acct-close-work.c", "exit-do-exit-chain.c"};

class StoredFindingsTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(sys::fs::createUniqueDirectory("fputcheck-stored", Dir));
    std::vector<std::string> Files;
    for (const char *C : Cases) {
      SmallString<256> Src(FPUTCHECK_CORPUS_DIR "/cases/");
      sys::path::append(Src, C);
      ASSERT_FALSE(sys::fs::copy_file(Src, path(C)));
      Files.push_back(C);
    }
    std::error_code EC;
    raw_fd_ostream OS(path("compile_commands.json"), EC);
    ASSERT_FALSE(EC);
    OS << test::corpusDatabaseJSON(Dir, Files, {});
  }
  void TearDown() override { sys::fs::remove_directories(Dir); }

  std::string path(StringRef Name) const {
    SmallString<256> P(Dir);
    sys::path::append(P, Name);
    return std::string(P);
  }

  /// Loads the tree, unlinked, with the store.
  LoadStats load(Program &P, const Rules &R) {
    LoadOptions O;
    O.Database = std::string(Dir);
    O.Jobs = 2;
    O.Quiet = true;
    O.UseStore = true;
    O.StorePath = path("store/summaries.db");
    O.DeferLink = true;
    LoadStats Stats;
    std::string DBDir;
    EXPECT_FALSE(bool(loadProgram(O, R, P, Stats, DBDir)));
    return Stats;
  }

  std::string keyAfterLoad(const Rules &R, const AnalysisOptions &AO = {}) {
    Program P;
    return storedFindingsKey(load(P, R), R, AO);
  }

  static std::string text(const std::vector<Finding> &F) {
    std::string Out;
    raw_string_ostream OS(Out);
    emitJSON(F, EmitOptions{"/"}, OS);
    return Out;
  }

  SmallString<128> Dir;
};

TEST_F(StoredFindingsTest, OnlyAProgramOfStoredSummariesHasAKey) {
  Program First;
  LoadStats Parsed = load(First, rules());
  EXPECT_EQ(Parsed.Parsed, std::size(Cases));
  EXPECT_TRUE(Parsed.InputDigest.empty());
  EXPECT_EQ(storedFindingsKey(Parsed, rules(), {}), "");

  std::string Key = keyAfterLoad(rules());
  EXPECT_FALSE(Key.empty());
  EXPECT_EQ(keyAfterLoad(rules()), Key);

  // Rules made in code, not read from files, have no identity.
  Rules Made = rules();
  Rules Bare;
  Bare.SyncVariants = Made.SyncVariants;
  Program P;
  EXPECT_EQ(storedFindingsKey(load(P, rules()), Bare, {}), "");
}

TEST_F(StoredFindingsTest, WhatCouldChangeTheFindingsChangesTheKey) {
  load(*std::make_unique<Program>(), rules());
  std::string Key = keyAfterLoad(rules());
  ASSERT_FALSE(Key.empty());

  Rules WhatIf = rules();
  WhatIf.addSyncVariant("filp_close");
  EXPECT_NE(keyAfterLoad(WhatIf), Key);

  AnalysisOptions OneCheck;
  OneCheck.Enabled.reset();
  OneCheck.Enabled.set(0);
  EXPECT_NE(keyAfterLoad(rules(), OneCheck), Key);
  AnalysisOptions Every;
  Every.Mode = ChainMode::EverySyncCall;
  EXPECT_NE(keyAfterLoad(rules(), Every), Key);

  // A summary that changes: the edited TU is parsed (no key), and the next
  // run's program is another one.
  std::error_code EC;
  raw_fd_ostream OS(path(Cases[0]), EC, sys::fs::OF_Append);
  ASSERT_FALSE(EC);
  OS << "\nvoid stored_findings_extra(void) { }\n";
  OS.close();
  EXPECT_EQ(keyAfterLoad(rules()), "");
  std::string Edited = keyAfterLoad(rules());
  EXPECT_FALSE(Edited.empty());
  EXPECT_NE(Edited, Key);
}

TEST_F(StoredFindingsTest, StoredFindingsAreTheAnalysisOnesExactly) {
  load(*std::make_unique<Program>(), rules());
  Program P;
  LoadStats Stats = load(P, rules());
  std::string Key = storedFindingsKey(Stats, rules(), {});
  ASSERT_FALSE(Key.empty());
  auto None = loadStoredFindings(Stats.StorePath, Key);
  ASSERT_TRUE(bool(None)) << toString(None.takeError());
  EXPECT_FALSE(None->has_value());

  P.link(rules());
  std::vector<Finding> Computed = analyzeProgram(P, rules());
  ASSERT_GE(Computed.size(), 3u);
  bool WithNotes = false, WithFlow = false, OnLastReference = false;
  for (const Finding &F : Computed) {
    WithNotes |= !F.Notes.empty();
    WithFlow |= F.Flow.size() > 1;
    OnLastReference |= !F.OnlyOnLastReference.empty();
  }
  EXPECT_TRUE(WithNotes && WithFlow && OnLastReference);
  ASSERT_FALSE(bool(saveStoredFindings(Stats.StorePath, Key,
                                       {Computed, "facts-digest"})));
  auto Kept = loadStoredFindings(Stats.StorePath, Key);
  ASSERT_TRUE(bool(Kept)) << toString(Kept.takeError());
  ASSERT_TRUE(Kept->has_value());
  EXPECT_EQ((*Kept)->FactsDigest, "facts-digest");
  EXPECT_EQ(text((*Kept)->Findings), text(Computed));
  ASSERT_EQ((*Kept)->Findings.size(), Computed.size());
  for (size_t I = 0; I < Computed.size(); ++I) {
    EXPECT_EQ(findingFingerprint((*Kept)->Findings[I], "/"),
              findingFingerprint(Computed[I], "/"));
    EXPECT_EQ((*Kept)->Findings[I].OnlyOnLastReference,
              Computed[I].OnlyOnLastReference);
  }
}

TEST_F(StoredFindingsTest, DamagedRowIsNoRowAndIsReplaced) {
  load(*std::make_unique<Program>(), rules());
  Program P;
  LoadStats Stats = load(P, rules());
  std::string Key = storedFindingsKey(Stats, rules(), {});
  P.link(rules());
  std::vector<Finding> Computed = analyzeProgram(P, rules());
  ASSERT_FALSE(bool(saveStoredFindings(Stats.StorePath, Key, {Computed, ""})));
  {
    auto Db = sql::Database::open(Stats.StorePath, /*Create=*/false);
    ASSERT_TRUE(bool(Db));
    ASSERT_FALSE(bool(Db->exec("UPDATE stored_findings SET findings = "
                               "'[{\"check\": \"no-such-check\"}]'")));
  }
  auto Damaged = loadStoredFindings(Stats.StorePath, Key);
  ASSERT_TRUE(bool(Damaged)) << toString(Damaged.takeError());
  EXPECT_FALSE(Damaged->has_value());
  ASSERT_FALSE(bool(saveStoredFindings(Stats.StorePath, Key, {Computed, ""})));
  auto Again = loadStoredFindings(Stats.StorePath, Key);
  ASSERT_TRUE(bool(Again) && Again->has_value());
  EXPECT_EQ(text((*Again)->Findings), text(Computed));
}

TEST_F(StoredFindingsTest, AStoreKeepsTheMostRecentKeysOnly) {
  Program P;
  LoadStats Stats = load(P, rules());
  for (int I = 0; I < 12; ++I)
    ASSERT_FALSE(bool(saveStoredFindings(Stats.StorePath,
                                         "key" + std::to_string(I), {{}, ""})));
  auto Db = sql::Database::open(Stats.StorePath, /*Create=*/false);
  ASSERT_TRUE(bool(Db));
  auto Q = Db->prepare("SELECT count(*) FROM stored_findings");
  ASSERT_TRUE(bool(Q));
  ASSERT_TRUE(Q->step());
  EXPECT_EQ(Q->integer(0), 8);
  Q->reset();
  // The newest is always kept, whatever the clock says of the others.
  auto Last = loadStoredFindings(Stats.StorePath, "key11");
  ASSERT_TRUE(bool(Last));
  EXPECT_TRUE(Last->has_value());
}

TEST(StoredFindingsCodec, TextThatIsNotFindingsIsAnError) {
  EXPECT_FALSE(bool(decodeFindings("not json")));
  EXPECT_FALSE(bool(decodeFindings("{\"check\": 1}")));
  auto Missing = decodeFindings("[{\"check\": \"fput-sync-locked\"}]");
  ASSERT_FALSE(bool(Missing));
  EXPECT_NE(toString(Missing.takeError()).find("where"), std::string::npos);
  auto Empty = decodeFindings("[]");
  ASSERT_TRUE(bool(Empty));
  EXPECT_TRUE(Empty->empty());
}

} // namespace
