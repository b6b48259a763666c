//===- QueryTables.cpp - The call graph as tables users can query ---------===//

#include "store/QueryTables.h"

using namespace llvm;
using namespace fputcheck;

Expected<QueryTables> QueryTables::prepare(sql::Database &Db) {
  QueryTables Q(Db);
  std::pair<sql::Statement *, const char *> All[] = {
      {&Q.Function,
       "INSERT INTO functions(tu, key, name, line) VALUES(?1, ?2, ?3, ?4)"},
      {&Q.Call, "INSERT INTO calls(function, idx, callee, struct, field, "
                "line, col) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)"},
      {&Q.Held, "INSERT INTO held_locks(function, call, lock, text, kind, "
                "primitive, line) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)"},
      {&Q.Store, "INSERT INTO field_stores(tu, struct, field, function, "
                 "file, line) VALUES(?1, ?2, ?3, ?4, ?5, ?6)"},
      {&Q.Export, "INSERT INTO exports(tu, symbol, macro, file, line) "
                  "VALUES(?1, ?2, ?3, ?4, ?5)"},
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
  auto OrNull = [](sql::Statement &St, int I, StringRef V) {
    if (V.empty())
      St.bindNull(I);
    else
      St.bind(I, V);
  };
  for (const FunctionSummary &F : S.Functions) {
    if (F.File != S.MainFile)
      continue;
    Function.bind(1, TU).bind(2, F.Key).bind(3, F.Name).bind(4, F.Line);
    if (Error E = Function.run())
      return E;
    int64_t Id = Db->lastInsertId();
    for (size_t I = 0; I < F.Calls.size(); ++I) {
      const CallSite &C = F.Calls[I];
      Call.bind(1, Id).bind(2, int64_t(I));
      OrNull(Call, 3, C.Callee);
      OrNull(Call, 4, C.Struct);
      OrNull(Call, 5, C.Field);
      Call.bind(6, C.Line).bind(7, C.Col);
      if (Error E = Call.run())
        return E;
      for (const HeldLock &L : C.Held) {
        Held.bind(1, Id).bind(2, int64_t(I)).bind(3, L.Key).bind(4, L.Text);
        Held.bind(5, L.Kind).bind(6, L.Primitive).bind(7, L.Line);
        if (Error E = Held.run())
          return E;
      }
    }
  }
  for (const FieldStore &St : S.Stores) {
    Store.bind(1, TU).bind(2, St.Struct).bind(3, St.Field);
    Store.bind(4, St.Function).bind(5, St.File).bind(6, St.Line);
    if (Error E = Store.run())
      return E;
  }
  for (const ExportMark &X : S.Exports) {
    Export.bind(1, TU).bind(2, X.Symbol).bind(3, X.Macro).bind(4, X.File);
    Export.bind(5, X.Line);
    if (Error E = Export.run())
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
