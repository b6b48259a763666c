//===- Diagnostic.h - What a run says besides its findings ------*- C++ -*-===//
//
// A TU that does not parse, a store that had to be rebuilt, a flag dropped
// from the compile commands, a suppression that matched nothing: messages
// about the run, not about the kernel. They are data, so that each front
// end shows them its own way: the command line on stderr as clang would,
// clangd in its log, a patch review only those about the store.
//
// A file that also uses namespace clang spells it fputcheck::Diagnostic:
// clang has one of its own.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_DIAGNOSTIC_H
#define FPUTCHECK_DIAGNOSTIC_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"
#include <string>

namespace fputcheck {

enum class Severity { Note, Warning, Error };

/// What a message is about, for a front end that shows some and not others
/// (patch review reports the store's problems, not the base tree's parse
/// failures).
enum class Origin {
  General, // The run itself: its flags, rules, suppressions.
  Parse,   // A TU that did not parse, and so is not in the program.
  Store,   // The summary store: rebuilt, unwritable, tidied.
};

struct Diagnostic {
  Severity Level = Severity::Error;
  std::string File;           // Empty: about no file.
  unsigned Line = 0, Col = 0; // 0: no line, no column.
  std::string Text;
  Origin From = Origin::General;
};

/// Clang's form, which the command line prints: "file:line:col: error:
/// text", "file:line: warning: text", "file: error: text", "note: text".
std::string render(const Diagnostic &D);
llvm::raw_ostream &operator<<(llvm::raw_ostream &OS, const Diagnostic &D);

/// Reads render()'s form back, for messages that still cross a string
/// boundary (an llvm::Error, clang's first error of a TU as the store keeps
/// it). Text without a severity is an error about no file.
Diagnostic parseDiagnostic(llvm::StringRef Rendered,
                           Origin From = Origin::General);

} // namespace fputcheck

#endif
