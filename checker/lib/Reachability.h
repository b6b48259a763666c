//===- Reachability.h - Which functions reach a sync variant ----*- C++ -*-===//
//
// A backward breadth-first search from every sync variant over the linked
// call graph: each function's distance to the nearest sync variant and the
// call site that starts a shortest chain. Checks only ever walk functions
// with a finite distance, which keeps whole-tree runs cheap.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_REACHABILITY_H
#define FPUTCHECK_REACHABILITY_H

#include "Finding.h"
#include "Program.h"
#include "llvm/ADT/StringMap.h"

namespace fputcheck {

/// One call on a chain: function F calls Target at F->Calls[Site].
struct Hop {
  const FunctionSummary *F;
  unsigned Site;
  std::string Target;
};

class Reachability {
public:
  Reachability(const Program &P, const Rules &R);

  bool isSync(llvm::StringRef Key) const;
  /// A sync variant, or a function from which one is reachable.
  bool reaches(llvm::StringRef Key) const { return Dist.count(Key); }

  const Program &program() const { return P; }
  const Rules &rules() const { return R; }

private:
  const Program &P;
  const Rules &R;
  llvm::StringMap<unsigned> Dist;
};

/// Step for a hop: "F() calls Target()" at the call site.
Step stepFor(const Hop &H);
/// "a -> b -> __fput_sync" from the hops' targets.
std::string chainText(const std::vector<Hop> &Hops);

} // namespace fputcheck

#endif
