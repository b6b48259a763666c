//===- DiagnosticTest.cpp - Messages about a run, as data -------*- C++ -*-===//
//
// What loading a program and triage say besides findings reaches front
// ends as Diagnostic values, and render() gives back the text the command
// line has always printed.
//
//===----------------------------------------------------------------------===//

#include "ToolRunner.h"
#include "fputcheck/Diagnostic.h"
#include "fputcheck/ProgramLoader.h"
#include "fputcheck/Triage.h"

#include "gtest/gtest.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace fputcheck;

namespace {

TEST(DiagnosticTest, RendersAsClangDoes) {
  EXPECT_EQ(render({Severity::Error, "a.c", 3, 7, "boom"}),
            "a.c:3:7: error: boom");
  EXPECT_EQ(render({Severity::Warning, "s.yaml", 4, 0, "stale"}),
            "s.yaml:4: warning: stale");
  EXPECT_EQ(render({Severity::Error, "store.db", 0, 0, "corrupt"}),
            "store.db: error: corrupt");
  EXPECT_EQ(render({Severity::Note, "", 0, 0, "dropped"}), "note: dropped");
  std::string Streamed;
  raw_string_ostream(Streamed) << Diagnostic{Severity::Error, "", 0, 0, "x"};
  EXPECT_EQ(Streamed, "error: x");
}

TEST(DiagnosticTest, ParsingReadsRenderBack) {
  for (const char *Text :
       {"a.c:3:7: error: boom", "s.yaml:4: warning: stale", "x: note: n",
        "error: no location", "/t/db: error: cannot save a.c: disk full",
        "c:\\w\\a.c:3:7: error: a colon in the path",
        "h.h:1:2: error: 'x.h' file not found (in /t/a.c)",
        "r.yaml:5:3: error: unknown key\n  bogus: 1\n  ^~~~~"})
    EXPECT_EQ(render(parseDiagnostic(Text)), Text);

  Diagnostic D = parseDiagnostic("dir/a.c:12:5: error: it: error: nested",
                                 Origin::Parse);
  EXPECT_EQ(D.Level, Severity::Error);
  EXPECT_EQ(D.File, "dir/a.c");
  EXPECT_EQ(D.Line, 12u);
  EXPECT_EQ(D.Col, 5u);
  EXPECT_EQ(D.Text, "it: error: nested");
  EXPECT_EQ(D.From, Origin::Parse);
}

TEST(DiagnosticTest, TextWithoutSeverityIsAnErrorAboutNoFile) {
  Diagnostic D = parseDiagnostic("disk I/O error: cannot prepare");
  EXPECT_EQ(D.Level, Severity::Error);
  EXPECT_EQ(D.File, "");
  EXPECT_EQ(D.Line, 0u);
  EXPECT_EQ(D.Text, "disk I/O error: cannot prepare");
}

TEST(DiagnosticTest, StaleSuppressionIsAWarningAtItsEntry) {
  Suppression S;
  S.Check = "fput-sync-locked";
  S.Function = "dm_put";
  S.File = "supp.yaml";
  S.Line = 7;
  std::vector<Diagnostic> Ds = staleSuppressions({S});
  ASSERT_EQ(Ds.size(), 1u);
  EXPECT_EQ(Ds[0].Level, Severity::Warning);
  EXPECT_EQ(Ds[0].File, "supp.yaml");
  EXPECT_EQ(Ds[0].Line, 7u);
  EXPECT_EQ(render(Ds[0]),
            "supp.yaml:7: warning: stale suppression: no fput-sync-locked "
            "finding in dm_put()");
}

/// Loads the TUs \p Files of \p Dir, compiled with \p Extra flags, without
/// a store, and returns what the load said.
std::vector<Diagnostic> load(const test::TempDir &Dir,
                             const std::vector<std::string> &Files,
                             const std::vector<std::string> &Extra = {}) {
  test::writeCorpusDatabase(Dir, Files, Extra);
  auto R = Rules::loadDirectory(FPUTCHECK_RULES_DIR);
  EXPECT_TRUE(bool(R)) << toString(R.takeError());
  LoadOptions O;
  O.Database = Dir.path();
  O.Jobs = 2;
  O.Quiet = true;
  Program P;
  LoadStats Stats;
  std::string DBDir;
  EXPECT_FALSE(bool(loadProgram(O, *R, P, Stats, DBDir)));
  return Stats.Diagnostics;
}

TEST(LoadDiagnosticsTest, FailedTUIsAnErrorAtItsFirstError) {
  test::TempDir Dir;
  std::string Good = Dir.write("good.c", "void good(void) {}\n");
  std::string Broken =
      Dir.write("broken.c", "int broken(void) { return undeclared_thing; }\n");
  std::vector<Diagnostic> Ds = load(Dir, {Broken, Good});
  ASSERT_EQ(Ds.size(), 1u);
  const Diagnostic &D = Ds[0];
  EXPECT_EQ(D.Level, Severity::Error);
  EXPECT_EQ(D.From, Origin::Parse);
  EXPECT_EQ(D.File, Broken);
  EXPECT_EQ(D.Line, 1u);
  EXPECT_EQ(D.Col, 27u);
  EXPECT_EQ(D.Text, "use of undeclared identifier 'undeclared_thing'");
  EXPECT_EQ(render(D), Broken + ":1:27: error: use of undeclared identifier "
                                "'undeclared_thing'");
}

TEST(LoadDiagnosticsTest, FailureInAHeaderNamesTheTU) {
  test::TempDir Dir;
  Dir.write("bad.h", "int bad = undeclared_in_header;\n");
  std::string User = Dir.write("user.c", "#include \"bad.h\"\n");
  std::vector<Diagnostic> Ds = load(Dir, {User});
  ASSERT_EQ(Ds.size(), 1u);
  EXPECT_EQ(sys::path::filename(Ds[0].File), "bad.h");
  EXPECT_EQ(Ds[0].Line, 1u);
  EXPECT_EQ(Ds[0].Text, "use of undeclared identifier 'undeclared_in_header' "
                        "(in " + User + ")");
}

TEST(LoadDiagnosticsTest, FailuresComeSortedThenNotes) {
  test::TempDir Dir;
  std::string B = Dir.write("b.c", "int b(void) { return nope_b; }\n");
  std::string A = Dir.write("a.c", "int a(void) { return nope_a; }\n");
  std::vector<Diagnostic> Ds =
      load(Dir, {B, A}, {"-fno-such-flag-for-fputcheck"});
  ASSERT_EQ(Ds.size(), 3u);
  EXPECT_EQ(Ds[0].File, A);
  EXPECT_EQ(Ds[1].File, B);
  EXPECT_EQ(Ds[2].Level, Severity::Note);
  EXPECT_EQ(Ds[2].From, Origin::General);
  EXPECT_EQ(render(Ds[2]), "note: dropped flag unknown to clang "
                           "-fno-such-flag-for-fputcheck (2 TUs)");
}

} // namespace
