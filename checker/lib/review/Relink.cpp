//===- Relink.cpp - The patched program from the base's summaries ---------===//

#include "review/Relink.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

using namespace llvm;
using namespace fputcheck;

namespace {
/// Whether every function \p Was holds is in \p Now too.
bool keepsEveryFunction(const TUSummary &Was, const TUSummary &Now) {
  StringSet<> Has;
  for (const FunctionSummary &F : Now.Functions)
    Has.insert(F.Key);
  return llvm::all_of(Was.Functions, [&](const FunctionSummary &F) {
    return Has.contains(F.Key);
  });
}
} // namespace

std::unique_ptr<Program> fputcheck::relinkPatched(
    Program &Base, std::vector<TUSummary> &Adding, const Rules &R) {
  StringMap<const TUSummary *> Patched;
  for (const TUSummary &S : Adding)
    Patched[S.MainFile] = &S;
  std::vector<TUSummary> TUs = Base.takeTUs();
  // Linking keeps the first copy of a function in main file order; a
  // replaced TU's copies were first among all TUs, so its patched version
  // wins wherever it has the function, exactly as when loading.
  bool Same = llvm::all_of(TUs, [&](const TUSummary &S) {
    auto It = Patched.find(S.MainFile);
    return It == Patched.end() || keepsEveryFunction(S, *It->second);
  });
  if (!Same) {
    for (TUSummary &S : TUs)
      Base.add(std::move(S));
    return nullptr;
  }
  auto P = std::make_unique<Program>();
  for (TUSummary &S : TUs)
    if (!Patched.count(S.MainFile))
      P->add(std::move(S));
  for (TUSummary &S : Adding)
    P->add(std::move(S));
  P->link(R);
  return P;
}
