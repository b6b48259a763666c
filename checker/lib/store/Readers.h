//===- Readers.h - Which stored TUs read a file -----------------*- C++ -*-===//
//
// Every stored TU keeps the files its parse read; patch review and the
// editor ask the reverse: which TUs must be parsed again when these files
// change.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_STORE_READERS_H
#define FPUTCHECK_STORE_READERS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace fputcheck {

/// Main files (sorted, unique) of the TUs stored in \p StorePath that read
/// any of \p Files (absolute paths), their own main file included.
llvm::Expected<std::vector<std::string>>
storedReadersOf(llvm::StringRef StorePath, llvm::ArrayRef<std::string> Files);

} // namespace fputcheck

#endif
