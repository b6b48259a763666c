//===- ProgramProvider.h - The program around an open file ------*- C++ -*-===//
//
// The open buffer's summary is always fresh; what the rest of the program
// says comes from the reach facts the last `fputcheck analyze` kept in its
// summary store (fputcheck/Facts.h): the functions the buffer's calls lead
// to that reach a sync variant, and the fields they go through. They are
// read whole once per process and again only when an analyze changed them
// (one indexed query per rebuild tells). Without a store (or
// without facts for the rules in use) the checks see the open file alone,
// and the log says so once. A stale store is used as it is.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_CLANGD_PROGRAMPROVIDER_H
#define FPUTCHECK_CLANGD_PROGRAMPROVIDER_H

#include "fputcheck/Facts.h"
#include "fputcheck/Program.h"
#include "fputcheck/Rules.h"
#include "fputcheck/Summary.h"
#include <memory>
#include <string>

namespace fputcheck {
namespace tidy {

class ProgramProvider {
public:
  virtual ~ProgramProvider();
  /// The facts of the other TUs for one rebuild, opened before the buffer's
  /// summary is built (it takes header inlines' lock effects from them);
  /// null when there are none. Called from clangd's worker threads
  /// concurrently.
  virtual std::unique_ptr<FactsSource> open(const Rules &R) = 0;
};

/// Adds \p Open, the buffer's summary, to \p P with what \p Src (may be
/// null) says of the rest of the program, and links \p P.
void linkOpenFile(TUSummary Open, FactsSource *Src, const Rules &R,
                  Program &P);

struct ProviderOptions {
  /// The build directory of the TU's compile command, when known.
  std::string BuildDirectory;
  /// The TU's main file.
  std::string MainFile;
  /// The FputcheckStore check option: a store file or its folder; empty:
  /// the first ".fputcheck/summaries.db" found in the build directory or
  /// the main file's folder or any folder above them, as `fputcheck
  /// analyze -p DIR` leaves it next to DIR's compile_commands.json.
  std::string StorePath;
};

/// The store \p O leads to, or "" when none exists.
std::string findStore(const ProviderOptions &O);

/// The provider for a TU built with \p O. Process-wide: one per store.
std::shared_ptr<ProgramProvider> makeProgramProvider(const ProviderOptions &O);

} // namespace tidy
} // namespace fputcheck

#endif
