//===- SummaryStore.cpp - TU summaries kept across runs -------------------===//

#include "store/SummaryStore.h"
#include "store/Schema.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <ctime>

using namespace llvm;
using namespace fputcheck;

namespace {
Error storeError(StringRef Path, const Twine &Msg) {
  return createStringError(inconvertibleErrorCode(), "%s: error: %s",
                           Path.str().c_str(), Msg.str().c_str());
}

// Hashes are unsigned 64-bit; SQLite integers are signed.
int64_t toColumn(uint64_t H) { return static_cast<int64_t>(H); }
uint64_t fromColumn(int64_t H) { return static_cast<uint64_t>(H); }

void removeStoreFiles(StringRef Path) {
  // A stale write-ahead log next to a new database would be replayed into
  // it: the side files go with the store.
  for (const char *Suffix : {"", "-wal", "-shm", "-journal"})
    sys::fs::remove(Path + Suffix);
}

Error configure(sql::Database &Db) {
  // WAL: a commit per TU costs no fsync (synchronous=NORMAL), and a crash
  // loses at most the TU being saved, never the store.
  return Db.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
}
} // namespace

std::string fputcheck::defaultStorePath(StringRef DBDir) {
  SmallString<256> P(DBDir);
  sys::path::append(P, ".fputcheck", "summaries.db");
  return std::string(P);
}

std::string fputcheck::resolveStorePath(StringRef Given) {
  SmallString<256> P(Given);
  sys::fs::make_absolute(P);
  if (sys::fs::is_directory(P) || Given.ends_with("/"))
    sys::path::append(P, "summaries.db");
  sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  return std::string(P);
}

SummaryStore::~SummaryStore() { consumeError(close()); }

Expected<std::unique_ptr<SummaryStore>>
SummaryStore::create(StringRef Path) {
  if (std::error_code EC =
          sys::fs::create_directories(sys::path::parent_path(Path)))
    return storeError(Path, "cannot create its folder: " + EC.message());
  removeStoreFiles(Path);
  auto Db = sql::Database::open(Path, /*Create=*/true);
  if (!Db)
    return storeError(Path, toString(Db.takeError()));
  std::unique_ptr<SummaryStore> S(new SummaryStore(Path.str(), std::move(*Db)));
  if (Error E = configure(S->Db))
    return storeError(Path, toString(std::move(E)));
  if (Error E = createSchema(S->Db))
    return storeError(Path, "cannot create tables: " + toString(std::move(E)));
  if (Error E = S->prepare())
    return storeError(Path, toString(std::move(E)));
  return S;
}

static StoreHealth openChecked(StringRef Path, sql::Database &Out,
                               std::string &Why) {
  auto Db = sql::Database::open(Path, /*Create=*/false);
  if (!Db) {
    Why = toString(Db.takeError());
    return StoreHealth::Corrupt;
  }
  StoreHealth H = checkSchema(*Db, Why);
  if (H == StoreHealth::Ok)
    Out = std::move(*Db);
  return H;
}

Expected<std::unique_ptr<SummaryStore>>
SummaryStore::open(StringRef Path, std::string &Rebuilt, bool &NotAStore) {
  Rebuilt.clear();
  NotAStore = false;
  if (!sys::fs::exists(Path))
    return create(Path);
  sql::Database Db;
  std::string Why;
  switch (openChecked(Path, Db, Why)) {
  case StoreHealth::Ok: {
    std::unique_ptr<SummaryStore> S(new SummaryStore(Path.str(), std::move(Db)));
    if (Error E = configure(S->Db))
      return storeError(Path, toString(std::move(E)));
    if (Error E = S->prepare())
      return storeError(Path, toString(std::move(E)));
    return S;
  }
  case StoreHealth::NotAStore:
    NotAStore = true;
    return storeError(Path, "not a fputcheck summary store (" + Why +
                                "); refusing to overwrite it");
  case StoreHealth::Corrupt:
    Rebuilt = Path.str() + ": error: store is corrupt (" + Why +
              "); rebuilding";
    break;
  case StoreHealth::OtherVersion:
    Rebuilt = Path.str() + ": warning: store was written by another "
                           "fputcheck version (" +
              Why + "); rebuilding";
    break;
  }
  return create(Path);
}

