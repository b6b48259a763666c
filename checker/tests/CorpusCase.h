//===- CorpusCase.h - A test-corpus case and its expectations ---*- C++ -*-===//
//
// Reads the expectation comments of docs/corpus.md from a case's files, runs
// the checker over it in-process, as the tool would, and says which
// expectations the findings break.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_TESTS_CORPUSCASE_H
#define FPUTCHECK_TESTS_CORPUSCASE_H

#include "fputcheck/Finding.h"
#include "fputcheck/Rules.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace fputcheck {
namespace test {

enum class ExpectKind { Expect, XFail, XFailFP };

/// A `note:` line the text output must show: an evidence note or a chain
/// step reported at File:Line whose message matches every pattern.
struct NoteExpectation {
  std::string File;
  unsigned Line;        // Where the note is reported.
  unsigned CommentLine; // Where the comment asking for it is.
  std::vector<std::string> Patterns;
};

struct Expectation {
  ExpectKind Kind;
  std::string File; // Absolute path of the TU.
  unsigned Line;
  std::string Check;
  /// `{{regex}}` after the id: each must match the finding's headline, the
  /// first line of the text output after its location.
  std::vector<std::string> Patterns;
  /// `note:` after the id in the same comment: notes of this finding.
  std::vector<NoteExpectation> Notes;
};

struct CorpusCase {
  std::string Name;
  std::vector<std::string> Files;       // Absolute .c paths.
  std::vector<std::string> AssumeSync;  // From fputcheck-options.
  std::vector<Expectation> Expectations;
  /// `note:` comments of their own: a note of any finding of the case.
  std::vector<NoteExpectation> Notes;
  /// Malformed expectation comments, "FILE:LINE: what"; each fails the case.
  std::vector<std::string> Problems;
};

/// Adds the expectation comments of \p Text, the contents of \p File, to
/// \p C.
void parseExpectations(llvm::StringRef Text, const std::string &File,
                       CorpusCase &C);

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

/// Every way \p Findings break \p C's expectations, one message each: a
/// finding nobody expected, an expectation nothing matched, an XPASS, a
/// headline or note that does not read as expected (shown as the text
/// output, paths relative to \p Root), and \p C's Problems.
std::vector<std::string> checkFindings(const CorpusCase &C,
                                       const std::vector<Finding> &Findings,
                                       llvm::StringRef Root);

} // namespace test
} // namespace fputcheck

#endif
