//===- BundledRules.cpp - The rules/ directory, loaded once ---------------===//

#include "BundledRules.h"

#include "llvm/Support/raw_ostream.h"
#include <cstdlib>

using namespace fputcheck;

const Rules &test::bundledRules() {
  static Rules R = [] {
    auto Loaded = Rules::loadDirectory(FPUTCHECK_RULES_DIR);
    if (!Loaded) {
      llvm::errs() << llvm::toString(Loaded.takeError()) << "\n";
      std::abort();
    }
    return std::move(*Loaded);
  }();
  return R;
}
