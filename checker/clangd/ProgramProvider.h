//===- ProgramProvider.h - The program around an open file ------*- C++ -*-===//
//
// The open buffer's summary is always fresh; what the rest of the program
// says (functions of other TUs, their exports and field stores) comes from
// a provider. Phase 1 of issue #12 has one provider, the open TU alone. A
// store-backed provider adds the summaries of every other TU that the last
// `fputcheck analyze` stored, composed the way ProgramLoader.h does for
// patch review:
//
//   LoadOptions O;  O.UseStore = true;  O.Without = {Open.MainFile};
//   O.Adding.push_back(std::move(Open));
//
// (or cheaper: precomputed per-function facts read for the open file's
// callees only), and plugs in behind makeProgramProvider() without the
// checks noticing.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_CLANGD_PROGRAMPROVIDER_H
#define FPUTCHECK_CLANGD_PROGRAMPROVIDER_H

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
  /// Adds \p Open, the summary of the buffer's TU, and whatever the provider
  /// knows of the other TUs to \p P, and links it. Called from clangd's
  /// worker threads concurrently.
  virtual void link(TUSummary Open, const Rules &R, Program &P) = 0;
};

struct ProviderOptions {
  /// The build directory of the TU's compile command, when known.
  std::string BuildDirectory;
};

/// The provider for a TU built with \p O. Process-wide: a provider may keep
/// what it read (a store's summaries) across rebuilds and files.
std::shared_ptr<ProgramProvider> makeProgramProvider(const ProviderOptions &O);

} // namespace tidy
} // namespace fputcheck

#endif
