//===- RulesCache.h - Rules for the checks, loaded once ---------*- C++ -*-===//
//
// clangd rebuilds a file's AST on every edit, on several threads at once;
// reading rules/*.yaml each time would cost every rebuild a YAML parse. Each
// directory is loaded once per process and shared read-only (analysis never
// writes Rules). Edited rules take effect when clangd restarts.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_CLANGD_RULESCACHE_H
#define FPUTCHECK_CLANGD_RULESCACHE_H

#include "fputcheck/Rules.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace fputcheck {
namespace tidy {

/// The rules directory when no option names one: the installed layout next
/// to the binary or shared module holding this code
/// (<prefix>/share/fputcheck/rules), else the source tree it was built from.
std::string defaultRulesDir();

/// The rules of \p Dir, loaded on first use; null when they do not load
/// (the error is logged once per directory).
const Rules *cachedRules(llvm::StringRef Dir);

} // namespace tidy
} // namespace fputcheck

#endif
