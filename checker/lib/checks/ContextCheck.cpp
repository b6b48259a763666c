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

#include "checks/Checks.h"

#include "llvm/ADT/StringMap.h"
#include <deque>
#include <map>
#include <set>

using namespace llvm;
using namespace fputcheck;

namespace {

struct Root {
  std::string Key;
  Step Registered; // Where the context was established (empty for exit).
  std::string How; // "registered by request_irq()".
  unsigned Contexts; // Where the root runs (ContextBit mask).
  /// The root is reached from callbacks too (the exit path): its contexts
  /// come from RunContexts, within the budget the chain leaves.
  bool FromCallers = false;
};

/// A function, and how many calls through struct fields the chain took to
/// reach it (rules: max_indirect_calls).
using State = std::pair<std::string, unsigned>;

struct Visit {
  std::optional<Hop> From; // The call that reached this state.
  unsigned FromIndirect;   // With From->F->Key, the state it came from.
  unsigned RootIndex;
  unsigned Contexts; // The root's, narrowed by the context tests passed.
};

/// Whether \p Key was reached with at most \p Indirect field calls.
bool seenWithin(const std::map<State, Visit> &Seen, StringRef Key,
                unsigned Indirect) {
  auto It = Seen.lower_bound(State{Key.str(), 0});
  return It != Seen.end() && It->first.first == Key &&
         It->first.second <= Indirect;
}

std::vector<Root> irqRoots(const Reachability &RA) {
  const Program &P = RA.program();
  const Rules &R = RA.rules();
  std::map<std::string, Root> Roots; // Ordered: deterministic start order.
  auto IsIrq = [](const CallbackRule *CR) {
    return CR && (contextBit(CR->Context) & (CtxHardIrq | CtxSoftIrq));
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
                       Ctx(CR), contextBit(CR->Context)});
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
                             Ctx(CR), contextBit(CR->Context)});
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
      Out.push_back(Root{Name, Step{}, "", CtxAll, true});
  return Out;
}

/// Contexts a chain from \p Rt that could run in \p Before may run in
/// after call \p C, with \p Indirect field calls passed.
unsigned contextsAt(const Reachability &RA, const Root &Rt, unsigned Before,
                    unsigned Indirect, const CallSite &C) {
  return RA.contexts().narrow(Before, Rt.FromCallers ? Rt.Key : "", Indirect,
                              C.Guards);
}

/// Multi-source BFS from \p Roots over functions that reach a sync variant.
std::map<State, Visit> explore(const Reachability &RA,
                               const std::vector<Root> &Roots,
                               std::vector<State> &Order) {
  const Program &P = RA.program();
  std::map<State, Visit> Seen;
  std::deque<State> Queue;
  for (unsigned I = 0; I < Roots.size(); ++I)
    if (Seen.try_emplace(State{Roots[I].Key, 0},
                         Visit{std::nullopt, 0, I, Roots[I].Contexts})
            .second)
      Queue.push_back(State{Roots[I].Key, 0});
  while (!Queue.empty()) {
    State S = Queue.front();
    Queue.pop_front();
    Order.push_back(S);
    const FunctionSummary *F = P.function(S.first);
    if (!F || RA.isSync(S.first))
      continue;
    unsigned RootIndex = Seen[S].RootIndex;
    for (unsigned I = 0; I < F->Calls.size(); ++I) {
      std::optional<unsigned> Ind = RA.indirectAfter(S.second, F->Calls[I]);
      // A call behind a context test the root cannot pass is not followed.
      unsigned Contexts =
          Ind ? contextsAt(RA, Roots[RootIndex], Seen[S].Contexts, *Ind,
                           F->Calls[I])
              : 0;
      if (!Contexts)
        continue;
      for (const std::string &T : P.targets(F->Calls[I]))
        if (RA.reachesAfter(T, *Ind) &&
            !RA.isSync(T) && !seenWithin(Seen, T, *Ind) &&
            Seen.try_emplace(State{T, *Ind},
                             Visit{Hop{F, I, T}, S.second, RootIndex,
                                   Contexts})
                .second)
          Queue.push_back(State{T, *Ind});
    }
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
      std::vector<State> Order;
      Inner = seenWithin(explore(RA, {Roots[J]}, Order), Roots[I].Key, ~0u) &&
              !seenWithin(explore(RA, {Roots[I]}, Order), Roots[J].Key, ~0u);
    }
    if (!Inner)
      Out.push_back(Roots[I]);
  }
  return Out;
}

void report(const Reachability &RA, CheckKind Check,
            const std::vector<Root> &Roots, std::vector<Finding> &Out) {
  const Program &P = RA.program();
  std::vector<State> Order;
  std::map<State, Visit> Seen = explore(RA, Roots, Order);
  // A function reached twice (fewer field calls the second time) reports
  // each sync call once, with the chain found first (the shortest).
  std::set<std::pair<const FunctionSummary *, unsigned>> Reported;
  for (const State &S : Order) {
    const FunctionSummary *F = P.function(S.first);
    if (!F || RA.isSync(S.first))
      continue;
    for (unsigned I = 0; I < F->Calls.size(); ++I) {
      if (!RA.indirectAfter(S.second, F->Calls[I]) ||
          Reported.count({F, I}))
        continue;
      std::string Sync;
      unsigned Contexts =
          contextsAt(RA, Roots[Seen[S].RootIndex], Seen[S].Contexts,
                     *RA.indirectAfter(S.second, F->Calls[I]), F->Calls[I]);
      for (const std::string &T : P.targets(F->Calls[I]))
        if (RA.isSync(T) && (Contexts & RA.contexts().syncMask(T))) {
          Sync = T;
          break;
        }
      if (Sync.empty())
        continue;
      Reported.insert({F, I});
      std::vector<Hop> Chain{Hop{F, I, Sync}};
      for (const Visit *V = &Seen[S]; V->From;
           V = &Seen[State{V->From->F->Key, V->FromIndirect}])
        Chain.insert(Chain.begin(), *V->From);
      const Root &Rt = Roots[Seen[S].RootIndex];
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
      setFlow(Fd, Chain);
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
