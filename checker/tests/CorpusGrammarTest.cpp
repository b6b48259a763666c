//===- CorpusGrammarTest.cpp - Expectation comments, on synthetic cases ---===//
//
// The grammar of docs/corpus.md and what the runner makes of it, without
// running the checker: a {{regex}} or note: that does not match must fail.
//
//===----------------------------------------------------------------------===//

#include "CorpusCase.h"

#include "gtest/gtest.h"

using namespace fputcheck;
using namespace fputcheck::test;

namespace {

const char Root[] = "/t";
const char File[] = "/t/cases/c.c";

// Lines 1-7; the finding is at line 4, its lock taken at line 3.
const char Source[] =
    "void drain(struct cache *c)\n"
    "{\n"
    "\tif (spin_trylock(&c->lock)) {\n"
    "\t\t__fput_sync(c->f);\t/* expect: fput-sync-atomic {{'c->lock'}} "
    "{{^drain\\(\\) warn: .*\\(__fput_sync\\) \\[}} note@-1: {{acquired here by spin_trylock\\(\\)}} "
    "*/\n"
    "\t\tspin_unlock(&c->lock);\t/* note@-1: {{drain\\(\\) calls}} */\n"
    "\t}\n"
    "}\n";

CorpusCase parse(const char *Text) {
  CorpusCase C;
  parseExpectations(Text, File, C);
  return C;
}

Step step(unsigned Line, std::string Message) {
  return Step{"drain", File, Line, 2, std::move(Message)};
}

Finding finding(std::string Lock, unsigned LockLine) {
  Finding F;
  F.Check = CheckKind::Atomic;
  F.Where = step(4, "");
  F.Message = "__fput_sync() reached with spinlock '" + Lock + "' held";
  F.Chain = "__fput_sync";
  F.SyncVariant = "__fput_sync";
  F.Notes.push_back(step(LockLine, "spinlock '" + Lock +
                                       "' acquired here by spin_trylock()"));
  F.Flow.push_back(step(4, "drain() calls __fput_sync()"));
  return F;
}

std::string joined(const std::vector<std::string> &V) {
  std::string Out;
  for (const std::string &S : V)
    Out += S + "\n";
  return Out;
}

TEST(CorpusGrammar, RegexesAndNotesBindToTheirIds) {
  CorpusCase C = parse(Source);
  EXPECT_TRUE(C.Problems.empty()) << joined(C.Problems);
  ASSERT_EQ(C.Expectations.size(), 1u);
  const Expectation &E = C.Expectations[0];
  EXPECT_EQ(E.Kind, ExpectKind::Expect);
  EXPECT_EQ(E.Line, 4u);
  EXPECT_EQ(E.Check, "fput-sync-atomic");
  EXPECT_EQ(E.Patterns,
            (std::vector<std::string>{"'c->lock'",
                                      "^drain\\(\\) warn: .*\\(__fput_sync\\) \\["}));
  ASSERT_EQ(E.Notes.size(), 1u);
  EXPECT_EQ(E.Notes[0].Line, 3u);
  EXPECT_EQ(E.Notes[0].CommentLine, 4u);
  ASSERT_EQ(C.Notes.size(), 1u);
  EXPECT_EQ(C.Notes[0].Line, 4u);
  EXPECT_EQ(C.Notes[0].Patterns, std::vector<std::string>{"drain\\(\\) calls"});
}

TEST(CorpusGrammar, EarlierFormsReadAsBefore) {
  CorpusCase C =
      parse("a();\t/* expect: fput-sync-atomic fput-sync-export */\n"
            "b();\t/* xfail: fput-sync-exit -- not {{seen}}: "
            "note: */\n"
            "/* fputcheck-options: --assume-sync filp_close,fput */\n"
            "/* expect nothing: prose */ c(); /* note that */\n");
  EXPECT_TRUE(C.Problems.empty()) << joined(C.Problems);
  ASSERT_EQ(C.Expectations.size(), 3u);
  EXPECT_EQ(C.Expectations[1].Check, "fput-sync-export");
  EXPECT_EQ(C.Expectations[2].Kind, ExpectKind::XFail);
  EXPECT_EQ(C.Expectations[2].Check, "fput-sync-exit");
  EXPECT_TRUE(C.Expectations[2].Patterns.empty());
  EXPECT_EQ(C.AssumeSync, (std::vector<std::string>{"filp_close", "fput"}));
  EXPECT_TRUE(C.Notes.empty());
}

TEST(CorpusGrammar, MalformedCommentsAreProblems) {
  CorpusCase C = parse("/* expect: {{lock}} fput-sync-atomic */\n"
                       "/* expect: fput-sync-atomic {{(}} */\n"
                       "/* expect: fput-sync-atomic {{open */\n"
                       "/* note@-1: */\n"
                       "/* note@2: {{x}} */\n"
                       "/* note@-9: {{x}} */\n"
                       "/* expect: fput-sync-atomic note: fput-sync-irq */\n"
                       "/* expect: */\n");
  EXPECT_EQ(C.Problems.size(), 9u) << joined(C.Problems);
  EXPECT_EQ(C.Problems[0],
            "/t/cases/c.c:1: {{lock}} follows no check id or note");
  EXPECT_EQ(checkFindings(C, {}, Root).size(),
            C.Problems.size() + C.Expectations.size());
}

TEST(CorpusGrammar, AFindingThatReadsAsExpectedPasses) {
  EXPECT_EQ(joined(checkFindings(parse(Source), {finding("c->lock", 3)}, Root)),
            "");
}

TEST(CorpusGrammar, AWrongLockTextFailsAndShowsWhatIsRead) {
  std::vector<std::string> Fail =
      checkFindings(parse(Source), {finding("c->lock->rlock", 3)}, Root);
  ASSERT_EQ(Fail.size(), 1u) << joined(Fail);
  EXPECT_EQ(
      Fail[0],
      "/t/cases/c.c:4: fput-sync-atomic does not match {{'c->lock'}}; "
      "the reviewer reads:\n"
      "    cases/c.c:4 drain() warn: __fput_sync() reached with "
      "spinlock 'c->lock->rlock' held (__fput_sync) [fput-sync-atomic]\n"
      "      cases/c.c:3 note: spinlock 'c->lock->rlock' acquired here by "
      "spin_trylock()\n"
      "      cases/c.c:4 note: drain() calls __fput_sync()");
}

TEST(CorpusGrammar, ANoteOnAnotherLineFails) {
  std::vector<std::string> Fail =
      checkFindings(parse(Source), {finding("c->lock", 2)}, Root);
  ASSERT_EQ(Fail.size(), 1u) << joined(Fail);
  EXPECT_EQ(Fail[0].substr(0, Fail[0].find(';')),
            "/t/cases/c.c:4: fput-sync-atomic at line 4 has no note at line "
            "3 matching {{acquired here by spin_trylock\\(\\)}}");
}

TEST(CorpusGrammar, AStandaloneNoteNothingReportsFails) {
  Finding F = finding("c->lock", 3);
  F.Flow[0].Message = "drain() calls __fput_sync() through ops->put";
  EXPECT_TRUE(checkFindings(parse(Source), {F}, Root).empty());
  F.Flow[0].Message = "drain calls __fput_sync()";
  std::vector<std::string> Fail = checkFindings(parse(Source), {F}, Root);
  ASSERT_EQ(Fail.size(), 1u) << joined(Fail);
  EXPECT_EQ(Fail[0], "/t/cases/c.c:5: no note at line 4 matches "
                     "{{drain\\(\\) calls}}; the reviewer reads there:\n"
                     "    cases/c.c:4 note: drain calls __fput_sync()");
  F.Flow.clear();
  Fail = checkFindings(parse(Source), {F}, Root);
  ASSERT_EQ(Fail.size(), 1u) << joined(Fail);
  EXPECT_NE(Fail[0].find("no note is reported there"), std::string::npos);
}

TEST(CorpusGrammar, MissingAndUnexpectedFindingsFailAsBefore) {
  std::vector<std::string> Fail = checkFindings(parse(Source), {}, Root);
  ASSERT_EQ(Fail.size(), 2u) << joined(Fail);
  EXPECT_EQ(Fail[0],
            "/t/cases/c.c:4: expected fput-sync-atomic, nothing matched");
  EXPECT_EQ(Fail[1].substr(0, Fail[1].find(';')),
            "/t/cases/c.c:5: no note at line 4 matches {{drain\\(\\) calls}}");
  Finding F = finding("c->lock", 3);
  F.Where.Line = 6;
  Fail = checkFindings(CorpusCase{}, {F}, Root);
  ASSERT_EQ(Fail.size(), 1u) << joined(Fail);
  EXPECT_EQ(Fail[0].substr(0, Fail[0].find('\n')),
            "/t/cases/c.c:6: unexpected finding fput-sync-atomic");
}

} // namespace
