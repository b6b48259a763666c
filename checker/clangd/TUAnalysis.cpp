//===- TUAnalysis.cpp - fputcheck over the TU clang-tidy parses -----------===//

#include "TUAnalysis.h"
#include "Log.h"
#include "ProgramProvider.h"
#include "RulesCache.h"

#include "clang/AST/ASTContext.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Preprocessor.h"
#include <chrono>
#include <cstdlib>
#include <map>
#include <mutex>

using namespace clang;
using namespace fputcheck;
using namespace fputcheck::tidy;

std::shared_ptr<TUAnalysis> TUAnalysis::shared(const void *Key) {
  // clangd parses files on several threads, each with its own context; the
  // checks of one parse are made one after the other on that thread.
  static std::mutex Lock;
  static std::map<const void *, std::weak_ptr<TUAnalysis>> Live;
  std::lock_guard<std::mutex> Guard(Lock);
  for (auto It = Live.begin(); It != Live.end();)
    It = It->second.expired() ? Live.erase(It) : std::next(It);
  std::weak_ptr<TUAnalysis> &Slot = Live[Key];
  if (std::shared_ptr<TUAnalysis> Existing = Slot.lock())
    return Existing;
  auto Fresh = std::make_shared<TUAnalysis>();
  Slot = Fresh;
  return Fresh;
}

void TUAnalysis::enable(CheckKind K, llvm::StringRef RulesDir,
                        llvm::StringRef Store, const std::string &BuildDir,
                        Preprocessor &PP) {
  Enabled.set(static_cast<unsigned>(K));
  if (Builder || R)
    return;
  R = cachedRules(RulesDir);
  if (!R)
    return;
  BuildDirectory = BuildDir;
  StorePath = Store.str();
  Builder.emplace(*R);
  // Lock macros (preempt_disable()) and EXPORT_SYMBOL() leave little in the
  // AST; the builder records their expansions as the parse runs. In clangd
  // that is the main file's part: the preamble was parsed earlier.
  Builder->attach(PP);
}

const std::vector<Finding> &TUAnalysis::findings(CheckKind K) {
  if (!Ran) {
    Ran = true;
    run();
  }
  return ByKind[static_cast<unsigned>(K)];
}

namespace {

/// Keeps the findings an editor shows for this file: those located in it.
class MainFileSink : public FindingSink {
public:
  MainFileSink(llvm::StringRef MainFile,
               std::array<std::vector<Finding>, NumChecks> &ByKind)
      : MainFile(MainFile), ByKind(ByKind) {}
  void report(Finding F) override {
    if (F.Where.File == MainFile)
      ByKind[static_cast<unsigned>(F.Check)].push_back(std::move(F));
  }

private:
  llvm::StringRef MainFile;
  std::array<std::vector<Finding>, NumChecks> &ByKind;
};

} // namespace

void TUAnalysis::run() {
  // A parse with errors proves nothing (SummaryBuilder.h): a half-typed
  // line shows no fput-sync-* warning until it parses again. Warnings made
  // errors (kbuild's -Werror) do not count: an unused variable while typing
  // must not hide the finding.
  if (!Builder || !AST || AST->getDiagnostics().hasUncompilableErrorOccurred())
    return;
  SourceManager &SM = AST->getSourceManager();
  std::string MainFile;
  if (OptionalFileEntryRef FE = SM.getFileEntryRefForID(SM.getMainFileID()))
    MainFile = SM.getFileManager().getCanonicalName(*FE).str();
  std::unique_ptr<FactsSource> Src =
      makeProgramProvider({BuildDirectory, MainFile, StorePath})->open(*R);
  // Header inlines take the lock effects a full parse learned (each read
  // once per rebuild): the preamble's macro expansions were never seen here.
  llvm::StringMap<std::optional<std::vector<LockEffect>>> Known;
  if (Src)
    Builder->useKnownEffects(
        [&](llvm::StringRef Key) -> const std::vector<LockEffect> * {
          auto [It, New] = Known.try_emplace(Key);
          if (New) {
            auto E = Src->effects(Key);
            if (E)
              It->second = std::move(*E);
            else
              llvm::consumeError(E.takeError());
          }
          return It->second ? &*It->second : nullptr;
        });
  using Clock = std::chrono::steady_clock;
  auto T0 = Clock::now();
  TUSummary Open = Builder->build(*AST);
  auto T1 = Clock::now();
  Builder->useKnownEffects(nullptr);
  MainFile = Open.MainFile;
  Program P;
  linkOpenFile(std::move(Open), Src.get(), *R, P);
  auto T2 = Clock::now();
  AnalysisOptions O;
  O.Enabled = Enabled;
  MainFileSink Sink(MainFile, ByKind);
  analyzeProgram(P, *R, O, Sink);
  // Where a rebuild's time goes, for docs/ide.md: FPUTCHECK_TIDY_TIMES=1.
  static const bool Times = std::getenv("FPUTCHECK_TIDY_TIMES");
  if (Times) {
    auto Ms = [](Clock::duration D) {
      return std::to_string(
          std::chrono::duration_cast<std::chrono::microseconds>(D).count() /
          1000.0);
    };
    logLine(MainFile + ": summary " + Ms(T1 - T0) + " ms, link " +
            Ms(T2 - T1) + " ms, checks " + Ms(Clock::now() - T2) + " ms, " +
            std::to_string(P.functions().size()) + " functions");
  }
  for (std::vector<Finding> &Fs : ByKind)
    sortFindings(Fs);
}

SourceLocation TUAnalysis::locate(const Step &S) const {
  if (!AST || S.Line == 0)
    return {};
  SourceManager &SM = AST->getSourceManager();
  // translateFileLineCol() looks for a file by scanning every source
  // location entry of the TU (macro expansions included): milliseconds
  // each, and most notes of a chain from the store are in files this TU
  // never read. So: the main file directly, other files only if read.
  if (LoadedFiles.empty()) {
    for (auto It = SM.fileinfo_begin(); It != SM.fileinfo_end(); ++It)
      LoadedFiles.insert(
          SM.getFileManager().getCanonicalName(It->first).str());
    if (OptionalFileEntryRef Main = SM.getFileEntryRefForID(SM.getMainFileID()))
      MainFile = SM.getFileManager().getCanonicalName(*Main).str();
  }
  unsigned Col = S.Col ? S.Col : 1;
  if (S.File == MainFile)
    return SM.translateLineCol(SM.getMainFileID(), S.Line, Col);
  if (!LoadedFiles.contains(S.File))
    return {};
  llvm::Expected<FileEntryRef> File =
      SM.getFileManager().getFileRef(S.File, /*OpenFile=*/false,
                                     /*CacheFailure=*/false);
  if (!File) {
    llvm::consumeError(File.takeError());
    return {};
  }
  return SM.translateFileLineCol(*File, S.Line, Col);
}