Expected<std::unique_ptr<SummaryStore>>
SummaryStore::openExisting(StringRef Path) {
  if (!sys::fs::exists(Path))
    return storeError(Path, "no such store");
  sql::Database Db;
  std::string Why;
  if (openChecked(Path, Db, Why) != StoreHealth::Ok)
    return storeError(Path, "cannot use this store (" + Why + ")");
  std::unique_ptr<SummaryStore> S(new SummaryStore(Path.str(), std::move(Db)));
  if (Error E = S->prepare())
    return storeError(Path, toString(std::move(E)));
  return S;
}

Error SummaryStore::prepare() {
  // A store written before failures were kept gets their tables here.
  if (Error E = addFailureTables(Db))
    return E;
  std::pair<sql::Statement *, const char *> All[] = {
      {&FindTU, "SELECT id FROM tus WHERE file = ?1"},
      {&InsertTU, "INSERT INTO tus(file, command, extractor, codec, raw_size, "
                  "summary, seconds, parsed_at) "
                  "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"},
      {&DeleteTU, "DELETE FROM tus WHERE id = ?1"},
      {&DeleteInputs, "DELETE FROM tu_inputs WHERE tu = ?1"},
      {&InsertInput, "INSERT OR IGNORE INTO tu_inputs(tu, file) "
                     "VALUES(?1, ?2)"},
      {&FindVersion, "SELECT id, mtime FROM files "
                     "WHERE path = ?1 AND size = ?2 AND hash = ?3"},
      {&InsertVersion, "INSERT INTO files(path, size, mtime, hash) "
                       "VALUES(?1, ?2, ?3, ?4)"},
      {&TouchVersion, "UPDATE files SET mtime = ?2 WHERE id = ?1"},
      {&ReadTU, "SELECT codec, raw_size, summary FROM tus WHERE file = ?1"},
      {&FindFailure, "SELECT id FROM failures WHERE file = ?1"},
      {&InsertFailure, "INSERT INTO failures(file, command, extractor, "
                       "error, parsed_at) VALUES(?1, ?2, ?3, ?4, ?5)"},
      {&DeleteFailure, "DELETE FROM failures WHERE id = ?1"},
      {&DeleteFailureInputs, "DELETE FROM failure_inputs WHERE failure = ?1"},
      {&DeleteFailureAbsent, "DELETE FROM failure_absent WHERE failure = ?1"},
      {&InsertFailureInput, "INSERT OR IGNORE INTO failure_inputs(failure, "
                            "file) VALUES(?1, ?2)"},
      {&InsertAbsent, "INSERT OR IGNORE INTO failure_absent(failure, path) "
                      "VALUES(?1, ?2)"},
  };
  for (auto &[Stmt, SQL] : All) {
    auto S = Db.prepare(SQL);
    if (!S)
      return S.takeError();
    *Stmt = std::move(*S);
  }
  auto Q = QueryTables::prepare(Db);
  if (!Q)
    return Q.takeError();
  Query = std::make_unique<QueryTables>(std::move(*Q));
  return Error::success();
}

Error SummaryStore::close() {
  if (!Db.isOpen())
    return Error::success();
  // Statements first: the last close checkpoints the write-ahead log into
  // the main file and removes it, leaving one self-contained file.
  Query.reset();
  for (sql::Statement *S : {&FindTU, &InsertTU, &DeleteTU, &DeleteInputs,
                            &InsertInput, &FindVersion, &InsertVersion,
                            &TouchVersion, &ReadTU, &FindFailure,
                            &InsertFailure, &DeleteFailure,
                            &DeleteFailureInputs, &DeleteFailureAbsent,
                            &InsertFailureInput, &InsertAbsent})
    *S = sql::Statement();
  return Db.close();
}

uint64_t SummaryStore::sizeOnDisk() const {
  uint64_t Total = 0;
  for (const char *Suffix : {"", "-wal"}) {
    uint64_t N = 0;
    if (!sys::fs::file_size(Path + Suffix, N))
      Total += N;
  }
  return Total;
}

