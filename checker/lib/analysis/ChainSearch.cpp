//===- ChainSearch.cpp - Chains from an origin to sync calls --------------===//

#include "analysis/ChainSearch.h"
#include "extract/FieldStates.h"
#include "extract/LockKey.h"
#include "extract/ObjectTags.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include <deque>
#include <map>
#include <set>
#include <tuple>

using namespace llvm;
using namespace fputcheck;

namespace {
/// Where the tagged objects H.Target's parameters point to sit
/// (CallSite::ArgObjects), by parameter; sorted.
using ArgObjects = std::vector<std::pair<unsigned, std::string>>;
/// The tested pointer fields known set in the objects H.Target's
/// parameters point to (Program::argFieldsSet()), by parameter; sorted.
using ArgSets = std::vector<std::pair<unsigned, std::vector<std::string>>>;

struct Node {
  Hop H;
  std::string Key; // The lock in H.Target's terms ("" if none or unnameable).
  int Parent;
  unsigned Indirect; // Calls through struct fields on the chain so far.
  unsigned Contexts; // Where the root may run, narrowed by context tests.
  const Origin *Root; // The origin the chain starts at.
  ArgObjects Objects;
  ArgSets Sets;
};

bool releasedBefore(const CallSite &C, StringRef Key) {
  return !Key.empty() && any_of(C.Released, [&](const std::string &R) {
           return sameLock(R, Key);
         });
}

/// Whether a tag test on every path to \p C rules it out for the objects
/// the caller's parameters point to (\p Objects): `if (ops->file_offset)`
/// admits the FAULT kind, and parameter 1 is a hw_pagetable's header.
bool tagsRuleOut(const Program &P, const CallSite &C,
                 const ArgObjects &Objects) {
  for (const std::string &G : C.Guards) {
    std::optional<TagTest> T = parseTagFact(StringRef(G).drop_front());
    if (!T)
      continue;
    std::string Place = T->Path;
    for (const auto &[Param, At] : Objects)
      if (Param == T->Param)
        Place = At + ">" + Place;
    std::optional<std::vector<int64_t>> Can = P.tags(Place);
    if (!Can)
      continue;
    auto Admitted = [&](int64_t V) { return is_contained(T->Values, V); };
    if (G[0] == '+' ? none_of(*Can, Admitted) : all_of(*Can, Admitted))
      return true;
  }
  return false;
}

/// The objects \p C passes on to parameters \p Wanted: its own
/// embedded-struct arguments, and the caller's parameters it passes
/// unchanged.
ArgObjects passedOn(const CallSite &C, const ArgObjects &Caller,
                    ArrayRef<unsigned> Wanted) {
  ArgObjects Out;
  if (Wanted.empty())
    return Out;
  for (const auto &[I, At] : C.ArgObjects)
    if (is_contained(Wanted, I))
      Out.emplace_back(I, At);
  for (unsigned I = 0; I < C.ArgKeys.size(); ++I) {
    int Param = passedParam(C.ArgKeys[I]);
    if (Param < 0 || !is_contained(Wanted, I))
      continue;
    for (const auto &[From, At] : Caller)
      if (From == unsigned(Param) && none_of(Out, [&](const auto &O) {
            return O.first == I;
          }))
        Out.emplace_back(I, At);
  }
  llvm::sort(Out);
  return Out;
}

/// Whether a null test on every path to \p C (`if (!fhp->fh_dentry)`)
/// reads a field the caller's object has set (\p Sets).
bool fieldsRuleOut(const CallSite &C, const ArgSets &Sets) {
  if (Sets.empty())
    return false;
  for (const std::string &G : C.Guards) {
    if (G[0] != '-')
      continue;
    std::optional<FieldSetTest> T = parseFieldSetFact(StringRef(G).drop_front());
    if (!T)
      continue;
    for (const auto &[Param, Fields] : Sets)
      if (Param == T->Param && is_contained(Fields, T->Field))
        return true;
  }
  return false;
}

/// What \p C's arguments' objects have set, given the caller's (\p Sets).
ArgSets setsPassed(const Program &P, const CallSite &C, const ArgSets &Sets) {
  ArgSets Out;
  if (C.ArgFields.empty() || P.testedFields().empty())
    return Out;
  auto Entry = [&](unsigned Param) -> const std::vector<std::string> * {
    for (const auto &[I, Fields] : Sets)
      if (I == Param)
        return &Fields;
    return nullptr;
  };
  // ArgFields is sorted by argument: each argument once.
  for (auto It = C.ArgFields.begin(); It != C.ArgFields.end();) {
    unsigned I = It->first;
    std::set<std::string> S = P.argFieldsSet(C, I, Entry);
    if (!S.empty())
      Out.emplace_back(I, std::vector<std::string>(S.begin(), S.end()));
    It = std::find_if(It, C.ArgFields.end(),
                      [&](const auto &AF) { return AF.first != I; });
  }
  return Out;
}

std::string objectsKey(const ArgObjects &Objects) {
  std::string S;
  for (const auto &[Param, At] : Objects)
    S += std::to_string(Param) + "=" + At + ";";
  return S;
}
} // namespace

