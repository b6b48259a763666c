//===- FputTidyModule.cpp - The fput-sync-* checks as a module ------------===//
//
// Registers one clang-tidy check per line of Checks.def, named by its id.
// Linked into clangd-fput, and built as the module clang-tidy-19 --load
// opens; either way the registration below runs when the code is loaded.
//
//===----------------------------------------------------------------------===//

#include "FputCheck.h"

#include "ClangTidyModule.h"
#include "ClangTidyModuleRegistry.h"

using namespace clang::tidy;

namespace fputcheck {
namespace tidy {
namespace {

class FputTidyModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &Factories) override {
#define FPUTCHECK_CHECK(Kind, Id, Class, Summary)                              \
  Factories.registerCheckFactory(                                              \
      Id, [](llvm::StringRef Name, ClangTidyContext *Context) {                \
        return std::make_unique<FputCheck>(Name, Context, CheckKind::Kind);    \
      });
#include "fputcheck/Checks.def"
  }
};

ClangTidyModuleRegistry::Add<FputTidyModule>
    Registration("fputcheck-module",
                 "fputcheck: unsafe synchronous fput call sites");

} // namespace
} // namespace tidy
} // namespace fputcheck
