//===- BodyNeedsTest.cpp - Skipping header bodies loses nothing -----------===//

#include "extract/BodyNeeds.h"
#include "CorpusCase.h"
#include "fputcheck/Extract.h"

#include "gtest/gtest.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace fputcheck;

namespace {

/// A TU of two files in a fresh directory: main.c and h.h.
class TwoFiles : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(sys::fs::createUniqueDirectory("fputcheck-bodyneeds", Dir));
  }
  void TearDown() override { sys::fs::remove_directories(Dir); }

  void write(StringRef Name, StringRef Text) {
    SmallString<256> Path(Dir);
    sys::path::append(Path, Name);
    std::error_code EC;
    raw_fd_ostream OS(Path, EC);
    ASSERT_FALSE(EC);
    OS << Text;
  }

  std::optional<BodyNeeds> needs(StringRef Header, StringRef Main) {
    write("h.h", Header);
    write("main.c", Main);
    IntrusiveRefCntPtr<vfs::FileSystem> FS = vfs::createPhysicalFileSystem();
    if (FS->setCurrentWorkingDirectory(Dir))
      return std::nullopt;
    IntrusiveRefCntPtr<clang::FileManager> Files(
        new clang::FileManager(clang::FileSystemOptions(), FS));
    return findBodyNeeds({"clang-19", "-std=gnu11", "-fsyntax-only", "main.c"},
                         *Files);
  }

  SmallString<128> Dir;
};

TEST_F(TwoFiles, ClosesOverHeaderBodies) {
  auto N = needs(R"(
static inline int leaf(void) { return 0; }
static inline int mid(void) { return leaf(); }
static inline int other_leaf(void) { return 1; }
static inline int unused(void) { return other_leaf(); }
static inline int stored(void) { return 2; }
)",
                 R"(#include "h.h"
struct ops { int (*fn)(void); };
static const struct ops o = { .fn = stored };
int f(void) { return mid(); }
)");
  ASSERT_TRUE(N);
  EXPECT_TRUE(N->contains("mid"));
  EXPECT_TRUE(N->contains("leaf"));
  EXPECT_TRUE(N->contains("stored"));
  EXPECT_FALSE(N->contains("unused"));
  EXPECT_FALSE(N->contains("other_leaf"));
}

// Declarators the token scan does not take apart leave their bodies'
// identifiers needed; attributes around a plain declarator are understood.
TEST_F(TwoFiles, OddDeclaratorsAreConservative) {
  auto N = needs(R"(
typedef int t;
static inline int (paren)(void) { return from_paren(); }
static inline t (tparen)(void) { return from_tparen(); }
static inline int (*fnret(void))(void) { return from_fnret(); }
__attribute__((unused)) static inline __typeof__(int)
attr(void) __attribute__((unused)) { return from_attr(); }
static inline struct s { int x; } *tagged(void) { return from_tagged(); }
)",
                 R"(#include "h.h"
int f(void) { return 0; }
)");
  ASSERT_TRUE(N);
  EXPECT_TRUE(N->contains("from_paren"));
  EXPECT_TRUE(N->contains("from_tparen"));
  EXPECT_TRUE(N->contains("from_fnret"));
  EXPECT_FALSE(N->contains("from_attr"));
  EXPECT_FALSE(N->contains("from_tagged"));
}

// Lines a main-file initializer or body takes from an #include are the main
// file's: the extraction analyses them.
TEST_F(TwoFiles, IncludedIntoMainFileDeclarations) {
  write("table.inc", "{ .fn = in_table },\n");
  auto N = needs(R"(
static inline int in_table(void) { return 0; }
)",
                 R"(#include "h.h"
struct ops { int (*fn)(void); };
static const struct ops tbl[] = {
#include "table.inc"
};
)");
  ASSERT_TRUE(N);
  EXPECT_TRUE(N->contains("in_table"));
}

TEST_F(TwoFiles, FailsWhenThePreprocessorFails) {
  EXPECT_FALSE(needs("", "#include \"missing.h\"\n"));
}

// The guarantee itself: over the whole corpus (header inlines wrapping locks
// and sync calls, ops tables of header inlines), skipping the unneeded
// bodies changes no summary.
TEST(BodyNeeds, CorpusSummariesUnchanged) {
  auto Loaded = Rules::loadDirectory(FPUTCHECK_RULES_DIR);
  ASSERT_TRUE(bool(Loaded)) << toString(Loaded.takeError());
  std::vector<std::string> Files =
      test::listCorpusTUs(FPUTCHECK_CORPUS_DIR "/cases");
  ASSERT_GT(Files.size(), 20u);
  for (const std::string &F : Files) {
    clang::tooling::CompileCommand Cmd =
        test::corpusCommand(F, FPUTCHECK_CORPUS_DIR "/include");
    TUOutcome Skipping = extractOne(Cmd, *Loaded, {/*SkipUnneededBodies=*/true});
    TUOutcome Full = extractOne(Cmd, *Loaded, {/*SkipUnneededBodies=*/false});
    ASSERT_TRUE(Skipping.Ok && Full.Ok) << Skipping.Error << Full.Error;
    EXPECT_EQ(formatv("{0:2}", toJSON(Skipping.Summary)).str(),
              formatv("{0:2}", toJSON(Full.Summary)).str())
        << F;
  }
}

} // namespace
