//===- DiagnosticTest.cpp - Messages about a run, as data -------*- C++ -*-===//
//
// What loading a program and triage say besides findings reaches front
// ends as Diagnostic values, and render() gives back the text the command
// line has always printed.
//
//===----------------------------------------------------------------------===//

#include "fputcheck/Diagnostic.h"

#include "gtest/gtest.h"
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

} // namespace
