//===- ProgramLoader.cpp - From a compile database to a linked program ----===//

#include "fputcheck/ProgramLoader.h"
#include "fputcheck/Extract.h"
#include "extract/CompileDB.h"
#include "driver/Progress.h"
#include "store/StoredCommands.h"
#include "store/SummaryStore.h"
#include "fputcheck/Store.h"
#include "link/FunctionCopies.h"

#include "llvm/ADT/Sequence.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Parallel.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA1.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/xxhash.h"
#include <ctime>
#include <map>
#include <optional>

using namespace llvm;
using namespace clang;
using namespace fputcheck;

Error fputcheck::parseShard(StringRef Text, unsigned &K, unsigned &N) {
  auto [L, R] = Text.split('/');
  if (L.getAsInteger(10, K) || R.getAsInteger(10, N) || K < 1 || N < 1 ||
      K > N)
    return createStringError(inconvertibleErrorCode(),
                             "--shard expects K/N with 1 <= K <= N, as in "
                             "--shard 2/8 (got '%s')",
                             Text.str().c_str());
  return Error::success();
}

namespace {
/// Identifies what the parse of \p C does: the sanitized command line (what
/// actually runs), the directory it runs in and the file.
std::string commandDigest(const tooling::CompileCommand &C,
                          const std::vector<std::string> &Args) {
  SHA1 H;
  H.update(C.Directory);
  for (const std::string &A : Args) {
    H.update(StringRef("\0", 1));
    H.update(A);
  }
  H.update(StringRef("\0", 1));
  H.update(C.Filename);
  return toHex(H.final(), /*LowerCase=*/true).substr(0, 20);
}

/// The first error of the TU of \p File, as extraction (or the store's
/// record of it) gives it. It may sit in a header the TU includes (flask.h
/// missing, seen from avc.h): then its location alone does not say which
/// TU failed.
fputcheck::Diagnostic failureOf(StringRef File, StringRef Error) {
  fputcheck::Diagnostic D = parseDiagnostic(Error, Origin::Parse);
  if (sys::path::filename(D.File) != sys::path::filename(File))
    D.Text += (" (in " + File + ")").str();
  return D;
}

/// A note about the run as a whole.
fputcheck::Diagnostic note(std::string Text, Origin From) {
  return {Severity::Note, "", 0, 0, std::move(Text), From};
}

/// Decodes stored summaries of TUs \p Index (positions in command order) on
/// \p Jobs threads, a slice at a time, so that only one slice's duplicate
/// header inlines are ever held at once.
Error decodeAll(const std::vector<EncodedSummary> &In,
                ArrayRef<size_t> Index, ArrayRef<TUKey> Keys, unsigned Jobs,
                FunctionCopies &Out) {
  DefaultThreadPool Pool(hardware_concurrency(Jobs));
  const size_t Slice = 64 * Pool.getMaxConcurrency();
  for (size_t Begin = 0; Begin < In.size(); Begin += Slice) {
    size_t End = std::min(In.size(), Begin + Slice);
    std::vector<std::optional<TUSummary>> Done(End - Begin);
    std::vector<std::string> Errors(End - Begin);
    for (size_t I = Begin; I < End; ++I)
      Pool.async([&, I] {
        Expected<TUSummary> S = decodeSummary(In[I]);
        if (S)
          Done[I - Begin] = std::move(*S);
        else
          Errors[I - Begin] = toString(S.takeError());
      });
    Pool.wait();
    for (size_t I = Begin; I < End; ++I) {
      if (!Errors[I - Begin].empty())
        return createStringError(inconvertibleErrorCode(),
                                 "summary of %s does not parse: %s",
                                 Keys[Index[I]].File.c_str(),
                                 Errors[I - Begin].c_str());
      Out.add(Index[I], std::move(*Done[I - Begin]));
    }
  }
  return Error::success();
}

/// The commands \p O selects from its compile database (folder \p DBDir),
/// each sanitised and hashed for its store key: a few thousand driver
/// parses on a whole tree, spread over the workers.
Expected<std::vector<StoredCommand>> readCommands(const LoadOptions &O,
                                                  StringRef DBDir) {
  auto DB = loadCompileDatabase(O.Database);
  if (!DB)
    return DB.takeError();
  auto Selected = selectCommands(**DB, DBDir, O.Files);
  if (!Selected)
    return Selected.takeError();
  std::vector<StoredCommand> Out(Selected->size());
  llvm::parallelFor(0, Out.size(), [&](size_t I) {
    StoredCommand &C = Out[I];
    DroppedFlags Dropped;
    std::vector<std::string> Args = sanitizeArguments((*Selected)[I], Dropped);
    C.File = (*Selected)[I].Filename;
    C.Digest = commandDigest((*Selected)[I], Args);
    for (const std::string &F : Dropped.Plugin)
      C.Dropped.push_back("plugin flag " + F);
    for (const std::string &F : Dropped.Unknown)
      C.Dropped.push_back("flag unknown to clang " + F);
    C.Cmd = std::move((*Selected)[I]);
  });
  return Out;
}

/// The compile database file \p PathOrDir names, or the error reading it
/// gives.
Expected<std::string> databaseFile(StringRef PathOrDir) {
  SmallString<256> Path(PathOrDir);
  if (sys::fs::is_directory(Path))
    sys::path::append(Path, "compile_commands.json");
  if (!sys::fs::is_regular_file(Path)) {
    auto DB = loadCompileDatabase(PathOrDir);
    if (!DB)
      return DB.takeError();
  }
  sys::fs::make_absolute(Path);
  sys::path::remove_dots(Path, true);
  return std::string(Path);
}

/// Records the wall time since the previous lap under a phase name.
class PhaseClock {
public:
  explicit PhaseClock(LoadStats &Stats) : Stats(Stats) {}
  void lap(const char *Phase) {
    auto Now = std::chrono::steady_clock::now();
    Stats.Phases.emplace_back(
        Phase, std::chrono::duration<double>(Now - Last).count());
    Last = Now;
  }

private:
  LoadStats &Stats;
  std::chrono::steady_clock::time_point Last = std::chrono::steady_clock::now();
};

/// What the program made of \p Loaded (summaries of the keys numbered
/// \p Index) is: each summary's bytes as stored, with its main file, in key
/// order (the order linking sees them in). Hashing a whole tree's stored
/// summaries (some 14 MB) costs milliseconds.
std::string digestOf(ArrayRef<EncodedSummary> Loaded, ArrayRef<size_t> Index,
                     ArrayRef<TUKey> Keys) {
  SHA1 H;
  for (size_t I = 0; I < Loaded.size(); ++I) {
    const EncodedSummary &E = Loaded[I];
    uint64_t Bytes = xxh3_64bits(E.Bytes);
    H.update(Keys[Index[I]].File + ";" + E.Codec + ";" +
             std::to_string(E.RawSize) + ";" + std::to_string(Bytes) + ";");
  }
  return toHex(H.final(), /*LowerCase=*/true);
}

/// The summaries the store holds for a run, and the TUs left to parse.
class Cache {
public:
  Cache(const LoadOptions &O, LoadStats &Stats, std::string Extractor)
      : O(O), Stats(Stats), Extractor(std::move(Extractor)) {}

