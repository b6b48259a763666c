//===- CorpusTest.cpp - Every corpus case, checked both ways ----*- C++ -*-===//
//
// Fails on a finding no comment expected and on an expectation nothing
// matched. xfail / xfail-fp mark known limitations: tolerated while they
// hold, a failure (XPASS) once they are fixed, so they get promoted.
//
//===----------------------------------------------------------------------===//

#include "CorpusCase.h"
#include "fputcheck/Emit.h"

#include "gtest/gtest.h"
#include "llvm/Support/raw_ostream.h"
#include <map>
#include <tuple>

using namespace fputcheck;
using namespace fputcheck::test;

namespace {

const std::string CasesDir = FPUTCHECK_CORPUS_DIR "/cases";
const std::string IncludeDir = FPUTCHECK_CORPUS_DIR "/include";

const Rules &rules() {
  static Rules R = [] {
    auto Loaded = Rules::loadDirectory(FPUTCHECK_RULES_DIR);
    if (!Loaded) {
      llvm::errs() << llvm::toString(Loaded.takeError()) << "\n";
      std::abort();
    }
    return std::move(*Loaded);
  }();
  return R;
}

class Corpus : public ::testing::TestWithParam<std::string> {};

TEST_P(Corpus, FindingsMatchExpectations) {
  CorpusCase C = loadCase(CasesDir, GetParam());
  ASSERT_FALSE(C.Files.empty());
  std::vector<std::string> Errors;
  std::vector<Finding> Findings = runCase(C, IncludeDir, rules(), Errors);
  for (const std::string &E : Errors)
    ADD_FAILURE() << "TU failed to parse: " << E;

  using Key = std::tuple<std::string, unsigned, std::string>;
  std::map<Key, ExpectKind> Expected;
  for (const Expectation &E : C.Expectations)
    Expected[{E.File, E.Line, E.Check}] = E.Kind;
  std::map<Key, unsigned> Actual;
  for (const Finding &F : Findings)
    ++Actual[{F.Where.File, F.Where.Line, checkId(F.Check).str()}];

  std::string Report;
  llvm::raw_string_ostream OS(Report);
  emitText(Findings, EmitOptions{FPUTCHECK_CORPUS_DIR}, OS);

  for (const auto &[K, N] : Actual) {
    auto It = Expected.find(K);
    if (It == Expected.end())
      ADD_FAILURE() << std::get<0>(K) << ":" << std::get<1>(K)
                    << ": unexpected finding " << std::get<2>(K);
    else if (It->second == ExpectKind::XFail)
      ADD_FAILURE() << std::get<0>(K) << ":" << std::get<1>(K) << ": XPASS "
                    << std::get<2>(K)
                    << " is found now; promote 'xfail:' to 'expect:'";
    if (N > 1)
      ADD_FAILURE() << std::get<0>(K) << ":" << std::get<1>(K) << ": " << N
                    << " findings of " << std::get<2>(K)
                    << " on one line; one is expected";
  }
  for (const auto &[K, Kind] : Expected) {
    bool Found = Actual.count(K);
    if (Kind == ExpectKind::Expect && !Found)
      ADD_FAILURE() << std::get<0>(K) << ":" << std::get<1>(K)
                    << ": expected " << std::get<2>(K) << ", nothing matched";
    if (Kind == ExpectKind::XFailFP && !Found)
      ADD_FAILURE() << std::get<0>(K) << ":" << std::get<1>(K)
                    << ": XPASS known false positive " << std::get<2>(K)
                    << " is gone; remove the 'xfail-fp:' comment";
  }
  if (HasFailure())
    std::cerr << "findings for " << C.Name << ":\n" << Report;
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
