//===- ReachFacts.cpp - The part of a program chains pass through ---------===//

#include "analysis/ReachFacts.h"
#include "extract/ObjectTags.h"

#include "llvm/ADT/STLExtras.h"
#include <set>

using namespace llvm;
using namespace fputcheck;

std::string fputcheck::factsMode(const Rules &R) {
  return R.reachFingerprint().substr(0, 20);
}

namespace {

/// Of \p Targets, those from which a sync variant is reachable after a call
/// (\p C, when it is one call site's) that costs \p Cost of the budget.
std::vector<std::string> reaching(const Reachability &RA,
                                  ArrayRef<std::string> Targets,
                                  unsigned Cost,
                                  const CallSite *C = nullptr) {
  unsigned Max = RA.rules().MaxIndirectCalls;
  std::vector<std::string> Out;
  if (Cost > Max)
    return Out;
  for (const std::string &T : Targets)
    if ((!C || RA.follows(*C, T)) && RA.reachesWithin(T, Max - Cost))
      Out.push_back(T);
  return Out;
}

FunctionFact factOf(const Reachability &RA, const FunctionSummary &F) {
  const Program &P = RA.program();
  FunctionFact FF;
  FF.Fewest = *RA.fewest(F.Key);
  FF.Slice.Key = F.Key;
  FF.Slice.Name = F.Name;
  FF.Slice.File = F.File;
  FF.Slice.Line = F.Line;
  bool Sync = RA.isSync(F.Key);
  unsigned Best = ~0u;
  for (const CallSite &C : F.Calls) {
    unsigned Cost = P.isGuess(C) ? 1 : 0;
    std::vector<std::string> Reach = reaching(RA, P.targets(C), Cost, &C);
    if (Reach.empty() && !Sync)
      continue;
    // Locks held here make findings in this function's own file, which a
    // front end seeing another file does not show; the order of calls
    // matters only in the function a check starts from.
    CallSite Kept = C;
    Kept.Held.clear();
    Kept.Next.clear();
    FF.Slice.Calls.push_back(std::move(Kept));
    if (Sync)
      continue;
    for (const std::string &T : Reach) {
      unsigned D = *RA.fewest(T) + Cost;
      if (D < Best || (D == Best && T < FF.Next)) {
        Best = D;
        FF.Next = T;
      }
    }
  }
  return FF;
}

} // namespace

ReachFacts fputcheck::computeReachFacts(const Program &P, const Rules &R) {
  return reachFacts(Reachability(P, R));
}

ReachFacts fputcheck::reachFacts(const Reachability &RA) {
  const Program &P = RA.program();
  const Rules &R = RA.rules();
  ReachFacts Out;
  Out.Mode = factsMode(R);
  for (const FunctionSummary *F : P.functions())
    if (RA.reaches(F->Key) && !R.isBarrier(keyName(F->Key)))
      Out.Functions.push_back(factOf(RA, *F));
  // A sync variant no TU defines (its body is elsewhere) is still an end.
  for (const std::string &S : R.syncVariants())
    if (!P.function(S) && RA.fewest(S)) {
      FunctionFact FF;
      FF.Slice.Key = FF.Slice.Name = S;
      Out.Functions.push_back(std::move(FF));
    }
  llvm::sort(Out.Functions, [](const FunctionFact &A, const FunctionFact &B) {
    return A.Slice.Key < B.Slice.Key;
  });
  for (const auto &[SF, Fns] : P.fieldStores()) {
    FieldFact FF{SF.first, SF.second, "", {}, 0, ""};
    if (R.MaxFieldTargets && Fns.size() > R.MaxFieldTargets) {
      FF.Stored = Fns.size();
      // Followed from its own directory only (Program::link()).
      FF.Home = P.localHome(SF, Fns.size(), R).str();
      if (!FF.Home.empty())
        FF.Targets = reaching(RA, Fns, 1);
    } else {
      FF.Targets = reaching(RA, Fns, 1);
    }
    if (FF.Stored || !FF.Targets.empty())
      Out.Fields.push_back(std::move(FF));
  }
  for (const auto &[SFO, Fns] : P.tableStores()) {
    auto &[S, F, O] = SFO;
    FieldFact FF{S, F, O, reaching(RA, Fns, 0), 0, ""};
    if (!FF.Targets.empty())
      Out.Fields.push_back(std::move(FF));
  }
  // Functions come in key order: the first copy of a header inline wins,
  // as at link time.
  for (const FunctionSummary *F : P.functions())
    if (!F->Effects.empty())
      Out.Effects.push_back({F->Key, F->Effects});
  // Every Via a call goes through that some store shows or hides.
  std::set<std::string> Used;
  for (const FunctionSummary *F : P.functions())
    for (const CallSite &C : F->Calls)
      if (!C.Via.empty())
        Used.insert(C.Via);
  for (const std::string &V : Used)
    if (auto It = P.vias().find(V); It != P.vias().end())
      Out.Vias.push_back({V, It->second.Objects, It->second.Unknown});
  // Allocation places of the tags tag tests read (ObjectTags.h).
  std::set<std::string> TagFields;
  for (const Program::TagTestAt &At : P.tagTests())
    if (std::optional<TagTest> T =
            parseTagFact(StringRef(*At.Guard).drop_front()))
      TagFields.insert(Program::tagField(T->Path).str());
  for (const auto &[Place, T] : P.allocTags())
    if (TagFields.count(Program::tagField(Place).str()))
      Out.Tags.push_back({Place, T.Values, T.Unknown});
  // What the field facts name, answered as the whole program answers (an
  // editor's file holds only slices of the functions they name).
  std::set<std::pair<std::string, unsigned>> Named;
  if (!P.testedFields().empty())
    for (const FunctionSummary *F : P.functions())
      forEachFieldSetRef(*F, [&](StringRef Key, unsigned Param) {
        Named.insert({Key.str(), Param});
      });
  // An editor takes a function its facts do not name as keeping every
  // field and setting none (Program::assumeFieldSetsKnown()): the answer
  // for most, and a row for each of the others.
  std::set<std::string> Sliced;
  for (const FunctionFact &FF : Out.Functions)
    Sliced.insert(FF.Slice.Key);
  for (const auto &[Key, Param] : Named) {
    const std::set<std::string> &S = P.setOnSuccess(Key, Param);
    FieldSetFact Row{Key, Param, {S.begin(), S.end()}, {}};
    for (const std::string &F : P.droppedFields(Key, Param))
      if (F == "*" || P.testedFields().count(F))
        Row.Dropped.push_back(F);
    Row.NonZeroIf = P.returnRange(Key, Param, /*NonZero=*/true);
    Row.ZeroIf = P.returnRange(Key, Param, /*NonZero=*/false);
    if (!Row.Set.empty() || !Row.Dropped.empty() || Row.NonZeroIf ||
        Row.ZeroIf || Sliced.count(Key))
      Out.FieldSets.push_back(std::move(Row));
  }
  // Where reaching functions run when only callbacks reach them: an
  // editor's file does not show who calls its functions.
  for (const FunctionFact &FF : Out.Functions)
    if (auto Only = RA.contexts().callbackOnly(FF.Slice.Key))
      Out.Contexts.push_back({FF.Slice.Key, std::move(*Only)});
  llvm::sort(Out.Fields, [](const FieldFact &A, const FieldFact &B) {
    return std::tie(A.Struct, A.Field, A.Object) <
           std::tie(B.Struct, B.Field, B.Object);
  });
  return Out;
}
