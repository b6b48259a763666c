//===- Relink.h - The patched program from the base's summaries -*- C++ -*-===//
//
// A review links two programs that differ in the few TUs a patch makes
// parse again. Loading the patched one from the store (loadProgram() with
// Without/Adding) reads the compile database, checks and decodes every
// stored summary a second time, seconds on a whole tree; the base program
// already holds all of them.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_REVIEW_RELINK_H
#define FPUTCHECK_REVIEW_RELINK_H

#include "fputcheck/Program.h"
#include <memory>

namespace fputcheck {

/// The program loadProgram() links with \p Adding in place of the TUs of
/// their main files, made from the linked \p Base, which is emptied.
/// Null, leaving \p Base's summaries in it (unlinked) and \p Adding as it
/// was, when the two could differ: a replaced TU held the one copy of a
/// function (a header inline) its patched version lacks, which loading
/// would take from another TU, whose copy linking the base dropped.
std::unique_ptr<Program> relinkPatched(Program &Base,
                                       std::vector<TUSummary> &Adding,
                                       const Rules &R);

} // namespace fputcheck

#endif
