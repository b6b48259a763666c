//===- FactsLink.cpp - One TU linked with the facts it leads to -----------===//

#include "fputcheck/Facts.h"

#include "llvm/ADT/StringSet.h"
#include <deque>
#include <map>
#include <set>
#include <tuple>

using namespace llvm;
using namespace fputcheck;

FactsSource::~FactsSource() = default;

namespace {

/// The element of \p Sorted (ordered by \p KeyOf) whose key is \p Key.
template <class T, class KeyOfT>
const T *findSorted(const std::vector<T> &Sorted, StringRef Key, KeyOfT KeyOf) {
  auto It = llvm::partition_point(
      Sorted, [&](const T &E) { return StringRef(KeyOf(E)) < Key; });
  return It != Sorted.end() && KeyOf(*It) == Key ? &*It : nullptr;
}

class InMemory : public FactsSource {
public:
  explicit InMemory(std::shared_ptr<const ReachFacts> Held)
      : Held(std::move(Held)), F(*this->Held) {}
  Expected<std::optional<FunctionFact>> function(StringRef Key) override {
    if (const FunctionFact *FF =
            findSorted(F.Functions, Key,
                       [](const FunctionFact &FF) -> const std::string & {
                         return FF.Slice.Key;
                       }))
      return *FF;
    return std::nullopt;
  }
  Expected<std::optional<FieldFact>> field(StringRef S, StringRef Fd,
                                           StringRef O) override {
    auto Key = std::make_tuple(S, Fd, O);
    auto It = llvm::partition_point(F.Fields, [&](const FieldFact &FF) {
      return std::make_tuple(StringRef(FF.Struct), StringRef(FF.Field),
                             StringRef(FF.Object)) < Key;
    });
    if (It == F.Fields.end() || It->Struct != S || It->Field != Fd ||
        It->Object != O)
      return std::nullopt;
    return *It;
  }

  Expected<std::optional<std::vector<LockEffect>>>
  effects(StringRef Key) override {
    if (const EffectFact *E = findSorted(
            F.Effects, Key,
            [](const EffectFact &E) -> const std::string & { return E.Key; }))
      return E->Effects;
    return std::nullopt;
  }

  Expected<std::optional<ViaFact>> via(StringRef Via) override {
    if (const ViaFact *V = findSorted(
            F.Vias, Via,
            [](const ViaFact &V) -> const std::string & { return V.Via; }))
      return *V;
    return std::nullopt;
  }

  Expected<std::vector<TagFact>> tags() override { return F.Tags; }

  Expected<std::vector<FieldSetFact>> fieldSets(StringRef Key) override {
    auto It = llvm::partition_point(F.FieldSets, [&](const FieldSetFact &S) {
      return StringRef(S.Key) < Key;
    });
    std::vector<FieldSetFact> Out;
    for (; It != F.FieldSets.end() && It->Key == Key; ++It)
      Out.push_back(*It);
    return Out;
  }

  Expected<std::optional<ContextFact>> contexts(StringRef Key) override {
    if (const ContextFact *C = findSorted(
            F.Contexts, Key,
            [](const ContextFact &C) -> const std::string & { return C.Key; }))
      return *C;
    return std::nullopt;
  }

private:
  std::shared_ptr<const ReachFacts> Held;
  const ReachFacts &F;
};

/// Follows calls from the open TU into the facts, breadth first, asking
/// for each function and field once.
class Walk {
public:
  Walk(FactsSource &Src, TUSummary &Facts, Program &P, FactsLinkStats &Stats)
      : Src(Src), Facts(Facts), P(P), Stats(Stats) {}

  /// A function of the open TU (which wins over any fact of it).
  void defined(StringRef Key) { Known.insert(Key); }
  /// A function whose facts are wanted, unless known already.
  void want(StringRef Key) {
    if (Known.insert(Key).second)
      Pending.push_back(Key.str());
  }
  void follow(const CallSite &C) {
    // A handler handed to a registration call runs as a root of its own.
    for (const auto &[Arg, Fn] : C.FnArgs)
      want(Fn);
    if (!C.Callee.empty()) {
      want(C.Callee);
      return;
    }
    if (C.Struct.empty())
      return;
    // A call through a constant table resolves to exactly its entries when
    // the table is known, to the field's stores otherwise (Program::link).
    if (!C.Object.empty())
      FieldsPending.insert({C.Struct, C.Field, C.Object});
    // Through an object loaded from a field: the tables its stores show.
    else if (!C.Via.empty())
      ViasPending.insert({C.Struct, C.Field, C.Via});
    FieldsPending.insert({C.Struct, C.Field, ""});
  }

  Error run() {
    while (!Pending.empty() || !FieldsPending.empty() || !ViasPending.empty()) {
      if (!ViasPending.empty()) {
        auto Node = *ViasPending.begin();
        ViasPending.erase(ViasPending.begin());
        if (Error E = via(Node))
          return E;
        continue;
      }
      if (!FieldsPending.empty()) {
        auto Node = *FieldsPending.begin();
        FieldsPending.erase(FieldsPending.begin());
        if (Error E = field(Node))
          return E;
        continue;
      }
      std::string Key = std::move(Pending.front());
      Pending.pop_front();
      ++Stats.Queries;
      auto FF = Src.function(Key);
      if (!FF)
        return FF.takeError();
      if (!*FF)
        continue;
      ++Stats.Functions;
      for (const CallSite &C : (*FF)->Slice.Calls)
        follow(C);
      Facts.Functions.push_back(std::move((*FF)->Slice));
    }
    return Error::success();
  }

private:
  using FieldNode = std::tuple<std::string, std::string, std::string>;

