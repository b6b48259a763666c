//===- Census.h - Every call site of one function, with verdicts -*- C++ -*-===//
//
// Answers "how much would making NAME synchronous generalise?": each call of
// NAME, and which findings (from a run with NAME assumed synchronous, every
// origin followed to every sync call it reaches) end in that call. A call no
// finding ends in is listed as safe.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_CENSUS_H
#define FPUTCHECK_CENSUS_H

#include "fputcheck/Analysis.h"
#include "fputcheck/Emit.h"

namespace fputcheck {

struct CensusEntry {
  Step Site; // The call of NAME, in its caller.
  std::vector<Finding> Verdicts;
  /// Why a call no chain starts from is safe, when the reason is the call
  /// itself (its caller holds an extra reference on the file it releases);
  /// empty when it is simply reached by no unsafe path.
  std::string Why;
};

/// \p R must list \p Name as a sync variant (Rules::addSyncVariant).
std::vector<CensusEntry> takeCensus(const Program &P, const Rules &R,
                                    llvm::StringRef Name, CheckSet Enabled);

void emitCensusText(llvm::StringRef Name, const std::vector<CensusEntry> &E,
                    const EmitOptions &O, llvm::raw_ostream &OS);
void emitCensusJSON(llvm::StringRef Name, const std::vector<CensusEntry> &E,
                    const EmitOptions &O, llvm::raw_ostream &OS);

} // namespace fputcheck

#endif
