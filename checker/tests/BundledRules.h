//===- BundledRules.h - The rules/ directory, loaded once -------*- C++ -*-===//
#ifndef FPUTCHECK_TESTS_BUNDLEDRULES_H
#define FPUTCHECK_TESTS_BUNDLEDRULES_H

#include "fputcheck/Rules.h"

namespace fputcheck {
namespace test {

/// The project's rules (FPUTCHECK_RULES_DIR), loaded on first use; a
/// broken rules directory aborts the test binary with the reader's error.
const Rules &bundledRules();

} // namespace test
} // namespace fputcheck

#endif
