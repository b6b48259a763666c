//===- RealTreeReviewTest.cpp - Patch review on Linux 6.12 ------*- C++ -*-===//
//
// The patches a reviewer of "make fput synchronous" sees, as real diffs
// against Debian's linux-source-6.12 (checker/tests/data/review/), reviewed
// on a slice of the tree with a store of its own. Skipped, saying so, when
// no prepared tree exists.
//
//===----------------------------------------------------------------------===//

#include "RealTreeSlice.h"
#include "fputcheck/Review.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "gtest/gtest.h"

using namespace llvm;
using namespace fputcheck;

namespace {

const std::vector<std::string> &SliceFiles = fileCloseSlice();

class RealTreeReview : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    Tree = realTreePath("FPUTCHECK_KERNEL_TREE", "6.12");
    auto DB = MemoryBuffer::getFile(Tree + "/compile_commands.json");
    if (!DB)
      return;
    // The slice's own compile database, next to a store of its own.
    ASSERT_FALSE(sys::fs::createUniqueDirectory("fputcheck-review", Dir));
    auto All = json::parse((*DB)->getBuffer());
    ASSERT_TRUE(bool(All));
    json::Array Slice;
    for (const json::Value &V : *All->getAsArray()) {
      const json::Object &C = *V.getAsObject();
      std::string File = C.getString("file")->str();
      for (const std::string &S : SliceFiles)
        if (StringRef(File).ends_with("/" + S) || File == S)
          Slice.push_back(V);
    }
    ASSERT_EQ(Slice.size(), SliceFiles.size());
    std::error_code EC;
    raw_fd_ostream OS(std::string(Dir) + "/compile_commands.json", EC);
    ASSERT_FALSE(EC);
    OS << json::Value(std::move(Slice));
    OS.close();
    auto R = Rules::loadDirectory(FPUTCHECK_RULES_DIR);
    ASSERT_TRUE(bool(R)) << toString(R.takeError());
    TheRules = std::make_unique<Rules>(std::move(*R));
    Ready = true;
  }
  static void TearDownTestSuite() {
    if (!Dir.empty())
      sys::fs::remove_directories(Dir);
  }
  void SetUp() override {
    if (!Ready)
      GTEST_SKIP() << "no prepared Linux 6.12 tree with compile_commands.json "
                      "at " << Tree
                   << " (run scripts/get-kernel.sh or set "
                      "FPUTCHECK_KERNEL_TREE); real-tree review SKIPPED";
  }

  static Expected<ReviewResult> review(const std::vector<std::string> &Names) {
    std::vector<ReviewInput> In;
    for (const std::string &N : Names) {
      std::string Path = FPUTCHECK_TEST_DATA "/review/" + N;
      auto B = MemoryBuffer::getFile(Path);
      EXPECT_TRUE(bool(B)) << Path;
      In.push_back({B ? (*B)->getBuffer().str() : "", N});
    }
    ReviewOptions O;
    O.Load.Database = std::string(Dir);
    O.Load.Quiet = true;
    O.Load.UseStore = true;
    O.Root = Tree;
    return reviewPatches(In, O, *TheRules);
  }

  static std::vector<const Finding *> of(const ReviewResult &Rv,
                                         ReviewState S) {
    std::vector<const Finding *> Out;
    for (const ReviewedFinding &RF : Rv.Findings)
      if (RF.State == S)
        Out.push_back(&RF.F);
    return Out;
  }
  static bool has(const std::vector<const Finding *> &Fs, CheckKind K,
                  StringRef Function) {
    return llvm::any_of(Fs, [&](const Finding *F) {
      return F->Check == K && F->Where.Function == Function;
    });
  }
  static std::string text(const ReviewResult &Rv) {
    std::string S;
    raw_string_ostream OS(S);
    emitReviewText(Rv, OS);
    return S;
  }

  static std::string Tree;
  static SmallString<128> Dir;
  static std::unique_ptr<Rules> TheRules;
  static bool Ready;
};

std::string RealTreeReview::Tree;
SmallString<128> RealTreeReview::Dir;
std::unique_ptr<Rules> RealTreeReview::TheRules;
bool RealTreeReview::Ready = false;

