//===- Reachability.h - Which functions reach a sync variant ----*- C++ -*-===//
//
// A backward search from every sync variant over the linked call graph gives
// each function the fewest calls through struct fields any of its chains to
// a sync variant needs. A function whose fewest is within the rules'
// max_indirect_calls "reaches"; checks only ever walk such functions, and a
// chain search drops a function it could only finish past the budget, which
// keeps whole-tree runs cheap.
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
  /// A sync variant, or a function from which one is reachable within the
  /// rules' budget of calls through struct fields.
  bool reaches(llvm::StringRef Key) const {
    return reachesWithin(Key, R.MaxIndirectCalls);
  }
  /// Whether a chain from \p Key passing at most \p Indirect calls through
  /// struct fields can reach a sync variant.
  bool reachesWithin(llvm::StringRef Key, unsigned Indirect) const {
    auto It = FewestIndirect.find(Key);
    return It != FewestIndirect.end() && It->second <= Indirect;
  }

  const Program &program() const { return P; }
  const Rules &rules() const { return R; }

private:
  const Program &P;
  const Rules &R;
  llvm::StringMap<unsigned> FewestIndirect;
};

/// Step for a hop: "F() calls Target()" at the call site.
Step stepFor(const Hop &H);
/// "a -> b -> __fput_sync" from the hops' targets.
std::string chainText(const std::vector<Hop> &Hops);

} // namespace fputcheck

#endif
