//===- ExitEffects.h - A function's net effect on locks ---------*- C++ -*-===//
//
// What a function does to its caller's locks is read per path into the exit
// block, with what that path returns (docs/checks.md, "Lock effects of called
// functions"):
//   - a lock held only where the function returns nonzero (or only zero)
//     makes it a trylock with that success value;
//   - a lock held on a path that returns a trylock's result, taken by that
//     trylock, is held only on the result that says it succeeded;
//   - a caller's lock released and taken again is no effect;
//   - a lock on a local comes named through the local's initializer
//     (LocalAliases.h, applied by the transfer); an acquisition a caller
//     still cannot name is not applied, while such a release falls back to
//     the caller's first argument (LockOps.cpp).
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_EXTRACT_EXITEFFECTS_H
#define FPUTCHECK_EXTRACT_EXITEFFECTS_H

#include "extract/FunctionAnalyzer.h"
#include "extract/LockState.h"
#include "extract/LockTransfer.h"
#include "clang/Analysis/CFG.h"
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace fputcheck {

class ExitEffects {
public:
  /// For the body of \p FD, whose CFG is \p Cfg, under transfer \p T.
  ExitEffects(const clang::FunctionDecl *FD, const clang::CFG &Cfg,
              const LockTransfer &T)
      : FD(FD), Cfg(Cfg), T(T) {}

  /// Notes each path from \p B into the exit block, with \p Out, the state
  /// at B's end. A block ending in a noreturn call (BUG(), panic()) returns
  /// nothing: Clang links it to the exit, but no lock returns that way.
  void noteBlockEnd(const clang::CFGBlock &B, const LockState &Out);

  /// The net effect over the paths noted.
  std::vector<LockEffect> effects();

private:
  /// What a block ending in a return statement returns.
  struct ReturnValue {
    enum { Unknown, Zero, NonZero, Trylock } Kind = Unknown;
    const clang::CallExpr *Try = nullptr;
    bool Same = true;
  };
  ReturnValue returnValueOf(const clang::CFGBlock &B,
                            const LockState &Out) const;
  /// The effect \p Op on lock \p Key, in terms a caller can apply, or none
  /// when the caller cannot name the lock it takes.
  std::optional<LockEffect> effectForKey(LockOp Op, const std::string &Key,
                                         const std::string &Text,
                                         const std::string &Kind,
                                         const std::string &Prim);

  const clang::FunctionDecl *FD;
  const clang::CFG &Cfg;
  const LockTransfer &T;
  /// Each path into the exit block: its state and what it returns.
  std::vector<std::pair<LockState, ReturnValue>> ExitPaths;
};

} // namespace fputcheck

#endif
