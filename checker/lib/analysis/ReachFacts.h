//===- ReachFacts.h - The part of a program chains pass through -*- C++ -*-===//
//
// Facts.h's computeReachFacts() from a reachability already computed, so an
// analyze that keeps facts does not search the program twice.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_ANALYSIS_REACHFACTS_H
#define FPUTCHECK_ANALYSIS_REACHFACTS_H

#include "fputcheck/Facts.h"
#include "analysis/Reachability.h"

namespace fputcheck {

ReachFacts reachFacts(const Reachability &RA);

} // namespace fputcheck

#endif
