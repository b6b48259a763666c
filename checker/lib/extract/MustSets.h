//===- MustSets.h - Facts that hold on every path to a block ----*- C++ -*-===//
//
// The forward must analysis context tests (ContextTests.h) and extra file
// references (HeldRefs.h) share: a set per CFG block, the intersection over
// every path from the entry. Each caller says how a block's elements change
// the set and what a branch adds on each of its edges.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_EXTRACT_MUSTSETS_H
#define FPUTCHECK_EXTRACT_MUSTSETS_H

#include "clang/Analysis/CFG.h"
#include <optional>
#include <set>
#include <type_traits>
#include <vector>

namespace fputcheck {

/// Per CFG block (by ID): the elements that hold on entry on every path from
/// the function's entry, or nullopt for a block no path reaches. \p Block
/// (const CFGBlock &, std::set<T> &) applies a block's elements; \p Edge
/// (const CFGBlock &, unsigned SuccIndex, std::set<T> &) then what taking
/// that successor says, and may return false for an edge that passes
/// nothing on. A block ending in a noreturn call (BUG()) passes nothing on:
/// whatever follows runs only where it was not taken.
template <class T, class BlockFn, class EdgeFn>
std::vector<std::optional<std::set<T>>> mustSets(const clang::CFG &Cfg,
                                                 BlockFn Block, EdgeFn Edge) {
  unsigned N = Cfg.getNumBlockIDs();
  std::vector<std::optional<std::set<T>>> In(N);
  In[Cfg.getEntry().getBlockID()] = std::set<T>();
  std::vector<const clang::CFGBlock *> Work{&Cfg.getEntry()};
  std::vector<bool> Queued(N, false);
  while (!Work.empty()) {
    const clang::CFGBlock *B = Work.back();
    Work.pop_back();
    Queued[B->getBlockID()] = false;
    if (B->hasNoReturnElement())
      continue;
    std::set<T> AtEnd = *In[B->getBlockID()];
    Block(*B, AtEnd);
    unsigned Idx = 0;
    for (const clang::CFGBlock *S : B->succs()) {
      unsigned I = Idx++;
      if (!S)
        continue;
      std::set<T> Out = AtEnd;
      if constexpr (std::is_same_v<decltype(Edge(*B, I, Out)), bool>) {
        if (!Edge(*B, I, Out))
          continue;
      } else {
        Edge(*B, I, Out);
      }
      std::optional<std::set<T>> &Dst = In[S->getBlockID()];
      bool Changed = false;
      if (!Dst) {
        Dst = std::move(Out);
        Changed = true;
      } else {
        for (auto It = Dst->begin(); It != Dst->end();)
          if (!Out.count(*It)) {
            It = Dst->erase(It);
            Changed = true;
          } else {
            ++It;
          }
      }
      if (Changed && !Queued[S->getBlockID()]) {
        Queued[S->getBlockID()] = true;
        Work.push_back(S);
      }
    }
  }
  return In;
}

} // namespace fputcheck

#endif
