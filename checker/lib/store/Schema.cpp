//===- Schema.cpp - The tables of a summary store -------------------------===//

#include "store/Schema.h"

#include "llvm/ADT/StringExtras.h"

using namespace llvm;
using namespace fputcheck;

static const char Marker[] = "fputcheck summary store";

// tus/files/tu_inputs are the cache: a TU's summary and every file version
// its parse read. Summaries are keyed by file and extractor, so fputcheck
// builds (or rules) that extract differently share one store without
// replacing each other's work; extractors says when each was last used, for
// pruning. The other tables repeat what the summaries say about the
// functions of each .c file in a form sqlite3 users can query, from one
// summary per file (tus.queried: the one saved last); the analysis itself
// reads only the summaries.
static const char Tables[] = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE extractors(
  digest TEXT PRIMARY KEY,
  last_used INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE tus(
  id INTEGER PRIMARY KEY,
  file TEXT NOT NULL,
  command TEXT NOT NULL,
  extractor TEXT NOT NULL,
  codec TEXT NOT NULL,
  raw_size INTEGER NOT NULL,
  summary BLOB NOT NULL,
  seconds REAL NOT NULL,
  parsed_at INTEGER NOT NULL,
  queried INTEGER NOT NULL DEFAULT 0,
  UNIQUE(file, extractor));
CREATE TABLE files(
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL,
  size INTEGER NOT NULL,
  mtime INTEGER NOT NULL,
  hash INTEGER NOT NULL,
  UNIQUE(path, size, hash));
CREATE TABLE tu_inputs(
  tu INTEGER NOT NULL,
  file INTEGER NOT NULL,
  PRIMARY KEY(tu, file)) WITHOUT ROWID;
CREATE TABLE functions(
  id INTEGER PRIMARY KEY,
  tu INTEGER NOT NULL,
  key TEXT NOT NULL,
  name TEXT NOT NULL,
  line INTEGER NOT NULL);
CREATE INDEX functions_tu ON functions(tu);
CREATE INDEX functions_name ON functions(name);
CREATE TABLE calls(
  function INTEGER NOT NULL,
  idx INTEGER NOT NULL,
  callee TEXT,
  struct TEXT,
  field TEXT,
  line INTEGER NOT NULL,
  col INTEGER NOT NULL,
  PRIMARY KEY(function, idx)) WITHOUT ROWID;
CREATE INDEX calls_callee ON calls(callee);
CREATE TABLE held_locks(
  function INTEGER NOT NULL,
  call INTEGER NOT NULL,
  lock TEXT NOT NULL,
  text TEXT NOT NULL,
  kind TEXT NOT NULL,
  primitive TEXT NOT NULL,
  line INTEGER NOT NULL);
CREATE INDEX held_locks_call ON held_locks(function, call);
CREATE TABLE field_stores(
  tu INTEGER NOT NULL,
  struct TEXT NOT NULL,
  field TEXT NOT NULL,
  function TEXT NOT NULL,
  file TEXT NOT NULL,
  line INTEGER NOT NULL);
CREATE INDEX field_stores_tu ON field_stores(tu);
CREATE TABLE exports(
  tu INTEGER NOT NULL,
  symbol TEXT NOT NULL,
  macro TEXT NOT NULL,
  file TEXT NOT NULL,
  line INTEGER NOT NULL);
CREATE INDEX exports_tu ON exports(tu);
CREATE VIEW call_graph AS
  SELECT f.name AS caller, f.key AS caller_key, t.file AS file, c.line AS line,
         c.col AS col, c.callee AS callee, c.struct AS struct,
         c.field AS field,
         (SELECT group_concat(h.text || ' (' || h.primitive || ')', ', ')
            FROM held_locks h
           WHERE h.function = c.function AND h.call = c.idx) AS held
    FROM calls c JOIN functions f ON f.id = c.function
    JOIN tus t ON t.id = f.tu;
)sql";

