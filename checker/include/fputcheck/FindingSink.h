//===- FindingSink.h - Where checks report ----------------------*- C++ -*-===//
//
// Checks never format or collect: each finding goes to a sink as it is
// made, the way Clang's thread-safety analysis reports to a
// ThreadSafetyHandler. The command line collects and sorts; an editor turns
// each finding into a diagnostic on the spot; patch review compares
// identities (findingKey()).
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_FINDINGSINK_H
#define FPUTCHECK_FINDINGSINK_H

#include "fputcheck/Finding.h"
#include <vector>

namespace fputcheck {

class FindingSink {
public:
  virtual ~FindingSink();
  virtual void report(Finding F) = 0;
};

/// Keeps every finding, in report order.
class CollectingSink : public FindingSink {
public:
  void report(Finding F) override { Findings.push_back(std::move(F)); }
  std::vector<Finding> Findings;
};

} // namespace fputcheck

#endif
