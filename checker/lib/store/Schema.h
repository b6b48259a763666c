//===- Schema.h - The tables of a summary store -----------------*- C++ -*-===//
//
// The schema is documented for users in docs/store.md; bump the version on
// any change to it, so older stores are rebuilt rather than misread. Tables
// and indexes a store may lack (addFailureTables, addReaderIndex,
// addFactsTables, the stored findings) are the exception:
// they are added to a store of the same version when it is opened or first
// written.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_STORE_SCHEMA_H
#define FPUTCHECK_STORE_SCHEMA_H

#include "store/Sqlite.h"
#include <string>

namespace fputcheck {

constexpr int StoreSchemaVersion = 4;

/// Creates the tables of a store and marks it as ours, unless the database
/// has tables already; returns whether it created them.
llvm::Expected<bool> ensureSchema(sql::Database &Db);

/// Adds the tables of failed parses where they are missing.
llvm::Error addFailureTables(sql::Database &Db);
/// Adds the index of TU inputs by file where it is missing.
llvm::Error addReaderIndex(sql::Database &Db);
/// Adds the tables of reach facts (fputcheck/Facts.h) where they are missing.
llvm::Error addFactsTables(sql::Database &Db);

enum class StoreHealth {
  Ok,
  /// A database without any table: being created, or never finished.
  Empty,
  /// Unreadable, failing SQLite's integrity check or missing tables.
  Corrupt,
  /// A store written by a fputcheck with an older schema (or one that does
  /// not say which).
  OlderVersion,
  /// A store written by a fputcheck with a newer schema.
  NewerVersion,
  /// A healthy SQLite database that is not a summary store: never deleted.
  NotAStore,
};

/// Whether the store open in \p Db can be trusted; \p Why says why not.
/// Without \p ReadEveryPage, SQLite's quick_check is not run (the file is
/// known to be as it was when one passed: store/VerifiedStamp.h).
StoreHealth checkSchema(sql::Database &Db, std::string &Why,
                        bool ReadEveryPage = true);

} // namespace fputcheck

#endif
