//===- FputCheck.cpp - One fput-sync-* id as a clang-tidy check -----------===//

#include "FputCheck.h"
#include "RulesCache.h"
#include "TUAnalysis.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace fputcheck;
using namespace fputcheck::tidy;

FputCheck::FputCheck(StringRef Name, clang::tidy::ClangTidyContext *Context,
                     CheckKind Kind)
    : ClangTidyCheck(Name, Context), TidyContext(Context), Kind(Kind),
      RulesDir(Options.getLocalOrGlobal("FputcheckRules", "").str()),
      StorePath(Options.getLocalOrGlobal("FputcheckStore", "").str()),
      Shared(TUAnalysis::shared(Context)) {
  if (RulesDir.empty())
    RulesDir = defaultRulesDir();
}

FputCheck::~FputCheck() = default;

void FputCheck::registerPPCallbacks(const SourceManager &, Preprocessor *PP,
                                    Preprocessor *) {
  Shared->enable(Kind, RulesDir, StorePath,
                 TidyContext->getCurrentBuildDirectory(), *PP);
}

void FputCheck::registerMatchers(MatchFinder *Finder) {
  // The analysis needs the whole TU, which onEndOfTranslationUnit() is
  // called without; a top-level declaration hands over the ASTContext. (A
  // translationUnitDecl() matcher would not do: clangd traverses the main
  // file's top-level declarations only. Every declaration would do, at a
  // callback for each local and parameter.)
  Finder->addMatcher(decl(hasDeclContext(translationUnitDecl())), this);
}

void FputCheck::check(const MatchFinder::MatchResult &Result) {
  Shared->sawAST(*Result.Context);
}

void FputCheck::onEndOfTranslationUnit() {
  for (const Finding &F : Shared->findings(Kind))
    report(F);
}

void FputCheck::report(const Finding &F) {
  SourceLocation At = Shared->locate(F.Where);
  if (At.isInvalid())
    return;
  // The text output's line, less what clangd shows anyway: the location,
  // the function and the check id.
  diag(At, "%0") << F.Message + " (" + F.Chain + ")";
  auto Note = [&](const Step &S) {
    SourceLocation L = Shared->locate(S);
    if (L.isValid()) {
      diag(L, "%0", DiagnosticIDs::Note) << S.Message;
      return;
    }
    // A file this TU never read (another TU's, from a store): the note
    // stays on the finding and says where it points.
    diag(At, "%0", DiagnosticIDs::Note)
        << S.File + ":" + std::to_string(S.Line) + ": " + S.Message;
  };
  for (const Step &S : F.Notes)
    Note(S);
  for (const Step &S : F.Flow)
    Note(S);
}

void FputCheck::storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "FputcheckRules", RulesDir);
  Options.store(Opts, "FputcheckStore", StorePath);
}
