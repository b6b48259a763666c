//===- Program.cpp - TU summaries linked into one call graph ----*- C++ -*-===//

#include "fputcheck/Program.h"
#include "extract/FieldStates.h"
#include "extract/ObjectTags.h"

#include "llvm/ADT/STLExtras.h"
#include <set>

using namespace llvm;
using namespace fputcheck;

StringRef fputcheck::keyName(StringRef Key) { return Key.split('@').first; }

StringRef fputcheck::directoryOf(StringRef File) {
  return File.rsplit('/').first;
}

static void sortUnique(std::vector<std::string> &Keys) {
  llvm::sort(Keys);
  Keys.erase(std::unique(Keys.begin(), Keys.end()), Keys.end());
}

void Program::add(TUSummary S) { TUs.push_back(std::move(S)); }

void Program::link(const Rules &R) {
  // Input order must not matter: the same tree gives the same graph.
  llvm::sort(TUs, [](const TUSummary &A, const TUSummary &B) {
    return A.MainFile < B.MainFile;
  });
  for (const TUSummary &TU : TUs) {
    for (const FunctionSummary &F : TU.Functions)
      ByKey.try_emplace(F.Key, &F); // First copy of a header inline wins.
    for (const FieldStore &S : TU.Stores) {
      Stores.push_back(S);
      if (!R.callbackForField(S.Struct, S.Field)) {
        FieldTargets[{S.Struct, S.Field}].push_back(S.Function);
        // Stores an editor's facts stand for carry no file (their home
        // comes with assumeFieldStores()).
        if (!S.File.empty())
          FieldDirs[{S.Struct, S.Field}].insert(directoryOf(S.File).str());
        if (!S.Object.empty())
          TableTargets[{S.Struct, S.Field, S.Object}].push_back(S.Function);
      }
    }
    for (const ObjectStore &O : TU.ObjectStores) {
      ViaObjects &V = Vias[O.Via];
      if (O.Object.empty())
        V.Unknown = true;
      else
        V.Objects.push_back(O.Object);
    }
    append_range(Exports, TU.Exports);
    for (const std::string &E : TU.Escapes)
      Escaped.insert(E);
  }
  for (auto &[Field, Fns] : FieldTargets)
    sortUnique(Fns);
  for (auto &[Field, Fns] : TableTargets)
    sortUnique(Fns);
  for (auto &[Via, V] : Vias)
    sortUnique(V.Objects);
  for (auto &E : ByKey)
    Ordered.push_back(E.second);
  llvm::sort(Ordered, [](const FunctionSummary *A, const FunctionSummary *B) {
    return A->Key < B->Key;
  });
  linkTags();
  for (const FunctionSummary *F : Ordered)
    for (const CallSite &C : F->Calls)
      for (const std::string &G : C.Guards)
        if (std::optional<FieldSetTest> T =
                parseFieldSetFact(StringRef(G).drop_front()))
          TestedFields.insert(T->Field);
  for (const FunctionSummary *F : Ordered)
    for (const CallSite &C : F->Calls) {
      if (!C.Callee.empty())
        continue;
      Counts.ThroughLoaded += !C.Via.empty();
      // Through a known constant table: exactly what its initializer holds.
      if (!C.Object.empty()) {
        auto TIt = TableTargets.find({C.Struct, C.Field, C.Object});
        if (TIt != TableTargets.end()) {
          IndirectTargets[&C] = &TIt->second;
          Exact.insert(&C);
          ++Counts.ByTable;
          continue;
        }
      }
      // Through an object whose every store showed its table: exactly what
      // those tables hold.
      if (const std::vector<std::string> *Fns = viaTargets(C)) {
        IndirectTargets[&C] = Fns;
        Exact.insert(&C);
        ++Counts.ByObjects;
        continue;
      }
      auto It = FieldTargets.find({C.Struct, C.Field});
      if (It == FieldTargets.end()) {
        ++Counts.NoStore;
        continue;
      }
      // A field every filesystem or driver fills (file_operations.open,
      // notifier_block.notifier_call) says nothing about which function this
      // call reaches: linking them all makes every chain through it noise.
      size_t Stored = It->second.size();
      auto Assumed = AssumedStores.find(It->first);
      if (Assumed != AssumedStores.end())
        Stored = std::max<size_t>(Stored, Assumed->second);
      // ...but a subsystem's own dispatch (io_uring's 15 task-work
      // functions, all stored in io_uring/) links only that subsystem's
      // code, which its callers in the same directory are written against.
      StringRef Home = localHome(It->first, Stored, R);
      bool Local = !Home.empty() && Home == directoryOf(F->File);
      if (!R.MaxFieldTargets || Stored <= R.MaxFieldTargets || Local) {
        IndirectTargets[&C] = &It->second;
        ++Counts.ByField;
      } else {
        ++Counts.Capped;
      }
    }
}

