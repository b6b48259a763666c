//===- Extractor.h - One TU to one summary ----------------------*- C++ -*-===//
//
// Pure per-TU extraction: a frontend action that turns a parsed translation
// unit into a TUSummary (call sites with held locks, field stores, exports).
// No global reasoning happens here, so summaries can be cached and merged.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_EXTRACTOR_H
#define FPUTCHECK_EXTRACTOR_H

#include "Rules.h"
#include "Summary.h"
#include "clang/Frontend/FrontendAction.h"
#include <memory>

namespace fputcheck {

/// Frontend action writing its result into \p Out. It skips analysis of a TU
/// with errors, leaving \p Out empty.
std::unique_ptr<clang::FrontendAction> makeExtractAction(const Rules &R,
                                                         TUSummary &Out);

} // namespace fputcheck

#endif
