//===- RulesCache.cpp - Rules for the checks, loaded once -----------------===//

#include "RulesCache.h"
#include "Log.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <dlfcn.h>
#include <memory>
#include <mutex>

using namespace llvm;

#ifndef FPUTCHECK_RULES_DIR
#define FPUTCHECK_RULES_DIR ""
#endif

/// <prefix>/share/fputcheck/rules for a binary in <prefix>/bin or a module
/// in <prefix>/lib, when that folder exists.
static std::string installedRules(StringRef Binary) {
  SmallString<256> Real;
  if (Binary.empty() || sys::fs::real_path(Binary, Real))
    return "";
  SmallString<256> Dir(sys::path::parent_path(sys::path::parent_path(Real)));
  sys::path::append(Dir, "share", "fputcheck", "rules");
  return sys::fs::is_directory(Dir) ? std::string(Dir) : "";
}

std::string fputcheck::tidy::defaultRulesDir() {
  // The module clang-tidy-19 --load opened (whose main executable is
  // clang-tidy), else clangd-fput itself: dladdr() names the main program
  // only as it was invoked, /proc/self/exe exactly.
  void *Here = reinterpret_cast<void *>(&defaultRulesDir);
  Dl_info Info;
  if (dladdr(Here, &Info) && Info.dli_fname)
    if (std::string Dir = installedRules(Info.dli_fname); !Dir.empty())
      return Dir;
  if (std::string Dir =
          installedRules(sys::fs::getMainExecutable(nullptr, Here));
      !Dir.empty())
    return Dir;
  return FPUTCHECK_RULES_DIR;
}

const fputcheck::Rules *fputcheck::tidy::cachedRules(StringRef Dir) {
  static std::mutex Lock;
  // A failed load is kept as null, so its error is logged only once.
  static StringMap<std::unique_ptr<Rules>> Loaded;
  std::lock_guard<std::mutex> Guard(Lock);
  auto [It, New] = Loaded.try_emplace(Dir);
  if (New) {
    Expected<Rules> R = Rules::loadDirectory(Dir);
    if (R) {
      It->second = std::make_unique<Rules>(std::move(*R));
    } else {
      // The loader's error names the rule file (and line); the note what
      // it costs.
      logDiagnostic(parseDiagnostic(toString(R.takeError())));
      logDiagnostic({Severity::Note, Dir.str(), 0, 0,
                     "no rules from this folder: the fput-sync-* checks are "
                     "off"});
    }
  }
  return It->second.get();
}
