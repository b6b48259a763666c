//===- Sqlite.cpp - A thin RAII layer over the SQLite C API ---------------===//

#include "store/Sqlite.h"

#include <sqlite3.h>

using namespace llvm;
using namespace fputcheck::sql;

static Error sqliteError(sqlite3 *Db, int Code, const Twine &What) {
  const char *Msg = Db ? sqlite3_errmsg(Db) : sqlite3_errstr(Code);
  return createStringError(inconvertibleErrorCode(), "%s: %s",
                           What.str().c_str(), Msg);
}

Statement &Statement::operator=(Statement &&O) {
  if (this != &O) {
    sqlite3_finalize(S);
    Db = O.Db;
    S = O.S;
    O.S = nullptr;
  }
  return *this;
}

Statement::~Statement() { sqlite3_finalize(S); }

Statement &Statement::bind(int I, int64_t V) {
  sqlite3_bind_int64(S, I, V);
  return *this;
}

Statement &Statement::bind(int I, StringRef V) {
  sqlite3_bind_text64(S, I, V.data(), V.size(), SQLITE_TRANSIENT,
                      SQLITE_UTF8);
  return *this;
}

Statement &Statement::bindReal(int I, double V) {
  sqlite3_bind_double(S, I, V);
  return *this;
}

Statement &Statement::bindBlob(int I, ArrayRef<uint8_t> V) {
  // An empty blob must stay a blob, not NULL: SQLite reads a null pointer
  // as NULL.
  static const uint8_t Empty = 0;
  sqlite3_bind_blob64(S, I, V.empty() ? &Empty : V.data(), V.size(),
                      SQLITE_TRANSIENT);
  return *this;
}

Statement &Statement::bindNull(int I) {
  sqlite3_bind_null(S, I);
  return *this;
}

bool Statement::step() {
  int RC = sqlite3_step(S);
  if (RC == SQLITE_ROW)
    return true;
  if (RC != SQLITE_DONE && !LastError) {
    LastError = RC;
    LastMessage = sqlite3_errmsg(Db);
  }
  sqlite3_reset(S);
  return false;
}

Error Statement::run() {
  while (step())
    ;
  return takeError();
}

Error Statement::takeError() {
  if (!LastError)
    return Error::success();
  LastError = 0;
  return createStringError(inconvertibleErrorCode(), "%s",
                           LastMessage.c_str());
}

void Statement::reset() {
  sqlite3_reset(S);
  sqlite3_clear_bindings(S);
}

int64_t Statement::integer(int Col) const {
  return sqlite3_column_int64(S, Col);
}

double Statement::real(int Col) const { return sqlite3_column_double(S, Col); }

StringRef Statement::text(int Col) const {
  const unsigned char *P = sqlite3_column_text(S, Col);
  return P ? StringRef(reinterpret_cast<const char *>(P),
                       sqlite3_column_bytes(S, Col))
           : StringRef();
}

ArrayRef<uint8_t> Statement::blob(int Col) const {
  const void *P = sqlite3_column_blob(S, Col);
  return P ? ArrayRef<uint8_t>(static_cast<const uint8_t *>(P),
                               sqlite3_column_bytes(S, Col))
           : ArrayRef<uint8_t>();
}

bool Statement::isNull(int Col) const {
  return sqlite3_column_type(S, Col) == SQLITE_NULL;
}

Database &Database::operator=(Database &&O) {
  if (this != &O) {
    sqlite3_close_v2(Db);
    Db = O.Db;
    O.Db = nullptr;
  }
  return *this;
}

Database::~Database() { sqlite3_close_v2(Db); }

Expected<Database> Database::open(StringRef Path, bool Create) {
  sqlite3 *Db = nullptr;
  int Flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX |
              (Create ? SQLITE_OPEN_CREATE : 0);
  int RC = sqlite3_open_v2(Path.str().c_str(), &Db, Flags, nullptr);
  if (RC != SQLITE_OK) {
    Error E = sqliteError(Db, RC, "cannot open");
    sqlite3_close_v2(Db);
    return E;
  }
  // Another fputcheck on the same store waits for it instead of failing.
  sqlite3_busy_timeout(Db, 60000);
  return Database(Db);
}

Error Database::exec(StringRef SQL) {
  char *Msg = nullptr;
  int RC = sqlite3_exec(Db, SQL.str().c_str(), nullptr, nullptr, &Msg);
  if (RC == SQLITE_OK)
    return Error::success();
  std::string Text = Msg ? Msg : sqlite3_errstr(RC);
  sqlite3_free(Msg);
  return createStringError(inconvertibleErrorCode(), "%s", Text.c_str());
}

Expected<Statement> Database::prepare(StringRef SQL) {
  sqlite3_stmt *S = nullptr;
  int RC = sqlite3_prepare_v3(Db, SQL.data(), SQL.size(),
                              SQLITE_PREPARE_PERSISTENT, &S, nullptr);
  if (RC != SQLITE_OK)
    return sqliteError(Db, RC, "cannot prepare '" + SQL.take_front(60) + "'");
  return Statement(Db, S);
}

int64_t Database::lastInsertId() const {
  return sqlite3_last_insert_rowid(Db);
}

Error Database::close() {
  if (!Db)
    return Error::success();
  // Statements still alive only delay the close (close_v2), never leak it.
  int RC = sqlite3_close_v2(Db);
  if (RC != SQLITE_OK)
    return sqliteError(Db, RC, "cannot close");
  Db = nullptr;
  return Error::success();
}

Error fputcheck::sql::transaction(Database &Db, function_ref<Error()> Body) {
  if (Error E = Db.exec("BEGIN IMMEDIATE"))
    return E;
  if (Error E = Body()) {
    consumeError(Db.exec("ROLLBACK"));
    return E;
  }
  if (Error E = Db.exec("COMMIT")) {
    consumeError(Db.exec("ROLLBACK"));
    return E;
  }
  return Error::success();
}
