//===- Finding.cpp - What checks report -------------------------*- C++ -*-===//

#include "fputcheck/Finding.h"
#include "llvm/ADT/STLExtras.h"
#include <tuple>

using namespace fputcheck;

namespace {
struct CheckInfo {
  const char *Id;
  const char *Summary;
};
constexpr CheckInfo Infos[NumChecks] = {
    {"fput-sync-atomic",
     "A synchronous fput variant is reached while a spinning lock is held or "
     "preemption, interrupts, bottom halves or RCU disable sleeping; the "
     "final __fput() may sleep."},
    {"fput-sync-locked",
     "A synchronous fput variant is reached while a sleeping lock (mutex, "
     "rwsem, semaphore, socket lock) is held; a ->release that takes the same "
     "lock deadlocks."},
    {"fput-sync-export",
     "A synchronous fput variant is exported to modules, or reachable from an "
     "exported function, so callers in any context can run the final "
     "__fput() in place."},
    {"fput-sync-before-complete",
     "A synchronous fput variant runs before a complete() that a waiter may "
     "be blocked on; if the release path waits for that waiter, both hang."},
    {"fput-sync-exit",
     "A synchronous fput variant is reached from the task exit path "
     "(do_exit()), which runs in contexts that cannot take the final "
     "__fput() in place."},
    {"fput-sync-irq",
     "A synchronous fput variant is reachable from a hard or soft interrupt "
     "context callback, where the final __fput() must never run."},
};
} // namespace

llvm::StringRef fputcheck::checkId(CheckKind K) {
  return Infos[unsigned(K)].Id;
}

llvm::StringRef fputcheck::checkSummary(CheckKind K) {
  return Infos[unsigned(K)].Summary;
}

bool fputcheck::parseCheckId(llvm::StringRef Id, CheckKind &K) {
  for (unsigned I = 0; I < NumChecks; ++I)
    if (Id == Infos[I].Id) {
      K = CheckKind(I);
      return true;
    }
  return false;
}

void fputcheck::sortFindings(std::vector<Finding> &F) {
  llvm::stable_sort(F, [](const Finding &A, const Finding &B) {
    return std::make_tuple(A.Where.File, A.Where.Line, A.Where.Col,
                           unsigned(A.Check), A.Where.Function, A.Chain) <
           std::make_tuple(B.Where.File, B.Where.Line, B.Where.Col,
                           unsigned(B.Check), B.Where.Function, B.Chain);
  });
}
