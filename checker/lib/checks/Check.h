//===- Check.h - One check class per line of Checks.def ---------*- C++ -*-===//
//
// A check reads the linked program through the reachability analysis and
// reports to a sink; it never prints or sorts. Checks.def names each check's
// class; the registry (Registry.cpp) makes one instance of each class whose
// ids are enabled. Adding a check: a class in its own file, with a
// make<Class>() factory, one line in Checks.def, a section in
// docs/checks.md and corpus cases.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_CHECKS_CHECK_H
#define FPUTCHECK_CHECKS_CHECK_H

#include "analysis/Reachability.h"
#include "fputcheck/Analysis.h"
#include <memory>

namespace fputcheck {

class Check {
public:
  virtual ~Check();
  /// Reports every finding of the ids this class makes; the registry drops
  /// those of ids that are not enabled.
  virtual void run(const Reachability &RA, ChainMode M, FindingSink &Out) = 0;
};

#define FPUTCHECK_CHECK(Kind, Id, Class, Summary)                              \
  std::unique_ptr<Check> make##Class();
#include "fputcheck/Checks.def"

/// Runs the enabled checks over \p RA.
void runChecks(const Reachability &RA, const AnalysisOptions &O,
               FindingSink &Out);

} // namespace fputcheck

#endif
