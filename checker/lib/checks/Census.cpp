//===- Census.cpp - Every call site of one function, with verdicts --------===//

#include "fputcheck/Census.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/JSON.h"
#include <map>
#include <set>
#include <tuple>

using namespace llvm;
using namespace fputcheck;

std::vector<CensusEntry> fputcheck::takeCensus(const Program &P,
                                               const Rules &R, StringRef Name,
                                               CheckSet Enabled) {
  std::vector<Finding> Findings =
      analyzeProgram(P, R, {Enabled, ChainMode::EverySyncCall});
  std::vector<CensusEntry> Out;
  using SiteKey = std::tuple<std::string, unsigned, unsigned, std::string>;
  std::map<SiteKey, size_t> Index;
  for (const FunctionSummary *F : P.functions())
    for (const CallSite &C : F->Calls)
      for (const std::string &T : P.targets(C))
        if (keyName(T) == Name) {
          Index[{F->File, C.Line, C.Col, F->Name}] = Out.size();
          Out.push_back({Step{F->Name, F->File, C.Line, C.Col, ""}, {}, ""});
          int File = R.releaseFileArg(Name);
          if (File >= 0 && llvm::is_contained(C.HeldRefArgs, unsigned(File)))
            Out.back().Why = "its caller holds an extra reference on the "
                             "file, so this is not the last release";
          break;
        }
  for (Finding &Fd : Findings) {
    const Step &Last = Fd.Flow.empty() ? Fd.Where : Fd.Flow.back();
    auto It = Index.find({Last.File, Last.Line, Last.Col, Last.Function});
    if (It != Index.end())
      Out[It->second].Verdicts.push_back(std::move(Fd));
  }
  llvm::stable_sort(Out, [](const CensusEntry &A, const CensusEntry &B) {
    return std::tie(A.Site.File, A.Site.Line, A.Site.Col) <
           std::tie(B.Site.File, B.Site.Line, B.Site.Col);
  });
  return Out;
}

void fputcheck::emitCensusText(StringRef Name,
                               const std::vector<CensusEntry> &Es,
                               const EmitOptions &O, raw_ostream &OS) {
  std::map<std::string, unsigned> PerCheck;
  unsigned Unsafe = 0;
  for (const CensusEntry &E : Es) {
    OS << relativePath(E.Site.File, O.Root) << ":" << E.Site.Line << " "
       << E.Site.Function << "() calls " << Name << "(): ";
    if (E.Verdicts.empty()) {
      OS << "safe";
      if (!E.Why.empty())
        OS << " (" << E.Why << ")";
      OS << "\n";
      continue;
    }
    ++Unsafe;
    OS << "unsafe\n";
    std::set<std::string> Checks;
    for (const Finding &F : E.Verdicts) {
      Checks.insert(checkId(F.Check).str());
      OS << "  " << checkId(F.Check) << " at "
         << relativePath(F.Where.File, O.Root) << ":" << F.Where.Line << " "
         << F.Where.Function << "(): " << F.Message << " (" << F.Chain
         << ")\n";
    }
    for (const std::string &C : Checks)
      ++PerCheck[C];
  }
  // Per check: how many call sites it makes unsafe.
  OS << Name << ": " << Es.size() << " call sites, " << Unsafe << " unsafe, "
     << (Es.size() - Unsafe) << " safe";
  for (auto &[Check, N] : PerCheck)
    OS << "; " << Check << " " << N;
  OS << "\n";
}

void fputcheck::emitCensusJSON(StringRef Name,
                               const std::vector<CensusEntry> &Es,
                               const EmitOptions &O, raw_ostream &OS) {
  json::Array Sites;
  unsigned Unsafe = 0;
  for (const CensusEntry &E : Es) {
    json::Array V;
    for (const Finding &F : E.Verdicts)
      V.push_back(json::Object{
          {"check", checkId(F.Check)},
          {"function", F.Where.Function},
          {"file", relativePath(F.Where.File, O.Root)},
          {"line", F.Where.Line},
          {"message", F.Message},
          {"chain", F.Chain}});
    Unsafe += !E.Verdicts.empty();
    json::Object Site{{"function", E.Site.Function},
                      {"file", relativePath(E.Site.File, O.Root)},
                      {"line", E.Site.Line},
                      {"column", E.Site.Col},
                      {"verdict", E.Verdicts.empty() ? "safe" : "unsafe"},
                      {"findings", std::move(V)}};
    if (!E.Why.empty())
      Site["why"] = E.Why;
    Sites.push_back(std::move(Site));
  }
  OS << formatv("{0:2}",
                json::Value(json::Object{
                    {"function", Name},
                    {"sites", std::move(Sites)},
                    {"counts", json::Object{{"total", Es.size()},
                                            {"unsafe", Unsafe},
                                            {"safe", Es.size() - Unsafe}}}}))
     << "\n";
}
