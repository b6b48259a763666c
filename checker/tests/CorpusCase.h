//===- CorpusCase.h - A test-corpus case and its expectations ---*- C++ -*-===//
//
// Reads the expectation comments of docs/corpus.md from a case's files and
// runs the checker over it in-process, as the tool would.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_TESTS_CORPUSCASE_H
#define FPUTCHECK_TESTS_CORPUSCASE_H

#include "fputcheck/Finding.h"
#include "fputcheck/Rules.h"
#include "clang/Tooling/CompilationDatabase.h"
#include <string>
#include <vector>

namespace fputcheck {
namespace test {

enum class ExpectKind { Expect, XFail, XFailFP };

struct Expectation {
  ExpectKind Kind;
  std::string File; // Absolute path of the TU.
  unsigned Line;
  std::string Check;
};

struct CorpusCase {
  std::string Name;
  std::vector<std::string> Files;       // Absolute .c paths.
  std::vector<std::string> AssumeSync;  // From fputcheck-options.
  std::vector<Expectation> Expectations;
};

/// Every case under \p CasesDir, in name order.
std::vector<std::string> listCases(const std::string &CasesDir);
CorpusCase loadCase(const std::string &CasesDir, const std::string &Name);

/// Every TU of the corpus (each .c under \p CasesDir, at any depth).
std::vector<std::string> listCorpusTUs(const std::string &CasesDir);

/// The compile command of corpus TU \p File, as docs/corpus.md gives it.
clang::tooling::CompileCommand corpusCommand(const std::string &File,
                                             const std::string &IncludeDir);

/// Runs extraction, link and all checks; parse errors go to \p Errors.
std::vector<Finding> runCase(const CorpusCase &C, const std::string &IncludeDir,
                             Rules R, std::vector<std::string> &Errors);

} // namespace test
} // namespace fputcheck

#endif
