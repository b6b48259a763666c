//===- RegistryTest.cpp - The check registry and finding identity ---------===//
//
// Checks.def is the one list of checks: list-checks, SARIF rules and the
// docs all say what it says, and a finding's identity ignores what moves
// with unrelated edits.
//
//===----------------------------------------------------------------------===//

#include "fputcheck/Finding.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "gtest/gtest.h"

using namespace fputcheck;

namespace {

/// The first paragraph of section "## Id" of a Markdown text, on one line.
std::string firstParagraph(llvm::StringRef Doc, llvm::StringRef Id) {
  std::string Heading = ("\n## " + Id + "\n").str();
  size_t At = Doc.find(Heading);
  if (At == llvm::StringRef::npos)
    return "";
  llvm::StringRef Rest = Doc.substr(At + Heading.size()).ltrim("\n");
  llvm::StringRef Para = Rest.substr(0, Rest.find("\n\n"));
  llvm::SmallVector<llvm::StringRef> Lines;
  Para.split(Lines, '\n');
  return llvm::join(Lines, " ");
}

TEST(Registry, DocsOpenWithEachChecksSummary) {
  auto Doc = llvm::MemoryBuffer::getFile(FPUTCHECK_DOCS_DIR "/checks.md");
  ASSERT_TRUE(bool(Doc));
  for (unsigned I = 0; I < NumChecks; ++I) {
    CheckKind K = CheckKind(I);
    EXPECT_EQ(firstParagraph((*Doc)->getBuffer(), checkId(K)),
              checkSummary(K).str())
        << "docs/checks.md, section " << checkId(K).str();
  }
}

TEST(Registry, IdsRoundTrip) {
  for (unsigned I = 0; I < NumChecks; ++I) {
    CheckKind K;
    ASSERT_TRUE(parseCheckId(checkId(CheckKind(I)), K));
    EXPECT_EQ(unsigned(K), I);
  }
  CheckKind K;
  EXPECT_FALSE(parseCheckId("fput-sync-nothing", K));
}

Finding lockFinding() {
  Finding F;
  F.Check = CheckKind::Locked;
  F.Where = Step{"dm_put_table_device", "/tree/drivers/md/dm.c", 843, 3, ""};
  F.SyncVariant = "__fput_sync";
  F.Context = "mutex 'md->table_devices_lock'";
  F.Chain = "close_table_device -> __fput_sync";
  F.Message = "__fput_sync() reached with mutex 'md->table_devices_lock' held";
  return F;
}

TEST(FindingKey, IgnoresLinesAndTheCheckout) {
  Finding A = lockFinding();
  Finding B = lockFinding();
  B.Where.Line += 40;
  B.Where.Col = 9;
  B.Where.File = "/elsewhere/drivers/md/dm.c";
  EXPECT_EQ(findingKey(A, "/tree"), findingKey(B, "/elsewhere/"));
  EXPECT_NE(findingKey(A, "/tree").find("drivers/md/dm.c"), std::string::npos);
}

TEST(FindingKey, TellsApartWhatAReviewerWould) {
  Finding A = lockFinding();
  auto Differs = [&](auto Change) {
    Finding B = lockFinding();
    Change(B);
    return findingKey(A, "/tree") != findingKey(B, "/tree");
  };
  EXPECT_TRUE(Differs([](Finding &B) { B.Check = CheckKind::Atomic; }));
  EXPECT_TRUE(Differs([](Finding &B) { B.Context = "mutex 'md->lock'"; }));
  EXPECT_TRUE(Differs([](Finding &B) { B.SyncVariant = "fput_close_sync"; }));
  EXPECT_TRUE(Differs([](Finding &B) { B.Where.Function = "dm_get"; }));
  EXPECT_TRUE(Differs([](Finding &B) { B.Where.File = "/tree/fs/open.c"; }));
  EXPECT_TRUE(Differs(
      [](Finding &B) { B.Chain = "put_table -> close_table_device -> x"; }));
  // The message is derived from the fields above; its wording may change.
  EXPECT_FALSE(Differs([](Finding &B) { B.Message += ", reworded"; }));
}

/// lockFinding() with a witness of \p Hops steps ending at \p EndLine.
Finding withFlow(unsigned Hops, unsigned EndLine, std::string Chain) {
  Finding F = lockFinding();
  for (unsigned I = 0; I < Hops; ++I)
    F.Flow.push_back(Step{"f" + std::to_string(I), "/tree/drivers/md/dm.c",
                          I + 1 == Hops ? EndLine : 100 + I, 1, ""});
  F.Chain = std::move(Chain);
  return F;
}

// INDIRECT_CALL_2() is three calls at one place: one claim, reported once
// with its shortest witness, whatever order the checks found them in.
TEST(SortFindings, OneClaimPerPlaceWithTheShortestWitness) {
  std::vector<Finding> Fs = {withFlow(3, 796, "a -> b -> __fput_sync"),
                             withFlow(2, 796, "c -> __fput_sync"),
                             withFlow(4, 796, "d -> e -> f -> __fput_sync")};
  sortFindings(Fs);
  ASSERT_EQ(Fs.size(), 1u);
  EXPECT_EQ(Fs[0].Chain, "c -> __fput_sync");
  EXPECT_EQ(Fs[0].Context, "mutex 'md->table_devices_lock'");
}

// Another lock, another check or another sync call reached (a census
// judges each) is another claim.
TEST(SortFindings, KeepsClaimsThatDiffer) {
  std::vector<Finding> Fs = {withFlow(2, 796, "c -> __fput_sync"),
                             withFlow(2, 778, "o -> __fput_sync")};
  Fs.push_back(withFlow(2, 796, "c -> __fput_sync"));
  Fs.back().Context = "mutex 'md->lock'";
  Fs.push_back(withFlow(2, 796, "c -> __fput_sync"));
  Fs.back().Check = CheckKind::Export;
  Fs.push_back(withFlow(2, 796, "c -> __fput_sync"));
  Fs.back().Where.Line = 850;
  sortFindings(Fs);
  EXPECT_EQ(Fs.size(), 5u);
  for (const Finding &F : Fs)
    EXPECT_FALSE(F.Chain.empty());
}

} // namespace
