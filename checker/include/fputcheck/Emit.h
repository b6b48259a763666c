//===- Emit.h - Text, JSON and SARIF output ---------------------*- C++ -*-===//
//
// Emitters only format: findings arrive sorted, paths are made relative to
// the tree root here, and nothing depends on time, threads or the machine
// beyond the root path itself, so the same input gives the same bytes.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_EMIT_H
#define FPUTCHECK_EMIT_H

#include "fputcheck/Finding.h"
#include "llvm/Support/raw_ostream.h"
#include <vector>

namespace fputcheck {

struct EmitOptions {
  /// Absolute tree root; paths below it are printed relative to it.
  std::string Root;
  /// Patch review: each finding's state against the base ("new",
  /// "unchanged", "resolved"), in finding order; empty otherwise. JSON
  /// gives it as "state", SARIF as baselineState (resolved is "absent").
  std::vector<std::string> States;
};

/// Kernel style, one grep-able line per finding plus indented notes:
///   fs/x.c:12 f() warn: __fput_sync() reached with ... (g -> __fput_sync)
void emitText(const std::vector<Finding> &Fs, const EmitOptions &O,
              llvm::raw_ostream &OS);
void emitJSON(const std::vector<Finding> &Fs, const EmitOptions &O,
              llvm::raw_ostream &OS);
/// SARIF 2.1.0 (see docs/output.md for the shape).
void emitSARIF(const std::vector<Finding> &Fs, const EmitOptions &O,
               llvm::raw_ostream &OS);

} // namespace fputcheck

#endif
