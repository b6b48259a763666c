//===- ParsePool.h - Parsing TUs in parallel --------------------*- C++ -*-===//
//
// Runs the extract action over compile commands on a pool of workers, one TU
// per worker at a time. Every TU's outcome is handed to a callback as soon as
// it is known (the store saves it there), so an error, a clang crash (caught
// per TU) or an interrupt never loses what other TUs already produced.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_EXTRACT_PARSEPOOL_H
#define FPUTCHECK_EXTRACT_PARSEPOOL_H

#include "extract/CompileDB.h"
#include "fputcheck/Rules.h"
#include "fputcheck/Summary.h"
#include <chrono>
#include <functional>

namespace fputcheck {

struct TUOutcome {
  const clang::tooling::CompileCommand *Cmd = nullptr;
  bool Ok = false;
  TUSummary Summary;
  /// First error, "file:line:col: error: message", when !Ok.
  std::string Error;
  /// Every file the parse read (for cache keys); empty after a crash.
  std::vector<std::string> Inputs;
  /// When !Ok: every path the parse looked for and did not find. The
  /// failure stands while these stay missing and the inputs unchanged.
  std::vector<std::string> Absent;
  DroppedFlags Dropped;
  /// When the parse began: a file modified after it may not be what was
  /// parsed, so the store does not vouch for it.
  std::chrono::system_clock::time_point Started;
  double Seconds = 0;
};

/// Extracts one TU in the calling thread. \p SkipUnneededBodies: leave
/// unparsed the header function bodies the TU cannot reach (BodyNeeds.h);
/// the summary is the same either way.
TUOutcome extractOne(const clang::tooling::CompileCommand &Cmd, const Rules &R,
                     bool SkipUnneededBodies = true);

/// Extracts every command with \p Jobs workers; \p OnDone is called for each
/// TU, serialised, in completion order.
void extractAll(const std::vector<clang::tooling::CompileCommand> &Cmds,
                const Rules &R, unsigned Jobs,
                const std::function<void(TUOutcome &)> &OnDone);

} // namespace fputcheck

#endif
