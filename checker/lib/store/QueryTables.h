//===- QueryTables.h - The call graph as tables users can query -*- C++ -*-===//
//
// The analysis reads only the stored summaries; these rows repeat what they
// say about the functions defined in each .c file (not the copies of header
// inlines every TU carries), for people exploring the graph with sqlite3.
// A row's columns are its record's fields that SummaryFields.h gives a
// column; which records are rows of which table, the keys that place a row
// (its TU, function and call) and the main-file rule are this class's.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_STORE_QUERYTABLES_H
#define FPUTCHECK_STORE_QUERYTABLES_H

#include "store/Sqlite.h"
#include "fputcheck/Summary.h"

namespace fputcheck {

class QueryTables {
public:
  /// Prepares its statements on \p Db, which must outlive it.
  static llvm::Expected<QueryTables> prepare(sql::Database &Db);

  /// Rows for TU \p TU; call inside the transaction that saves it.
  llvm::Error insert(int64_t TU, const TUSummary &S);
  /// Drops the rows of TU \p TU.
  llvm::Error erase(int64_t TU);

private:
  QueryTables(sql::Database &Db) : Db(&Db) {}
  sql::Database *Db;
  sql::Statement Function, Call, Held, Store, Export;
  sql::Statement EraseHeld, EraseCalls, EraseFunctions, EraseStores,
      EraseExports;
};

} // namespace fputcheck

#endif
