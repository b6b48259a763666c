//===- LockCheck.cpp - fput-sync-atomic / fput-sync-locked ------*- C++ -*-===//
//
// A finding sits at the call, in the function holding the lock, that starts a
// chain to a sync variant. The chain is searched with the lock mapped into
// each callee's terms (a caller's "md->lock" is the callee's "$1.lock"), so a
// callee that drops the lock before going on (the __releases() shape) ends
// that chain instead of producing a false positive.
//
//===----------------------------------------------------------------------===//

#include "analysis/ChainSearch.h"
#include "checks/ChainFinding.h"
#include "checks/Check.h"
#include "extract/LockKey.h"

#include "llvm/ADT/STLExtras.h"
#include <set>

using namespace llvm;
using namespace fputcheck;

namespace {

bool isPerCpu(const HeldLock &L) {
  return L.Key.empty() || LockKey(L.Key).isPerCpu();
}

/// "mutex 'md->table_devices_lock'", or "preemption disabled
/// (preempt_disable())" for per-CPU states.
std::string describe(const HeldLock &L, const LockKind *K) {
  std::string Desc = K ? K->Description : L.Kind;
  if (isPerCpu(L))
    return Desc + " (" + L.Text + ")";
  return Desc + " '" + L.Text + "'";
}

Finding makeFinding(const FunctionSummary &F, const HeldLock &L,
                    const LockKind *K, const std::vector<Hop> &Chain) {
  bool Atomic = !K || K->Context == LockContext::Atomic;
  std::string Lock = describe(L, K);
  Finding Fd = chainFinding(Atomic ? CheckKind::Atomic : CheckKind::Locked,
                            Chain, Chain.front(),
                            "reached with " + Lock +
                                (isPerCpu(L) ? "" : " held"),
                            Lock);
  Fd.Notes.push_back(
      Step{F.Name, F.File, L.Line, L.Col,
           Lock + (isPerCpu(L) ? " from here"
                               : " acquired here by " + L.Primitive + "()")});
  return Fd;
}

/// fput-sync-atomic and fput-sync-locked: a call is judged by the worst
/// lock held at it, so one class reports both.
class LockCheck : public Check {
public:
  void run(const Reachability &RA, ChainMode M, FindingSink &Out) override;
};

} // namespace

std::unique_ptr<Check> fputcheck::makeLockCheck() {
  return std::make_unique<LockCheck>();
}

void LockCheck::run(const Reachability &RA, ChainMode M, FindingSink &Out) {
  const Program &P = RA.program();
  const Rules &R = RA.rules();
  for (const FunctionSummary *F : P.functions()) {
    if (!RA.callsReaching(F))
      continue;
    for (unsigned I = 0; I < F->Calls.size(); ++I) {
      const CallSite &C = F->Calls[I];
      if (C.Held.empty() || none_of(P.targets(C), [&](const std::string &T) {
            return RA.reaches(T);
          }))
        continue;
      // The worst lock decides the check: a spinning one first.
      auto Atomic = [&](const HeldLock *L) {
        const LockKind *K = R.lockKind(L->Kind);
        return !K || K->Context == LockContext::Atomic;
      };
      std::vector<const HeldLock *> Locks;
      for (const HeldLock &L : C.Held)
        Locks.push_back(&L);
      llvm::stable_sort(Locks, [&](const HeldLock *A, const HeldLock *B) {
        return std::make_tuple(!Atomic(A), A->Line, A->Col, A->Key) <
               std::make_tuple(!Atomic(B), B->Line, B->Col, B->Key);
      });
      // Each sync call reached is judged by the worst lock still held there.
      std::set<std::pair<const FunctionSummary *, unsigned>> Judged;
      for (const HeldLock *L : Locks) {
        bool Done = false;
        searchChains(RA, {Origin{F, I}}, L->Key, [&](std::vector<Hop> Chain) {
          if (!Judged.insert({Chain.back().F, Chain.back().Site}).second)
            return true;
          Out.report(makeFinding(*F, *L, R.lockKind(L->Kind), Chain));
          Done = M == ChainMode::Shortest;
          return !Done;
        });
        if (Done)
          break;
      }
    }
  }
}
