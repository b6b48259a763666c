//===- ChainFinding.h - A finding from a chain ------------------*- C++ -*-===//
//
// Every check words its findings the same way: "<variant>() <what makes it
// unsafe>", at one call of the chain, with the chain's calls as its steps.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_CHECKS_CHAINFINDING_H
#define FPUTCHECK_CHECKS_CHAINFINDING_H

#include "analysis/Reachability.h"

namespace fputcheck {

/// A \p K finding at the call of hop \p At (in its function) about the sync
/// variant \p Chain ends in: message "<variant>() <Predicate>", chain text,
/// \p Context (Finding::Context), and the chain's steps (setFlow()).
Finding chainFinding(CheckKind K, const std::vector<Hop> &Chain,
                     const Hop &At, const std::string &Predicate,
                     std::string Context);

/// Sets \p Fd's flow to the chain's steps. A step behind a last-reference
/// test (rules: last_reference_tests) says so, and so does the message: the
/// chain runs only when that reference drops (put_files_struct() closes
/// files only for the last user of a table), which a reviewer weighs apart.
void setFlow(Finding &Fd, const std::vector<Hop> &Hops);

} // namespace fputcheck

#endif
