//===- StoredCommands.h - The compile database as a run keyed it -*- C++ -*-===//
//
// Reading a whole tree's compile database (10 MB of JSON) and sanitising and
// hashing each of its few thousand commands is a third of a warm run. The
// store keeps what came of it, per database file and extractor (the
// sanitising is extraction's): each selected TU's key, the flags dropped
// from its command, and the command itself. While the file has the same
// size and mtime, or the same content, a run takes the keys from here and
// reads a command only for a TU it parses.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_STORE_STOREDCOMMANDS_H
#define FPUTCHECK_STORE_STOREDCOMMANDS_H

#include "store/FileStamps.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace fputcheck {

/// One selected command of a compile database, as a run keys it.
struct StoredCommand {
  std::string File;   // Absolute main file.
  std::string Digest; // TUKey::Command.
  /// What the note about dropped flags counts ("plugin flag -fplugin=x").
  std::vector<std::string> Dropped;
  /// Empty when read from the store until asked for (commandAt()).
  clang::tooling::CompileCommand Cmd;
};

/// The command as stored bytes and back.
std::string encodeCommand(const clang::tooling::CompileCommand &C);
llvm::Expected<clang::tooling::CompileCommand>
decodeCommand(llvm::StringRef Bytes);

} // namespace fputcheck

#endif