  /// (struct, field, via): the via's stores become the facts TU's, so the
  /// link resolves the call as the whole program's did, and the tables'
  /// fields are wanted.
  Error via(const FieldNode &Node) {
    auto &[S, F, Via] = Node;
    auto Known = Vias.find(Via);
    if (Known == Vias.end()) {
      ++Stats.Queries;
      auto VF = Src.via(Via);
      if (!VF)
        return VF.takeError();
      Known = Vias.try_emplace(Via, std::move(*VF)).first;
      const std::optional<ViaFact> &V = Known->second;
      // A via the analysed program had no call through (new in this file)
      // is not known to be exact: the call stays a guess, as it would in
      // the whole program if any other file stored an unknown object.
      if (!V || V->Unknown)
        Facts.ObjectStores.push_back({Via, ""});
      if (V)
        for (const std::string &O : V->Objects)
          Facts.ObjectStores.push_back({Via, O});
    }
    if (const std::optional<ViaFact> &V = Known->second)
      for (const std::string &O : V->Objects)
        FieldsPending.insert({S, F, O});
    return Error::success();
  }

  Error field(const FieldNode &Node) {
    if (!FieldsDone.insert(Node).second)
      return Error::success();
    auto &[S, F, O] = Node;
    ++Stats.Queries;
    auto FF = Src.field(S, F, O);
    if (!FF)
      return FF.takeError();
    if (!*FF)
      return Error::success();
    ++Stats.Fields;
    if ((*FF)->Stored)
      P.assumeFieldStores(S, F, (*FF)->Stored, (*FF)->Home);
    for (const std::string &T : (*FF)->Targets) {
      Facts.Stores.push_back(FieldStore{S, F, T, "", 0, O});
      want(T);
    }
    return Error::success();
  }

  FactsSource &Src;
  TUSummary &Facts;
  Program &P;
  FactsLinkStats &Stats;
  StringSet<> Known;
  std::deque<std::string> Pending;
  std::set<FieldNode> FieldsPending, FieldsDone, ViasPending;
  std::map<std::string, std::optional<ViaFact>> Vias;
};

} // namespace

std::unique_ptr<FactsSource> fputcheck::factsIn(ReachFacts Facts) {
  return factsIn(std::make_shared<const ReachFacts>(std::move(Facts)));
}

std::unique_ptr<FactsSource>
fputcheck::factsIn(std::shared_ptr<const ReachFacts> Facts) {
  return std::make_unique<InMemory>(std::move(Facts));
}

Expected<FactsLinkStats> fputcheck::linkWithFacts(TUSummary Open,
                                                  FactsSource &Src,
                                                  const Rules &R, Program &P) {
  FactsLinkStats Stats;
  // The facts are a TU of their own; its name sorts after any path, so the
  // open TU's copy of a function wins at link time.
  TUSummary Facts;
  Facts.MainFile = "\x7f<stored facts>";
  Walk W(Src, Facts, P, Stats);
  for (const FunctionSummary &F : Open.Functions)
    W.defined(F.Key);
  for (const FunctionSummary &F : Open.Functions)
    for (const CallSite &C : F.Calls)
      W.follow(C);
  // The exit path's chains start in another file (do_exit() in
  // kernel/exit.c) and may pass through this one: the roots' facts come
  // along, so those chains meet this file's live functions.
  for (const std::string &Root : R.exitRoots())
    W.want(Root);
  // So do functions the file stores into callback fields (timers, work).
  for (const FieldStore &S : Open.Stores)
    W.want(S.Function);
  if (Error E = W.run())
    return E;
  // What the whole program answered for the functions field facts name,
  // unless this file defines them (its fresh body answers then).
  StringSet<> Defined, Asked;
  for (const FunctionSummary &F : Open.Functions)
    Defined.insert(F.Key);
  for (const std::vector<FunctionSummary> *Fns :
       {&Open.Functions, &Facts.Functions})
    for (const FunctionSummary &F : *Fns)
      forEachFieldSetRef(F, [&](StringRef Key, unsigned) {
        if (!Defined.count(Key))
          Asked.insert(Key);
      });
  for (const auto &K : Asked) {
    ++Stats.Queries;
    auto Rows = Src.fieldSets(K.getKey());
    if (!Rows)
      return Rows.takeError();
    for (FieldSetFact &Row : *Rows) {
      P.assumeReturnRanges(Row.Key, Row.Param, Row.NonZeroIf, Row.ZeroIf);
      P.assumeFieldSets(Row.Key, Row.Param, std::move(Row.Set),
                        std::move(Row.Dropped));
    }
  }
  P.assumeFieldSetsKnown();
  // Where this file's functions run, as the whole program says: who calls
  // them is mostly in other files.
  for (const FunctionSummary &F : Open.Functions) {
    ++Stats.Queries;
    auto C = Src.contexts(F.Key);
    if (!C)
      return C.takeError();
    if (*C)
      P.assumeContexts(F.Key, std::move((*C)->Fewest));
  }
  P.assumeContextsKnown();
  // What other files' allocations give the tags this file's tests read.
  auto Tags = Src.tags();
  if (!Tags)
    return Tags.takeError();
  for (const TagFact &T : *Tags)
    P.assumeTags(T.Place, {T.Values, T.Unknown});
  llvm::sort(Facts.ObjectStores);
  P.add(std::move(Open));
  P.add(std::move(Facts));
  P.link(R);
  return Stats;
}
