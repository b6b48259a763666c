//===- BinarySummary.h - A TU summary as compact bytes ----------*- C++ -*-===//
//
// Loading a whole tree's summaries is most of what a query without parsing
// costs, and llvm::json builds a tree of allocations for every value: on a
// kernel subset it decoded about 5 MB of JSON per second, a whole defconfig
// tree's 130 MB in half a minute. This format decodes straight into the
// structs: every string once in a table, then varints referring to it.
//
// Summary.h's JSON stays the one readable form (fputcheck dump). Both are
// written from SummaryFields.h's one list of fields, and the store test
// round-trips the corpus through both.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_STORE_BINARYSUMMARY_H
#define FPUTCHECK_STORE_BINARYSUMMARY_H

#include "fputcheck/Summary.h"
#include <cstdint>
#include <vector>

namespace fputcheck {

void writeBinarySummary(const TUSummary &S, std::vector<uint8_t> &Out);
llvm::Expected<TUSummary> readBinarySummary(llvm::ArrayRef<uint8_t> In);

} // namespace fputcheck

#endif
