//===- StoredCommands.cpp - The compile database as a run keyed it --------===//
//
// The SummaryStore members that keep a compile database's selected
// commands (store/StoredCommands.h), and their tables. The tables are
// created where missing, like the failure tables: a cache that an older
// fputcheck of the same schema ignores needs no new schema version.
//
//===----------------------------------------------------------------------===//

#include "store/StoredCommands.h"
#include "store/StoreFiles.h"
#include "store/SummaryStore.h"

#include "llvm/ADT/StringExtras.h"

using namespace llvm;
using namespace clang;
using namespace fputcheck;

static const char CommandTables[] = R"sql(
CREATE TABLE IF NOT EXISTS compile_databases(
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL,
  extractor TEXT NOT NULL,
  size INTEGER NOT NULL,
  mtime INTEGER NOT NULL,
  hash INTEGER NOT NULL,
  UNIQUE(path, extractor));
CREATE TABLE IF NOT EXISTS compile_commands(
  db INTEGER NOT NULL,
  idx INTEGER NOT NULL,
  file TEXT NOT NULL,
  digest TEXT NOT NULL,
  dropped TEXT NOT NULL,
  command BLOB NOT NULL,
  UNIQUE(db, idx));
)sql";

// Arguments cannot hold a NUL, so NUL separates the fields.
std::string fputcheck::encodeCommand(const tooling::CompileCommand &C) {
  std::string Out;
  for (StringRef S : {StringRef(C.Directory), StringRef(C.Filename),
                      StringRef(C.Output)}) {
    Out += S;
    Out += '\0';
  }
  for (const std::string &A : C.CommandLine) {
    Out += A;
    Out += '\0';
  }
  return Out;
}

Expected<tooling::CompileCommand> fputcheck::decodeCommand(StringRef Bytes) {
  SmallVector<StringRef, 128> Parts;
  if (!Bytes.consume_back(StringRef("\0", 1)))
    return createStringError(inconvertibleErrorCode(),
                             "stored command does not parse");
  Bytes.split(Parts, '\0', -1, /*KeepEmpty=*/true);
  if (Parts.size() < 3)
    return createStringError(inconvertibleErrorCode(),
                             "stored command does not parse");
  tooling::CompileCommand C;
  C.Directory = Parts[0].str();
  C.Filename = Parts[1].str();
  C.Output = Parts[2].str();
  for (StringRef A : ArrayRef(Parts).drop_front(3))
    C.CommandLine.push_back(A.str());
  return C;
}

Error SummaryStore::addCommandTables() { return Db.exec(CommandTables); }

Expected<std::optional<std::vector<StoredCommand>>>
SummaryStore::storedCommands(StringRef DBFile, StringRef Extractor) {
  auto Find = Db.prepare("SELECT id, size, mtime, hash FROM compile_databases "
                         "WHERE path = ?1 AND extractor = ?2");
  if (!Find)
    return Find.takeError();
  Find->bind(1, DBFile).bind(2, Extractor);
  if (!Find->step()) {
    if (Error E = Find->takeError())
      return E;
    return std::nullopt;
  }
  int64_t Id = Find->integer(0);
  FileStamp Was{uint64_t(Find->integer(1)), Find->integer(2),
                uint64_t(Find->integer(3))};
  Find->reset();
  int64_t MTimeNow = 0;
  if (!Stamps.unchanged(DBFile, Was, MTimeNow))
    return std::nullopt;
  auto Q = Db.prepare("SELECT file, digest, dropped FROM compile_commands "
                      "WHERE db = ?1 ORDER BY idx");
  if (!Q)
    return Q.takeError();
  Q->bind(1, Id);
  std::vector<StoredCommand> Out;
  while (Q->step()) {
    StoredCommand &C = Out.emplace_back();
    C.File = Q->text(0).str();
    C.Digest = Q->text(1).str();
    SmallVector<StringRef, 4> Dropped;
    Q->text(2).split(Dropped, '\n', -1, /*KeepEmpty=*/false);
    for (StringRef D : Dropped)
      C.Dropped.push_back(D.str());
  }
  if (Error E = Q->takeError())
    return E;
  // A database without entries is an input error the run reports.
  if (Out.empty())
    return std::nullopt;
  CommandsId = Id;
  return Out;
}