  /// Opens the store. A store found corrupt on the way is rebuilt. The
  /// store actually used (another version's may be where it was asked
  /// for) becomes Stats.StorePath.
  Error openStore() {
    std::string Rebuilt;
    bool NotAStore = false;
    auto S = SummaryStore::open(Stats.StorePath, Rebuilt, NotAStore);
    // A database that is not ours was named by mistake: an input error.
    // Anything else (a read-only tree, a full disk) only costs the caching.
    if (!S && NotAStore)
      return S.takeError();
    if (!S) {
      fail(S.takeError());
      return Error::success();
    }
    if (!Rebuilt.empty())
      Stats.Diagnostics.push_back(parseDiagnostic(Rebuilt, Origin::Store));
    Store = std::move(*S);
    Stats.StorePath = Store->path();
    return Error::success();
  }

  /// The selected commands of the database \p DBFile (folder \p DBDir),
  /// from the store while the file is unchanged (without their Cmd, see
  /// command()), else read, sanitised and hashed, and then kept in the
  /// store when the whole database was selected.
  Expected<std::vector<StoredCommand>> commands(StringRef DBFile,
                                                StringRef DBDir) {
    bool Whole = O.Files.empty();
    if (Store && Whole) {
      auto Kept = Store->storedCommands(DBFile, Extractor);
      if (!Kept)
        fail(Kept.takeError());
      else if (*Kept)
        return std::move(**Kept);
    }
    std::optional<FileStamp> Stamp;
    if (Store && Whole)
      Stamp = Store->stampNow(DBFile);
    auto Read = readCommands(O, DBDir);
    if (!Read)
      return Read.takeError();
    if (Store && Stamp)
      if (Error E = Store->saveCommands(DBFile, Extractor, *Stamp, *Read))
        fail(std::move(E));
    return Read;
  }

