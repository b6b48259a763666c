//===- PatchTest.cpp - Unified diffs applied in memory --------------------===//

#include "review/Patch.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "gtest/gtest.h"

using namespace llvm;
using namespace fputcheck;

namespace {

const char Original[] = "int a;\n"
                        "int b;\n"
                        "int c;\n"
                        "int d;\n"
                        "int e;\n"
                        "int f;\n"
                        "int g;\n";

PatchedTree tree(std::map<std::string, std::string> Disk) {
  return PatchedTree([Disk](StringRef Rel) -> std::optional<std::string> {
    auto It = Disk.find(Rel.str());
    if (It == Disk.end())
      return std::nullopt;
    return It->second;
  });
}

std::vector<FilePatch> parse(StringRef Text) {
  auto P = parsePatch(Text, "test.patch");
  EXPECT_TRUE(bool(P)) << toString(P.takeError());
  return P ? *P : std::vector<FilePatch>();
}

TEST(Patch, AppliesHunksAndKnowsTheAddedLines) {
  const char Diff[] = "diff --git a/x.c b/x.c\n"
                      "--- a/x.c\n"
                      "+++ b/x.c\n"
                      "@@ -1,3 +1,4 @@\n"
                      " int a;\n"
                      "+int a2;\n"
                      " int b;\n"
                      " int c;\n"
                      "@@ -5,3 +6,2 @@\n"
                      " int e;\n"
                      "-int f;\n"
                      " int g;\n";
  PatchedTree T = tree({{"x.c", Original}});
  std::vector<FilePatch> Ps = parse(Diff);
  ASSERT_EQ(Ps.size(), 1u);
  EXPECT_EQ(Ps[0].NewPath, "x.c");
  ASSERT_FALSE(bool(T.apply(Ps[0])));
  EXPECT_EQ(*T.files().lookup("x.c"),
            "int a;\nint a2;\nint b;\nint c;\nint d;\nint e;\nint g;\n");
  EXPECT_EQ(T.addedLines("x.c"), std::set<unsigned>{2});
}

// A review parses the patched TUs at once, each in its command's
// directory. Setting one parse's directory must not move another's: a
// shared in-memory layer was rewritten under a running parse (CI saw the
// review crash when a patch's header had several readers).
TEST(Patch, EachParseReadsAFileSystemOfItsOwn) {
  SmallString<128> Root;
  ASSERT_FALSE(sys::fs::createUniqueDirectory("fputcheck-patch", Root));
  for (const char *Sub : {"a", "b"}) {
    SmallString<128> D(Root);
    sys::path::append(D, Sub);
    ASSERT_FALSE(sys::fs::create_directory(D));
  }
  PatchedTree T = tree({});
  std::vector<FilePatch> Ps = parse("--- /dev/null\n"
                                    "+++ b/a/x.c\n"
                                    "@@ -0,0 +1 @@\n"
                                    "+int x;\n");
  ASSERT_EQ(Ps.size(), 1u);
  ASSERT_FALSE(bool(T.apply(Ps[0])));
  auto InA = T.fileSystem(Root), InB = T.fileSystem(Root);
  ASSERT_FALSE(InA->setCurrentWorkingDirectory(Root + "/a"));
  ASSERT_FALSE(InB->setCurrentWorkingDirectory(Root + "/b"));
  EXPECT_FALSE(InB->exists("x.c"));
  ASSERT_TRUE(InA->exists("x.c")) << "its directory was moved by the other";
  auto B = InA->getBufferForFile("x.c");
  ASSERT_TRUE(bool(B));
  EXPECT_EQ((*B)->getBuffer(), "int x;\n");
  // Nothing was written: the file exists in memory only.
  EXPECT_FALSE(sys::fs::exists(Root + "/a/x.c"));
  sys::fs::remove_directories(Root);
}

TEST(Patch, FindsAHunkTheFileMovedAway) {
  const char Diff[] = "--- a/x.c\n"
                      "+++ b/x.c\n"
                      "@@ -2,2 +2,2 @@\n"
                      "-int d;\n"
                      "+int dd;\n"
                      " int e;\n";
  PatchedTree T = tree({{"x.c", Original}});
  ASSERT_FALSE(bool(T.apply(parse(Diff)[0])));
  EXPECT_EQ(T.addedLines("x.c"), std::set<unsigned>{4});
}

TEST(Patch, AHunkShorterThanItsHeaderIsMalformed) {
  const char Diff[] = "--- a/x.c\n"
                      "+++ b/x.c\n"
                      "@@ -1,2 +1,3 @@\n"
                      " int a;\n"
                      "+int a2;\n"
                      "@@ -4,2 +5,2 @@\n";
  auto P = parsePatch(Diff, "bad.patch");
  ASSERT_FALSE(bool(P));
  std::string Err = toString(P.takeError());
  EXPECT_NE(Err.find("bad.patch:6: error: hunk '@@ -1,2 +1,3 @@' of x.c ends "
                     "early"),
            std::string::npos)
      << Err;
}

TEST(Patch, AFailingHunkLeavesTheTreeAsItWas) {
  const char Diff[] = "--- a/x.c\n"
                      "+++ b/x.c\n"
                      "@@ -1,2 +1,3 @@\n"
                      " int a;\n"
                      "+int a2;\n"
                      " int b;\n"
                      "@@ -4,2 +5,2 @@\n"
                      "-int nothing;\n"
                      "+int else;\n"
                      " int e;\n";
  PatchedTree T = tree({{"x.c", Original}});
  std::string Err = toString(T.apply(parse(Diff)[0]));
  EXPECT_NE(Err.find("x.c: error: hunk #2 '@@ -4,2 +5,2 @@' does not apply"),
            std::string::npos)
      << Err;
  EXPECT_TRUE(T.files().empty());
}

TEST(Patch, ContextMismatchIsAnError) {
  const char Diff[] = "--- a/x.c\n"
                      "+++ b/x.c\n"
                      "@@ -3,2 +3,2 @@\n"
                      "-int nothing;\n"
                      "+int else;\n"
                      " int d;\n";
  PatchedTree T = tree({{"x.c", Original}});
  std::string Err = toString(T.apply(parse(Diff)[0]));
  EXPECT_NE(Err.find("x.c: error: hunk #1 '@@ -3,2 +3,2 @@' does not apply"),
            std::string::npos)
      << Err;
  EXPECT_TRUE(T.files().empty());
}

TEST(Patch, SeriesInAnMboxAppliesInOrder) {
  const char Mbox[] = "From 1 Mon Sep 17 00:00:00 2001\n"
                      "Subject: [PATCH 1/2] add a new helper\n"
                      "\n"
                      "---\n"
                      " new.c | 2 ++\n"
                      "\n"
                      "diff --git a/new.c b/new.c\n"
                      "new file mode 100644\n"
                      "--- /dev/null\n"
                      "+++ b/new.c\n"
                      "@@ -0,0 +1,2 @@\n"
                      "+int h;\n"
                      "+int i;\n"
                      "-- \n"
                      "2.39.2\n"
                      "\n"
                      "From 2 Mon Sep 17 00:00:00 2001\n"
                      "Subject: [PATCH 2/2] use it\n"
                      "\n"
                      "--- a/new.c\n"
                      "+++ b/new.c\n"
                      "@@ -1,2 +1,3 @@\n"
                      " int h;\n"
                      "+int j;\n"
                      " int i;\n"
                      "-- \n"
                      "2.39.2\n";
  PatchedTree T = tree({});
  std::vector<FilePatch> Ps = parse(Mbox);
  ASSERT_EQ(Ps.size(), 2u);
  EXPECT_EQ(Ps[0].Origin, "[PATCH 1/2] add a new helper");
  for (const FilePatch &P : Ps)
    ASSERT_FALSE(bool(T.apply(P)));
  EXPECT_EQ(*T.files().lookup("new.c"), "int h;\nint j;\nint i;\n");
  EXPECT_EQ(T.addedLines("new.c"), (std::set<unsigned>{1, 2, 3}));
}

TEST(Patch, KeepsAMissingFinalNewline) {
  const char Diff[] = "--- a/y.c\n"
                      "+++ b/y.c\n"
                      "@@ -1 +1 @@\n"
                      "-int a;\n"
                      "\\ No newline at end of file\n"
                      "+int b;\n"
                      "\\ No newline at end of file\n";
  PatchedTree T = tree({{"y.c", "int a;"}});
  ASSERT_FALSE(bool(T.apply(parse(Diff)[0])));
  EXPECT_EQ(*T.files().lookup("y.c"), "int b;");
}

TEST(Patch, TextWithoutADiffIsAnError) {
  auto P = parsePatch("just a mail\n", "mail.txt");
  ASSERT_FALSE(bool(P));
  EXPECT_NE(toString(P.takeError()).find("mail.txt: error: no unified diff"),
            std::string::npos);
}

} // namespace
