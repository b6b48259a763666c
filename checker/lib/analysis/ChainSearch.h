//===- ChainSearch.h - Chains from an origin to sync calls ------*- C++ -*-===//
//
// One breadth-first search serves every check: from origin call sites, over
// functions that reach a sync variant, to the calls of sync variants. With a
// lock key the lock is mapped into each callee's terms and a call after which
// the callee released it is not followed (the __releases() shape). analyze
// wants the shortest chain per origin; census wants one chain per sync call
// reached, so "is this call unsafe" is answered for every call.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_ANALYSIS_CHAINSEARCH_H
#define FPUTCHECK_ANALYSIS_CHAINSEARCH_H

#include "analysis/Reachability.h"
#include <functional>

namespace fputcheck {

struct Origin {
  const FunctionSummary *F;
  unsigned Site;
};

/// Calls \p OnChain with a shortest chain (first hop at an origin, last hop
/// the call of a sync variant) to each sync call reached from \p Origins,
/// nearest first; stops when it returns false. \p Key, when non-empty, is a
/// lock held at the origins that must stay held along the chain.
void searchChains(const Reachability &RA, const std::vector<Origin> &Origins,
                  const std::string &Key,
                  const std::function<bool(std::vector<Hop>)> &OnChain);

/// The shortest chain from \p Origins, or empty.
std::vector<Hop> shortestChain(const Reachability &RA,
                               const std::vector<Origin> &Origins,
                               const std::string &Key = "");

} // namespace fputcheck

#endif