  /// The command of \p C, number \p Index of commands().
  Expected<tooling::CompileCommand> command(const StoredCommand &C,
                                            size_t Index) {
    if (!C.Cmd.Filename.empty())
      return C.Cmd;
    if (!Store)
      return createStringError(inconvertibleErrorCode(),
                               "%s: error: the store was lost before its "
                               "compile command was read",
                               C.File.c_str());
    return Store->commandAt(Index);
  }

  /// Finds which of \p Keys the store can answer: \p Fresh those with a
  /// summary, loaded into \p Loaded when \p Load, and \p Failed the error
  /// of those that would fail to parse again (empty for the others). A
  /// store found corrupt answers nothing.
  void fresh(ArrayRef<TUKey> Keys, bool Load, std::vector<bool> &Fresh,
             std::vector<std::string> &Failed, FunctionCopies &Loaded,
             PhaseClock &Clock) {
    Fresh.assign(Keys.size(), false);
    Failed.assign(Keys.size(), std::string());
    if (!Store)
      return;
    Expected<Freshness> F = Store->fresh(Keys, Extractor, Load);
    Clock.lap("store check");
    if (!F)
      return rebuild(toString(F.takeError()));
    if (!Load) {
      Fresh = std::move(F->Summary);
      Failed = std::move(F->Failure);
      return;
    }
    std::vector<size_t> Index;
    for (size_t I = 0; I < Keys.size(); ++I)
      if (F->Summary[I])
        Index.push_back(I);
    Stats.InputDigest = digestOf(F->Loaded, Index, Keys);
    // Nothing to parse: the program is the stored summaries alone, and
    // its caller may have all it wants of it without decoding them.
    bool NoParse = llvm::all_of(llvm::seq<size_t>(0, Keys.size()), [&](size_t I) {
      return F->Summary[I] || !F->Failure[I].empty();
    });
    if (NoParse && O.Adding.empty() && O.SummariesWanted &&
        !O.SummariesWanted(Stats)) {
      Stats.SummariesSkipped = true;
      Clock.lap("store load");
      Fresh = std::move(F->Summary);
      Failed = std::move(F->Failure);
      return;
    }
    Error E = decodeAll(F->Loaded, Index, Keys, O.Jobs, Loaded);
    Clock.lap("store load");
    if (E) {
      Loaded = FunctionCopies(Keys.size());
      return rebuild(toString(std::move(E)));
    }
    Fresh = std::move(F->Summary);
    Failed = std::move(F->Failure);
  }

  void save(const TUKey &K, const TUOutcome &T) {
    if (!Store)
      return;
    Expected<bool> Saved =
        Store->save(K, Extractor, T.Summary, T.Inputs, T.Started, T.Seconds);
    if (!Saved)
      return fail(Saved.takeError());
    if (!*Saved)
      ++Stats.Unsaved;
  }

  /// A failure not saved (a crash, an input changed meanwhile) is simply
  /// parsed again next run: no note, so the output stays what a run
  /// without a store prints.
  void saveFailure(const TUKey &K, const TUOutcome &T) {
    if (!Store)
      return;
    Expected<bool> Saved = Store->saveFailure(K, Extractor, T.Error, T.Inputs,
                                              T.Absent, T.Started);
    if (!Saved)
      fail(Saved.takeError());
  }