Expected<tooling::CompileCommand> SummaryStore::commandAt(size_t Index) {
  // Prepared once: a review asks for every command.
  if (!ReadCommand) {
    auto Q = Db.prepare(
        "SELECT command FROM compile_commands WHERE db = ?1 AND idx = ?2");
    if (!Q)
      return Q.takeError();
    ReadCommand = std::make_unique<sql::Statement>(std::move(*Q));
  }
  sql::Statement &Q = *ReadCommand;
  Q.bind(1, CommandsId).bind(2, int64_t(Index));
  if (!Q.step()) {
    if (Error E = Q.takeError())
      return E;
    return storeError(Path, "stored compile command is gone");
  }
  ArrayRef<uint8_t> B = Q.blob(0);
  auto C = decodeCommand(
      StringRef(reinterpret_cast<const char *>(B.data()), B.size()));
  Q.reset();
  return C;
}

Error SummaryStore::saveCommands(StringRef DBFile, StringRef Extractor,
                                 const FileStamp &Stamp,
                                 ArrayRef<StoredCommand> Cmds) {
  return sql::transaction(Db, [&]() -> Error {
    if (Error E = forgetCommands(Extractor, DBFile))
      return E;
    auto Put = Db.prepare("INSERT INTO compile_databases(path, extractor, "
                          "size, mtime, hash) VALUES(?1, ?2, ?3, ?4, ?5)");
    if (!Put)
      return Put.takeError();
    Put->bind(1, DBFile).bind(2, Extractor).bind(3, int64_t(Stamp.Size));
    Put->bind(4, Stamp.MTime).bind(5, int64_t(Stamp.Hash));
    if (Error E = Put->run())
      return E;
    int64_t Id = Db.lastInsertId();
    auto Row = Db.prepare("INSERT INTO compile_commands(db, idx, file, "
                          "digest, dropped, command) "
                          "VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
    if (!Row)
      return Row.takeError();
    for (size_t I = 0; I < Cmds.size(); ++I) {
      std::string Bytes = encodeCommand(Cmds[I].Cmd);
      Row->bind(1, Id).bind(2, int64_t(I)).bind(3, Cmds[I].File);
      Row->bind(4, Cmds[I].Digest).bind(5, join(Cmds[I].Dropped, "\n"));
      Row->bindBlob(6, arrayRefFromStringRef(Bytes));
      if (Error E = Row->run())
        return E;
    }
    return Error::success();
  });
}

Error SummaryStore::forgetCommands(StringRef Extractor, StringRef DBFile) {
  auto Q = Db.prepare("SELECT id FROM compile_databases WHERE extractor = ?1 "
                      "AND (?2 = '' OR path = ?2)");
  if (!Q)
    return Q.takeError();
  Q->bind(1, Extractor).bind(2, DBFile);
  std::vector<int64_t> Ids;
  while (Q->step())
    Ids.push_back(Q->integer(0));
  if (Error E = Q->takeError())
    return E;
  for (const char *SQL : {"DELETE FROM compile_commands WHERE db = ?1",
                          "DELETE FROM compile_databases WHERE id = ?1"}) {
    auto Del = Db.prepare(SQL);
    if (!Del)
      return Del.takeError();
    for (int64_t Id : Ids) {
      Del->bind(1, Id);
      if (Error E = Del->run())
        return E;
    }
  }
  return Error::success();
}

std::optional<FileStamp> SummaryStore::stampNow(StringRef File) {
  // A file written during the call is not vouched for: afterParse() wants
  // it unmodified since a moment before.
  return Stamps.afterParse(File, std::chrono::system_clock::now() -
                                     std::chrono::seconds(1));
}
