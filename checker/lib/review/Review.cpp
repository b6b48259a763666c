//===- Review.cpp - What a patch changes in the findings ------------------===//

#include "fputcheck/Review.h"
#include "fputcheck/Emit.h"
#include "fputcheck/Extract.h"
#include "review/Patch.h"
#include "review/Relink.h"
#include "fputcheck/StoredFindings.h"
#include "store/Readers.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

using namespace clang;
using namespace llvm;
using namespace fputcheck;

namespace {

std::string absoluteRoot(const ReviewOptions &O) {
  SmallString<256> Dir(O.Root.empty() ? O.Load.Database : O.Root);
  if (O.Root.empty() && !sys::fs::is_directory(Dir))
    sys::path::remove_filename(Dir);
  sys::fs::make_absolute(Dir);
  sys::path::remove_dots(Dir, true);
  return std::string(Dir);
}

std::string under(StringRef Root, StringRef Rel) {
  SmallString<256> P(Root);
  sys::path::append(P, Rel);
  return std::string(P);
}

/// Wall time since \p Start in seconds.
double since(std::chrono::steady_clock::time_point Start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                       Start)
      .count();
}

/// Loads one side (\p Side: "base", "patched"), its phases recorded under
/// its name.
Expected<Program *> loadSide(StringRef Side, const LoadOptions &LO,
                             const Rules &R, LoadStats &Stats,
                             ReviewResult &Rv,
                             std::vector<tooling::CompileCommand> *All =
                                 nullptr) {
  // The result owns it, so its caller decides whether to pay for the
  // teardown (ReviewResult::Programs).
  Program *P = Rv.Programs.emplace_back(std::make_unique<Program>()).get();
  std::string DBDir;
  if (Error E = loadProgram(LO, R, *P, Stats, DBDir, All))
    return E;
  for (const auto &[Phase, Secs] : Stats.Phases)
    Rv.Phases.emplace_back((Side + " " + Phase).str(), Secs);
  return P;
}

/// The findings of \p P, and how long they took in \p Secs.
std::vector<Finding> analyseTimed(const Program &P, const Rules &R,
                                  const AnalysisOptions &AO, double &Secs) {
  auto Start = std::chrono::steady_clock::now();
  std::vector<Finding> Out = analyzeProgram(P, R, AO);
  Secs = since(Start);
  return Out;
}

/// The findings of the unlinked base program \p P: those the store kept for
/// it, else its own, kept for the next review (StoredFindings.h). Losing
/// the stored copy costs time, never findings: it is only said.
std::vector<Finding> baseFindings(Program &P, const Rules &R,
                                  const AnalysisOptions &AO,
                                  ReviewResult &Rv) {
  auto Start = std::chrono::steady_clock::now();
  std::vector<Diagnostic> &Said = Rv.BaseStats.Diagnostics;
  if (auto Kept = recallFindings(Rv.BaseStats, R, AO, false, Said)) {
    Rv.Phases.emplace_back("base findings from the store", since(Start));
    return std::move(*Kept);
  }
  return analyzeAndKeep(P, R, AO, Rv.BaseStats, "base ", Rv.Phases, Said);
}

/// The line \p Line (1-based) of \p Text.
std::string lineOf(StringRef Text, unsigned Line) {
  for (unsigned I = 1; !Text.empty(); ++I) {
    auto [L, Rest] = Text.split('\n');
    if (I == Line)
      return L.str();
    Text = Rest;
  }
  return "";
}

} // namespace

