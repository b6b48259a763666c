//===- SummaryBuilder.h - A TU summary from a parse -------------*- C++ -*-===//
//
// Extraction without owning the parse: whoever runs clang (fputcheck's own
// frontend action, a clang-tidy check inside clangd) attaches a builder to
// the preprocessor before parsing, then builds the TU's summary from the
// AST. The preprocessor part matters: lock macros such as preempt_disable()
// and EXPORT_SYMBOL() may leave nothing in the AST to read.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_SUMMARYBUILDER_H
#define FPUTCHECK_SUMMARYBUILDER_H

#include "fputcheck/Rules.h"
#include "fputcheck/Summary.h"
#include <functional>
#include <memory>

namespace clang {
class ASTContext;
class Preprocessor;
} // namespace clang

namespace fputcheck {

class SummaryBuilder {
public:
  explicit SummaryBuilder(const Rules &R);
  ~SummaryBuilder();
  SummaryBuilder(const SummaryBuilder &) = delete;
  SummaryBuilder &operator=(const SummaryBuilder &) = delete;

  /// Before the parse: records the lock macros and exports \p PP expands.
  void attach(clang::Preprocessor &PP);
  /// After a parse without errors: the summary of the TU \p Ctx holds
  /// (a parse with errors proves nothing; do not build from it).
  TUSummary build(clang::ASTContext &Ctx);

  /// The net lock effects of a function by key, when known from elsewhere
  /// (null: not known).
  using EffectsLookup =
      std::function<const std::vector<LockEffect> *(llvm::StringRef Key)>;
  /// For build(): a function whose body lies outside the main file (a
  /// header inline) takes its lock effects from \p Lookup when it knows
  /// them, rather than from a body whose macro expansions this parse did
  /// not record: clangd parses headers into its preamble before any
  /// callback is attached. Null: learn every effect from the body.
  void useKnownEffects(EffectsLookup Lookup) { Known = std::move(Lookup); }

private:
  struct Facts;
  const Rules &R;
  std::unique_ptr<Facts> Recorded;
  EffectsLookup Known;
};

} // namespace fputcheck

#endif
