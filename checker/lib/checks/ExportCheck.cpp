//===- ExportCheck.cpp - fput-sync-export -----------------------*- C++ -*-===//
//
// An export hands a function to every module, in every context; nothing
// about its callers can be checked here, so a reachable sync variant is a
// finding at the exported function.
//
//===----------------------------------------------------------------------===//

#include "analysis/ChainSearch.h"
#include "checks/ChainFinding.h"
#include "checks/Check.h"

#include <set>

using namespace fputcheck;

namespace {
class ExportCheck : public Check {
public:
  void run(const Reachability &RA, ChainMode M, FindingSink &Out) override;
};
} // namespace

std::unique_ptr<Check> fputcheck::makeExportCheck() {
  return std::make_unique<ExportCheck>();
}

void ExportCheck::run(const Reachability &RA, ChainMode M, FindingSink &Out) {
  const Program &P = RA.program();
  std::set<std::string> Done;
  for (const ExportMark &E : P.exports()) {
    if (!Done.insert(E.Symbol).second)
      continue;
    Step ExportStep{E.Symbol, E.File, E.Line, 0,
                    E.Symbol + "() exported here by " + E.Macro + "()"};
    if (RA.isSync(E.Symbol)) {
      Finding Fd;
      Fd.Check = CheckKind::Export;
      Fd.SyncVariant = E.Symbol;
      Fd.Where = Step{E.Symbol, E.File, E.Line, 0, ""};
      Fd.Message = "sync variant " + E.Symbol +
                   "() is exported to modules by " + E.Macro + "()";
      Fd.Chain = E.Symbol;
      Fd.Context = E.Macro;
      Fd.Flow.push_back(ExportStep);
      Out.report(std::move(Fd));
      continue;
    }
    const FunctionSummary *F = P.function(E.Symbol);
    if (!F || !RA.reaches(F->Key))
      continue;
    std::vector<Origin> Origins;
    for (unsigned I = 0; I < F->Calls.size(); ++I)
      Origins.push_back({F, I});
    searchChains(RA, Origins, "", [&](std::vector<Hop> Chain) {
      Finding Fd = chainFinding(
          CheckKind::Export, Chain, Chain.front(),
          "reachable from exported function " + F->Name + "()", E.Macro);
      Fd.Notes.push_back(ExportStep);
      Out.report(std::move(Fd));
      return M == ChainMode::EverySyncCall;
    });
  }
}
