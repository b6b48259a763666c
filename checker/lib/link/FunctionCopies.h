//===- FunctionCopies.h - One copy of each function across TUs --*- C++ -*-===//
//
// Every TU that uses a header inline summarises it; the linked program keeps
// one copy of each function key (Program::link). Dropping the other copies
// as TUs arrive, instead of after all are in, halves the memory a whole tree
// needs. The copy kept is the one of the TU first in command order whatever
// order the TUs arrive in, so the result never depends on timing, and runs
// with and without the store agree.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_LINK_FUNCTIONCOPIES_H
#define FPUTCHECK_LINK_FUNCTIONCOPIES_H

#include "fputcheck/Summary.h"
#include "llvm/ADT/StringMap.h"
#include <optional>

namespace fputcheck {

class FunctionCopies {
public:
  explicit FunctionCopies(size_t NumTUs) : TUs(NumTUs) {}

  /// Takes the summary of TU number \p Index (its position in command order).
  void add(size_t Index, TUSummary S);
  /// The summaries added, in index order, each function key in exactly one.
  std::vector<TUSummary> take();

private:
  struct Holder {
    size_t TU;
    size_t Fn;
  };
  std::vector<std::optional<TUSummary>> TUs;
  llvm::StringMap<Holder> Owner;
};

} // namespace fputcheck

#endif
