//===- ExportCheck.cpp - fput-sync-export -----------------------*- C++ -*-===//
//
// An export hands a function to every module, in every context; nothing
// about its callers can be checked here, so a reachable sync variant is a
// finding at the exported function.
//
//===----------------------------------------------------------------------===//

#include "analysis/ChainSearch.h"
#include "checks/Checks.h"

#include <set>

using namespace fputcheck;

void fputcheck::checkExports(const Reachability &RA, ChainMode M,
                             std::vector<Finding> &Out) {
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
      Fd.Flow.push_back(ExportStep);
      Out.push_back(std::move(Fd));
      continue;
    }
    const FunctionSummary *F = P.function(E.Symbol);
    if (!F || !RA.reaches(F->Key))
      continue;
    std::vector<Origin> Origins;
    for (unsigned I = 0; I < F->Calls.size(); ++I)
      Origins.push_back({F, I});
    searchChains(RA, Origins, "", [&](std::vector<Hop> Chain) {
      const CallSite &C = F->Calls[Chain.front().Site];
      Finding Fd;
      Fd.Check = CheckKind::Export;
      Fd.SyncVariant = keyName(Chain.back().Target).str();
      Fd.Where = Step{F->Name, F->File, C.Line, C.Col, ""};
      Fd.Message = Fd.SyncVariant + "() reachable from exported function " +
                   F->Name + "()";
      Fd.Chain = chainText(Chain);
      Fd.Notes.push_back(ExportStep);
      setFlow(Fd, Chain);
      Out.push_back(std::move(Fd));
      return M == ChainMode::EverySyncCall;
    });
  }
}
