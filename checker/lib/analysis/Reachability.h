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
#ifndef FPUTCHECK_ANALYSIS_REACHABILITY_H
#define FPUTCHECK_ANALYSIS_REACHABILITY_H

#include "fputcheck/Finding.h"
#include "fputcheck/Program.h"
#include "analysis/RunContexts.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringMap.h"
#include <optional>

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
  /// Whether chains follow call \p C into \p Target. Not when Target is a
  /// sync variant and the file it releases is an argument on which the
  /// caller holds an extra reference (CallSite::HeldRefArgs): that call
  /// cannot drop the last one, any more than fput() releases in place.
  bool follows(const CallSite &C, llvm::StringRef Target) const;
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

  /// The fewest calls through struct fields on \p Key's chains to a sync
  /// variant, or nullopt when it reaches none within the budget.
  std::optional<unsigned> fewest(llvm::StringRef Key) const {
    auto It = FewestIndirect.find(Key);
    if (It == FewestIndirect.end())
      return std::nullopt;
    return It->second;
  }

  /// The field calls a chain has passed after call \p C, having passed
  /// \p Indirect before it; nullopt past the rules' budget. An unlimited
  /// budget counts nothing, so searches keep one state per function.
  std::optional<unsigned> indirectAfter(unsigned Indirect,
                                        const CallSite &C) const {
    if (R.MaxIndirectCalls == ~0u || !P.isGuess(C))
      return Indirect;
    if (Indirect + 1 > R.MaxIndirectCalls)
      return std::nullopt;
    return Indirect + 1;
  }
  /// Whether a chain that has passed \p Indirect field calls can still
  /// reach a sync variant from \p Key within the budget.
  bool reachesAfter(llvm::StringRef Key, unsigned Indirect) const {
    return reachesWithin(Key, R.MaxIndirectCalls - Indirect);
  }

  /// Whether some call of \p F that chains follow goes to a function that
  /// reaches a sync variant: only these can start a chain, and checks that
  /// look at every function skip the others (most of a kernel) at once.
  bool callsReaching(const FunctionSummary *F) const {
    return CallsReaching.contains(F);
  }

  /// The parameters of \p Key whose object's tag some call behind a tag
  /// test reads (ObjectTags.h), there or in a callee it passes them to
  /// unchanged: a chain search carries what is known of these objects
  /// only, so functions are not searched again for objects no test reads.
  llvm::ArrayRef<unsigned> tagParams(llvm::StringRef Key) const {
    auto It = TagParams.find(Key);
    return It == TagParams.end() ? llvm::ArrayRef<unsigned>()
                                 : llvm::ArrayRef<unsigned>(It->second);
  }

  const Program &program() const { return P; }
  const Rules &rules() const { return R; }
  const RunContexts &contexts() const { return Contexts; }

private:
  void findTagParams();

  const Program &P;
  const Rules &R;
  RunContexts Contexts;
  llvm::StringMap<unsigned> FewestIndirect;
  llvm::DenseSet<const FunctionSummary *> CallsReaching;
  llvm::StringMap<std::vector<unsigned>> TagParams;
};

/// The caller's parameter an argument with key \p ArgKey passes unchanged
/// ("$1"), or -1 ("$1.obj", a local, no key).
int passedParam(llvm::StringRef ArgKey);

/// Step for a hop: "F() calls Target()" at the call site.
Step stepFor(const Hop &H);
/// "a -> b -> __fput_sync" from the hops' targets.
std::string chainText(const std::vector<Hop> &Hops);

} // namespace fputcheck

#endif
