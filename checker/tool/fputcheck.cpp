//===- fputcheck.cpp - Command line -----------------------------*- C++ -*-===//
//
//   fputcheck analyze -p <compile_commands.json or its folder>
//       [--format text|json|sarif] [-o FILE] [--rules DIR] [-j N]
//       [--assume-sync NAME[,NAME...]] [--checks ID,...]
//       [--store PATH | --no-store] [--shard K/N] [FILE...]
//   fputcheck census NAME -p <db> [--format text|json] [FILE...]
//   fputcheck merge -o OUT STORE...
//   fputcheck prune (-p <db> | --store PATH) [--older-than DAYS] [--wait S]
//   fputcheck list-checks
//
// Exit status: 0 no findings, 1 findings, 2 usage or input error.
//
//===----------------------------------------------------------------------===//

#include "fputcheck/Analysis.h"
#include "fputcheck/Census.h"
#include "fputcheck/Diagnostic.h"
#include "fputcheck/Emit.h"
#include "fputcheck/Extract.h"
#include "fputcheck/Facts.h"
#include "fputcheck/ProgramLoader.h"
#include "fputcheck/Review.h"
#include "fputcheck/Triage.h"
#include "fputcheck/Store.h"
#include "fputcheck/StoredFindings.h"
#include "fputcheck/Prune.h"

#include "llvm/Support/BuryPointer.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/Signals.h"
#include "llvm/Support/raw_ostream.h"
#include <chrono>
#include <ctime>
#include <limits>

using namespace llvm;
using namespace clang;
using namespace fputcheck;

#ifndef FPUTCHECK_RULES_DIR
#define FPUTCHECK_RULES_DIR ""
#endif

