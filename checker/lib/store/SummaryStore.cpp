//===- SummaryStore.cpp - TU summaries kept across runs -------------------===//

#include "store/SummaryStore.h"
#include "store/Schema.h"
#include "store/StoreFiles.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <ctime>

using namespace llvm;
using namespace fputcheck;

namespace {
// Hashes are unsigned 64-bit; SQLite integers are signed.
int64_t toColumn(uint64_t H) { return static_cast<int64_t>(H); }
uint64_t fromColumn(int64_t H) { return static_cast<uint64_t>(H); }

/// A stored summary as read from columns (codec, raw_size, summary) from
/// \p First on.
EncodedSummary encodedAt(const sql::Statement &Q, int First) {
  EncodedSummary E;
  E.Codec = Q.text(First).str();
  E.RawSize = uint64_t(Q.integer(First + 1));
  ArrayRef<uint8_t> B = Q.blob(First + 2);
  E.Bytes.assign(B.begin(), B.end());
  return E;
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

Error SummaryStore::prepare() {
  // A store written before failures were kept gets their tables here.
  if (Error E = addFailureTables(Db))
    return E;
  if (Error E = addReaderIndex(Db))
    return E;
  if (Error E = addCommandTables())
    return E;
  std::pair<sql::Statement *, const char *> All[] = {
      {&FindTU, "SELECT id FROM tus WHERE file = ?1 AND extractor = ?2"},
      // A summary saved is the one the query tables show for its file.
      {&InsertTU, "INSERT INTO tus(file, command, extractor, codec, raw_size, "
                  "summary, seconds, parsed_at, queried) "
                  "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 1)"},
      {&DeleteTU, "DELETE FROM tus WHERE id = ?1"},
      {&DeleteInputs, "DELETE FROM tu_inputs WHERE tu = ?1"},
      {&InsertInput, "INSERT OR IGNORE INTO tu_inputs(tu, file) "
                     "VALUES(?1, ?2)"},
      {&FindVersion, "SELECT id, mtime FROM files "
                     "WHERE path = ?1 AND size = ?2 AND hash = ?3"},
      {&InsertVersion, "INSERT INTO files(path, size, mtime, hash) "
                       "VALUES(?1, ?2, ?3, ?4)"},
      {&TouchVersion, "UPDATE files SET mtime = ?2 WHERE id = ?1"},
      {&ReadTU, "SELECT codec, raw_size, summary FROM tus WHERE id = ?1"},
      {&FindQueried, "SELECT id FROM tus WHERE file = ?1 AND queried = 1"},
      {&Unquery, "UPDATE tus SET queried = 0 WHERE id = ?1"},
      {&LatestTU, "SELECT id, codec, raw_size, summary FROM tus "
                  "WHERE file = ?1 ORDER BY parsed_at DESC, id DESC LIMIT 1"},
      {&MarkQueried, "UPDATE tus SET queried = 1 WHERE id = ?1"},
      {&UseExtractor, "INSERT INTO extractors(digest, last_used) "
                      "VALUES(?1, ?2) ON CONFLICT(digest) DO UPDATE SET "
                      "last_used = max(last_used, excluded.last_used)"},
      {&FindFailure,
       "SELECT id FROM failures WHERE file = ?1 AND extractor = ?2"},
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
  ReadCommand.reset();
  for (sql::Statement *S :
       {&FindTU, &InsertTU, &DeleteTU, &DeleteInputs, &InsertInput,
        &FindVersion, &InsertVersion, &TouchVersion, &ReadTU, &FindQueried,
        &Unquery, &LatestTU, &MarkQueried, &UseExtractor, &FindFailure,
        &InsertFailure, &DeleteFailure, &DeleteFailureInputs,
        &DeleteFailureAbsent, &InsertFailureInput, &InsertAbsent})
    *S = sql::Statement();
  Error E = Db.close();
  // Only now: the close above may still write the files.
  Lock.release();
  return E;
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
                                        StringRef Extractor, bool Load) {
  // One read transaction: the tables seen as one consistent state,
  // whatever another fputcheck on the same store commits meanwhile, and
  // the summaries loaded exactly those judged fresh. Under WAL it never
  // blocks a writer.
  if (Error E = Db.exec("BEGIN"))
    return E;
  Expected<Freshness> Out = freshIn(Keys, Extractor, Load);
  if (Error E = Db.exec(Out ? "COMMIT" : "ROLLBACK")) {
    if (!Out)
      return joinErrors(Out.takeError(), std::move(E));
    return E;
  }
  if (!Out)
    return Out;
  // Same content, new mtime (a touch, a fresh checkout): record the mtime so
  // the next run trusts a stat again instead of reading the file. And that
  // this extractor is in use: what it stored is not pruned for its age. To
  // the hour: a run with nothing else to write leaves the file as it was,
  // and the next one need not check it again (store/VerifiedStamp.h).
  int64_t Now = int64_t(std::time(nullptr));
  Expected<bool> Recent = usedSince(Extractor, Now - 3600);
  if (!Recent)
    return Recent.takeError();
  if (Moved.empty() && *Recent)
    return Out;
  if (Error E = sql::transaction(Db, [&]() -> Error {
        for (auto [Id, MTime] : Moved) {
          TouchVersion.bind(1, Id).bind(2, MTime);
          if (Error E = TouchVersion.run())
            return E;
        }
        UseExtractor.bind(1, Extractor).bind(2, Now);
        return UseExtractor.run();
      }))
    return E;
  Moved.clear();
  return Out;
}

Expected<bool> SummaryStore::usedSince(StringRef Extractor, int64_t Since) {
  auto Q = Db.prepare("SELECT last_used >= ?2 FROM extractors "
                      "WHERE digest = ?1");
  if (!Q)
    return Q.takeError();
  Q->bind(1, Extractor).bind(2, Since);
  bool Used = Q->step() && Q->integer(0);
  Q->reset();
  if (Error E = Q->takeError())
    return E;
  return Used;
}

Expected<Freshness> SummaryStore::freshIn(ArrayRef<TUKey> Keys,
                                          StringRef Extractor, bool Load) {
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
    auto Q = Db.prepare(std::string("SELECT id, file, command FROM ") +
                        Table + " WHERE extractor = ?1");
    if (!Q)
      return Q.takeError();
    Q->bind(1, Extractor);
    while (Q->step()) {
      auto It = ByFile.find(Q->text(1));
      if (It == ByFile.end())
        continue;
      if (Q->text(2) == Keys[It->second].Command)
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
  if (Load) {
    std::vector<std::pair<unsigned, int64_t>> ByKey;
    for (auto &[Id, Index] : Summaries)
      ByKey.emplace_back(Index, Id);
    llvm::sort(ByKey);
    Out.Loaded.reserve(ByKey.size());
    for (auto [Index, Id] : ByKey) {
      ReadTU.bind(1, Id);
      if (!ReadTU.step()) {
        if (Error E = ReadTU.takeError())
          return E;
        return storeError(Path, "no summary stored for " + Keys[Index].File);
      }
      Out.Loaded.push_back(encodedAt(ReadTU, 0));
      ReadTU.reset();
    }
  }
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

Error SummaryStore::eraseFile(StringRef File, StringRef Extractor) {
  for (auto [Find, Erase] :
       {std::pair<sql::Statement *, Error (SummaryStore::*)(int64_t)>{
            &FindTU, &SummaryStore::eraseTU},
        {&FindFailure, &SummaryStore::eraseFailure}}) {
    Find->bind(1, File).bind(2, Extractor);
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
  // The query tables show one summary per file: this one from now on.
  std::vector<int64_t> Shown;
  FindQueried.bind(1, K.File);
  while (FindQueried.step())
    Shown.push_back(FindQueried.integer(0));
  if (Error Err = FindQueried.takeError())
    return Err;
  for (int64_t Id : Shown) {
    if (Error Err = Query->erase(Id))
      return Err;
    Unquery.bind(1, Id);
    if (Error Err = Unquery.run())
      return Err;
  }
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
  return replace(K.File, Extractor, In, [&](const Stamped &In) {
    return insertTU(K, Extractor, *E, S, In, Seconds, Now);
  });
}

Expected<bool> SummaryStore::replace(StringRef File, StringRef Extractor,
                                     const std::optional<Stamped> &In,
                                     function_ref<Error(const Stamped &)> Add) {
  // What was stored goes even when this parse cannot be: it is out of date.
  if (Error Err = sql::transaction(Db, [&]() -> Error {
        if (Error Err = eraseFile(File, Extractor))
          return Err;
        if (In)
          if (Error Err = Add(*In))
            return Err;
        return requery(File);
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
  return replace(K.File, Extractor, In, [&](const Stamped &In) -> Error {
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
  // Every extractor's rows go: the TU is gone from the tree.
  unsigned Gone = 0;
  if (Error E = sql::transaction(Db, [&]() -> Error {
        Expected<unsigned> N = eraseWhere(
            [&](StringRef File, StringRef) { return !Keep.contains(File); });
        if (!N)
          return N.takeError();
        Gone = *N;
        return Error::success();
      }))
    return E;
  return Gone;
}

Error SummaryStore::collectGarbage() {
  if (!Dirty)
    return Error::success();
  Dirty = false;
  return Db.exec("DELETE FROM files WHERE id NOT IN "
                 "(SELECT file FROM tu_inputs) AND id NOT IN "
                 "(SELECT file FROM failure_inputs)");
}

Error SummaryStore::requery(StringRef File) {
  FindQueried.bind(1, File);
  bool Shown = FindQueried.step();
  FindQueried.reset();
  if (Error E = FindQueried.takeError())
    return E;
  if (Shown)
    return Error::success();
  LatestTU.bind(1, File);
  if (!LatestTU.step())
    return LatestTU.takeError();
  int64_t Id = LatestTU.integer(0);
  EncodedSummary E = encodedAt(LatestTU, 1);
  LatestTU.reset();
  // One that does not decode fills no table; the analysis of its own
  // extractor finds it and drops it (forget()).
  Expected<TUSummary> S = decodeSummary(E);
  if (!S) {
    consumeError(S.takeError());
    return Error::success();
  }
  if (Error Err = Query->insert(Id, *S))
    return Err;
  MarkQueried.bind(1, Id);
  return MarkQueried.run();
}

Expected<unsigned> SummaryStore::eraseWhere(
    function_ref<bool(StringRef File, StringRef Extractor)> Gone) {
  std::vector<int64_t> TUs, Failed;
  StringSet<> Files;
  for (auto [Table, Into] : {std::pair<const char *, std::vector<int64_t> *>{
                                 "tus", &TUs},
                             {"failures", &Failed}}) {
    auto Q = Db.prepare(std::string("SELECT id, file, extractor FROM ") +
                        Table);
    if (!Q)
      return Q.takeError();
    while (Q->step())
      if (Gone(Q->text(1), Q->text(2))) {
        Into->push_back(Q->integer(0));
        Files.insert(Q->text(1));
      }
    if (Error E = Q->takeError())
      return E;
  }
  for (int64_t Id : TUs)
    if (Error E = eraseTU(Id))
      return E;
  for (int64_t Id : Failed)
    if (Error E = eraseFailure(Id))
      return E;
  for (const auto &F : Files)
    if (Error E = requery(F.getKey()))
      return E;
  return unsigned(Files.size());
}

Error SummaryStore::forget(StringRef Extractor) {
  return sql::transaction(Db, [&]() -> Error {
    return eraseWhere([&](StringRef, StringRef E) { return E == Extractor; })
        .takeError();
  });
}

Expected<unsigned> SummaryStore::pruneExtractors(StringRef Keep,
                                                 int64_t Before) {
  std::vector<std::string> Old;
  Error E = sql::transaction(Db, [&]() -> Error {
    // Not used since Before, or never said to be (rows a person copied in).
    auto Q = Db.prepare(
        "SELECT digest FROM extractors WHERE last_used < ?1 AND digest <> ?2 "
        "UNION SELECT extractor FROM tus WHERE extractor <> ?2 UNION "
        "SELECT extractor FROM failures WHERE extractor <> ?2 "
        "EXCEPT SELECT digest FROM extractors WHERE last_used >= ?1");
    if (!Q)
      return Q.takeError();
    Q->bind(1, Before).bind(2, Keep);
    while (Q->step())
      Old.push_back(Q->text(0).str());
    if (Error E = Q->takeError())
      return E;
    if (Old.empty())
      return Error::success();
    Expected<unsigned> Gone = eraseWhere([&](StringRef, StringRef E) {
      return llvm::is_contained(Old, E);
    });
    if (!Gone)
      return Gone.takeError();
    auto Forget = Db.prepare("DELETE FROM extractors WHERE digest = ?1");
    if (!Forget)
      return Forget.takeError();
    for (const std::string &D : Old) {
      Forget->bind(1, D);
      if (Error E = Forget->run())
        return E;
      if (Error E = forgetCommands(D, ""))
        return E;
    }
    return Error::success();
  });
  if (E)
    return E;
  return unsigned(Old.size());
}

Expected<MergeStats> SummaryStore::absorb(SummaryStore &Other,
                                          StringRef Extractor) {
  MergeStats Stats;
  auto TUs = Other.Db.prepare(
      "SELECT id, file, command, extractor, codec, raw_size, summary, "
      "seconds, parsed_at FROM tus ORDER BY file, extractor");
  auto Inputs = Other.Db.prepare(
      "SELECT f.path, f.size, f.mtime, f.hash FROM tu_inputs i "
      "JOIN files f ON f.id = i.file WHERE i.tu = ?1 ORDER BY f.path");
  auto Used = Other.Db.prepare("SELECT digest, last_used FROM extractors");
  if (!TUs)
    return TUs.takeError();
  if (!Inputs)
    return Inputs.takeError();
  if (!Used)
    return Used.takeError();
  Error Err = sql::transaction(Db, [&]() -> Error {
    // When each extractor was last used travels with its summaries.
    while (Used->step()) {
      UseExtractor.bind(1, Used->text(0)).bind(2, Used->integer(1));
      if (Error E = UseExtractor.run())
        return E;
    }
    if (Error E = Used->takeError())
      return E;
    while (TUs->step()) {
      TUKey K{TUs->text(1).str(), TUs->text(2).str()};
      FindTU.bind(1, K.File).bind(2, TUs->text(3));
      bool Have = FindTU.step();
      FindTU.reset();
      if (Have) {
        ++Stats.Duplicates;
        continue;
      }
      EncodedSummary E = encodedAt(*TUs, 4);
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
  // Built under a name of its own, so that merges into the same store
  // never share one, and put in place only once complete.
  SmallString<256> Tmp;
  if (std::error_code EC =
          sys::fs::create_directories(sys::path::parent_path(Out)))
    return storeError(Out, "cannot create its folder: " + EC.message());
  if (std::error_code EC = sys::fs::createUniqueFile(Out + ".merge-%%%%%%",
                                                     Tmp))
    return storeError(Out, "cannot write: " + EC.message());
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
    return replaceStore(Out, Tmp, StoreLockWait);
  }();
  if (Err) {
    removeStoreFiles(Tmp);
    return Err;
  }
  return Total;
}
