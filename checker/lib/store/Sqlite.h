//===- Sqlite.h - A thin RAII layer over the SQLite C API -------*- C++ -*-===//
//
// Just enough to keep handles from leaking and errors from being ignored:
// every failure becomes an llvm::Error carrying SQLite's own message.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_STORE_SQLITE_H
#define FPUTCHECK_STORE_SQLITE_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <cstdint>
#include <memory>

struct sqlite3;
struct sqlite3_stmt;

namespace fputcheck {
namespace sql {

class Statement {
public:
  Statement() = default;
  Statement(sqlite3 *Db, sqlite3_stmt *S) : Db(Db), S(S) {}
  Statement(Statement &&O) : Db(O.Db), S(O.S) { O.S = nullptr; }
  Statement &operator=(Statement &&O);
  Statement(const Statement &) = delete;
  Statement &operator=(const Statement &) = delete;
  ~Statement();

  /// Parameters are 1-based, as in SQLite. Values are copied.
  Statement &bind(int I, int64_t V);
  Statement &bind(int I, llvm::StringRef V);
  Statement &bindReal(int I, double V);
  Statement &bindBlob(int I, llvm::ArrayRef<uint8_t> V);
  Statement &bindNull(int I);

  /// Runs one step: true with a row to read, false when done or on error
  /// (then error() is set). Resets automatically after the last row.
  bool step();
  /// Steps to completion, ignoring rows (INSERT, UPDATE, DELETE).
  llvm::Error run();
  /// The error of the last step, if any; clears it.
  llvm::Error takeError();
  void reset();

  int64_t integer(int Col) const;
  double real(int Col) const;
  llvm::StringRef text(int Col) const;
  llvm::ArrayRef<uint8_t> blob(int Col) const;
  bool isNull(int Col) const;

private:
  sqlite3 *Db = nullptr;
  sqlite3_stmt *S = nullptr;
  int LastError = 0;
  std::string LastMessage;
};

class Database {
public:
  Database() = default;
  Database(Database &&O) : Db(O.Db) { O.Db = nullptr; }
  Database &operator=(Database &&O);
  Database(const Database &) = delete;
  Database &operator=(const Database &) = delete;
  ~Database();

  /// Opens (creating when \p Create) the database at \p Path.
  static llvm::Expected<Database> open(llvm::StringRef Path, bool Create);

  llvm::Error exec(llvm::StringRef SQL);
  llvm::Expected<Statement> prepare(llvm::StringRef SQL);
  int64_t lastInsertId() const;
  /// Closes now; an error names what SQLite could not flush.
  llvm::Error close();
  bool isOpen() const { return Db; }
  sqlite3 *handle() const { return Db; }

private:
  explicit Database(sqlite3 *Db) : Db(Db) {}
  sqlite3 *Db = nullptr;
};

/// Runs \p Body inside BEGIN IMMEDIATE ... COMMIT; rolls back when it fails.
llvm::Error transaction(Database &Db,
                        llvm::function_ref<llvm::Error()> Body);

} // namespace sql
} // namespace fputcheck

#endif
