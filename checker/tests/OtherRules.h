//===- OtherRules.h - Rules that make another extractor digest --*- C++ -*-===//
//
// Two fputcheck builds whose extraction differs write summaries under two
// extractor digests. Building a second binary in a test is impractical; a
// rules directory that extraction reads differently gives the same digest
// change (fputcheck/Store.h, extractorDigest()) from the one binary: the bundled rules
// plus a lock primitive no code calls, so findings are the same.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_TESTS_OTHERRULES_H
#define FPUTCHECK_TESTS_OTHERRULES_H

#include <string>

namespace fputcheck {
namespace test {

/// Writes that rules directory as \p Dir (created) and returns it.
std::string writeOtherExtractorRules(const std::string &Dir);

} // namespace test
} // namespace fputcheck

#endif
