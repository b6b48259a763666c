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
#include "llvm/ADT/StringRef.h"
#include <functional>

namespace fputcheck {

/// Where a chain starts: call site Site of F.
struct Origin {
  const FunctionSummary *F;
  unsigned Site;
  /// Where the chain's root may run when it starts (ContextBit mask).
  unsigned Contexts = CtxAll;
  /// F is also held to the contexts it can be reached in from callbacks
  /// (RunContexts::narrow). Not for a registered callback, whose context
  /// is Contexts.
  bool Bound = true;
};

/// Calls \p OnChain with a shortest chain (first hop at an origin, last hop
/// the call of a sync variant) to each sync call reached from \p Origins,
/// nearest first; stops when it returns false. \p Key, when non-empty, is a
/// lock held at the origins that must stay held along the chain. Origins
/// share one search: a sync call is reported once, from the origin nearest
/// to it. \p OnEnter, when given, sees each function the search enters (on
/// its way to a sync call), and stops it by returning false.
void searchChains(
    const Reachability &RA, const std::vector<Origin> &Origins,
    const std::string &Key,
    const std::function<bool(std::vector<Hop>)> &OnChain,
    const std::function<bool(llvm::StringRef)> &OnEnter = nullptr);

/// Whether a chain from \p Origins towards a sync variant passes \p Key.
bool chainsPass(const Reachability &RA, const std::vector<Origin> &Origins,
                llvm::StringRef Key);

/// The shortest chain from \p Origins, or empty.
std::vector<Hop> shortestChain(const Reachability &RA,
                               const std::vector<Origin> &Origins,
                               const std::string &Key = "");

} // namespace fputcheck

#endif
