//===- Schema.h - The tables of a summary store -----------------*- C++ -*-===//
//
// The schema is documented for users in docs/store.md; bump the version on
// any change to it, so older stores are rebuilt rather than misread. Tables
// a store may lack (addFailureTables) are the exception: they are added to
// an older store of the same version when it is opened.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_STORE_SCHEMA_H
#define FPUTCHECK_STORE_SCHEMA_H

#include "store/Sqlite.h"
#include <string>

namespace fputcheck {

constexpr int StoreSchemaVersion = 2;

/// Creates the tables of an empty store and marks it as ours.
llvm::Error createSchema(sql::Database &Db);

/// Adds the tables of failed parses where they are missing.
llvm::Error addFailureTables(sql::Database &Db);

enum class StoreHealth {
  Ok,
  /// Unreadable, failing SQLite's integrity check or missing tables.
  Corrupt,
  /// A store written by a fputcheck with another schema.
  OtherVersion,
  /// A healthy SQLite database that is not a summary store: never deleted.
  NotAStore,
};

/// Whether the store open in \p Db can be trusted; \p Why says why not.
StoreHealth checkSchema(sql::Database &Db, std::string &Why);

} // namespace fputcheck

#endif