Expected<Freshness> SummaryStore::fresh(ArrayRef<TUKey> Keys,
                                        StringRef Extractor) {
  // One read transaction: the tables seen as one consistent state,
  // whatever another fputcheck on the same store commits meanwhile.
  if (Error E = Db.exec("BEGIN"))
    return E;
  Expected<Freshness> Out = freshIn(Keys, Extractor);
  if (Error E = Db.exec(Out ? "COMMIT" : "ROLLBACK")) {
    if (!Out)
      return joinErrors(Out.takeError(), std::move(E));
    return E;
  }
  if (!Out)
    return Out;
  // Same content, new mtime (a touch, a fresh checkout): record the mtime so
  // the next run trusts a stat again instead of reading the file.
  if (!Moved.empty())
    if (Error E = sql::transaction(Db, [&]() -> Error {
          for (auto [Id, MTime] : Moved) {
            TouchVersion.bind(1, Id).bind(2, MTime);
            if (Error E = TouchVersion.run())
              return E;
          }
          return Error::success();
        }))
      return E;
  Moved.clear();
  return Out;
}

Expected<Freshness> SummaryStore::freshIn(ArrayRef<TUKey> Keys,
                                          StringRef Extractor) {
  Freshness Out;
  Out.Summary.assign(Keys.size(), false);
  Out.Failure.assign(Keys.size(), std::string());
  StringMap<unsigned> ByFile;
  for (unsigned I = 0; I < Keys.size(); ++I)
    ByFile[Keys[I].File] = I;

  // Candidates: same command, same extractor. Inputs decide the rest.
  // Summaries come from tus, failures from failures: row id -> key index.
  using CandidateMap = DenseMap<int64_t, unsigned>;
  CandidateMap Summaries, Failures;
  for (auto [Table, Into] : {std::pair<const char *, CandidateMap *>{
                                 "tus", &Summaries},
                             {"failures", &Failures}}) {
    auto Q = Db.prepare(std::string("SELECT id, file, command, extractor "
                                    "FROM ") +
                        Table);
    if (!Q)
      return Q.takeError();
    while (Q->step()) {
      auto It = ByFile.find(Q->text(1));
      if (It == ByFile.end())
        continue;
      const TUKey &K = Keys[It->second];
      if (Q->text(2) == K.Command && Q->text(3) == Extractor)
        (*Into)[Q->integer(0)] = It->second;
    }
    if (Error E = Q->takeError())
      return E;
  }
  if (Summaries.empty() && Failures.empty())
    return Out;

  struct Version {
    std::string Path;
    FileStamp Was;
  };
  DenseMap<int64_t, Version> Versions;
  {
    auto Q = Db.prepare("SELECT id, path, size, mtime, hash FROM files");
    if (!Q)
      return Q.takeError();
    while (Q->step())
      Versions[Q->integer(0)] = {
          Q->text(1).str(),
          {uint64_t(Q->integer(2)), Q->integer(3), fromColumn(Q->integer(4))}};
    if (Error E = Q->takeError())
      return E;
  }

  // Each file version is looked at once, however many TUs read it. A
  // stored TU or failure always has inputs (saving refuses one without),
  // so a candidate is fresh unless it read a version that changed.
  std::vector<int64_t> Changed;
  for (auto &[Id, Ver] : Versions) {
    int64_t MTimeNow = 0;
    if (!Stamps.unchanged(Ver.Path, Ver.Was, MTimeNow))
      Changed.push_back(Id);
    else if (MTimeNow != Ver.Was.MTime)
      Moved.emplace_back(Id, MTimeNow);
  }
  if (!Changed.empty()) {
    // Who read a changed version: one scan inside SQLite, not every
    // (TU, file) row stepped through here (millions on a whole tree).
    llvm::sort(Changed);
    std::string In;
    for (int64_t Id : Changed)
      In += (In.empty() ? "" : ",") + std::to_string(Id);
    for (auto [Table, Owner, From] :
         {std::tuple<const char *, const char *, CandidateMap *>{
              "tu_inputs", "tu", &Summaries},
          {"failure_inputs", "failure", &Failures}}) {
      if (From->empty())
        continue;
      auto Q = Db.prepare(std::string("SELECT DISTINCT ") + Owner + " FROM " +
                          Table + " WHERE file IN (" + In + ")");
      if (!Q)
        return Q.takeError();
      while (Q->step())
        From->erase(Q->integer(0));
      if (Error E = Q->takeError())
        return E;
    }
  }
  for (auto &[Id, Index] : Summaries)
    Out.Summary[Index] = true;
  if (Failures.empty())
    return Out;

  // A failure also stands only while every path it missed is still
  // missing: a header created since may be the one it lacked. Each path is
  // stat'ed once, however many failures looked for it.
  {
    auto Q = Db.prepare("SELECT failure, path FROM failure_absent");
    if (!Q)
      return Q.takeError();
    std::vector<int64_t> Found;
    while (Q->step())
      if (Failures.count(Q->integer(0)) && !Stamps.absent(Q->text(1)))
        Found.push_back(Q->integer(0));
    if (Error E = Q->takeError())
      return E;
    for (int64_t Id : Found)
      Failures.erase(Id);
  }
  auto Q = Db.prepare("SELECT id, error FROM failures");
  if (!Q)
    return Q.takeError();
  while (Q->step()) {
    auto C = Failures.find(Q->integer(0));
    if (C != Failures.end())
      Out.Failure[C->second] = Q->text(1).str();
  }
  if (Error E = Q->takeError())
    return E;
  return Out;
}

