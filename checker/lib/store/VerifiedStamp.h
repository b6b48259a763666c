//===- VerifiedStamp.h - A store nobody wrote since it was checked -*- C++ -*-===//
//
// SQLite's quick_check reads every page of the store: a third of a second
// of every warm whole-tree run. A run that nothing needs to write leaves
// the file as it found it, so the check of the run before still holds.
// Beside the store, "summaries.db-verified" holds the file's stat (size,
// mtime, ctime, device, inode) as it was when a check passed; while the
// file's stat is the same and no write-ahead log has content, nobody has
// written it since and the check is skipped. A file changed in the last
// second is never vouched for: timestamps are coarser than that, and a
// write in the same tick could leave them as they were.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_STORE_VERIFIEDSTAMP_H
#define FPUTCHECK_STORE_VERIFIEDSTAMP_H

#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace fputcheck {

/// The stat of the store at \p Path as text, or nothing when it cannot be
/// vouched for: not there, changed in the last second, or with a
/// write-ahead log that has content.
std::optional<std::string> storeStamp(llvm::StringRef Path);

/// Whether the store at \p Path is, by its stamp, as it was when its
/// check last passed.
bool verifiedAsIs(llvm::StringRef Path);

/// Records that the check of the store at \p Path passed when its stamp
/// was \p Stamp, if it still is.
void rememberVerified(llvm::StringRef Path, const std::string &Stamp);

} // namespace fputcheck

#endif
