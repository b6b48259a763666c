//===- CompleteCheck.cpp - fput-sync-before-complete ------------*- C++ -*-===//
//
// The cachefiles_ondemand_daemon_read() and kernel/acct.c close_work() shape:
// a sync fput, then complete() for a waiter. If the final __fput() ends up
// waiting for that waiter (it holds a lock the release path needs), neither
// side moves. "May complete" follows direct calls only, and only as deep as
// rules' complete_depth (default 1: a finish_req() helper that calls
// complete()): deeper, nearly every function completes something somewhere
// (workqueue and kthread setup do), which says nothing about this waiter.
//
//===----------------------------------------------------------------------===//

#include "analysis/ChainSearch.h"
#include "checks/ChainFinding.h"
#include "checks/Check.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include <deque>
#include <utility>

using namespace llvm;
using namespace fputcheck;

namespace {

/// Functions that may call a complete function, with the site that does.
class MayComplete {
public:
  explicit MayComplete(const Reachability &RA) {
    const Program &P = RA.program();
    const Rules &R = RA.rules();
    // A function that completes and also waits itself (rcu_barrier()) wakes
    // its own waiter, nobody its caller's sync fput could be holding up.
    StringSet<> Waits;
    for (const FunctionSummary *F : P.functions())
      for (const CallSite &C : F->Calls) {
        if (C.Callee.empty())
          continue;
        StringRef Name = keyName(C.Callee);
        if (R.isWaitFunction(Name))
          Waits.insert(F->Key);
        else if (R.isCompleteFunction(Name))
          Via.try_emplace(C.Callee, "");
      }
    // Forward, one level of callers per round: a function joins when it
    // calls, directly, one that joined in an earlier round.
    for (unsigned Depth = 0; Depth < R.CompleteDepth; ++Depth) {
      std::vector<std::pair<std::string, std::string>> Joined;
      for (const FunctionSummary *F : P.functions()) {
        if (Via.count(F->Key) || Waits.count(F->Key))
          continue;
        for (const CallSite &C : F->Calls)
          if (!C.Callee.empty() && Via.count(C.Callee)) {
            Joined.emplace_back(F->Key, C.Callee);
            break;
          }
      }
      if (Joined.empty())
        break;
      for (auto &[Key, Callee] : Joined)
        Via.try_emplace(Key, Callee);
    }
  }

  bool mayComplete(StringRef Key) const { return Via.count(Key); }

  /// "finish_req() -> complete()".
  std::string path(StringRef Key) const {
    std::string S = keyName(Key).str() + "()";
    for (auto It = Via.find(Key); It != Via.end() && !It->second.empty();
         It = Via.find(It->second))
      S += " -> " + keyName(It->second).str() + "()";
    return S;
  }

private:
  StringMap<std::string> Via; // Function -> callee that leads to complete().
};

/// First call site after \p Site (on some path) that may complete.
std::optional<unsigned> completeAfter(const FunctionSummary &F, unsigned Site,
                                      const Program &P, const MayComplete &MC) {
  std::vector<bool> Seen(F.Calls.size(), false);
  std::deque<unsigned> Queue(F.Calls[Site].Next.begin(),
                             F.Calls[Site].Next.end());
  while (!Queue.empty()) {
    unsigned I = Queue.front();
    Queue.pop_front();
    if (Seen[I])
      continue;
    Seen[I] = true;
    for (const std::string &T : P.targets(F.Calls[I]))
      if (MC.mayComplete(T))
        return I;
    Queue.insert(Queue.end(), F.Calls[I].Next.begin(), F.Calls[I].Next.end());
  }
  return std::nullopt;
}

class CompleteCheck : public Check {
public:
  void run(const Reachability &RA, ChainMode M, FindingSink &Out) override;
};

} // namespace

std::unique_ptr<Check> fputcheck::makeCompleteCheck() {
  return std::make_unique<CompleteCheck>();
}

void CompleteCheck::run(const Reachability &RA, ChainMode M,
                        FindingSink &Out) {
  const Program &P = RA.program();
  MayComplete MC(RA);
  for (const FunctionSummary *F : P.functions()) {
    if (!RA.callsReaching(F))
      continue;
    for (unsigned I = 0; I < F->Calls.size(); ++I) {
      const CallSite &C = F->Calls[I];
      if (llvm::none_of(P.targets(C),
                        [&](const std::string &T) { return RA.reaches(T); }))
        continue;
      std::optional<unsigned> Later = completeAfter(*F, I, P, MC);
      if (!Later)
        continue;
      const CallSite &CC = F->Calls[*Later];
      std::string Completer;
      for (const std::string &T : P.targets(CC))
        if (MC.mayComplete(T)) {
          Completer = T;
          break;
        }
      searchChains(RA, {Origin{F, I}}, "", [&](std::vector<Hop> Chain) {
        Finding Fd = chainFinding(
            CheckKind::BeforeComplete, Chain, Chain.front(),
            "runs before " + keyName(Completer).str() + "() at line " +
                std::to_string(CC.Line) +
                "; a waiter on that completion may hold what the release "
                "path needs",
            MC.path(Completer));
        Fd.Notes.push_back(Step{F->Name, F->File, CC.Line, CC.Col,
                                "completion signalled here: " +
                                    MC.path(Completer)});
        Out.report(std::move(Fd));
        return M == ChainMode::EverySyncCall;
      });
    }
  }
}