namespace {
enum class Format { Text, JSON, SARIF };

cl::OptionCategory Category("fputcheck options");
cl::SubCommand Analyze("analyze", "Find unsafe synchronous fput call sites");
cl::SubCommand CensusCmd(
    "census", "List every call site of a function with its verdict if it "
              "were made synchronous");
cl::SubCommand ListChecks("list-checks", "Describe the checks");
cl::SubCommand Dump("dump", "Print what extraction learned from TUs (JSON "
                            "summaries: call sites, held locks, stores)");
cl::SubCommand Merge("merge", "Combine summary stores (from --shard runs) "
                              "into one");
cl::SubCommand BaselineCmd(
    "baseline", "Write the current findings to a baseline file (analyze "
                "--baseline hides them)");
cl::SubCommand ReviewCmd("review",
                         "Findings a patch introduces and resolves, against "
                         "the analysed tree (never writes it)");
cl::SubCommand Prune("prune", "Drop the summaries other fputcheck versions "
                              "keep in a store, once no process uses it");

cl::opt<std::string> Database("p", cl::desc("compile_commands.json or its folder"),
                              cl::value_desc("path"), cl::sub(Analyze),
                              cl::sub(CensusCmd), cl::sub(Dump),
                              cl::sub(ReviewCmd), cl::sub(BaselineCmd), cl::sub(Prune), cl::cat(Category));
cl::opt<Format> OutFormat(
    "format", cl::desc("Output format"), cl::init(Format::Text),
    cl::values(clEnumValN(Format::Text, "text", "kernel-style lines"),
               clEnumValN(Format::JSON, "json", "JSON"),
               clEnumValN(Format::SARIF, "sarif", "SARIF 2.1.0")),
    cl::sub(Analyze), cl::sub(CensusCmd), cl::sub(ReviewCmd), cl::cat(Category));
cl::opt<std::string> OutFile("o", cl::desc("Write output here (atomically)"),
                             cl::value_desc("file"), cl::sub(Analyze),
                             cl::sub(CensusCmd), cl::sub(Merge),
                             cl::sub(ReviewCmd), cl::sub(BaselineCmd), cl::cat(Category));
cl::opt<std::string> RulesDir("rules", cl::desc("Rules directory"),
                              cl::value_desc("dir"), cl::sub(Analyze),
                              cl::sub(CensusCmd), cl::sub(Merge),
                              cl::sub(ReviewCmd), cl::sub(BaselineCmd), cl::sub(Prune), cl::cat(Category));
cl::opt<unsigned> Jobs("j", cl::desc("Parallel workers (default: all cores)"),
                       cl::init(0), cl::sub(Analyze), cl::sub(CensusCmd),
                       cl::sub(ReviewCmd), cl::sub(BaselineCmd), cl::cat(Category));
cl::list<std::string> AssumeSync(
    "assume-sync",
    cl::desc("Treat these functions as synchronous fput variants (what-if)"),
    cl::CommaSeparated, cl::value_desc("name"), cl::sub(Analyze),
    cl::cat(Category));
cl::list<std::string> Checks("checks", cl::desc("Only these check ids"),
                             cl::CommaSeparated, cl::value_desc("id"),
                             cl::sub(Analyze), cl::sub(CensusCmd),
                             cl::sub(ReviewCmd), cl::sub(BaselineCmd), cl::cat(Category));
cl::opt<std::string> Root("root",
                          cl::desc("Tree root for relative paths (default: "
                                   "the compile database's folder)"),
                          cl::value_desc("dir"), cl::sub(Analyze),
                          cl::sub(CensusCmd), cl::sub(ReviewCmd), cl::sub(BaselineCmd), cl::cat(Category));
cl::opt<std::string> StorePath(
    "store",
    cl::desc("Summary store file or folder (default: .fputcheck/ next to "
             "the compile database)"),
    cl::value_desc("path"), cl::sub(Analyze), cl::sub(CensusCmd),
    cl::sub(ReviewCmd), cl::sub(BaselineCmd), cl::sub(Prune), cl::cat(Category));
cl::opt<bool> NoStore("no-store",
                      cl::desc("Parse every TU; neither read nor write a "
                               "store"),
                      cl::sub(Analyze), cl::sub(CensusCmd), cl::cat(Category));
cl::opt<std::string> Shard(
    "shard",
    cl::desc("Only parse slice K of N into the store; no analysis (merge "
             "the slices' stores, then analyze)"),
    cl::value_desc("K/N"), cl::sub(Analyze), cl::cat(Category));
cl::opt<bool> TimePhases("time-phases",
                         cl::desc("Print the wall time of each phase"),
                         cl::Hidden, cl::sub(Analyze), cl::sub(CensusCmd),
                         cl::sub(ReviewCmd),
                         cl::cat(Category));
cl::opt<bool> Quiet("quiet", cl::desc("No progress or summary on stderr"),
                    cl::sub(Analyze), cl::sub(CensusCmd), cl::sub(Merge),
                    cl::sub(ReviewCmd), cl::sub(BaselineCmd), cl::sub(Prune), cl::cat(Category));
cl::opt<unsigned> OlderThan(
    "older-than",
    cl::desc("Only versions not used for this many days (default: every "
             "version but this one)"),
    cl::value_desc("days"), cl::init(0), cl::sub(Prune), cl::cat(Category));
cl::opt<unsigned> PruneWait(
    "wait",
    cl::desc("Seconds to wait for other processes to close the store"),
    cl::value_desc("seconds"), cl::init(10), cl::sub(Prune),
    cl::cat(Category));
cl::list<std::string> Files(cl::Positional, cl::desc("[FILE...]"),
                            cl::sub(Analyze));
cl::list<std::string> DumpFiles(cl::Positional, cl::desc("FILE..."),
                               cl::OneOrMore, cl::sub(Dump));
cl::list<std::string> MergeInputs(cl::Positional, cl::desc("STORE..."),
                                  cl::OneOrMore, cl::sub(Merge));
cl::opt<std::string> BaselineFile(
    "baseline", cl::desc("Hide the findings this baseline file lists"),
    cl::value_desc("file"), cl::sub(Analyze), cl::cat(Category));
cl::opt<std::string> SuppressionsFile(
    "suppressions",
    cl::desc("Hide the findings this YAML file suppresses, each with its "
             "reason (default: .fputcheck-suppressions.yaml at the tree "
             "root, when present)"),
    cl::value_desc("file"), cl::sub(Analyze), cl::sub(ReviewCmd),
    cl::cat(Category));
cl::list<std::string> PatchFiles(cl::Positional,
                                 cl::desc("PATCH... (- reads stdin)"),
                                 cl::sub(ReviewCmd));
cl::opt<std::string> GitRange(
    "git", cl::desc("Review the commits BASE..HEAD of the tree's git work "
                    "tree (git format-patch)"),
    cl::value_desc("BASE..HEAD"), cl::sub(ReviewCmd), cl::cat(Category));
cl::list<std::string> CensusArgs(cl::Positional, cl::desc("NAME [FILE...]"),
                                 cl::OneOrMore, cl::sub(CensusCmd));

int usage(const Twine &Msg) {
  errs() << "fputcheck: error: " << Msg << "\n";
  return 2;
}

std::string rulesDir(const char *Argv0) {
  if (!RulesDir.empty())
    return RulesDir;
  // Installed layout first (<prefix>/share/fputcheck/rules), then the
  // source tree this binary was built from.
  std::string Exe = sys::fs::getMainExecutable(Argv0, (void *)&usage);
  SmallString<256> Installed(sys::path::parent_path(sys::path::parent_path(Exe)));
  sys::path::append(Installed, "share", "fputcheck", "rules");
  if (sys::fs::is_directory(Installed))
    return std::string(Installed);
  return FPUTCHECK_RULES_DIR;
}

/// Writes through a temporary file renamed into place at the end, so an
/// interrupted run never leaves a partial report that looks complete.
int writeOutput(const std::function<void(raw_ostream &)> &Emit) {
  if (OutFile.empty() || OutFile == "-") {
    Emit(outs());
    outs().flush();
    return 0;
  }
  std::string Tmp = OutFile + ".tmp";
  std::error_code EC;
  raw_fd_ostream OS(Tmp, EC);
  if (EC)
    return usage(OutFile + ": cannot write: " + EC.message());
  sys::RemoveFileOnSignal(Tmp);
  Emit(OS);
  OS.close();
  if (OS.has_error() || (EC = sys::fs::rename(Tmp, OutFile))) {
    sys::fs::remove(Tmp);
    return usage(OutFile + ": cannot write: " +
                 (EC ? EC.message() : OS.error().message()));
  }
  sys::DontRemoveFileOnSignal(Tmp);
  return 0;
}

int dump(const char *Argv0) {
  auto R = Rules::loadDirectory(rulesDir(Argv0));
  if (!R) {
    errs() << toString(R.takeError()) << "\n";
    return 2;
  }
  auto DB = loadCompileDatabase(Database);
  if (!DB) {
    errs() << toString(DB.takeError()) << "\n";
    return 2;
  }
  SmallString<256> Dir(Database);
  if (!sys::fs::is_directory(Dir))
    sys::path::remove_filename(Dir);
  std::vector<std::string> Names(DumpFiles.begin(), DumpFiles.end());
  auto Cmds = selectCommands(**DB, Dir, Names);
  if (!Cmds) {
    errs() << toString(Cmds.takeError()) << "\n";
    return 2;
  }
  int Status = 0;
  for (const tooling::CompileCommand &C : *Cmds) {
    TUOutcome O = extractOne(C, *R);
    if (!O.Ok) {
      errs() << O.Error << "\n";
      Status = 2;
      continue;
    }
    outs() << formatv("{0:1}", toJSON(O.Summary)) << "\n";
  }
  return Status;
}

void printPhases(ArrayRef<std::pair<std::string, double>> Phases) {
  if (TimePhases)
    for (const auto &[Phase, Secs] : Phases)
      errs() << formatv("fputcheck: time: {0,-12} {1,8:f3} s\n", Phase, Secs);
}

/// What loading said, in its order: the store's problems, the TUs left out
/// of the program, and notes unless --quiet.
void printLoadDiagnostics(const LoadStats &Stats) {
  for (const fputcheck::Diagnostic &D : Stats.Diagnostics) {
    if (D.Level == Severity::Note) {
      if (!Quiet)
        errs() << "fputcheck: " << D << "\n";
    } else if (D.From == Origin::Parse) {
      errs() << D << " (TU skipped)\n";
    } else {
      errs() << D << "\n";
    }
  }
}

/// The suppressions that apply: --suppressions, else the tree's own file.
Expected<std::vector<Suppression>> loadSuppressions(StringRef TreeRoot) {
  std::string Path = SuppressionsFile;
  if (Path.empty()) {
    SmallString<256> Default(TreeRoot);
    sys::path::append(Default, ".fputcheck-suppressions.yaml");
    if (!sys::fs::exists(Default))
      return std::vector<Suppression>();
    Path = std::string(Default);
  }
  return readSuppressions(Path);
}

/// Hides suppressed findings (and, with --baseline, known ones), saying on
/// stderr how many and which suppressions matched nothing.
Error triage(std::vector<Finding> &Findings, StringRef TreeRoot) {
  auto S = loadSuppressions(TreeRoot);
  if (!S)
    return S.takeError();
  unsigned Suppressed = applySuppressions(Findings, *S);
  unsigned Known = 0;
  if (!BaselineFile.empty()) {
    auto B = readBaseline(BaselineFile);
    if (!B)
      return B.takeError();
    Known = applyBaseline(Findings, TreeRoot, std::move(*B));
  }
  if (Quiet)
    return Error::success();
  for (const fputcheck::Diagnostic &D : staleSuppressions(*S))
    errs() << D << "\n";
  if (Suppressed)
    errs() << "fputcheck: " << Suppressed << " findings suppressed\n";
  if (!BaselineFile.empty())
    errs() << "fputcheck: " << Known << " findings in the baseline hidden\n";
  return Error::success();
}

enum class Mode { Analyze, Census, Baseline };

/// Prints the store's warnings of \p Warnings (StoredFindings.h); they cost
/// time, never findings.
void printWarnings(const std::vector<fputcheck::Diagnostic> &Warnings) {
  for (const fputcheck::Diagnostic &D : Warnings)
    errs() << D << "\n";
}

/// The findings of the unlinked program \p P: \p Stored when the load
/// found them, else its own, linked, analysed and kept (with the reach
/// facts in \p Facts, when given).
std::vector<Finding>
storedOrAnalysed(Program &P, const Rules &R, AnalysisOptions AO,
                 LoadStats &Stats, ReachFacts *Facts,
                 std::optional<std::vector<Finding>> &Stored) {
  if (Stored) {
    Stats.Phases.emplace_back("findings from the store", 0.0);
    return std::move(*Stored);
  }
  AO.Facts = Facts;
  std::vector<fputcheck::Diagnostic> Warnings;
  std::vector<Finding> Out =
      analyzeAndKeep(P, R, AO, Stats, "", Stats.Phases, Warnings);
  printWarnings(Warnings);
  return Out;
}


int run(const char *Argv0, Mode M) {
  bool IsCensus = M == Mode::Census;
  if (Database.empty())
    return usage("-p <compile_commands.json or its folder> is required");
  auto R = Rules::loadDirectory(rulesDir(Argv0));
  if (!R) {
    errs() << toString(R.takeError()) << "\n";
    return 2;
  }
  std::string CensusName;
  std::vector<std::string> TUFiles(Files.begin(), Files.end());
  if (IsCensus) {
    CensusName = CensusArgs.front();
    TUFiles.assign(CensusArgs.begin() + 1, CensusArgs.end());
    R->addSyncVariant(CensusName);
  }
  for (const std::string &N : AssumeSync)
    R->addSyncVariant(N);
  CheckSet Enabled;
  if (Checks.empty())
    Enabled.set();
  for (const std::string &Id : Checks) {
    CheckKind K;
    if (!parseCheckId(Id, K))
      return usage("unknown check '" + Id + "' (see 'fputcheck list-checks')");
    Enabled.set(unsigned(K));
  }

  LoadOptions SO{Database, TUFiles, Jobs, Quiet};
  SO.UseStore = !NoStore;
  SO.StorePath = StorePath;
  if (NoStore && !StorePath.empty())
    return usage("--store and --no-store exclude each other");
  if (!Shard.empty()) {
    if (NoStore)
      return usage("--shard writes a store; it cannot go with --no-store");
    if (Error E = parseShard(Shard, SO.ShardIndex, SO.ShardCount))
      return usage(toString(std::move(E)));
  }
  // Never freed, on purpose (clang's -disable-free): tearing down a whole
  // tree's linked program, millions of strings, costs more than analysing
  // it, and the OS takes it back at exit. A static keeps it reachable, so
  // LeakSanitizer does not count it.
  static Program *Linked = new Program;
  Program &P = *Linked;
  LoadStats Stats;
  std::string DBDir;
  // Linked when its findings are computed, not when they are stored; and
  // not even decoded then.
  SO.DeferLink = !IsCensus;
  bool KeepFacts = M == Mode::Analyze && TUFiles.empty();
  std::optional<std::vector<Finding>> Stored;
  if (!IsCensus)
    SO.SummariesWanted = [&](const LoadStats &S) {
      std::vector<fputcheck::Diagnostic> Warnings;
      Stored = recallFindings(S, *R, {Enabled}, KeepFacts, Warnings);
      printWarnings(Warnings);
      return !Stored;
    };
  if (Error E = loadProgram(SO, *R, P, Stats, DBDir)) {
    errs() << toString(std::move(E)) << "\n";
    return 2;
  }
  printLoadDiagnostics(Stats);
  std::string Counts = std::to_string(Stats.TUs) + " TUs, " +
                       std::to_string(Stats.Parsed) + " parsed, " +
                       std::to_string(Stats.Cached) + " from the store, " +
                       std::to_string(Stats.Failed) + " failed to parse";
  if (SO.ShardCount) {
    printPhases(Stats.Phases);
    // The store is a shard's only output: losing it fails the job.
    if (Stats.StoreLost)
      return 2;
    // A slice proves nothing about the whole: no findings, by design.
    if (!Quiet)
      errs() << "fputcheck: shard " << SO.ShardIndex << "/" << SO.ShardCount
             << ": " << Counts << "; stored in " << Stats.StorePath
             << " (not analysed: merge the shards' stores with 'fputcheck "
                "merge', then analyze with --store)\n";
    return 0;
  }

  EmitOptions EO{Root.empty() ? DBDir : std::string(Root)};
  if (!EO.Root.empty()) {
    SmallString<256> Abs(EO.Root);
    sys::fs::make_absolute(Abs);
    sys::path::remove_dots(Abs, true);
    EO.Root = std::string(Abs);
  }

  auto Start = std::chrono::steady_clock::now();
  auto Analysed = [&] {
    Stats.Phases.emplace_back("analyse",
                              std::chrono::duration<double>(
                                  std::chrono::steady_clock::now() - Start)
                                  .count());
  };
  int WriteStatus;
  size_t Reported;
  std::string Result;
  if (IsCensus) {
    std::vector<CensusEntry> C = takeCensus(P, *R, CensusName, Enabled);
    Analysed();
    Reported = 0;
    for (const CensusEntry &E : C)
      Reported += !E.Verdicts.empty();
    Result = std::to_string(C.size()) + " calls of " + CensusName + ", " +
             std::to_string(Reported) + " unsafe";
    WriteStatus = writeOutput([&](raw_ostream &OS) {
      if (OutFormat == Format::Text)
        emitCensusText(CensusName, C, EO, OS);
      else
        emitCensusJSON(CensusName, C, EO, OS);
    });
  } else if (M == Mode::Baseline) {
    std::vector<Finding> Findings =
        storedOrAnalysed(P, *R, {Enabled}, Stats, nullptr, Stored);
    Reported = 0;
    Result = std::to_string(Findings.size()) + " findings written to " +
             std::string(OutFile);
    WriteStatus = writeOutput(
        [&](raw_ostream &OS) { writeBaseline(Findings, EO.Root, OS); });
  } else {
    // What an editor needs of the rest of the program (fputcheck/Facts.h),
    // from a run over the whole database only: one over some files would
    // leave facts about part of the tree.
    KeepFacts &= !Stats.StorePath.empty() && !Stats.StoreLost;
    ReachFacts Facts;
    std::vector<Finding> Findings =
        storedOrAnalysed(P, *R, {Enabled}, Stats, KeepFacts ? &Facts : nullptr,
                         Stored);
    if (Error E = triage(Findings, EO.Root)) {
      errs() << toString(std::move(E)) << "\n";
      return 2;
    }
    Reported = Findings.size();
    Result = std::to_string(Reported) + " findings";
    WriteStatus = writeOutput([&](raw_ostream &OS) {
      switch (OutFormat) {
      case Format::Text:
        emitText(Findings, EO, OS);
        break;
      case Format::JSON:
        emitJSON(Findings, EO, OS);
        break;
      case Format::SARIF:
        emitSARIF(Findings, EO, OS);
        break;
      }
    });
  }
  if (WriteStatus)
    return WriteStatus;
  printPhases(Stats.Phases);
  // Only a program that was linked (not one whose findings were stored).
  if (const Program::FieldCallCounts &C = P.fieldCallCounts();
      TimePhases && C.ByTable + C.ByObjects + C.ByField + C.Capped + C.NoStore)
    errs() << formatv("fputcheck: calls through fields: {0} by constant "
                      "table, {1} by stored objects, {2} by field, {3} not "
                      "linked (too many stored), {4} with nothing stored; "
                      "{5} through an object loaded from a field\n",
                      C.ByTable, C.ByObjects, C.ByField, C.Capped, C.NoStore,
                      C.ThroughLoaded);
  if (const Program::TagCounts &T = P.tagCounts(); TimePhases && T.Places)
    errs() << formatv("fputcheck: object tags: {0} calls behind a tag test, "
                      "{1} allocation places, {2} of them of known kinds\n",
                      T.Tests, T.Places, T.KnownPlaces);
  if (!Quiet)
    errs() << "fputcheck: " << Counts << "; " << Result << "\n";
  return Reported ? 1 : 0;
}

/// The commits \p Range of the git work tree at \p Dir as an mbox.
Expected<std::string> gitSeries(StringRef Dir, StringRef Range) {
  auto Git = sys::findProgramByName("git");
  if (!Git)
    return createStringError(Git.getError(), "git: not found");
  SmallString<128> Out;
  if (std::error_code EC = sys::fs::createTemporaryFile("fputcheck-review",
                                                        "mbox", Out))
    return createStringError(EC, "cannot create a temporary file");
  FileRemover Remove(Out);
  std::vector<StringRef> Argv{*Git, "-C", Dir, "format-patch", "--stdout",
                              "--no-signature", Range};
  std::optional<StringRef> Redirects[] = {std::nullopt, StringRef(Out),
                                          std::nullopt};
  std::string Err;
  if (sys::ExecuteAndWait(*Git, Argv, std::nullopt, Redirects, 0, 0, &Err))
    return createStringError(inconvertibleErrorCode(),
                             "git format-patch " + Range + " in " + Dir +
                                 " failed" + (Err.empty() ? "" : ": " + Err));
  auto B = MemoryBuffer::getFile(Out);
  if (!B)
    return createStringError(B.getError(), "cannot read git's output");
  return (*B)->getBuffer().str();
}

int review(const char *Argv0) {
  if (Database.empty())
    return usage("-p <compile_commands.json or its folder> is required");
  if (PatchFiles.empty() == GitRange.empty())
    return usage("review takes PATCH... or --git BASE..HEAD (one of them)");
  auto R = Rules::loadDirectory(rulesDir(Argv0));
  if (!R) {
    errs() << toString(R.takeError()) << "\n";
    return 2;
  }
  ReviewOptions O;
  O.Load = LoadOptions{Database, {}, Jobs, Quiet};
  O.Load.UseStore = true;
  O.Load.StorePath = StorePath;
  O.Root = Root;
  for (const std::string &Id : Checks) {
    CheckKind K;
    if (!parseCheckId(Id, K))
      return usage("unknown check '" + Id + "' (see 'fputcheck list-checks')");
    if (O.Analysis.Enabled.all())
      O.Analysis.Enabled.reset();
    O.Analysis.Enabled.set(unsigned(K));
  }
  std::vector<ReviewInput> Inputs;
  if (!GitRange.empty()) {
    SmallString<256> Dir(Root.empty() ? std::string(Database) : Root);
    if (Root.empty() && !sys::fs::is_directory(Dir))
      sys::path::remove_filename(Dir);
    auto Series = gitSeries(Dir, GitRange);
    if (!Series)
      return usage(toString(Series.takeError()));
    Inputs.push_back({std::move(*Series), GitRange});
  }
  for (const std::string &F : PatchFiles) {
    auto B = F == "-" ? MemoryBuffer::getSTDIN() : MemoryBuffer::getFile(F);
    if (!B)
      return usage(F + ": cannot read: " + B.getError().message());
    Inputs.push_back({(*B)->getBuffer().str(), F == "-" ? "<stdin>" : F});
  }
  auto Rv = reviewPatches(Inputs, O, *R);
  if (!Rv) {
    errs() << toString(Rv.takeError()) << "\n";
    return 2;
  }
  // Never destroyed, like analyze's program (a whole tree's teardown costs
  // 0.15 s): the process exits next (see run()). Buried, not just dropped,
  // so LeakSanitizer still sees them reachable.
  for (std::unique_ptr<Program> &P : Rv->Programs)
    llvm::BuryPointer(std::move(P));
  // The base tree's failed TUs are the tree's, not the patch's: only the
  // store's problems are said.
  for (const fputcheck::Diagnostic &D : Rv->BaseStats.Diagnostics)
    if (D.From == Origin::Store && D.Level != Severity::Note)
      errs() << D << "\n";
  auto Supp = loadSuppressions(Rv->Root);
  if (!Supp) {
    errs() << toString(Supp.takeError()) << "\n";
    return 2;
  }
  suppressReviewed(*Rv, *Supp);
  if (int Status = writeOutput([&](raw_ostream &OS) {
        switch (OutFormat) {
        case Format::Text:
          emitReviewText(*Rv, OS);
          break;
        case Format::JSON:
          emitReviewJSON(*Rv, OS);
          break;
        case Format::SARIF:
          emitReviewSARIF(*Rv, OS);
          break;
        }
      }))
    return Status;
  printPhases(Rv->Phases);
  bool New = llvm::any_of(Rv->Findings, [](const ReviewedFinding &F) {
    return F.State == ReviewState::New;
  });
  return New ? 1 : 0;
}

int merge(const char *Argv0) {
  if (OutFile.empty())
    return usage("merge needs -o OUT");
  std::string Out = resolveStorePath(OutFile);
  std::vector<std::string> Inputs;
  for (const std::string &In : MergeInputs) {
    Inputs.push_back(resolveStorePath(In));
    if (Inputs.back() == Out)
      return usage(In + ": is also the output");
  }
  // Which TUs analyze will parse again only matters for a note.
  std::string Extractor;
  if (auto R = Rules::loadDirectory(rulesDir(Argv0)))
    Extractor = extractorDigest(*R);
  else
    consumeError(R.takeError());

  Expected<MergeStats> M = mergeStores(Out, Inputs, Extractor);
  if (!M) {
    errs() << toString(M.takeError()) << "\n";
    return 2;
  }
  const MergeStats &Total = *M;
  if (!Quiet) {
    errs() << "fputcheck: merged " << Inputs.size() << " stores into " << Out
           << ": " << Total.Added << " TUs";
    if (Total.Duplicates)
      errs() << ", " << Total.Duplicates
             << " given by more than one store (first kept)";
    errs() << "\n";
    if (Total.OtherExtractor)
      errs() << "fputcheck: note: " << Total.OtherExtractor
             << " TUs were made by another fputcheck build or rules; "
                "analyze will parse them again\n";
  }
  return 0;
}
int prune(const char *Argv0) {
  if (Database.empty() && StorePath.empty())
    return usage("prune needs -p <compile_commands.json or its folder> or "
                 "--store PATH");
  std::string Path;
  if (StorePath.empty()) {
    SmallString<256> Dir(Database);
    if (!sys::fs::is_directory(Dir))
      sys::path::remove_filename(Dir);
    sys::fs::make_absolute(Dir);
    sys::path::remove_dots(Dir, true);
    Path = defaultStorePath(Dir);
  } else {
    Path = resolveStorePath(StorePath);
  }
  // This fputcheck's summaries are the ones kept.
  auto R = Rules::loadDirectory(rulesDir(Argv0));
  if (!R) {
    errs() << toString(R.takeError()) << "\n";
    return 2;
  }
  int64_t Before = int64_t(std::time(nullptr)) - int64_t(OlderThan) * 86400;
  if (!OlderThan)
    Before = std::numeric_limits<int64_t>::max();
  Expected<PruneStats> P = pruneStore(Path, extractorDigest(*R), Before,
                                      std::chrono::seconds(PruneWait));
  if (!P) {
    errs() << toString(P.takeError()) << "\n";
    return 2;
  }
  if (!Quiet) {
    if (!P->Store.empty())
      errs() << "fputcheck: pruned " << P->Extractors
             << " other fputcheck version" << (P->Extractors == 1 ? "" : "s")
             << " from " << P->Store << "\n";
    for (const std::string &F : P->Files)
      errs() << "fputcheck: removed " << F
             << ", kept by an older fputcheck\n";
  }
  return 0;
}
} // namespace

int main(int argc, char **argv) {
  InitLLVM X(argc, argv);
  cl::HideUnrelatedOptions(Category);
  if (!cl::ParseCommandLineOptions(argc, argv,
                                   "fputcheck: unsafe synchronous fput call "
                                   "sites in a kernel tree\n",
                                   &errs()))
    return 2;
  if (ListChecks) {
    for (unsigned I = 0; I < NumChecks; ++I)
      outs() << checkId(CheckKind(I)) << "\n    "
             << checkSummary(CheckKind(I)) << "\n";
    return 0;
  }
  if (Dump)
    return dump(argv[0]);
  if (Merge)
    return merge(argv[0]);
  if (ReviewCmd)
    return review(argv[0]);
  if (Prune)
    return prune(argv[0]);
  if (Analyze)
    return run(argv[0], Mode::Analyze);
  if (CensusCmd)
    return run(argv[0], Mode::Census);
  if (BaselineCmd) {
    if (OutFile.empty())
      return usage("baseline needs -o FILE");
    return run(argv[0], Mode::Baseline);
  }
  return usage("expected a subcommand: analyze, census, review, baseline, "
               "merge, prune, list-checks or dump (see --help)");
}
