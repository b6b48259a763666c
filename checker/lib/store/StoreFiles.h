//===- StoreFiles.h - A store's files, changed under other users -*- C++ -*-===//
//
// Deleting or replacing a store's files is the one thing SQLite's locking
// does not make safe: a process that has them open keeps writing to files
// no longer there. Everything here that removes or renames a store runs
// with the store's lock held exclusively (store/StoreLock.h), which no
// fputcheck using the store lets anyone take, and first asks SQLite whether
// another program (sqlite3, an editor's reader, an older fputcheck) has the
// database open.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_STORE_STOREFILES_H
#define FPUTCHECK_STORE_STOREFILES_H

#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/Error.h"
#include <chrono>
#include <string>
#include <vector>

namespace fputcheck {

/// How long a store's lock is waited for: SQLite's busy timeout.
constexpr std::chrono::milliseconds StoreLockWait{60000};

/// "<Path>: error: <Msg>".
llvm::Error storeError(llvm::StringRef Path, const llvm::Twine &Msg);

/// Removes the database at \p Path and its side files, never its lock file.
/// The caller holds the store's lock exclusively.
void removeStoreFiles(llvm::StringRef Path);

/// Whether some connection, of this process or another, has the database at
/// \p Path open: SQLite refuses an exclusive lock then. A file that is not
/// a database is open nowhere that matters.
bool openElsewhere(llvm::StringRef Path);

/// Where a fputcheck of schema \p Schema keeps its summaries while the store
/// at \p Path belongs to another version it must not replace:
/// "summaries.db" -> "summaries.v3.db".
std::string versionedStorePath(llvm::StringRef Path, int Schema);

/// Puts the finished store \p Tmp (a name no other process knows) in place
/// of the store at \p Path, once no process has that open; waits \p Wait
/// for them at most.
llvm::Error replaceStore(llvm::StringRef Path, llvm::StringRef Tmp,
                         std::chrono::milliseconds Wait);

/// Removes the stores beside \p Path that fputchecks of this schema or an
/// older one kept while \p Path was not theirs to use ("summaries.v2.db"),
/// except \p InUse and any a process has open; returns the paths removed.
std::vector<std::string> removeOldVersions(llvm::StringRef Path,
                                           llvm::StringRef InUse);

} // namespace fputcheck

#endif