  /// Drops TUs gone from the database, then tidies up and closes.
  void finish(const StringSet<> *Keep) {
    if (!Store)
      return;
    if (Keep) {
      Expected<unsigned> N = Store->keepOnly(*Keep);
      if (!N)
        return fail(N.takeError());
      Stats.Removed = *N;
    }
    // Another fputcheck's summaries go once it has not been used for a
    // month: no process of it can be running.
    int64_t MonthAgo = int64_t(std::time(nullptr)) - 30 * 24 * 3600;
    if (Expected<unsigned> N = Store->pruneExtractors(Extractor, MonthAgo);
        !N)
      return fail(N.takeError());
    if (Error E = Store->collectGarbage())
      return fail(std::move(E));
    Stats.FilesHashed = Store->filesHashed();
    if (Error E = Store->close())
      return fail(std::move(E));
    Stats.StoreBytes = Store->sizeOnDisk();
  }

private:
  /// Only what this extractor stored goes: the file and the other
  /// extractors' summaries may be in use by other processes.
  void rebuild(const std::string &Why) {
    Stats.Diagnostics.push_back({Severity::Error, Stats.StorePath, 0, 0,
                                 "store is corrupt (" + Why + "); rebuilding",
                                 Origin::Store});
    if (Error E = Store->forget(Extractor))
      fail(std::move(E));
  }

  /// A store that cannot be opened or written (read-only tree, disk full)
  /// is reported once; the run goes on without it.
  void fail(Error E) {
    fputcheck::Diagnostic D =
        parseDiagnostic(toString(std::move(E)), Origin::Store);
    // SQLite's own errors (a full disk) do not say which file they are of.
    if (D.File.empty())
      D.File = Stats.StorePath;
    D.Text += " (results are not stored)";
    Stats.Diagnostics.push_back(std::move(D));
    Stats.StoreLost = true;
    Store.reset();
  }

  const LoadOptions &O;
  LoadStats &Stats;
  std::string Extractor;
  std::unique_ptr<SummaryStore> Store;
};
} // namespace

