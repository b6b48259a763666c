//===- ProgramLoader.cpp - From a compile database to a linked program ----===//

#include "fputcheck/ProgramLoader.h"
#include "fputcheck/Extract.h"
#include "extract/CompileDB.h"
#include "driver/Progress.h"
#include "store/SummaryStore.h"
#include "fputcheck/Store.h"
#include "link/FunctionCopies.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Parallel.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA1.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
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

/// The summaries the store holds for a run, and the TUs left to parse.
class Cache {
public:
  Cache(const LoadOptions &O, LoadStats &Stats, std::string Extractor)
      : O(O), Stats(Stats), Extractor(std::move(Extractor)) {}

  /// Opens the store and finds which of \p Keys it can answer: \p Fresh
  /// those with a summary, loaded into \p Loaded when \p Load, and
  /// \p Failed the error of those that would fail to parse again (empty
  /// for the others). A store found corrupt on the way is rebuilt and
  /// answers nothing. The store actually used (another version's may be
  /// where it was asked for) becomes Stats.StorePath.
  Error open(ArrayRef<TUKey> Keys, bool Load, std::vector<bool> &Fresh,
             std::vector<std::string> &Failed, FunctionCopies &Loaded,
             PhaseClock &Clock) {
    std::string Rebuilt;
    bool NotAStore = false;
    auto S = SummaryStore::open(Stats.StorePath, Rebuilt, NotAStore);
    // A database that is not ours was named by mistake: an input error.
    // Anything else (a read-only tree, a full disk) only costs the caching.
    if (!S && NotAStore)
      return S.takeError();
    Fresh.assign(Keys.size(), false);
    Failed.assign(Keys.size(), std::string());
    if (!S) {
      fail(S.takeError());
      return Error::success();
    }
    if (!Rebuilt.empty())
      Stats.Diagnostics.push_back(parseDiagnostic(Rebuilt, Origin::Store));
    Store = std::move(*S);
    Stats.StorePath = Store->path();
    Expected<Freshness> F = Store->fresh(Keys, Extractor, Load);
    Clock.lap("store check");
    if (!F) {
      rebuild(toString(F.takeError()));
      return Error::success();
    }
    if (!Load) {
      Fresh = std::move(F->Summary);
      Failed = std::move(F->Failure);
      return Error::success();
    }
    std::vector<size_t> Index;
    for (size_t I = 0; I < Keys.size(); ++I)
      if (F->Summary[I])
        Index.push_back(I);
    Error E = decodeAll(F->Loaded, Index, Keys, O.Jobs, Loaded);
    Clock.lap("store load");
    if (E) {
      Loaded = FunctionCopies(Keys.size());
      rebuild(toString(std::move(E)));
      return Error::success();
    }
    Fresh = std::move(F->Summary);
    Failed = std::move(F->Failure);
    return Error::success();
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
                              std::string &DBDir) {
  PhaseClock Clock(Stats);
  auto DB = loadCompileDatabase(O.Database);
  if (!DB)
    return DB.takeError();
  SmallString<256> Dir(O.Database);
  if (!sys::fs::is_directory(Dir))
    sys::path::remove_filename(Dir);
  sys::fs::make_absolute(Dir);
  sys::path::remove_dots(Dir, true);
  DBDir = std::string(Dir);
  auto Selected = selectCommands(**DB, DBDir, O.Files);
  if (!Selected)
    return Selected.takeError();
  // Slices are taken from the sorted list, so every shard agrees on them.
  StringSet<> Without;
  for (const std::string &F : O.Without)
    Without.insert(F);
  std::vector<tooling::CompileCommand> Cmds;
  for (size_t I = 0; I < Selected->size(); ++I)
    if ((!O.ShardCount || I % O.ShardCount == O.ShardIndex - 1) &&
        !Without.contains((*Selected)[I].Filename))
      Cmds.push_back(std::move((*Selected)[I]));
  bool Link = O.ShardCount == 0;
  // Only a run over the whole database knows which TUs are gone from it.
  bool WholeDatabase = O.Files.empty() && !O.ShardCount && Without.empty();

  Stats.TUs = Cmds.size();
  // Every command is sanitised and hashed for its store key: a few
  // thousand driver parses, spread over the workers.
  std::vector<TUKey> Keys(Cmds.size());
  std::vector<DroppedFlags> Dropped(Cmds.size());
  llvm::parallelFor(0, Cmds.size(), [&](size_t I) {
    std::vector<std::string> Args = sanitizeArguments(Cmds[I], Dropped[I]);
    Keys[I] = {Cmds[I].Filename, commandDigest(Cmds[I], Args)};
  });
  std::map<std::string, unsigned> DroppedCounts;
  for (const DroppedFlags &D : Dropped) {
    for (const std::string &F : D.Plugin)
      ++DroppedCounts["plugin flag " + F];
    for (const std::string &F : D.Unknown)
      ++DroppedCounts["flag unknown to clang " + F];
  }
  Clock.lap("database");

  std::vector<bool> Fresh(Cmds.size(), false);
  std::vector<std::string> KnownFailure(Cmds.size());
  FunctionCopies Summaries(Cmds.size());
  Cache Store(O, Stats, O.UseStore ? extractorDigest(R) : "");
  if (O.UseStore) {
    Stats.StorePath = O.StorePath.empty() ? defaultStorePath(DBDir)
                                          : resolveStorePath(O.StorePath);
    if (Error E = Store.open(Keys, Link, Fresh, KnownFailure, Summaries,
                             Clock))
      return E;
  }
  Stats.Cached = llvm::count(Fresh, true);

  std::vector<tooling::CompileCommand> Stale;
  std::vector<size_t> StaleIndex;
  std::vector<fputcheck::Diagnostic> Failures;
  for (size_t I = 0; I < Cmds.size(); ++I)
    if (!Fresh[I] && !KnownFailure[I].empty()) {
      // Reported as the parse would report it, without parsing.
      ++Stats.Failed;
      ++Stats.FailuresCached;
      Failures.push_back(failureOf(Cmds[I].Filename, KnownFailure[I]));
    } else if (!Fresh[I]) {
      Stale.push_back(Cmds[I]);
      StaleIndex.push_back(I);
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

  StringSet<> All;
  for (const TUKey &K : Keys)
    All.insert(K.File);
  Store.finish(WholeDatabase ? &All : nullptr);
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
  if (Link) {
    for (TUSummary &S : Summaries.take())
      P.add(std::move(S));
    for (const TUSummary &S : O.Adding)
      P.add(S);
    P.link(R);
    Clock.lap("link");
  }
  return Error::success();
}