Expected<int64_t> SummaryStore::fileVersion(StringRef File,
                                            const FileStamp &S) {
  FindVersion.bind(1, File).bind(2, int64_t(S.Size)).bind(3, toColumn(S.Hash));
  if (FindVersion.step()) {
    int64_t Id = FindVersion.integer(0);
    bool Stale = FindVersion.integer(1) != S.MTime;
    FindVersion.reset();
    if (Stale) {
      TouchVersion.bind(1, Id).bind(2, S.MTime);
      if (Error E = TouchVersion.run())
        return E;
    }
    return Id;
  }
  if (Error E = FindVersion.takeError())
    return E;
  InsertVersion.bind(1, File).bind(2, int64_t(S.Size)).bind(3, S.MTime);
  InsertVersion.bind(4, toColumn(S.Hash));
  if (Error E = InsertVersion.run())
    return E;
  return Db.lastInsertId();
}

Error SummaryStore::insertInputs(
    sql::Statement &Insert, int64_t Owner,
    ArrayRef<std::pair<std::string, FileStamp>> In) {
  for (const auto &[File, Stamp] : In) {
    Expected<int64_t> V = fileVersion(File, Stamp);
    if (!V)
      return V.takeError();
    Insert.bind(1, Owner).bind(2, *V);
    if (Error Err = Insert.run())
      return Err;
  }
  return Error::success();
}

Error SummaryStore::eraseFailure(int64_t Id) {
  Dirty = true;
  for (sql::Statement *S :
       {&DeleteFailureInputs, &DeleteFailureAbsent, &DeleteFailure}) {
    S->bind(1, Id);
    if (Error E = S->run())
      return E;
  }
  return Error::success();
}

Error SummaryStore::eraseFile(StringRef File) {
  for (auto [Find, Erase] :
       {std::pair<sql::Statement *, Error (SummaryStore::*)(int64_t)>{
            &FindTU, &SummaryStore::eraseTU},
        {&FindFailure, &SummaryStore::eraseFailure}}) {
    Find->bind(1, File);
    if (!Find->step()) {
      if (Error E = Find->takeError())
        return E;
      continue;
    }
    int64_t Id = Find->integer(0);
    Find->reset();
    if (Error E = (this->*Erase)(Id))
      return E;
  }
  return Error::success();
}

Error SummaryStore::eraseTU(int64_t Id) {
  Dirty = true;
  if (Error E = Query->erase(Id))
    return E;
  for (sql::Statement *S : {&DeleteInputs, &DeleteTU}) {
    S->bind(1, Id);
    if (Error E = S->run())
      return E;
  }
  return Error::success();
}

Error SummaryStore::insertTU(const TUKey &K, StringRef Extractor,
                             const EncodedSummary &E, const TUSummary &S,
                             ArrayRef<std::pair<std::string, FileStamp>> In,
                             double Seconds, int64_t ParsedAt) {
  InsertTU.bind(1, K.File).bind(2, K.Command).bind(3, Extractor);
  InsertTU.bind(4, E.Codec).bind(5, int64_t(E.RawSize)).bindBlob(6, E.Bytes);
  InsertTU.bindReal(7, Seconds).bind(8, ParsedAt);
  if (Error Err = InsertTU.run())
    return Err;
  int64_t Id = Db.lastInsertId();
  if (Error Err = insertInputs(InsertInput, Id, In))
    return Err;
  return Query->insert(Id, S);
}

