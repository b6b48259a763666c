//===- SummaryStore.h - TU summaries kept across runs -----------*- C++ -*-===//
//
// One SQLite file holds, per TU and extractor (fputcheck/Store.h, extractorDigest()), its
// summary and what it was made from: the command line and every file
// version the parse read. A summary is reused only while all of these are
// unchanged, so a rerun parses exactly the TUs an edit can affect, and
// fputchecks that extract differently keep their summaries side by side. A
// TU that failed to parse is kept too, with the paths it looked for and did
// not find: its error is reported again, unparsed, until one of them appears
// or an input changes. Each TU is saved in its own transaction the moment
// it is parsed: an interrupted run keeps every TU it finished. A store that
// cannot be trusted is rebuilt, never read. Many processes may use one store
// at once (store/StoreLock.h, docs/store.md).
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_STORE_SUMMARYSTORE_H
#define FPUTCHECK_STORE_SUMMARYSTORE_H

#include "fputcheck/Store.h"
#include "fputcheck/Summary.h"
#include "store/Codec.h"
#include "store/FileStamps.h"
#include "store/QueryTables.h"
#include "store/Sqlite.h"
#include "store/StoreLock.h"
#include "store/StoredCommands.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include <chrono>
#include <memory>
#include <optional>

namespace fputcheck {

/// What a summary is made from besides the files its parse reads.
struct TUKey {
  std::string File;    // Absolute path of the main file.
  std::string Command; // Digest of the command line and its directory.
};

/// What the store answers for each key of a run, in key order.
struct Freshness {
  /// Its summary is stored, made by the extractor from the same command and
  /// from inputs that have not changed.
  std::vector<bool> Summary;
  /// Non-empty: its parse failed with this error and would fail again: same
  /// command and extractor, unchanged inputs, and every path the parse
  /// looked for and did not find still missing.
  std::vector<std::string> Failure;
  /// When asked for: the stored summaries of the keys with one, in key
  /// order, read in the same snapshot as the answers above.
  std::vector<EncodedSummary> Loaded;
};

class SummaryStore {
public:
  /// Opens the store at \p Path, creating it and its folder when missing, or
  /// using the one another process has just created. A store that cannot be
  /// trusted (unreadable, failing SQLite's integrity check, missing tables,
  /// an older schema) is replaced once no other process has it open, and
  /// \p Rebuilt says why; a store of a newer schema, or an older one in use,
  /// is left alone and this one's summaries go beside it
  /// (versionedStorePath()). Errors: the store cannot be created, or
  /// \p Path is a SQLite database that is not a summary store (never
  /// deleted; then \p NotAStore is set). The store stays locked shared
  /// (store/StoreLock.h) until closed.
  static llvm::Expected<std::unique_ptr<SummaryStore>>
  open(llvm::StringRef Path, std::string &Rebuilt, bool &NotAStore);

  /// Opens an existing store that must be healthy (an input to merge).
  static llvm::Expected<std::unique_ptr<SummaryStore>>
  openExisting(llvm::StringRef Path);

  /// Creates an empty store at \p Path, a name no other process knows (the
  /// temporary store of a merge), deleting what was there.
  static llvm::Expected<std::unique_ptr<SummaryStore>>
  create(llvm::StringRef Path);

  ~SummaryStore();

  /// For each key, whether the store can answer it without a parse, and
  /// with \p Load the summaries it has (Freshness): one snapshot of the
  /// store, whatever other processes commit meanwhile. Records that
  /// \p Extractor was used, for pruneExtractors().
  llvm::Expected<Freshness> fresh(llvm::ArrayRef<TUKey> Keys,
                                  llvm::StringRef Extractor,
                                  bool Load = false);

  /// Saves a parsed TU in its own transaction, replacing what was stored
  /// for it (a summary or a failure). Returns false and saves nothing when
  /// an input is gone or was modified after \p ParseStart (what was parsed
  /// may not be on disk); what was stored is dropped all the same.
  llvm::Expected<bool> save(const TUKey &K, llvm::StringRef Extractor,
                            const TUSummary &S,
                            llvm::ArrayRef<std::string> Inputs,
                            std::chrono::system_clock::time_point ParseStart,
                            double Seconds);

  /// Saves a TU whose parse failed with \p Error, likewise: \p Inputs are
  /// the files it read, \p Absent the paths it did not find. Returns false
  /// and saves nothing when it read no file (a crash) or an input changed.
  llvm::Expected<bool>
  saveFailure(const TUKey &K, llvm::StringRef Extractor,
              llvm::StringRef Error, llvm::ArrayRef<std::string> Inputs,
              llvm::ArrayRef<std::string> Absent,
              std::chrono::system_clock::time_point ParseStart);

  /// Drops every TU (summary or failure) not in \p Keep; returns how many.
  llvm::Expected<unsigned> keepOnly(const llvm::StringSet<> &Keep);
  /// Forgets file versions no TU refers to any more.
  llvm::Error collectGarbage();

  /// Drops every summary and failure \p Extractor stored (one that does
  /// not decode made them all suspect), leaving other extractors' alone.
  llvm::Error forget(llvm::StringRef Extractor);
  /// Drops what every extractor but \p Keep stored, if it was last used
  /// before \p Before (Unix time); returns how many extractors went.
  llvm::Expected<unsigned> pruneExtractors(llvm::StringRef Keep,
                                           int64_t Before);

