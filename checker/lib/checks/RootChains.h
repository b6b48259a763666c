//===- RootChains.h - Chains from the roots of a context --------*- C++ -*-===//
//
// fput-sync-exit and fput-sync-irq start from roots, functions that begin a
// context of their own: the exit path (rules: exit_roots) and functions
// registered as interrupt callbacks (rules: callbacks). One chain search from
// all roots at once gives each sync call its shortest chain from the nearest
// root; each call is reported once per check.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_CHECKS_ROOTCHAINS_H
#define FPUTCHECK_CHECKS_ROOTCHAINS_H

#include "analysis/ChainSearch.h"
#include "fputcheck/FindingSink.h"

namespace fputcheck {

struct Root {
  std::string Key;
  Step Registered; // Where the context was established (empty for exit).
  std::string How; // "hard" or "soft" (interrupt context).
  unsigned Contexts; // Where the root runs (ContextBit mask).
  /// The root is reached from callbacks too (the exit path): its contexts
  /// come from RunContexts, within the budget the chain leaves.
  bool FromCallers = false;
};

/// The chain search's origins for \p Roots: every call of each.
std::vector<Origin> originsOf(const Reachability &RA,
                              const std::vector<Root> &Roots);

/// Calls \p Report with the root and the chain of every sync call reached
/// from \p Roots.
void chainsFromRoots(
    const Reachability &RA, const std::vector<Root> &Roots,
    const std::function<void(const Root &, std::vector<Hop>)> &Report);

} // namespace fputcheck

#endif
