//===- Session.h - From a compile database to a linked program --*- C++ -*-===//
#ifndef FPUTCHECK_SESSION_H
#define FPUTCHECK_SESSION_H

#include "Program.h"
#include "Rules.h"
#include <string>
#include <vector>

namespace fputcheck {

struct SessionOptions {
  std::string Database; // compile_commands.json or its folder.
  std::vector<std::string> Files;
  unsigned Jobs = 0;    // 0: every core.
  bool Quiet = false;
};

struct SessionStats {
  unsigned TUs = 0;
  unsigned Parsed = 0;
  unsigned Failed = 0;
  std::vector<std::string> Errors; // First error of each failed TU.
  std::vector<std::string> Notes;  // Dropped flags and the like.
};

/// Extracts every selected TU and links them into \p P. Input errors (no
/// database, unknown file) are returned; a TU that fails to parse is
/// counted and reported in \p Stats, never fatal.
llvm::Error buildProgram(const SessionOptions &O, const Rules &R, Program &P,
                         SessionStats &Stats, std::string &DBDir);

} // namespace fputcheck

#endif
