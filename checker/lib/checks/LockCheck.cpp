//===- LockCheck.cpp - fput-sync-atomic / fput-sync-locked ------*- C++ -*-===//
//
// A finding sits at the call, in the function holding the lock, that starts a
// chain to a sync variant. The chain is searched with the lock mapped into
// each callee's terms (a caller's "md->lock" is the callee's "$1.lock"), so a
// callee that drops the lock before going on (the __releases() shape) ends
// that chain instead of producing a false positive.
//
//===----------------------------------------------------------------------===//

#include "../LockExpr.h"
#include "Checks.h"

#include "llvm/ADT/STLExtras.h"
#include <deque>
#include <set>

using namespace llvm;
using namespace fputcheck;

namespace {

struct Node {
  Hop H;
  std::string Key; // The lock, named in H.Target's terms ("" if it cannot).
  int Parent;
};

bool releasedBefore(const CallSite &C, StringRef Key) {
  return !Key.empty() && any_of(C.Released, [&](const std::string &R) {
           return sameLock(R, Key);
         });
}

/// Shortest chain from call site \p Site of \p F to a sync variant along
/// which \p Key stays held; empty if every chain releases it.
std::vector<Hop> chainHolding(const Reachability &RA, const FunctionSummary &F,
                              unsigned Site, const std::string &Key) {
  const Program &P = RA.program();
  std::vector<Node> Nodes;
  std::set<std::pair<std::string, std::string>> Seen;
  std::deque<int> Queue;
  auto Push = [&](const FunctionSummary &G, unsigned I, const std::string &T,
                  const std::string &K, int Parent) -> int {
    if (!RA.reaches(T) ||
        !Seen.insert({T, RA.isSync(T) ? "" : K}).second)
      return -1;
    Nodes.push_back({Hop{&G, I, T}, K, Parent});
    Queue.push_back(int(Nodes.size() - 1));
    return RA.isSync(T) ? int(Nodes.size() - 1) : -1;
  };
  auto Unwind = [&](int N) {
    std::vector<Hop> Chain;
    for (; N >= 0; N = Nodes[N].Parent)
      Chain.push_back(Nodes[N].H);
    std::reverse(Chain.begin(), Chain.end());
    return Chain;
  };
  const CallSite &Start = F.Calls[Site];
  for (const std::string &T : P.targets(Start))
    if (int Done = Push(F, Site, T, mapKeyIntoCallee(Key, Start.ArgKeys), -1);
        Done >= 0)
      return Unwind(Done);
  while (!Queue.empty()) {
    int N = Queue.front();
    Queue.pop_front();
    const FunctionSummary *G = P.function(Nodes[N].H.Target);
    if (!G || RA.isSync(G->Key))
      continue;
    std::string K = Nodes[N].Key;
    for (unsigned I = 0; I < G->Calls.size(); ++I) {
      const CallSite &C = G->Calls[I];
      if (releasedBefore(C, K))
        continue;
      std::string Mapped = K.empty() ? "" : mapKeyIntoCallee(K, C.ArgKeys);
      for (const std::string &T : P.targets(C))
        if (int Done = Push(*G, I, T, Mapped, N); Done >= 0)
          return Unwind(Done);
    }
  }
  return {};
}

/// "mutex 'md->table_devices_lock'", or "preemption disabled
/// (preempt_disable())" for per-CPU states.
std::string describe(const HeldLock &L, const LockKind *K) {
  std::string Desc = K ? K->Description : L.Kind;
  if (L.Key.empty() || L.Key[0] == '@')
    return Desc + " (" + L.Text + ")";
  return Desc + " '" + L.Text + "'";
}

bool isPerCpu(const HeldLock &L) { return L.Key.empty() || L.Key[0] == '@'; }

} // namespace

void fputcheck::checkLocks(const Reachability &RA, std::vector<Finding> &Out) {
  const Program &P = RA.program();
  const Rules &R = RA.rules();
  for (const FunctionSummary *F : P.functions()) {
    for (unsigned I = 0; I < F->Calls.size(); ++I) {
      const CallSite &C = F->Calls[I];
      if (C.Held.empty() ||
          none_of(P.targets(C), [&](const std::string &T) {
            return RA.reaches(T);
          }))
        continue;
      // The worst lock decides the check: a spinning one first.
      std::vector<const HeldLock *> Locks;
      for (const HeldLock &L : C.Held)
        Locks.push_back(&L);
      auto Atomic = [&](const HeldLock *L) {
        const LockKind *K = R.lockKind(L->Kind);
        return !K || K->Context == LockContext::Atomic;
      };
      llvm::stable_sort(Locks, [&](const HeldLock *A, const HeldLock *B) {
        return std::make_tuple(!Atomic(A), A->Line, A->Col, A->Key) <
               std::make_tuple(!Atomic(B), B->Line, B->Col, B->Key);
      });
      for (const HeldLock *L : Locks) {
        std::vector<Hop> Chain = chainHolding(RA, *F, I, L->Key);
        if (Chain.empty())
          continue;
        const LockKind *K = R.lockKind(L->Kind);
        Finding Fd;
        Fd.Check = Atomic(L) ? CheckKind::Atomic : CheckKind::Locked;
        Fd.SyncVariant = keyName(Chain.back().Target).str();
        Fd.Where = Step{F->Name, F->File, C.Line, C.Col, ""};
        Fd.Message = Fd.SyncVariant + "() reached with " + describe(*L, K) +
                     (isPerCpu(*L) ? "" : " held");
        Fd.Chain = chainText(Chain);
        Fd.Notes.push_back(Step{F->Name, F->File, L->Line, L->Col,
                                describe(*L, K) + (isPerCpu(*L) ? " from here"
                                                               : " acquired here by " +
                                                                     L->Primitive + "()")});
        Fd.Flow = flowFor(Chain);
        Out.push_back(std::move(Fd));
        break;
      }
    }
  }
}
