//===- ProgramProvider.cpp - The program around an open file --------------===//

#include "ProgramProvider.h"
#include "Log.h"

#include <mutex>

using namespace fputcheck;
using namespace fputcheck::tidy;

ProgramProvider::~ProgramProvider() = default;

namespace {

/// The open TU alone: chains through functions it defines, locks and exports
/// it shows. A call into another .c file ends there.
class OpenFileOnly : public ProgramProvider {
public:
  void link(TUSummary Open, const Rules &R, Program &P) override {
    // Said once per process, not per rebuild: the log is for a human
    // wondering why a chain through another file is not shown.
    static std::once_flag Told;
    std::call_once(Told, [&] {
      logLine("no summary store is used: the fput-sync-* checks see the "
              "functions each open file defines (first: " +
              Open.MainFile +
              "); chains through functions of other .c files are not "
              "followed");
    });
    P.add(std::move(Open));
    P.link(R);
  }
};

} // namespace

std::shared_ptr<ProgramProvider>
fputcheck::tidy::makeProgramProvider(const ProviderOptions &) {
  static const auto Only = std::make_shared<OpenFileOnly>();
  return Only;
}