  /// The commands saved for the compile database \p DBFile by
  /// \p Extractor's fputcheck, without the commands themselves (Cmd), if
  /// the file is unchanged since (store/StoredCommands.h); nothing
  /// otherwise.
  llvm::Expected<std::optional<std::vector<StoredCommand>>>
  storedCommands(llvm::StringRef DBFile, llvm::StringRef Extractor);
  /// Command number \p Index of those storedCommands() last returned.
  llvm::Expected<clang::tooling::CompileCommand> commandAt(size_t Index);
  /// Keeps \p Cmds, Cmd included, as the selection of \p DBFile as it was
  /// when stamped \p Stamp (before it was read).
  llvm::Error saveCommands(llvm::StringRef DBFile, llvm::StringRef Extractor,
                           const FileStamp &Stamp,
                           llvm::ArrayRef<StoredCommand> Cmds);
  /// The stamp of \p File now, content hash included; nothing when it
  /// cannot be read.
  std::optional<FileStamp> stampNow(llvm::StringRef File);

  /// Copies in every TU of \p Other not stored here yet, in file order.
  llvm::Expected<MergeStats> absorb(SummaryStore &Other,
                                    llvm::StringRef Extractor);

  /// Waits up to \p Wait until no other process has the store open, then
  /// keeps it to this one (store/StoreLock.h); false when one still has.
  bool useAlone(std::chrono::milliseconds Wait);

  /// Writes everything to the main file and closes.
  llvm::Error close();

  const std::string &path() const { return Path; }
  /// Bytes on disk, write-ahead log included.
  uint64_t sizeOnDisk() const;
  unsigned filesHashed() const { return Stamps.filesHashed(); }

private:
  SummaryStore(std::string Path, sql::Database Db)
      : Path(std::move(Path)), Db(std::move(Db)) {}
  /// The store at \p Path, open in \p Db and locked by \p Lock.
  static llvm::Expected<std::unique_ptr<SummaryStore>>
  adopt(llvm::StringRef Path, sql::Database Db, StoreLock Lock);
  /// open(); a store of another schema at \p Path is left for one beside it
  /// only when \p MayMove.
  static llvm::Expected<std::unique_ptr<SummaryStore>>
  openAt(llvm::StringRef Path, bool MayMove, std::string &Rebuilt,
         bool &NotAStore);
  llvm::Error prepare();
  llvm::Error addCommandTables();
  /// Drops the commands \p Extractor saved, of \p DBFile or (empty) all.
  llvm::Error forgetCommands(llvm::StringRef Extractor,
                             llvm::StringRef DBFile);
  using Stamped = std::vector<std::pair<std::string, FileStamp>>;
  /// Whether a run of \p Extractor recorded its use at \p Since or later.
  llvm::Expected<bool> usedSince(llvm::StringRef Extractor, int64_t Since);
  llvm::Expected<Freshness> freshIn(llvm::ArrayRef<TUKey> Keys,
                                    llvm::StringRef Extractor, bool Load);
  /// Stamps of \p Inputs, or nothing when one cannot be vouched for.
  std::optional<Stamped>
  stamp(llvm::ArrayRef<std::string> Inputs,
        std::chrono::system_clock::time_point ParseStart);
  llvm::Expected<int64_t> fileVersion(llvm::StringRef Path,
                                      const FileStamp &S);
  /// Rows (\p Owner, file version) of \p In through \p Insert.
  llvm::Error insertInputs(sql::Statement &Insert, int64_t Owner,
                           llvm::ArrayRef<std::pair<std::string, FileStamp>> In);
  /// In one transaction, drops what \p Extractor stored for \p File and,
  /// when \p In could be stamped, stores anew through \p Add; returns
  /// whether it did.
  llvm::Expected<bool>
  replace(llvm::StringRef File, llvm::StringRef Extractor,
          const std::optional<Stamped> &In,
          llvm::function_ref<llvm::Error(const Stamped &)> Add);
  /// Drops the summary and the failure \p Extractor stored for \p File.
  llvm::Error eraseFile(llvm::StringRef File, llvm::StringRef Extractor);
  /// Drops every summary and failure \p Gone picks, by file and extractor;
  /// returns of how many files. Runs inside the caller's transaction.
  llvm::Expected<unsigned> eraseWhere(
      llvm::function_ref<bool(llvm::StringRef File, llvm::StringRef Extractor)>
          Gone);
  /// Gives \p File's rows in the query tables to its summary saved last,
  /// when none has them (the one that had was dropped).
  llvm::Error requery(llvm::StringRef File);
  llvm::Error eraseTU(int64_t Id);
  llvm::Error eraseFailure(int64_t Id);
  llvm::Error insertTU(const TUKey &K, llvm::StringRef Extractor,
                       const EncodedSummary &E, const TUSummary &S,
                       llvm::ArrayRef<std::pair<std::string, FileStamp>> In,
                       double Seconds, int64_t ParsedAt);

  std::string Path;
  sql::Database Db;
  /// Held shared while Db is open: no process replaces the files meanwhile.
  StoreLock Lock;
  FileStamps Stamps;
  std::unique_ptr<QueryTables> Query;
  sql::Statement FindTU, InsertTU, DeleteTU, DeleteInputs, InsertInput,
      FindVersion, InsertVersion, TouchVersion, ReadTU;
  sql::Statement FindQueried, Unquery, LatestTU, MarkQueried, UseExtractor;
  sql::Statement FindFailure, InsertFailure, DeleteFailure,
      DeleteFailureInputs, DeleteFailureAbsent, InsertFailureInput,
      InsertAbsent;
  /// File versions whose content is unchanged but whose mtime moved:
  /// (files.id, mtime now), found by freshIn().
  std::vector<std::pair<int64_t, int64_t>> Moved;
  bool Dirty = false;
  /// compile_databases.id of the commands storedCommands() returned.
  int64_t CommandsId = 0;
  std::unique_ptr<sql::Statement> ReadCommand; // Of commandAt().
};

} // namespace fputcheck

#endif