TEST_F(RealTreeReview, FilpCloseMadeSynchronous) {
  auto Rv = review({"filp-close-sync.patch"});
  ASSERT_TRUE(bool(Rv)) << toString(Rv.takeError());
  auto New = of(*Rv, ReviewState::New);
  std::string Report = text(*Rv);
  EXPECT_TRUE(has(New, CheckKind::Export, "filp_close")) << Report;
  EXPECT_TRUE(has(New, CheckKind::Export, "close_fd")) << Report;
  EXPECT_TRUE(has(New, CheckKind::Locked, "__do_sys_acct")) << Report;
  EXPECT_TRUE(llvm::any_of(New, [](const Finding *F) {
    return F->Check == CheckKind::Exit &&
           StringRef(F->Chain).contains("close_files -> filp_close");
  })) << Report;
  // These drop files->file_lock before closing.
  for (StringRef Quiet : {"do_dup2", "__range_close"})
    EXPECT_FALSE(llvm::any_of(New, [&](const Finding *F) {
      return F->Where.Function == Quiet;
    })) << Report;
  EXPECT_NE(Report.find("+\t__fput_sync(filp);"), std::string::npos)
      << Report;
}

TEST_F(RealTreeReview, The2023PatchExportsTwoSyncVariants) {
  auto Rv = review({"close-fd-sync.patch"});
  ASSERT_TRUE(bool(Rv)) << toString(Rv.takeError());
  auto New = of(*Rv, ReviewState::New);
  std::string Report = text(*Rv);
  EXPECT_TRUE(has(New, CheckKind::Export, "filp_close_sync")) << Report;
  EXPECT_TRUE(has(New, CheckKind::Export, "close_fd_sync")) << Report;
  EXPECT_FALSE(llvm::any_of(New, [](const Finding *F) {
    return F->Where.Function == "__do_sys_close";
  })) << Report;
  EXPECT_TRUE(of(*Rv, ReviewState::Resolved).empty()) << Report;
}

TEST_F(RealTreeReview, TheDmFixIsResolved) {
  auto Rv = review({"dm-put-outside-lock.patch"});
  ASSERT_TRUE(bool(Rv)) << toString(Rv.takeError());
  std::string Report = text(*Rv);
  EXPECT_TRUE(of(*Rv, ReviewState::New).empty()) << Report;
  EXPECT_TRUE(has(of(*Rv, ReviewState::Resolved), CheckKind::Locked,
                  "dm_put_table_device"))
      << Report;
}

TEST_F(RealTreeReview, ACommentThatMovesEveryLineChangesNothing) {
  auto Rv = review({"dm-comment-only.patch"});
  ASSERT_TRUE(bool(Rv)) << toString(Rv.takeError());
  std::string Report = text(*Rv);
  EXPECT_TRUE(of(*Rv, ReviewState::New).empty()) << Report;
  EXPECT_TRUE(of(*Rv, ReviewState::Resolved).empty()) << Report;
  EXPECT_GT(Rv->Unchanged, 0u);
}

TEST_F(RealTreeReview, APatchThatDoesNotApplyNamesFileAndHunk) {
  std::string Path = Tree + "/fs/open.c";
  auto Before = MemoryBuffer::getFile(Path);
  ASSERT_TRUE(bool(Before));
  auto Rv = review({"does-not-apply.patch"});
  ASSERT_FALSE(bool(Rv));
  std::string Err = toString(Rv.takeError());
  EXPECT_NE(Err.find("fs/open.c: error: hunk #1"), std::string::npos) << Err;
  auto After = MemoryBuffer::getFile(Path);
  ASSERT_TRUE(bool(After));
  EXPECT_EQ((*Before)->getBuffer(), (*After)->getBuffer());
}

TEST_F(RealTreeReview, OnlyTheSeriesCreatesTheFinding) {
  auto First = review({"acct-1-helper.patch"});
  ASSERT_TRUE(bool(First)) << toString(First.takeError());
  EXPECT_TRUE(of(*First, ReviewState::New).empty()) << text(*First);
  auto Both = review({"acct-1-helper.patch", "acct-2-use.patch"});
  ASSERT_TRUE(bool(Both)) << toString(Both.takeError());
  auto New = of(*Both, ReviewState::New);
  EXPECT_TRUE(has(New, CheckKind::Locked, "__do_sys_acct")) << text(*Both);
  EXPECT_TRUE(llvm::any_of(New, [](const Finding *F) {
    return StringRef(F->Chain).contains("acct_close_now -> __fput_sync");
  })) << text(*Both);
}

} // namespace
