//===- QueryTables.cpp - The call graph as tables users can query ---------===//

#include "store/QueryTables.h"
#include "store/SummaryFields.h"

#include "llvm/Support/ErrorHandling.h"

using namespace llvm;
using namespace fputcheck;

namespace {
/// The query-table columns of a record's fields (SummaryFields.h), in order.
struct ColumnNames {
  std::vector<const char *> Names;
  template <class T> void field(const Field &F, const T &) {
    if (F.Column)
      Names.push_back(F.Column);
  }
};

/// Binds the columns of a record's fields to the parameters from \p Next
/// on; an optional field that is empty is NULL.
struct ColumnBinder {
  sql::Statement &St;
  int Next;
  template <class T> void field(const Field &F, const T &V) {
    if (F.Column)
      bind(F, V);
  }
  void bind(const Field &F, const std::string &S) {
    if (F.Optional && S.empty())
      St.bindNull(Next++);
    else
      St.bind(Next++, S);
  }
  void bind(const Field &, unsigned N) { St.bind(Next++, int64_t(N)); }
  template <class T> void bind(const Field &, const std::vector<T> &) {
    llvm_unreachable("a vector is the rows of another table, not a column");
  }
};

/// "INSERT INTO Table(Keys..., columns of T...) VALUES(?1, ...)": the keys
/// that place a row (its TU, its function and call) come first.
template <class T>
std::string insertInto(StringRef Table, ArrayRef<const char *> Keys) {
  ColumnNames C;
  mapConstFields(C, T());
  std::string Columns, Params;
  unsigned N = 0;
  for (ArrayRef<const char *> Part : {Keys, ArrayRef(C.Names)})
    for (const char *Name : Part) {
      std::string Sep = N++ ? ", " : "";
      Columns += Sep + Name;
      Params += Sep + "?" + std::to_string(N);
    }
  return ("INSERT INTO " + Table + "(" + Columns + ") VALUES(" + Params + ")")
      .str();
}

/// Binds \p Record's columns after the \p Keys bound before, and runs.
template <class T>
Error insertRow(sql::Statement &St, int Keys, const T &Record) {
  ColumnBinder B{St, Keys + 1};
  mapConstFields(B, Record);
  return St.run();
}
} // namespace

Expected<QueryTables> QueryTables::prepare(sql::Database &Db) {
  QueryTables Q(Db);
  std::pair<sql::Statement *, std::string> All[] = {
      {&Q.Function, insertInto<FunctionSummary>("functions", {"tu"})},
      {&Q.Call, insertInto<CallSite>("calls", {"function", "idx"})},
      {&Q.Held, insertInto<HeldLock>("held_locks", {"function", "call"})},
      {&Q.Store, insertInto<FieldStore>("field_stores", {"tu"})},
      {&Q.Export, insertInto<ExportMark>("exports", {"tu"})},
      {&Q.EraseHeld, "DELETE FROM held_locks WHERE function IN "
                     "(SELECT id FROM functions WHERE tu = ?1)"},
      {&Q.EraseCalls, "DELETE FROM calls WHERE function IN "
                      "(SELECT id FROM functions WHERE tu = ?1)"},
      {&Q.EraseFunctions, "DELETE FROM functions WHERE tu = ?1"},
      {&Q.EraseStores, "DELETE FROM field_stores WHERE tu = ?1"},
      {&Q.EraseExports, "DELETE FROM exports WHERE tu = ?1"},
  };
  for (auto &[Stmt, SQL] : All) {
    auto S = Db.prepare(SQL);
    if (!S)
      return S.takeError();
    *Stmt = std::move(*S);
  }
  return Q;
}

Error QueryTables::insert(int64_t TU, const TUSummary &S) {
  for (const FunctionSummary &F : S.Functions) {
    if (F.File != S.MainFile)
      continue;
    Function.bind(1, TU);
    if (Error E = insertRow(Function, 1, F))
      return E;
    int64_t Id = Db->lastInsertId();
    for (size_t I = 0; I < F.Calls.size(); ++I) {
      const CallSite &C = F.Calls[I];
      Call.bind(1, Id).bind(2, int64_t(I));
      if (Error E = insertRow(Call, 2, C))
        return E;
      for (const HeldLock &L : C.Held) {
        Held.bind(1, Id).bind(2, int64_t(I));
        if (Error E = insertRow(Held, 2, L))
          return E;
      }
    }
  }
  for (const FieldStore &St : S.Stores) {
    Store.bind(1, TU);
    if (Error E = insertRow(Store, 1, St))
      return E;
  }
  for (const ExportMark &X : S.Exports) {
    Export.bind(1, TU);
    if (Error E = insertRow(Export, 1, X))
      return E;
  }
  return Error::success();
}

Error QueryTables::erase(int64_t TU) {
  // Held locks and calls first: they find their rows through functions.
  for (sql::Statement *S :
       {&EraseHeld, &EraseCalls, &EraseFunctions, &EraseStores, &EraseExports}) {
    S->bind(1, TU);
    if (Error E = S->run())
      return E;
  }
  return Error::success();
}
