//===- ContextCheck.cpp - fput-sync-exit / fput-sync-irq --------*- C++ -*-===//
//
// Roots start in a context of their own: the exit path (rules: exit_roots)
// and functions registered as interrupt callbacks (rules: callbacks, by the
// argument of a registration call or the struct field they are stored in).
// A breadth-first search from the roots, over functions that reach a sync
// variant only, gives each sync call its shortest chain from a root; each
// call is reported once per context.
//
//===----------------------------------------------------------------------===//

#include "Checks.h"

#include "llvm/ADT/StringMap.h"
#include <deque>
#include <map>

using namespace llvm;
using namespace fputcheck;

namespace {

struct Root {
  std::string Key;
  Step Registered; // Where the context was established (empty for exit).
  std::string How; // "registered by request_irq()".
};

struct Visit {
  std::optional<Hop> From; // The call that reached this function.
  unsigned RootIndex;
};

std::vector<Root> irqRoots(const Reachability &RA) {
  const Program &P = RA.program();
  const Rules &R = RA.rules();
  std::map<std::string, Root> Roots; // Ordered: deterministic start order.
  auto IsIrq = [](const CallbackRule *CR) {
    return CR && CR->Context != CallbackContext::Async;
  };
  auto Ctx = [](const CallbackRule *CR) {
    return CR->Context == CallbackContext::HardIrq ? std::string("hard")
                                                   : std::string("soft");
  };
  for (const FunctionSummary *F : P.functions())
    for (const CallSite &C : F->Calls)
      for (const auto &[Idx, Fn] : C.FnArgs) {
        const CallbackRule *CR =
            C.Callee.empty() ? nullptr
                             : R.callbackForArg(keyName(C.Callee), Idx);
        if (IsIrq(CR) && RA.reaches(Fn))
          Roots.try_emplace(
              Fn, Root{Fn,
                       Step{F->Name, F->File, C.Line, C.Col,
                            keyName(Fn).str() + "() runs in " + Ctx(CR) +
                                " interrupt context: registered by " +
                                CR->Call + "()"},
                       Ctx(CR)});
      }
  for (const FieldStore &S : P.stores()) {
    const CallbackRule *CR = R.callbackForField(S.Struct, S.Field);
    if (IsIrq(CR) && RA.reaches(S.Function))
      Roots.try_emplace(S.Function,
                        Root{S.Function,
                             Step{"", S.File, S.Line, 0,
                                  keyName(S.Function).str() + "() runs in " +
                                      Ctx(CR) + " interrupt context: stored "
                                      "into " + S.Struct + "." + S.Field},
                             Ctx(CR)});
  }
  std::vector<Root> Out;
  for (auto &[K, Rt] : Roots)
    Out.push_back(std::move(Rt));
  return Out;
}

std::vector<Root> exitRoots(const Reachability &RA) {
  std::vector<Root> Out;
  for (const std::string &Name : RA.rules().exitRoots())
    if (RA.reaches(Name))
      Out.push_back(Root{Name, Step{}, ""});
  return Out;
}

/// Multi-source BFS from \p Roots over functions that reach a sync variant.
StringMap<Visit> explore(const Reachability &RA, const std::vector<Root> &Roots,
                         std::vector<std::string> &Order) {
  const Program &P = RA.program();
  StringMap<Visit> Seen;
  std::deque<std::string> Queue;
  for (unsigned I = 0; I < Roots.size(); ++I)
    if (Seen.try_emplace(Roots[I].Key, Visit{std::nullopt, I}).second)
      Queue.push_back(Roots[I].Key);
  while (!Queue.empty()) {
    std::string K = Queue.front();
    Queue.pop_front();
    Order.push_back(K);
    const FunctionSummary *F = P.function(K);
    if (!F || RA.isSync(K))
      continue;
    unsigned RootIndex = Seen[K].RootIndex;
    for (unsigned I = 0; I < F->Calls.size(); ++I)
      for (const std::string &T : P.targets(F->Calls[I]))
        if (RA.reaches(T) && !RA.isSync(T) &&
            Seen.try_emplace(T, Visit{Hop{F, I, T}, RootIndex}).second)
          Queue.push_back(T);
  }
  return Seen;
}

/// Drops roots reached from another root: the chain should start at the
/// outermost one (make_task_dead(), not the do_exit() it calls).
std::vector<Root> outermost(const Reachability &RA, std::vector<Root> Roots) {
  std::vector<Root> Out;
  for (unsigned I = 0; I < Roots.size(); ++I) {
    bool Inner = false;
    for (unsigned J = 0; J < Roots.size() && !Inner; ++J) {
      if (I == J)
        continue;
      std::vector<std::string> Order;
      Inner = explore(RA, {Roots[J]}, Order).count(Roots[I].Key) &&
              !explore(RA, {Roots[I]}, Order).count(Roots[J].Key);
    }
    if (!Inner)
      Out.push_back(Roots[I]);
  }
  return Out;
}

void report(const Reachability &RA, CheckKind Check,
            const std::vector<Root> &Roots, std::vector<Finding> &Out) {
  const Program &P = RA.program();
  std::vector<std::string> Order;
  StringMap<Visit> Seen = explore(RA, Roots, Order);
  for (const std::string &K : Order) {
    const FunctionSummary *F = P.function(K);
    if (!F || RA.isSync(K))
      continue;
    for (unsigned I = 0; I < F->Calls.size(); ++I) {
      std::string Sync;
      for (const std::string &T : P.targets(F->Calls[I]))
        if (RA.isSync(T)) {
          Sync = T;
          break;
        }
      if (Sync.empty())
        continue;
      std::vector<Hop> Chain{Hop{F, I, Sync}};
      for (const Visit *V = &Seen[K]; V->From; V = &Seen[V->From->F->Key])
        Chain.insert(Chain.begin(), *V->From);
      const Root &Rt = Roots[Seen[K].RootIndex];
      const CallSite &C = F->Calls[I];
      Finding Fd;
      Fd.Check = Check;
      Fd.SyncVariant = keyName(Sync).str();
      Fd.Where = Step{F->Name, F->File, C.Line, C.Col, ""};
      Fd.Chain = keyName(Rt.Key).str() + " -> " + chainText(Chain);
      if (Check == CheckKind::Exit) {
        Fd.Message = Fd.SyncVariant + "() reached on the task exit path";
      } else {
        Fd.Message = Fd.SyncVariant + "() reached in " + Rt.How +
                     " interrupt context from " + keyName(Rt.Key).str() + "()";
        Fd.Notes.push_back(Rt.Registered);
      }
      Fd.Flow = flowFor(Chain);
      Out.push_back(std::move(Fd));
    }
  }
}

} // namespace

void fputcheck::checkContexts(const Reachability &RA,
                              std::vector<Finding> &Out) {
  report(RA, CheckKind::Exit, outermost(RA, exitRoots(RA)), Out);
  report(RA, CheckKind::Irq, irqRoots(RA), Out);
}
