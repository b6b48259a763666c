//===- RunContexts.h - Where a chain's root may run -------------*- C++ -*-===//
//
// Context tests (rules: context_tests) recorded at call sites say where a call
// may run; this says where a chain's root may run, so a chain through
// `if (!(current->flags & PF_WQ_WORKER)) return;` is kept only from a root
// that can run in a workqueue worker. A function runs in plain process
// context when an open function reaches it over any calls: one no call
// reaches that is no callback (a system call), an export, one whose address
// escapes or is stored into a field that is no callback's. It also runs in
// the context of every callback (rules: callbacks) from which it is reached.
// Calls through struct fields on that path are guesses like those on a
// chain, and count against the same budget (rules: max_indirect_calls): a
// finding rests on at most that many guesses from the callback to the sync
// call. rules: runs_in places a function whatever its callers (boot code
// runs on the idle task, a kernel thread).
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_ANALYSIS_RUNCONTEXTS_H
#define FPUTCHECK_ANALYSIS_RUNCONTEXTS_H

#include "fputcheck/Program.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include <array>
#include <optional>

namespace fputcheck {

class RunContexts {
public:
  RunContexts(const Program &P, const Rules &R);

  /// Contexts (ContextBit mask) a chain rooted at \p Key may start in when
  /// the path from a callback to \p Key may pass at most \p Guesses calls
  /// through struct fields.
  unsigned rootMask(llvm::StringRef Key, unsigned Guesses) const;
  /// Where \p Key runs when the whole program shows it never runs in plain
  /// process context: the fewest guessed field calls from a callback of
  /// each context (by ContextBit index); nullopt when it may run there.
  std::optional<std::vector<std::pair<unsigned, unsigned>>>
  callbackOnly(llvm::StringRef Key) const;
  /// Of \p Mask, the contexts in which every fact of \p Guards holds.
  unsigned allow(unsigned Mask, llvm::ArrayRef<std::string> Guards) const;
  /// One step of a chain: of \p Before, the contexts left after a call
  /// with \p Guards, the chain having passed \p Indirect field calls by then.
  /// A non-empty \p Root (a function, not a registered callback) is also
  /// held to the contexts it can reach within the guesses left.
  unsigned narrow(unsigned Before, llvm::StringRef Root, unsigned Indirect,
                  llvm::ArrayRef<std::string> Guards) const;
  /// Of \p Mask, the contexts a chain entering \p Key continues in: those
  /// the rules place it in (runs_in), all when they say nothing.
  unsigned enter(unsigned Mask, llvm::StringRef Key) const {
    return Mask & R.runsIn(keyName(Key));
  }
  /// Contexts in which sync variant \p Key runs its release: where every
  /// context test its body makes on the way to a call holds (6.1's
  /// `BUG_ON(!(task->flags & PF_KTHREAD))` in __fput_sync()).
  unsigned syncMask(llvm::StringRef Key) const;

private:
  const Program &P;
  const Rules &R;
  static constexpr unsigned NumBits = 5;
  /// Per function, for each context bit, the fewest guessed field calls on
  /// a path from a callback of that context (~0u: none).
  llvm::StringMap<std::array<unsigned, NumBits>> Fewest;
  /// Whether the searches ran (rules that ask about contexts).
  bool Placed = false;
};

} // namespace fputcheck

#endif