StringRef Program::localHome(const std::pair<std::string, std::string> &F,
                             size_t Stored, const Rules &R) const {
  auto It = FieldDirs.find(F);
  if (Stored > R.MaxLocalFieldTargets || It == FieldDirs.end() ||
      It->second.size() != 1)
    return "";
  return *It->second.begin();
}

const std::vector<std::string> *Program::viaTargets(const CallSite &C) {
  if (C.Via.empty())
    return nullptr;
  auto V = Vias.find(C.Via);
  if (V == Vias.end() || !V->second.exact())
    return nullptr;
  auto [It, New] = ViaTargets.try_emplace({C.Struct, C.Field, C.Via});
  if (New) {
    for (const std::string &O : V->second.Objects) {
      auto T = TableTargets.find({C.Struct, C.Field, O});
      if (T != TableTargets.end())
        append_range(It->second, T->second);
    }
    sortUnique(It->second);
  }
  return &It->second;
}

void Program::assumeTags(const std::string &Place, const TagValues &V) {
  TagValues &T = AllocTags[Place];
  append_range(T.Values, V.Values);
  T.Unknown |= V.Unknown;
}

void Program::linkTags() {
  // An allocation: a call whose result went into container_of(), of a
  // function that sets an enum field of its result from a parameter.
  for (const FunctionSummary *F : Ordered)
    for (const CallSite &C : F->Calls) {
      if (C.Into.empty())
        continue;
      const FunctionSummary *A = function(C.Callee);
      if (!A)
        continue;
      for (const auto &[Param, Field] : A->ResultFields) {
        TagValues &T = AllocTags[C.Into + ">" + Field];
        auto V = llvm::find_if(C.ConstArgs, [&](const auto &CA) {
          return CA.first == Param;
        });
        int64_t N;
        if (V == C.ConstArgs.end() || StringRef(V->second).getAsInteger(10, N))
          T.Unknown = true;
        else
          T.Values.push_back(N);
      }
    }
  // A tag written anywhere but by its allocator may be any kind.
  std::set<std::string> Written;
  for (const TUSummary &TU : TUs)
    Written.insert(TU.TagWrites.begin(), TU.TagWrites.end());
  for (const FunctionSummary *F : Ordered)
    Written.insert(F->TagWrites.begin(), F->TagWrites.end());
  for (auto &[Place, T] : AllocTags) {
    T.Unknown |= Written.count(tagField(Place).str()) != 0;
    llvm::sort(T.Values);
    T.Values.erase(std::unique(T.Values.begin(), T.Values.end()),
                   T.Values.end());
    ++TagCount.Places;
    TagCount.KnownPlaces += !T.Unknown;
  }
  for (const FunctionSummary *F : Ordered)
    for (const CallSite &C : F->Calls) {
      size_t Before = TagTests.size();
      for (const std::string &G : C.Guards)
        if (StringRef(G).drop_front().starts_with(TagPrefix))
          TagTests.push_back({F, &G});
      TagCount.Tests += TagTests.size() != Before;
    }
}

std::optional<std::vector<int64_t>> Program::tags(StringRef Place) const {
  if (!Place.contains('>'))
    return std::nullopt;
  std::vector<int64_t> Out;
  bool Any = false;
  for (const auto &[At, T] : AllocTags) {
    StringRef A(At);
    if (A != Place && !(A.ends_with(Place) &&
                        A.drop_back(Place.size()).ends_with(">")))
      continue;
    if (T.Unknown)
      return std::nullopt;
    Any = true;
    append_range(Out, T.Values);
  }
  if (!Any)
    return std::nullopt;
  llvm::sort(Out);
  Out.erase(std::unique(Out.begin(), Out.end()), Out.end());
  return Out;
}

std::vector<TUSummary> Program::takeTUs() {
  // Everything below points into TUs.
  ByKey.clear();
  Ordered.clear();
  FieldTargets.clear();
  TableTargets.clear();
  Vias.clear();
  AllocTags.clear();
  TagTests.clear();
  TagCount = TagCounts();
  ViaTargets.clear();
  Counts = FieldCallCounts();
  Exact.clear();
  Exports.clear();
  Stores.clear();
  IndirectTargets.clear();
  return std::exchange(TUs, {});
}

const FunctionSummary *Program::function(StringRef Key) const {
  auto It = ByKey.find(Key);
  return It == ByKey.end() ? nullptr : It->second;
}

ArrayRef<std::string> Program::targets(const CallSite &C) const {
  if (!C.Callee.empty())
    return ArrayRef<std::string>(C.Callee);
  auto It = IndirectTargets.find(&C);
  return It == IndirectTargets.end() ? ArrayRef<std::string>()
                                     : ArrayRef<std::string>(*It->second);
}
