//===- TUAnalysis.h - fputcheck over the TU clang-tidy parses ---*- C++ -*-===//
//
// clang-tidy makes one check object per enabled id, but the work is per TU:
// extract the TU's summary while clang-tidy parses it, link it with what the
// program provider knows, and run the enabled checks once. The fput-sync-*
// checks of one TU share one TUAnalysis; each takes the findings of its own
// kind.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_CLANGD_TUANALYSIS_H
#define FPUTCHECK_CLANGD_TUANALYSIS_H

#include "fputcheck/Analysis.h"
#include "fputcheck/Finding.h"
#include "fputcheck/SummaryBuilder.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/StringSet.h"
#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class Preprocessor;
} // namespace clang

namespace fputcheck {
namespace tidy {

class ProgramProvider;

class TUAnalysis {
public:
  /// The analysis shared by the checks of the TU that \p Key (the
  /// ClangTidyContext, one per parse in clangd) is checking. It lives while
  /// one of them holds it.
  static std::shared_ptr<TUAnalysis> shared(const void *Key);

  /// Before the parse, from each enabled check: turns \p K on; the first
  /// call also loads the rules of \p RulesDir and attaches the summary
  /// builder to \p PP.
  void enable(CheckKind K, llvm::StringRef RulesDir, llvm::StringRef StorePath,
              const std::string &BuildDirectory, clang::Preprocessor &PP);
  /// The parsed TU, from the first AST node clang-tidy matches.
  void sawAST(clang::ASTContext &Ctx) { AST = &Ctx; }

  /// Findings of \p K located in the main file. The first call, at the end
  /// of the TU, runs the analysis for every enabled kind.
  const std::vector<Finding> &findings(CheckKind K);

  /// Where \p S is in this TU, or an invalid location when it names a file
  /// the TU does not hold.
  clang::SourceLocation locate(const Step &S) const;

private:
  void run();

  const Rules *R = nullptr;
  std::optional<SummaryBuilder> Builder;
  std::string BuildDirectory;
  std::string StorePath;
  CheckSet Enabled;
  clang::ASTContext *AST = nullptr;
  bool Ran = false;
  std::array<std::vector<Finding>, NumChecks> ByKind;
  /// For locate(): the files this TU read (canonical paths), its main file.
  mutable llvm::StringSet<> LoadedFiles;
  mutable std::string MainFile;
};

} // namespace tidy
} // namespace fputcheck

#endif