// Failed parses, keyed like tus. A failure stands while its inputs (file
// versions, as for tus) are unchanged and every path it looked for and did
// not find (failure_absent) is still missing. Created where missing, as
// they were added to version 2 later.
static const char FailureTables[] = R"sql(
CREATE TABLE IF NOT EXISTS failures(
  id INTEGER PRIMARY KEY,
  file TEXT NOT NULL,
  command TEXT NOT NULL,
  extractor TEXT NOT NULL,
  error TEXT NOT NULL,
  parsed_at INTEGER NOT NULL,
  UNIQUE(file, extractor));
CREATE TABLE IF NOT EXISTS failure_inputs(
  failure INTEGER NOT NULL,
  file INTEGER NOT NULL,
  PRIMARY KEY(failure, file)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS failure_absent(
  failure INTEGER NOT NULL,
  path TEXT NOT NULL,
  PRIMARY KEY(failure, path)) WITHOUT ROWID;
)sql";

// Which TUs read a file (a review's question, store/Readers.h): without it
// each file costs a scan of every TU's inputs (2 million rows, 0.2 s, on a
// whole tree). Added where missing, as it came to version 3 later.
static const char ReaderIndex[] = R"sql(
CREATE INDEX IF NOT EXISTS tu_inputs_file ON tu_inputs(file);
)sql";

