//===- ChainFinding.cpp - A finding from a chain --------------------------===//

#include "checks/ChainFinding.h"
#include "extract/ContextTests.h"

using namespace fputcheck;

Finding fputcheck::chainFinding(CheckKind K, const std::vector<Hop> &Chain,
                                const Hop &At, const std::string &Predicate,
                                std::string Context) {
  const CallSite &C = At.F->Calls[At.Site];
  Finding Fd;
  Fd.Check = K;
  Fd.SyncVariant = keyName(Chain.back().Target).str();
  Fd.Where = Step{At.F->Name, At.F->File, C.Line, C.Col, ""};
  Fd.Message = Fd.SyncVariant + "() " + Predicate;
  Fd.Chain = chainText(Chain);
  Fd.Context = std::move(Context);
  setFlow(Fd, Chain);
  return Fd;
}

void fputcheck::setFlow(Finding &Fd, const std::vector<Hop> &Hops) {
  Fd.Flow.clear();
  Fd.OnlyOnLastReference.clear();
  std::string Condition;
  for (const Hop &H : Hops) {
    Step S = stepFor(H);
    for (const std::string &G : H.F->Calls[H.Site].Guards) {
      llvm::StringRef Test(G);
      if (!Test.consume_front("+") || !Test.consume_front(LastRefPrefix))
        continue;
      S.Message += " when " + Test.str() + "() drops the last reference";
      if (Condition.empty()) {
        Condition = ", only when " + H.F->Name + "() drops the last reference";
        Fd.OnlyOnLastReference = H.F->Name;
      }
      break;
    }
    Fd.Flow.push_back(std::move(S));
  }
  Fd.Message += Condition;
}
