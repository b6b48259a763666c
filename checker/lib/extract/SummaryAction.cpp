//===- SummaryAction.cpp - fputcheck's own parse of a TU ------------------===//

#include "extract/SummaryAction.h"
#include "fputcheck/SummaryBuilder.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"

using namespace clang;
using namespace fputcheck;

namespace {

class Consumer : public ASTConsumer {
public:
  Consumer(SummaryBuilder &Builder, SourceManager &SM, TUSummary &Out,
           const std::optional<BodyNeeds> &Needed)
      : Builder(Builder), SM(SM), Out(Out), Needed(Needed) {}

  void HandleTranslationUnit(ASTContext &Ctx) override {
    if (Ctx.getDiagnostics().hasErrorOccurred())
      return; // The driver reports the error; a broken AST proves nothing.
    Out = Builder.build(Ctx);
  }

  bool shouldSkipFunctionBody(Decl *D) override {
    // Only what the summary can never reach: a header function whose name
    // the main file's closure does not mention. Main-file functions are all
    // analysed.
    const auto *FD = dyn_cast<FunctionDecl>(D);
    if (!Needed || !FD || !FD->getIdentifier() ||
        SM.isInMainFile(SM.getExpansionLoc(FD->getLocation())))
      return false;
    return !Needed->contains(FD->getName());
  }

private:
  SummaryBuilder &Builder;
  SourceManager &SM;
  TUSummary &Out;
  const std::optional<BodyNeeds> &Needed;
};

class ExtractAction : public ASTFrontendAction {
public:
  ExtractAction(const Rules &R, TUSummary &Out,
                std::optional<BodyNeeds> Needed)
      : Builder(R), Out(Out), Needed(std::move(Needed)) {}

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 StringRef) override {
    Builder.attach(CI.getPreprocessor());
    // The parser asks the consumer about each body only when told to skip.
    CI.getFrontendOpts().SkipFunctionBodies = Needed.has_value();
    return std::make_unique<Consumer>(Builder, CI.getSourceManager(), Out,
                                      Needed);
  }

private:
  SummaryBuilder Builder;
  TUSummary &Out;
  std::optional<BodyNeeds> Needed;
};

} // namespace

std::unique_ptr<FrontendAction>
fputcheck::makeExtractAction(const Rules &R, TUSummary &Out,
                             std::optional<BodyNeeds> Needed) {
  return std::make_unique<ExtractAction>(R, Out, std::move(Needed));
}