Error fputcheck::loadProgram(const LoadOptions &O, const Rules &R,
                              Program &P, LoadStats &Stats,
                              std::string &DBDir,
                              std::vector<tooling::CompileCommand> *All) {
  PhaseClock Clock(Stats);
  // Named first: the store is not created for a database that is missing.
  auto DBFile = databaseFile(O.Database);
  if (!DBFile)
    return DBFile.takeError();
  SmallString<256> Dir(O.Database);
  if (!sys::fs::is_directory(Dir))
    sys::path::remove_filename(Dir);
  sys::fs::make_absolute(Dir);
  sys::path::remove_dots(Dir, true);
  DBDir = std::string(Dir);
  bool Link = O.ShardCount == 0;
  Cache Store(O, Stats, O.UseStore ? extractorDigest(R) : "");
  if (O.UseStore) {
    Stats.StorePath = O.StorePath.empty() ? defaultStorePath(DBDir)
                                          : resolveStorePath(O.StorePath);
    if (Error E = Store.openStore())
      return E;
    Clock.lap("store open");
  }
  auto Selected = Store.commands(*DBFile, DBDir);
  if (!Selected)
    return Selected.takeError();
  // Slices are taken from the sorted list, so every shard agrees on them.
  StringSet<> Without;
  for (const std::string &F : O.Without)
    Without.insert(F);
  std::vector<size_t> Picked; // Positions in *Selected.
  for (size_t I = 0; I < Selected->size(); ++I)
    if ((!O.ShardCount || I % O.ShardCount == O.ShardIndex - 1) &&
        !Without.contains((*Selected)[I].File))
      Picked.push_back(I);
  // Only a run over the whole database knows which TUs are gone from it.
  bool WholeDatabase = O.Files.empty() && !O.ShardCount && Without.empty();

  Stats.TUs = Picked.size();
  std::vector<TUKey> Keys;
  std::map<std::string, unsigned> DroppedCounts;
  for (size_t I : Picked) {
    const StoredCommand &C = (*Selected)[I];
    Keys.push_back({C.File, C.Digest});
    for (const std::string &D : C.Dropped)
      ++DroppedCounts[D];
  }
  Clock.lap("database");

  std::vector<bool> Fresh;
  std::vector<std::string> KnownFailure;
  FunctionCopies Summaries(Keys.size());
  Store.fresh(Keys, Link, Fresh, KnownFailure, Summaries, Clock);
  Stats.Cached = llvm::count(Fresh, true);

  std::vector<tooling::CompileCommand> Stale;
  std::vector<size_t> StaleIndex;
  std::vector<fputcheck::Diagnostic> Failures;
  for (size_t I = 0; I < Keys.size(); ++I)
    if (!Fresh[I] && !KnownFailure[I].empty()) {
      // Reported as the parse would report it, without parsing.
      ++Stats.Failed;
      ++Stats.FailuresCached;
      Failures.push_back(failureOf(Keys[I].File, KnownFailure[I]));
    } else if (!Fresh[I]) {
      auto C = Store.command((*Selected)[Picked[I]], Picked[I]);
      if (!C)
        return C.takeError();
      Stale.push_back(std::move(*C));
      StaleIndex.push_back(I);
    }
  // Asked for every command (a review parses some again): read while the
  // store is open.
  if (All)
    for (size_t I = 0; I < Selected->size(); ++I) {
      auto C = Store.command((*Selected)[I], I);
      if (!C)
        return C.takeError();
      All->push_back(std::move(*C));
    }
  Progress Bar(Stale.size(), !O.Quiet);
  extractAll(Stale, R, O.Jobs, [&](TUOutcome &T) {
    size_t Index = StaleIndex[T.Cmd - Stale.data()];
    const TUKey &K = Keys[Index];
    Bar.step(T.Cmd->Filename);
    if (!T.Ok) {
      ++Stats.Failed;
      Failures.push_back(failureOf(K.File, T.Error));
      // Stored with what it read and missed: reported unparsed next run
      // unless one of those changes.
      Store.saveFailure(K, T);
      return;
    }
    ++Stats.Parsed;
    Stats.ParsedFiles.push_back(K.File);
    Store.save(K, T);
    if (Link)
      Summaries.add(Index, std::move(T.Summary));
  });
  Bar.finish();
  Clock.lap("parse");

  StringSet<> Listed;
  for (const TUKey &K : Keys)
    Listed.insert(K.File);
  Store.finish(WholeDatabase ? &Listed : nullptr);
  Clock.lap("store tidy");

  // After the store's problems: workers finish in any order, so the
  // failures are sorted, as their text (what the command line shows).
  llvm::sort(Failures, [](const fputcheck::Diagnostic &A,
                          const fputcheck::Diagnostic &B) {
    return render(A) < render(B);
  });
  llvm::append_range(Stats.Diagnostics, Failures);
  for (auto &[What, N] : DroppedCounts)
    Stats.Diagnostics.push_back(
        note("dropped " + What + " (" + std::to_string(N) + " TUs)",
             Origin::General));
  if (Stats.Unsaved)
    Stats.Diagnostics.push_back(
        note(std::to_string(Stats.Unsaved) +
                 " TUs not stored: a file they read changed while they were "
                 "parsed",
             Origin::Store));
  if (Stats.Removed)
    Stats.Diagnostics.push_back(
        note("dropped " + std::to_string(Stats.Removed) +
                 " TUs no longer in the compile database from the store",
             Origin::Store));
  llvm::sort(Stats.ParsedFiles);
  // Only a program made of stored summaries alone has a stored identity.
  if (!Link || Stats.Parsed || !O.Adding.empty() || Stats.StoreLost)
    Stats.InputDigest.clear();
  if (Link) {
    for (TUSummary &S : Summaries.take())
      P.add(std::move(S));
    for (const TUSummary &S : O.Adding)
      P.add(S);
    if (!O.DeferLink) {
      P.link(R);
      Clock.lap("link");
    }
  }
  return Error::success();
}
