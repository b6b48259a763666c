//===- Checks.h - The six checks --------------------------------*- C++ -*-===//
//
// Checks read the linked program and the reachability analysis and append
// findings; they never print. Each lives in its own file.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_CHECKS_CHECKS_H
#define FPUTCHECK_CHECKS_CHECKS_H

#include "fputcheck/Finding.h"
#include "analysis/Reachability.h"
#include <bitset>

namespace fputcheck {

using CheckSet = std::bitset<NumChecks>;

/// How many findings an origin (a lock holder, an export, a completion, a
/// root) yields: its shortest chain (analyze), or one chain per sync call it
/// reaches (census, which must judge every call).
enum class ChainMode { Shortest, EverySyncCall };

/// fput-sync-atomic and fput-sync-locked.
void checkLocks(const Reachability &RA, ChainMode M, std::vector<Finding> &Out);
/// fput-sync-export.
void checkExports(const Reachability &RA, ChainMode M,
                  std::vector<Finding> &Out);
/// fput-sync-before-complete.
void checkBeforeComplete(const Reachability &RA, ChainMode M,
                         std::vector<Finding> &Out);
/// fput-sync-exit and fput-sync-irq (every sync call reached, in both modes:
/// the root is the context, each call its own finding).
void checkContexts(const Reachability &RA, std::vector<Finding> &Out);

/// Runs the enabled checks and returns sorted findings.
std::vector<Finding> runChecks(const Reachability &RA, CheckSet Enabled,
                               ChainMode M = ChainMode::Shortest);

/// Sets \p Fd's flow to the chain's steps. A step behind a last-reference
/// test (rules: last_reference_tests) says so, and so does the message: the
/// chain runs only when that reference drops (put_files_struct() closes
/// files only for the last user of a table), which a reviewer weighs apart.
void setFlow(Finding &Fd, const std::vector<Hop> &Hops);

} // namespace fputcheck

#endif