Expected<ReviewResult>
fputcheck::reviewPatches(const std::vector<ReviewInput> &Patches,
                         const ReviewOptions &O, const Rules &R) {
  ReviewResult Rv;
  Rv.Root = absoluteRoot(O);
  if (!O.Load.UseStore)
    return createStringError(inconvertibleErrorCode(),
                             "review needs the summary store: it knows "
                             "which TUs read the files a patch changes");
  // The patches first: one that does not apply stops everything.
  PatchedTree Tree([&](StringRef Rel) -> std::optional<std::string> {
    auto B = MemoryBuffer::getFile(under(Rv.Root, Rel));
    if (!B)
      return std::nullopt;
    return (*B)->getBuffer().str();
  });
  for (const ReviewInput &In : Patches) {
    auto Ps = parsePatch(In.Text, In.Name);
    if (!Ps)
      return Ps.takeError();
    for (const FilePatch &P : *Ps)
      if (Error E = Tree.apply(P))
        return E;
  }

  std::vector<Finding> Before, After;
  // Every command too: the patched side parses some again.
  std::vector<tooling::CompileCommand> All;
  // Linked only if its findings are not stored: the patched side needs the
  // base's summaries, not its graph.
  LoadOptions BaseLoad = O.Load;
  BaseLoad.DeferLink = true;
  auto BaseP = loadSide("base", BaseLoad, R, Rv.BaseStats, Rv, &All);
  if (!BaseP)
    return BaseP.takeError();
  double Secs = 0;
  Before = baseFindings(**BaseP, R, O.Analysis, Rv);

  auto Start = std::chrono::steady_clock::now();
  std::vector<std::string> Changed;
  for (StringRef Rel : Tree.files().keys()) {
    Changed.push_back(under(Rv.Root, Rel));
    Rv.ChangedFiles.push_back(Rel.str());
  }
  llvm::sort(Changed);
  llvm::sort(Rv.ChangedFiles);
  auto Readers = storedReadersOf(Rv.BaseStats.StorePath, Changed);
  if (!Readers)
    return Readers.takeError();

  // The commands to parse again: the stored readers of a changed file, and
  // changed main files the store has no summary of (a failed TU).
  StringSet<> Wanted;
  for (const std::string &F : *Readers)
    Wanted.insert(F);
  StringSet<> Listed;
  for (const tooling::CompileCommand &C : All)
    Listed.insert(C.Filename);
  for (const auto &E : Tree.files()) {
    std::string Abs = under(Rv.Root, E.getKey());
    if (Listed.contains(Abs))
      Wanted.insert(Abs);
    else if (E.getValue() && sys::path::extension(E.getKey()) == ".c")
      Rv.NotAnalysed.push_back(E.getKey().str() +
                               ": not in the compile database");
  }
  std::vector<tooling::CompileCommand> Cmds;
  for (tooling::CompileCommand &C : All)
    if (Wanted.contains(C.Filename))
      Cmds.push_back(std::move(C));

  ExtractOptions EO;
  EO.MakeFS = [&] { return Tree.fileSystem(Rv.Root); };
  LoadOptions Patched = O.Load;
  bool SameNames = true;
  extractAll(
      Cmds, R, O.Load.Jobs,
      [&](TUOutcome &T) {
        // A patched TU that does not parse keeps its base summary: its
        // findings are neither resolved nor new, and the report says so.
        if (!T.Ok) {
          Rv.NotAnalysed.push_back(
              relativePath(T.Cmd->Filename, Rv.Root) +
              ": does not parse with the patch, kept as it was: " + T.Error);
          return;
        }
        SameNames &= T.Summary.MainFile == T.Cmd->Filename;
        Patched.Without.push_back(T.Cmd->Filename);
        Patched.Adding.push_back(std::move(T.Summary));
      },
      EO);
  Rv.Reparsed = Cmds.size();
  Rv.Phases.emplace_back("patch parse", since(Start));

  // The base's summaries with the re-parsed TUs replaced; loaded again
  // from the store only where that could link another program.
  Start = std::chrono::steady_clock::now();
  std::unique_ptr<Program> Relinked;
  if (SameNames)
    Relinked = relinkPatched(**BaseP, Patched.Adding, R);
  if (Relinked) {
    Rv.Phases.emplace_back("patched link", since(Start));
    After = analyseTimed(*Relinked, R, O.Analysis, Secs);
    Rv.Programs.push_back(std::move(Relinked));
  } else {
    LoadStats PatchedStats;
    auto P = loadSide("patched", Patched, R, PatchedStats, Rv);
    if (!P)
      return P.takeError();
    After = analyseTimed(**P, R, O.Analysis, Secs);
  }
  Rv.Phases.emplace_back("patched analyse", Secs);

  // Matched by identity, as many times as each occurs.
  std::map<std::string, std::vector<const Finding *>> Base;
  for (const Finding &F : Before)
    Base[findingKey(F, Rv.Root)].push_back(&F);
  std::vector<ReviewedFinding> New, Resolved, Unchanged;
  for (const Finding &F : After) {
    std::string Key = findingKey(F, Rv.Root);
    auto It = Base.find(Key);
    if (It != Base.end() && !It->second.empty()) {
      It->second.pop_back();
      ++Rv.Unchanged;
      Unchanged.push_back({F, ReviewState::Unchanged, Key, {}});
      continue;
    }
    ReviewedFinding RF{F, ReviewState::New, Key, {}};
    std::vector<Step> Steps{F.Where};
    Steps.insert(Steps.end(), F.Notes.begin(), F.Notes.end());
    Steps.insert(Steps.end(), F.Flow.begin(), F.Flow.end());
    std::set<std::pair<std::string, unsigned>> Quoted;
    for (const Step &S : Steps) {
      std::string Rel = relativePath(S.File, Rv.Root);
      if (!Tree.addedLines(Rel).count(S.Line) ||
          !Quoted.insert({Rel, S.Line}).second)
        continue;
      RF.Added.emplace_back(S, lineOf(*Tree.files().find(Rel)->second, S.Line));
    }
    New.push_back(std::move(RF));
  }
  for (auto &[Key, Left] : Base)
    for (const Finding *F : Left)
      Resolved.push_back({*F, ReviewState::Resolved, Key, {}});
  auto Sort = [](std::vector<ReviewedFinding> &V) {
    llvm::stable_sort(V, [](const ReviewedFinding &A,
                            const ReviewedFinding &B) {
      return std::tie(A.F.Where.File, A.F.Where.Line, A.Key) <
             std::tie(B.F.Where.File, B.F.Where.Line, B.Key);
    });
  };
  Sort(New);
  Sort(Resolved);
  Sort(Unchanged);
  for (auto *V : {&New, &Resolved, &Unchanged})
    for (ReviewedFinding &RF : *V)
      Rv.Findings.push_back(std::move(RF));
  llvm::sort(Rv.NotAnalysed);
  return Rv;
}

