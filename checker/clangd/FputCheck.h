//===- FputCheck.h - One fput-sync-* id as a clang-tidy check ---*- C++ -*-===//
//
// clang-tidy enables checks by name, so each id of Checks.def is a check of
// its own (`Add: [fput-sync-*]` in .clangd enables all six). They share the
// TU's analysis (TUAnalysis.h) and each reports its own kind: the finding
// as a warning at the call, the lock acquisition and every chain step as
// notes, which clangd shows as related information.
//
// Options (CheckOptions; as a global key they apply to all six):
//   FputcheckRules   the rules directory (default: installed, else source)
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_CLANGD_FPUTCHECK_H
#define FPUTCHECK_CLANGD_FPUTCHECK_H

#include "ClangTidyCheck.h"
#include "fputcheck/Finding.h"
#include <memory>

namespace fputcheck {
namespace tidy {

class TUAnalysis;

class FputCheck : public clang::tidy::ClangTidyCheck {
public:
  FputCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context,
            CheckKind Kind);
  ~FputCheck() override;

  /// Extraction reads C: kernel code.
  bool isLanguageVersionSupported(
      const clang::LangOptions &LangOpts) const override {
    return !LangOpts.CPlusPlus && !LangOpts.ObjC;
  }
  void registerPPCallbacks(const clang::SourceManager &SM,
                           clang::Preprocessor *PP,
                           clang::Preprocessor *ModuleExpanderPP) override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void
  check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;

private:
  void report(const Finding &F);

  clang::tidy::ClangTidyContext *TidyContext;
  CheckKind Kind;
  std::string RulesDir;
  /// A summary store (or its folder) other than the one found next to the
  /// compile database (ProgramProvider.h).
  std::string StorePath;
  std::shared_ptr<TUAnalysis> Shared;
};

} // namespace tidy
} // namespace fputcheck

#endif