void fputcheck::searchChains(
    const Reachability &RA, const std::vector<Origin> &Origins,
    const std::string &Key,
    const std::function<bool(std::vector<Hop>)> &OnChain,
    const std::function<bool(StringRef)> &OnEnter) {
  const Program &P = RA.program();
  std::vector<Node> Nodes;
  const RunContexts &Ctx = RA.contexts();
  // (function, lock, contexts, objects) -> fewest indirect calls it was
  // reached with: reached again with fewer, it may lead further within the
  // rules' budget.
  std::map<std::tuple<std::string, std::string, unsigned, std::string>,
           unsigned>
      SeenFunctions;
  std::set<std::pair<const FunctionSummary *, unsigned>> SeenSyncCalls;
  std::deque<int> Queue;
  auto Unwind = [&](int N) {
    std::vector<Hop> Chain;
    for (; N >= 0; N = Nodes[N].Parent)
      Chain.push_back(Nodes[N].H);
    std::reverse(Chain.begin(), Chain.end());
    return Chain;
  };
  // Follows call site I of G; false when the consumer wants no more.
  auto Follow = [&](const Origin &O, const FunctionSummary &G, unsigned I,
                    const std::string &K, int Parent) {
    const CallSite &C = G.Calls[I];
    if (Parent >= 0 && releasedBefore(C, K))
      return true;
    std::optional<unsigned> After =
        RA.indirectAfter(Parent >= 0 ? Nodes[Parent].Indirect : 0, C);
    if (!After)
      return true;
    unsigned Indirect = *After;
    // A call behind a context test runs only where the test holds; a chain
    // whose root cannot run there is not followed. The path that brings the
    // root into a context shares the chain's budget of field-call guesses.
    unsigned CallContexts =
        Ctx.narrow(Parent >= 0 ? Nodes[Parent].Contexts : O.Contexts,
                   O.Bound ? StringRef(O.F->Key) : StringRef(), Indirect,
                   C.Guards);
    if (!CallContexts)
      return true;
    static const ArgObjects None;
    const ArgObjects &Objects = Parent >= 0 ? Nodes[Parent].Objects : None;
    if (tagsRuleOut(P, C, Objects))
      return true;
    static const ArgSets NoSets;
    const ArgSets &Sets = Parent >= 0 ? Nodes[Parent].Sets : NoSets;
    if (fieldsRuleOut(C, Sets))
      return true;
    ArgSets PassedSets = setsPassed(P, C, Sets);
    std::string SetsKey;
    for (const auto &[I, Fields] : PassedSets)
      SetsKey += std::to_string(I) + "=" + llvm::join(Fields, ",") + ";";
    std::string Mapped = K.empty() ? "" : LockKey(K).intoCallee(C.ArgKeys);
    for (const std::string &T : P.targets(C)) {
      // Only where a sync call is still reachable within the budget left.
      if (!RA.follows(C, T) || !RA.reachesAfter(T, Indirect))
        continue;
      // A function the rules place runs only in its contexts (runs_in).
      unsigned Contexts = Ctx.enter(CallContexts, T);
      if (!Contexts)
        continue;
      if (RA.isSync(T)) {
        if (!(Contexts & Ctx.syncMask(T)) ||
            !SeenSyncCalls.insert({&G, I}).second)
          continue;
        Nodes.push_back(
            {Hop{&G, I, T}, "", Parent, Indirect, Contexts, &O, {}, {}});
        if (!OnChain(Unwind(int(Nodes.size() - 1))))
          return false;
        continue;
      }
      ArgObjects Passed = passedOn(C, Objects, RA.tagParams(T));
      auto [Seen, New] = SeenFunctions.try_emplace(
          {T, Mapped, Contexts, objectsKey(Passed) + "|" + SetsKey}, Indirect);
      if (!New && Seen->second <= Indirect)
        continue;
      Seen->second = Indirect;
      if (OnEnter && !OnEnter(T))
        return false;
      Nodes.push_back({Hop{&G, I, T}, Mapped, Parent, Indirect, Contexts, &O,
                       Passed, PassedSets});
      Queue.push_back(int(Nodes.size() - 1));
    }
    return true;
  };
  for (const Origin &O : Origins)
    if (!Follow(O, *O.F, O.Site, Key, -1))
      return;
  while (!Queue.empty()) {
    int N = Queue.front();
    Queue.pop_front();
    const FunctionSummary *G = P.function(Nodes[N].H.Target);
    if (!G)
      continue;
    std::string K = Nodes[N].Key;
    for (unsigned I = 0; I < G->Calls.size(); ++I)
      if (!Follow(*Nodes[N].Root, *G, I, K, N))
        return;
  }
}

std::vector<Hop> fputcheck::shortestChain(const Reachability &RA,
                                          const std::vector<Origin> &Origins,
                                          const std::string &Key) {
  std::vector<Hop> Best;
  searchChains(RA, Origins, Key, [&](std::vector<Hop> Chain) {
    Best = std::move(Chain);
    return false;
  });
  return Best;
}

bool fputcheck::chainsPass(const Reachability &RA,
                           const std::vector<Origin> &Origins, StringRef Key) {
  bool Passed = false;
  searchChains(
      RA, Origins, "", [](std::vector<Hop>) { return true; },
      [&](StringRef T) {
        Passed = T == Key;
        return !Passed;
      });
  return Passed;
}
