//===- SummaryAction.h - One parsed TU to one summary -----------*- C++ -*-===//
//
// Pure per-TU extraction: a frontend action that turns a parsed translation
// unit into a TUSummary (call sites with held locks, field stores, exports).
// No global reasoning happens here, so summaries can be cached and merged.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_EXTRACT_SUMMARYACTION_H
#define FPUTCHECK_EXTRACT_SUMMARYACTION_H

#include "extract/BodyNeeds.h"
#include "fputcheck/Rules.h"
#include "fputcheck/Summary.h"
#include "clang/Frontend/FrontendAction.h"
#include <memory>

namespace fputcheck {

/// Frontend action writing its result into \p Out. It skips analysis of a TU
/// with errors, leaving \p Out empty. With \p Needed, it does not even parse
/// the body of a header function named outside it (see BodyNeeds.h); the
/// summary is the same, the parse is faster.
std::unique_ptr<clang::FrontendAction>
makeExtractAction(const Rules &R, TUSummary &Out,
                  std::optional<BodyNeeds> Needed = std::nullopt);

} // namespace fputcheck

#endif