void fputcheck::suppressReviewed(ReviewResult &Rv,
                                 std::vector<Suppression> &S) {
  llvm::erase_if(Rv.Findings, [&](const ReviewedFinding &RF) {
    std::vector<Finding> One{RF.F};
    if (!applySuppressions(One, S))
      return false;
    Rv.Unchanged -= RF.State == ReviewState::Unchanged;
    return true;
  });
}

namespace {

const char *stateName(ReviewState S) {
  switch (S) {
  case ReviewState::New:
    return "new";
  case ReviewState::Resolved:
    return "resolved";
  case ReviewState::Unchanged:
    return "unchanged";
  }
  return "";
}

void emitWithStates(const ReviewResult &Rv, raw_ostream &OS, bool Sarif) {
  std::vector<Finding> Fs;
  EmitOptions EO{Rv.Root, {}};
  for (const ReviewedFinding &RF : Rv.Findings) {
    Fs.push_back(RF.F);
    EO.States.push_back(stateName(RF.State));
  }
  if (Sarif)
    emitSARIF(Fs, EO, OS);
  else
    emitJSON(Fs, EO, OS);
}

} // namespace

void fputcheck::emitReviewJSON(const ReviewResult &Rv, raw_ostream &OS) {
  emitWithStates(Rv, OS, /*Sarif=*/false);
}

void fputcheck::emitReviewSARIF(const ReviewResult &Rv, raw_ostream &OS) {
  emitWithStates(Rv, OS, /*Sarif=*/true);
}

void fputcheck::emitReviewText(const ReviewResult &Rv, raw_ostream &OS) {
  EmitOptions EO{Rv.Root, {}};
  unsigned NewCount = 0, ResolvedCount = 0;
  for (const ReviewedFinding &RF : Rv.Findings) {
    if (RF.State == ReviewState::Unchanged)
      continue;
    bool New = RF.State == ReviewState::New;
    if (New ? NewCount++ == 0 : ResolvedCount++ == 0)
      OS << (New ? "New findings:\n\n" : "Resolved findings:\n\n");
    if (!New) {
      OS << relativePath(RF.F.Where.File, Rv.Root) << ":" << RF.F.Where.Line
         << " " << RF.F.Where.Function << "() " << checkId(RF.F.Check)
         << ": " << RF.F.Message << " (" << RF.F.Chain << ")\n";
      continue;
    }
    emitText({RF.F}, EO, OS);
    if (!RF.Added.empty()) {
      OS << "  The patch adds:\n";
      for (const auto &[S, Text] : RF.Added)
        OS << "    " << relativePath(S.File, Rv.Root) << ":" << S.Line
           << "\n    +" << Text << "\n";
    }
    OS << "\n";
  }
  if (ResolvedCount)
    OS << "\n";
  if (!Rv.NotAnalysed.empty()) {
    OS << "Not analysed:\n";
    for (const std::string &N : Rv.NotAnalysed)
      OS << "  " << N << "\n";
    OS << "\n";
  }
  OS << "fputcheck review: " << NewCount << " new, " << ResolvedCount
     << " resolved, " << Rv.Unchanged << " unchanged findings ("
     << Rv.ChangedFiles.size() << " files changed, " << Rv.Reparsed
     << " TUs parsed again)\n";
}
