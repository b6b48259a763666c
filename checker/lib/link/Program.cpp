//===- Program.cpp - TU summaries linked into one call graph ----*- C++ -*-===//

#include "fputcheck/Program.h"

#include "llvm/ADT/STLExtras.h"

using namespace llvm;
using namespace fputcheck;

StringRef fputcheck::keyName(StringRef Key) { return Key.split('@').first; }

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
      if (!R.MaxFieldTargets || Stored <= R.MaxFieldTargets) {
        IndirectTargets[&C] = &It->second;
        ++Counts.ByField;
      } else {
        ++Counts.Capped;
      }
    }
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

std::vector<TUSummary> Program::takeTUs() {
  // Everything below points into TUs.
  ByKey.clear();
  Ordered.clear();
  FieldTargets.clear();
  TableTargets.clear();
  Vias.clear();
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
