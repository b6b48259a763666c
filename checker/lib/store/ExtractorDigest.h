//===- ExtractorDigest.h - What made a stored summary -----------*- C++ -*-===//
//
// A stored summary is reused only by the same extractor: the same extraction
// sources (hashed at build time, so any change to them re-makes summaries
// without anyone bumping a version by hand), the same clang, the same store
// schema and the same rules as far as extraction reads them. Options that
// only the global analysis reads (--assume-sync, --checks, the output
// format) are not part of it.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_STORE_EXTRACTORDIGEST_H
#define FPUTCHECK_STORE_EXTRACTORDIGEST_H

#include "fputcheck/Rules.h"
#include <string>

namespace fputcheck {

std::string extractorDigest(const Rules &R);

} // namespace fputcheck

#endif