std::optional<SummaryStore::Stamped>
SummaryStore::stamp(ArrayRef<std::string> Inputs,
                    std::chrono::system_clock::time_point Start) {
  Stamped In;
  In.reserve(Inputs.size());
  for (const std::string &File : Inputs) {
    std::optional<FileStamp> Stamp = Stamps.afterParse(File, Start);
    if (!Stamp)
      return std::nullopt;
    In.emplace_back(File, *Stamp);
  }
  if (In.empty())
    return std::nullopt;
  return In;
}

Expected<bool> SummaryStore::save(const TUKey &K, StringRef Extractor,
                                  const TUSummary &S,
                                  ArrayRef<std::string> Inputs,
                                  std::chrono::system_clock::time_point Start,
                                  double Seconds) {
  std::optional<Stamped> In = stamp(Inputs, Start);
  std::optional<EncodedSummary> E;
  if (In)
    E = encodeSummary(S);
  int64_t Now = int64_t(std::time(nullptr));
  return replace(K.File, In, [&](const Stamped &In) {
    return insertTU(K, Extractor, *E, S, In, Seconds, Now);
  });
}

Expected<bool> SummaryStore::replace(StringRef File,
                                     const std::optional<Stamped> &In,
                                     function_ref<Error(const Stamped &)> Add) {
  // What was stored goes even when this parse cannot be: it is out of date.
  if (Error Err = sql::transaction(Db, [&]() -> Error {
        if (Error Err = eraseFile(File))
          return Err;
        return In ? Add(*In) : Error::success();
      }))
    return storeError(Path, "cannot save " + File + ": " +
                                toString(std::move(Err)));
  return In.has_value();
}

Expected<bool> SummaryStore::saveFailure(
    const TUKey &K, StringRef Extractor, StringRef Message,
    ArrayRef<std::string> Inputs, ArrayRef<std::string> Absent,
    std::chrono::system_clock::time_point Start) {
  std::optional<Stamped> In = stamp(Inputs, Start);
  int64_t Now = int64_t(std::time(nullptr));
  return replace(K.File, In, [&](const Stamped &In) -> Error {
        InsertFailure.bind(1, K.File).bind(2, K.Command).bind(3, Extractor);
        InsertFailure.bind(4, Message).bind(5, Now);
        if (Error Err = InsertFailure.run())
          return Err;
        int64_t Id = Db.lastInsertId();
        if (Error Err = insertInputs(InsertFailureInput, Id, In))
          return Err;
        for (const std::string &P : Absent) {
          InsertAbsent.bind(1, Id).bind(2, P);
          if (Error Err = InsertAbsent.run())
            return Err;
        }
        return Error::success();
  });
}

Expected<unsigned> SummaryStore::keepOnly(const StringSet<> &Keep) {
  // A TU has a summary or a failure, never both: each row is one TU.
  std::vector<int64_t> GoneTUs, GoneFailures;
  for (auto [Table, Gone] : {std::pair<const char *, std::vector<int64_t> *>{
                                 "tus", &GoneTUs},
                             {"failures", &GoneFailures}}) {
    auto Q = Db.prepare(std::string("SELECT id, file FROM ") + Table);
    if (!Q)
      return Q.takeError();
    while (Q->step())
      if (!Keep.contains(Q->text(1)))
        Gone->push_back(Q->integer(0));
    if (Error E = Q->takeError())
      return E;
  }
  if (GoneTUs.empty() && GoneFailures.empty())
    return 0;
  if (Error E = sql::transaction(Db, [&]() -> Error {
        for (int64_t Id : GoneTUs)
          if (Error E = eraseTU(Id))
            return E;
        for (int64_t Id : GoneFailures)
          if (Error E = eraseFailure(Id))
            return E;
        return Error::success();
      }))
    return E;
  return unsigned(GoneTUs.size() + GoneFailures.size());
}

Error SummaryStore::collectGarbage() {
  if (!Dirty)
    return Error::success();
  Dirty = false;
  return Db.exec("DELETE FROM files WHERE id NOT IN "
                 "(SELECT file FROM tu_inputs) AND id NOT IN "
                 "(SELECT file FROM failure_inputs)");
}