// Facts derived from the linked program at the end of an analyze, per mode
// (fputcheck/Facts.h: a digest of the rules that decide reachability), for
// front ends that see one file. Created by the first analyze that writes
// them; a store may lack them.
static const char FactsTables[] = R"sql(
CREATE TABLE IF NOT EXISTS fact_modes(
  mode TEXT PRIMARY KEY,
  digest TEXT NOT NULL,
  written_at INTEGER NOT NULL,
  functions INTEGER NOT NULL,
  fields INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS reach_functions(
  mode TEXT NOT NULL,
  key TEXT NOT NULL,
  name TEXT NOT NULL,
  fewest INTEGER NOT NULL,
  next TEXT NOT NULL,
  slice BLOB NOT NULL,
  PRIMARY KEY(mode, key)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS reach_fields(
  mode TEXT NOT NULL,
  struct TEXT NOT NULL,
  field TEXT NOT NULL,
  object TEXT NOT NULL,
  stored INTEGER NOT NULL,
  home TEXT NOT NULL,
  targets TEXT NOT NULL,
  PRIMARY KEY(mode, struct, field, object)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS lock_effects(
  mode TEXT NOT NULL,
  key TEXT NOT NULL,
  effects BLOB NOT NULL,
  PRIMARY KEY(mode, key)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS reach_vias(
  mode TEXT NOT NULL,
  via TEXT NOT NULL,
  objects TEXT NOT NULL,
  unknown INTEGER NOT NULL,
  PRIMARY KEY(mode, via)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS reach_tags(
  mode TEXT NOT NULL,
  place TEXT NOT NULL,
  tag_values TEXT NOT NULL,
  unknown INTEGER NOT NULL,
  PRIMARY KEY(mode, place)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS reach_field_sets(
  mode TEXT NOT NULL,
  key TEXT NOT NULL,
  fields TEXT NOT NULL,
  unknown INTEGER NOT NULL,
  PRIMARY KEY(mode, key)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS reach_contexts(
  mode TEXT NOT NULL,
  key TEXT NOT NULL,
  contexts TEXT NOT NULL,
  unknown INTEGER NOT NULL,
  PRIMARY KEY(mode, key)) WITHOUT ROWID;
)sql";

// Not the failure or facts tables: a store may lack them.
static const char *const Required[] = {
    "meta",      "extractors", "tus",          "files",
    "tu_inputs", "functions",  "calls",        "held_locks",
    "field_stores", "exports", "call_graph"};

Expected<bool> fputcheck::ensureSchema(sql::Database &Db) {
  bool Created = false;
  // One exclusive transaction: of several processes creating the same
  // store, the first makes every table and the others, waiting on SQLite's
  // lock, find them made and change nothing.
  Error E = sql::transaction(Db, [&]() -> Error {
    auto Count = Db.prepare("SELECT count(*) FROM sqlite_schema");
    if (!Count)
      return Count.takeError();
    bool Empty = Count->step() && Count->integer(0) == 0;
    Count->reset();
    if (Error E = Count->takeError())
      return E;
    if (!Empty)
      return Error::success();
    Created = true;
    if (Error E = Db.exec(std::string(Tables) + FailureTables + ReaderIndex))
      return E;
    auto Put = Db.prepare("INSERT INTO meta(key, value) VALUES(?1, ?2)");
    if (!Put)
      return Put.takeError();
    for (auto [K, V] : {std::pair<const char *, std::string>{"format", Marker},
                        {"schema", std::to_string(StoreSchemaVersion)}}) {
      Put->bind(1, K).bind(2, V);
      if (Error E = Put->run())
        return E;
    }
    return Error::success();
  });
  if (E)
    return E;
  return Created;
}

Error fputcheck::addFailureTables(sql::Database &Db) {
  return Db.exec(FailureTables);
}

Error fputcheck::addReaderIndex(sql::Database &Db) {
  return Db.exec(ReaderIndex);
}

Error fputcheck::addFactsTables(sql::Database &Db) {
  return Db.exec(FactsTables);
}

StoreHealth fputcheck::checkSchema(sql::Database &Db, std::string &Why,
                                   bool ReadEveryPage) {
  // quick_check reads every page: it finds torn or overwritten pages that a
  // lookup might never touch, in well under a second for a whole tree.
  auto Check = Db.prepare(ReadEveryPage ? "PRAGMA quick_check" : "SELECT 'ok'");
  if (!Check) {
    Why = toString(Check.takeError());
    return StoreHealth::Corrupt;
  }
  std::vector<std::string> Problems;
  while (Check->step())
    Problems.push_back(Check->text(0).str());
  if (Error E = Check->takeError()) {
    Why = toString(std::move(E));
    return StoreHealth::Corrupt;
  }
  if (Problems.size() != 1 || Problems[0] != "ok") {
    Why = "integrity check: " +
          (Problems.empty() ? std::string("no answer") : Problems[0]);
    return StoreHealth::Corrupt;
  }

  auto Names = Db.prepare("SELECT name FROM sqlite_schema");
  if (!Names) {
    Why = toString(Names.takeError());
    return StoreHealth::Corrupt;
  }
  std::vector<std::string> Have;
  while (Names->step())
    Have.push_back(Names->text(0).str());
  if (Error E = Names->takeError()) {
    Why = toString(std::move(E));
    return StoreHealth::Corrupt;
  }
  auto Has = [&](StringRef T) { return llvm::is_contained(Have, T); };
  // No table at all: a store being created (its tables come in one
  // transaction) or whose creator died before committing them.
  if (Have.empty())
    return StoreHealth::Empty;
  if (!Has("meta")) {
    Why = "a SQLite database without fputcheck's tables";
    return StoreHealth::NotAStore;
  }

  auto Meta = Db.prepare("SELECT key, value FROM meta");
  if (!Meta) {
    Why = toString(Meta.takeError());
    return StoreHealth::Corrupt;
  }
  std::string Format, Schema;
  while (Meta->step()) {
    if (Meta->text(0) == "format")
      Format = Meta->text(1).str();
    else if (Meta->text(0) == "schema")
      Schema = Meta->text(1).str();
  }
  if (Error E = Meta->takeError()) {
    Why = toString(std::move(E));
    return StoreHealth::Corrupt;
  }
  if (Format != Marker) {
    Why = "a SQLite database without fputcheck's marker";
    return StoreHealth::NotAStore;
  }
  if (Schema != std::to_string(StoreSchemaVersion)) {
    Why = "schema version '" + Schema + "', this fputcheck writes " +
          std::to_string(StoreSchemaVersion);
    // A version that does not parse is no newer fputcheck's.
    int Version = 0;
    if (!StringRef(Schema).getAsInteger(10, Version) &&
        Version > StoreSchemaVersion)
      return StoreHealth::NewerVersion;
    return StoreHealth::OlderVersion;
  }
  for (const char *T : Required)
    if (!Has(T)) {
      Why = std::string("table '") + T + "' is missing";
      return StoreHealth::Corrupt;
    }
  return StoreHealth::Ok;
}
