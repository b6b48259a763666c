//===- FactsEquivalence.h - An editor's view against the whole ---*- C++ -*-===//
//
// What the facts promise (fputcheck/Facts.h): one TU linked with the facts
// of the whole program shows the same findings in that TU's file as the
// whole program does. Shared by the corpus and the real-tree tests.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_TESTS_FACTSEQUIVALENCE_H
#define FPUTCHECK_TESTS_FACTSEQUIVALENCE_H

#include "fputcheck/Facts.h"
#include "fputcheck/Finding.h"
#include <string>
#include <vector>

namespace fputcheck {
namespace test {

/// The rules of \p Dir, or empty rules after a test failure saying why.
Rules loadRulesOrFail(const std::string &Dir);

/// The findings located in \p MainFile, as the text output shows them.
std::string findingsIn(const std::vector<Finding> &Findings,
                       llvm::StringRef MainFile);

/// For each of \p TUs, the difference between the findings in its file from
/// the whole program and from it linked with the whole program's facts
/// through \p Src (made from \p Whole's facts when null); empty when none
/// differ. Also counts in \p Compared the findings compared.
std::vector<std::string> factsMismatches(const std::vector<TUSummary> &TUs,
                                         const Rules &R, unsigned &Compared,
                                         FactsSource *Src = nullptr);

} // namespace test
} // namespace fputcheck

#endif
