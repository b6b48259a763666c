//===- IrqCheck.cpp - fput-sync-irq -----------------------------*- C++ -*-===//
//
// Functions registered as hard or soft interrupt callbacks (rules:
// callbacks, by the argument of a registration call or the struct field
// they are stored in) are roots that run in that context.
//
//===----------------------------------------------------------------------===//

#include "checks/ChainFinding.h"
#include "checks/Check.h"
#include "checks/RootChains.h"

#include <map>

using namespace fputcheck;

namespace {

class IrqCheck : public Check {
public:
  void run(const Reachability &RA, ChainMode M, FindingSink &Out) override;
};

std::vector<Root> irqRoots(const Reachability &RA) {
  const Program &P = RA.program();
  const Rules &R = RA.rules();
  std::map<std::string, Root> Roots; // Ordered: deterministic start order.
  auto IsIrq = [](const CallbackRule *CR) {
    return CR && (contextBit(CR->Context) & (CtxHardIrq | CtxSoftIrq));
  };
  auto Ctx = [](const CallbackRule *CR) {
    return CR->Context == CallbackContext::HardIrq ? std::string("hard")
                                                   : std::string("soft");
  };
  for (const FunctionSummary *F : P.functions())
    for (const CallSite &C : F->Calls)
      for (const auto &[Idx, Fn] : C.FnArgs) {
        const CallbackRule *CR =
            C.Callee.empty() ? nullptr
                             : R.callbackForArg(keyName(C.Callee), Idx);
        if (IsIrq(CR) && RA.reaches(Fn))
          Roots.try_emplace(
              Fn, Root{Fn,
                       Step{F->Name, F->File, C.Line, C.Col,
                            keyName(Fn).str() + "() runs in " + Ctx(CR) +
                                " interrupt context: registered by " +
                                CR->Call + "()"},
                       Ctx(CR), contextBit(CR->Context)});
      }
  for (const FieldStore &S : P.stores()) {
    const CallbackRule *CR = R.callbackForField(S.Struct, S.Field);
    if (IsIrq(CR) && RA.reaches(S.Function))
      Roots.try_emplace(S.Function,
                        Root{S.Function,
                             Step{"", S.File, S.Line, 0,
                                  keyName(S.Function).str() + "() runs in " +
                                      Ctx(CR) + " interrupt context: stored "
                                      "into " + S.Struct + "." + S.Field},
                             Ctx(CR), contextBit(CR->Context)});
  }
  std::vector<Root> Out;
  for (auto &[K, Rt] : Roots)
    Out.push_back(std::move(Rt));
  return Out;
}

} // namespace

std::unique_ptr<Check> fputcheck::makeIrqCheck() {
  return std::make_unique<IrqCheck>();
}

void IrqCheck::run(const Reachability &RA, ChainMode, FindingSink &Out) {
  chainsFromRoots(RA, irqRoots(RA), [&](const Root &Rt, std::vector<Hop> Chain) {
    std::string Name = keyName(Rt.Key).str();
    Finding Fd = chainFinding(
        CheckKind::Irq, Chain, Chain.back(),
        "reached in " + Rt.How + " interrupt context from " + Name + "()",
        Name + " (" + Rt.How + " interrupt)");
    Fd.Chain = Name + " -> " + Fd.Chain;
    Fd.Notes.push_back(Rt.Registered);
    Out.report(std::move(Fd));
  });
}