Expected<std::vector<EncodedSummary>>
SummaryStore::read(ArrayRef<std::string> Files) {
  std::vector<EncodedSummary> Out;
  Out.reserve(Files.size());
  // One read transaction: a consistent view, and no lock taken per row.
  if (Error E = Db.exec("BEGIN"))
    return E;
  for (const std::string &File : Files) {
    ReadTU.bind(1, File);
    if (!ReadTU.step()) {
      consumeError(Db.exec("ROLLBACK"));
      if (Error E = ReadTU.takeError())
        return E;
      return storeError(Path, "no summary stored for " + File);
    }
    EncodedSummary E;
    E.Codec = ReadTU.text(0).str();
    E.RawSize = uint64_t(ReadTU.integer(1));
    ArrayRef<uint8_t> B = ReadTU.blob(2);
    E.Bytes.assign(B.begin(), B.end());
    ReadTU.reset();
    Out.push_back(std::move(E));
  }
  if (Error E = Db.exec("COMMIT"))
    return E;
  return Out;
}

Expected<MergeStats> SummaryStore::absorb(SummaryStore &Other,
                                          StringRef Extractor) {
  MergeStats Stats;
  auto TUs = Other.Db.prepare(
      "SELECT id, file, command, extractor, codec, raw_size, summary, "
      "seconds, parsed_at FROM tus ORDER BY file");
  auto Inputs = Other.Db.prepare(
      "SELECT f.path, f.size, f.mtime, f.hash FROM tu_inputs i "
      "JOIN files f ON f.id = i.file WHERE i.tu = ?1 ORDER BY f.path");
  if (!TUs)
    return TUs.takeError();
  if (!Inputs)
    return Inputs.takeError();
  Error Err = sql::transaction(Db, [&]() -> Error {
    while (TUs->step()) {
      TUKey K{TUs->text(1).str(), TUs->text(2).str()};
      FindTU.bind(1, K.File);
      bool Have = FindTU.step();
      FindTU.reset();
      if (Have) {
        ++Stats.Duplicates;
        continue;
      }
      EncodedSummary E;
      E.Codec = TUs->text(4).str();
      E.RawSize = uint64_t(TUs->integer(5));
      ArrayRef<uint8_t> B = TUs->blob(6);
      E.Bytes.assign(B.begin(), B.end());
      // Decoded only to fill the query tables; the bytes are copied as they
      // are.
      Expected<TUSummary> S = decodeSummary(E);
      if (!S)
        return storeError(Other.Path, "summary of " + K.File +
                                          " does not parse: " +
                                          toString(S.takeError()));
      std::vector<std::pair<std::string, FileStamp>> In;
      Inputs->bind(1, TUs->integer(0));
      while (Inputs->step())
        In.emplace_back(Inputs->text(0).str(),
                        FileStamp{uint64_t(Inputs->integer(1)),
                                  Inputs->integer(2),
                                  fromColumn(Inputs->integer(3))});
      if (Error E = Inputs->takeError())
        return E;
      Inputs->reset();
      if (TUs->text(3) != Extractor)
        ++Stats.OtherExtractor;
      if (Error Err = insertTU(K, TUs->text(3), E, *S, In, TUs->real(7),
                               TUs->integer(8)))
        return Err;
      ++Stats.Added;
    }
    return TUs->takeError();
  });
  if (Err)
    return Err;
  return Stats;
}

Expected<MergeStats> fputcheck::mergeStores(StringRef Out,
                                            ArrayRef<std::string> Inputs,
                                            StringRef Extractor) {
  if (llvm::is_contained(Inputs, Out))
    return storeError(Out, "is both an input and the output of the merge");
  std::string Tmp = (Out + ".tmp").str();
  MergeStats Total;
  Error Err = [&]() -> Error {
    auto Dest = SummaryStore::create(Tmp);
    if (!Dest)
      return Dest.takeError();
    for (const std::string &In : Inputs) {
      auto Src = SummaryStore::openExisting(In);
      if (!Src)
        return Src.takeError();
      Expected<MergeStats> M = (*Dest)->absorb(**Src, Extractor);
      if (!M)
        return M.takeError();
      Total.Added += M->Added;
      Total.Duplicates += M->Duplicates;
      Total.OtherExtractor += M->OtherExtractor;
    }
    if (Error E = (*Dest)->close())
      return storeError(Tmp, toString(std::move(E)));
    removeStoreFiles(Out);
    if (std::error_code EC = sys::fs::rename(Tmp, Out))
      return storeError(Out, "cannot write: " + EC.message());
    return Error::success();
  }();
  if (Err) {
    removeStoreFiles(Tmp);
    return Err;
  }
  return Total;
}
