//===- TUAnalysis.cpp - fputcheck over the TU clang-tidy parses -----------===//

#include "TUAnalysis.h"
#include "ProgramProvider.h"
#include "RulesCache.h"

#include "clang/AST/ASTContext.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Preprocessor.h"
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
  TUSummary Open = Builder->build(*AST);
  Builder->useKnownEffects(nullptr);
  MainFile = Open.MainFile;
  Program P;
  linkOpenFile(std::move(Open), Src.get(), *R, P);
  AnalysisOptions O;
  O.Enabled = Enabled;
  MainFileSink Sink(MainFile, ByKind);
  analyzeProgram(P, *R, O, Sink);
  for (std::vector<Finding> &Fs : ByKind)
    sortFindings(Fs);
}

SourceLocation TUAnalysis::locate(const Step &S) const {
  if (!AST || S.Line == 0)
    return {};
  SourceManager &SM = AST->getSourceManager();
  llvm::Expected<FileEntryRef> File =
      SM.getFileManager().getFileRef(S.File, /*OpenFile=*/false,
                                     /*CacheFailure=*/false);
  if (!File) {
    llvm::consumeError(File.takeError());
    return {};
  }
  return SM.translateFileLineCol(*File, S.Line, S.Col ? S.Col : 1);
}
