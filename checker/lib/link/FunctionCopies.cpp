//===- FunctionCopies.cpp - One copy of each function across TUs ----------===//

#include "link/FunctionCopies.h"

#include "llvm/ADT/STLExtras.h"

using namespace fputcheck;

void FunctionCopies::add(size_t Index, TUSummary S) {
  // A dropped copy is left empty (no key) and erased by take(): indices
  // recorded in Owner stay valid meanwhile.
  for (size_t I = 0; I < S.Functions.size(); ++I) {
    FunctionSummary &F = S.Functions[I];
    auto [It, New] = Owner.try_emplace(F.Key, Holder{Index, I});
    if (New)
      continue;
    Holder &H = It->second;
    if (H.TU < Index) {
      F = FunctionSummary();
      continue;
    }
    // This TU comes first: its copy replaces the one kept so far.
    TUs[H.TU]->Functions[H.Fn] = FunctionSummary();
    H = {Index, I};
  }
  TUs[Index] = std::move(S);
}

std::vector<TUSummary> FunctionCopies::take() {
  std::vector<TUSummary> Out;
  for (std::optional<TUSummary> &S : TUs) {
    if (!S)
      continue;
    llvm::erase_if(S->Functions,
                   [](const FunctionSummary &F) { return F.Key.empty(); });
    Out.push_back(std::move(*S));
  }
  TUs.clear();
  Owner.clear();
  return Out;
}
