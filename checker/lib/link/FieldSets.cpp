//===- FieldSets.cpp - Pointer fields known set, across functions ---------===//
//
// Extraction writes what a function knows set in an object in terms of
// other functions ("@fh_compose#0": that call returned zero; "~fh_update#0":
// the object was passed there since; "+nfserrno#0": that function's result
// is nonzero whenever its argument 0 is). Here those terms are resolved over
// the linked program. Both questions recurse through callees; a cycle
// answers "nothing set" for setOnSuccess() (it must be proved) and
// "nothing dropped" for droppedFields() (a pointer passed round a cycle is
// only passed on).
//
//===----------------------------------------------------------------------===//

#include "fputcheck/Program.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringRef.h"

using namespace llvm;
using namespace fputcheck;

namespace {
/// "key#3" -> (key, 3).
std::optional<std::pair<StringRef, unsigned>> callArg(StringRef S) {
  auto [Key, Num] = S.rsplit('#');
  unsigned I;
  if (Key.empty() || Num.getAsInteger(10, I))
    return std::nullopt;
  return std::pair(Key, I);
}

/// The parameter an argument key names when it is the parameter itself
/// ("$2"), or -1.
int wholeParam(StringRef ArgKey) {
  unsigned I;
  if (!ArgKey.consume_front("$") || ArgKey.getAsInteger(10, I))
    return -1;
  return int(I);
}
} // namespace

void fputcheck::forEachFieldSetRef(
    const FunctionSummary &F,
    function_ref<void(StringRef Key, unsigned Param)> Each) {
  auto Fact = [&](StringRef Fact) {
    auto [What, CondList] = Fact.split('|');
    SmallVector<StringRef, 4> Parts;
    CondList.split(Parts, ',', -1, /*KeepEmpty=*/false);
    Parts.push_back(What);
    for (StringRef P : Parts)
      if (P.consume_front("@") || P.consume_front("~") ||
          P.consume_front("?") || P.consume_front("+") || P.consume_front("="))
        if (auto CA = callArg(P))
          Each(CA->first, CA->second);
  };
  for (const CallSite &C : F.Calls)
    for (const auto &[I, S] : C.ArgFields)
      Fact(S);
  for (const auto &[I, S] : F.SuccessFields)
    Fact(S);
}

void Program::assumeFieldSets(const std::string &Key, unsigned Param,
                              std::vector<std::string> Set,
                              std::vector<std::string> Dropped) {
  // The whole program's answers: asked, they are simply already known.
  SetCache[{Key, Param}] = std::set<std::string>(Set.begin(), Set.end());
  DropCache[{Key, Param}] =
      std::set<std::string>(Dropped.begin(), Dropped.end());
}

std::set<std::string> Program::resolveFields(
    ArrayRef<std::string> Facts,
    function_ref<const std::vector<std::string> *(unsigned)> Entry) const {
  std::set<std::string> Out;
  for (StringRef Fact : Facts) {
    auto [What, CondList] = Fact.split('|');
    SmallVector<StringRef, 4> Conds;
    if (!CondList.empty())
      CondList.split(Conds, ',');
    std::vector<std::string> Fields;
    if (What.consume_front("@")) {
      if (auto CA = callArg(What)) {
        const std::set<std::string> &S = setOnSuccess(CA->first, CA->second);
        Fields.assign(S.begin(), S.end());
      }
    } else if (What.consume_front("^")) {
      unsigned P;
      if (!What.getAsInteger(10, P))
        if (const std::vector<std::string> *E = Entry(P))
          Fields = *E;
    } else {
      Fields.push_back(What.str());
    }
    for (const std::string &F : Fields) {
      if (Out.count(F) || !TestedFields.count(F))
        continue;
      bool Holds = all_of(Conds, [&](StringRef C) {
        if (C.consume_front("!"))
          return C != F;
        bool Kept = C.consume_front("~");
        bool SetBy = !Kept && C.consume_front("?");
        if (!Kept && !SetBy && (C.starts_with("+") || C.starts_with("="))) {
          bool NonZero = C.front() == '+';
          auto CA = callArg(C.drop_front());
          return CA && returnRange(CA->first, CA->second, NonZero);
        }
        auto CA = callArg(C);
        if (!CA || (!Kept && !SetBy))
          return false;
        return Kept ? keepsField(CA->first, CA->second, F)
                    : setOnSuccess(CA->first, CA->second).count(F) > 0;
      });
      if (Holds)
        Out.insert(F);
    }
  }
  return Out;
}

const std::set<std::string> &Program::setOnSuccess(StringRef Key,
                                                   unsigned Param) const {
  static const std::set<std::string> None;
  std::pair<std::string, unsigned> K{Key.str(), Param};
  if (auto It = SetCache.find(K); It != SetCache.end())
    return It->second;
  const FunctionSummary *F = function(Key);
  if (!F || F->SuccessFields.empty() || !SetBusy.insert(K).second)
    return None;
  std::vector<std::string> Facts;
  for (const auto &[P, Fact] : F->SuccessFields)
    if (P == Param)
      Facts.push_back(Fact);
  std::set<std::string> S =
      resolveFields(Facts, [](unsigned) { return nullptr; });
  SetBusy.erase(K);
  return SetCache[K] = std::move(S);
}

bool Program::returnRange(StringRef Key, unsigned Param, bool NonZero) const {
  if (auto It = RangeCache.find({Key.str(), Param}); It != RangeCache.end())
    return NonZero ? It->second.first : It->second.second;
  const FunctionSummary *F = function(Key);
  return F && is_contained(NonZero ? F->NonZeroIf : F->ZeroIf, Param);
}

bool Program::keepsField(StringRef Key, unsigned Param,
                         StringRef Field) const {
  const std::set<std::string> &D = droppedFields(Key, Param);
  return !D.count("*") && !D.count(Field.str());
}

const std::set<std::string> &Program::droppedFields(StringRef Key,
                                                    unsigned Param) const {
  static const std::set<std::string> All{"*"};
  std::pair<std::string, unsigned> K{Key.str(), Param};
  if (auto It = DropCache.find(K); It != DropCache.end())
    return It->second;
  static const std::set<std::string> None;
  const FunctionSummary *F = function(Key);
  if (!F) // No body here: it may do anything, unless the facts said.
    return FieldSetsKnown ? None : All;
  DropCache[K]; // A cycle drops nothing more.
  std::set<std::string> Out;
  for (const auto &[P, Cleared] : F->FieldClears)
    if (P == Param)
      Out.insert(Cleared);
  for (const CallSite &C : F->Calls)
    for (unsigned I = 0; I < C.ArgKeys.size() && !Out.count("*"); ++I) {
      if (wholeParam(C.ArgKeys[I]) != int(Param) ||
          is_contained(C.ReadOnlyArgs, I))
        continue;
      if (C.Callee.empty()) {
        Out.insert("*"); // Through a pointer: any function.
        continue;
      }
      const std::set<std::string> &More = droppedFields(C.Callee, I);
      Out.insert(More.begin(), More.end());
    }
  if (Out.count("*"))
    Out = All;
  return DropCache[K] = std::move(Out);
}

std::set<std::string> Program::argFieldsSet(
    const CallSite &C, unsigned Arg,
    function_ref<const std::vector<std::string> *(unsigned)> Entry) const {
  if (TestedFields.empty())
    return {};
  std::vector<std::string> Facts;
  for (const auto &[I, Fact] : C.ArgFields)
    if (I == Arg)
      Facts.push_back(Fact);
  return resolveFields(Facts, Entry);
}
