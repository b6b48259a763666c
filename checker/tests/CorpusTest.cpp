//===- CorpusTest.cpp - Every corpus case, checked both ways ----*- C++ -*-===//
//
// Fails on a finding no comment expected, on an expectation nothing matched,
// and on a finding or note that does not read as its {{regex}} says.
// xfail / xfail-fp mark known limitations: tolerated while they hold, a
// failure (XPASS) once they are fixed, so they get promoted.
//
//===----------------------------------------------------------------------===//

#include "BundledRules.h"
#include "CorpusCase.h"
#include "fputcheck/Emit.h"

#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"
#include <map>

using namespace fputcheck;
using namespace fputcheck::test;

namespace {

const std::string CasesDir = FPUTCHECK_CORPUS_DIR "/cases";
const std::string IncludeDir = FPUTCHECK_CORPUS_DIR "/include";

const Rules &rules() { return test::bundledRules(); }

class Corpus : public ::testing::TestWithParam<std::string> {};

TEST_P(Corpus, FindingsMatchExpectations) {
  CorpusCase C = loadCase(CasesDir, GetParam());
  ASSERT_FALSE(C.Files.empty());
  std::vector<std::string> Errors;
  std::vector<Finding> Findings = runCase(C, IncludeDir, rules(), Errors);
  for (const std::string &E : Errors)
    ADD_FAILURE() << "TU failed to parse: " << E;

  for (const std::string &F : checkFindings(C, Findings, FPUTCHECK_CORPUS_DIR))
    ADD_FAILURE() << F;

  if (HasFailure()) {
    std::string Report;
    llvm::raw_string_ostream OS(Report);
    emitText(Findings, EmitOptions{FPUTCHECK_CORPUS_DIR}, OS);
    std::cerr << "findings for " << C.Name << ":\n" << Report;
  }
}

// The runner fails a real finding that reads otherwise than its {{regex}}
// or note: says, and shows what the reviewer reads instead.
TEST(CorpusExpectations, WrongTextOnARealFindingFails) {
  CorpusCase C = loadCase(CasesDir, "lock-mutex-lock-nested.c");
  ASSERT_EQ(C.Expectations.size(), 1u);
  std::vector<std::string> Errors;
  std::vector<Finding> Findings = runCase(C, IncludeDir, rules(), Errors);
  ASSERT_TRUE(Errors.empty());
  ASSERT_TRUE(checkFindings(C, Findings, FPUTCHECK_CORPUS_DIR).empty());

  Expectation &E = C.Expectations[0];
  E.Patterns.push_back("'up->other_lock'");
  E.Notes.push_back({E.File, E.Line - 1, E.Line, {"acquired here"}});
  std::vector<std::string> Fail =
      checkFindings(C, Findings, FPUTCHECK_CORPUS_DIR);
  ASSERT_EQ(Fail.size(), 2u);
  EXPECT_NE(Fail[0].find("does not match {{'up->other_lock'}}; the reviewer "
                         "reads:\n    cases/lock-mutex-lock-nested.c:20 "
                         "ovl_upper_drop_realfile() warn: __fput_sync() "
                         "reached with mutex 'up->lock' held"),
            std::string::npos)
      << Fail[0];
  EXPECT_NE(Fail[1].find("has no note at line 19 matching {{acquired here}}"),
            std::string::npos)
      << Fail[1];
}

std::string caseName(const ::testing::TestParamInfo<std::string> &I) {
  std::string N;
  for (char Ch : I.param)
    N += std::isalnum(static_cast<unsigned char>(Ch)) ? Ch : '_';
  return N;
}

INSTANTIATE_TEST_SUITE_P(Cases, Corpus,
                         ::testing::ValuesIn(listCases(CasesDir)), caseName);

TEST(CorpusInventory, HasCasesForEveryCheck) {
  std::map<std::string, unsigned> PerCheck;
  for (const std::string &Name : listCases(CasesDir))
    for (const Expectation &E : loadCase(CasesDir, Name).Expectations)
      if (E.Kind == ExpectKind::Expect)
        ++PerCheck[E.Check];
  for (unsigned I = 0; I < NumChecks; ++I)
    EXPECT_GT(PerCheck[checkId(CheckKind(I)).str()], 0u)
        << "no corpus case expects " << checkId(CheckKind(I)).str();
}

} // namespace
