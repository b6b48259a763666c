//===- Log.h - Messages to the editor's log ---------------------*- C++ -*-===//
//
// clangd's logger lives in its private headers, which Debian does not ship;
// clangd writes its log to stderr and so do we, one whole line at a time so
// that lines from clangd's worker threads do not interleave mid-line.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_CLANGD_LOG_H
#define FPUTCHECK_CLANGD_LOG_H

#include "fputcheck/Diagnostic.h"
#include "llvm/ADT/Twine.h"

namespace fputcheck {
namespace tidy {

/// Writes "fputcheck: <Message>\n" to stderr.
void logLine(const llvm::Twine &Message);

/// Writes "fputcheck: " and \p D as the command line prints it, so that a
/// message reads the same in the editor's log and in a terminal.
void logDiagnostic(const Diagnostic &D);

} // namespace tidy
} // namespace fputcheck

#endif
