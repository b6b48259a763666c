//===- SummaryJSON.cpp - Summary (de)serialisation --------------*- C++ -*-===//
//
// Short keys keep a whole-tree store small; the format is versioned by the
// store, not here.
//
//===----------------------------------------------------------------------===//

#include "fputcheck/Summary.h"

using namespace llvm;
using namespace fputcheck;

namespace {
json::Array strings(const std::vector<std::string> &V) {
  return json::Array(V);
}

json::Value toJSON(const HeldLock &L) {
  return json::Object{{"k", L.Key},     {"t", L.Text}, {"d", L.Kind},
                      {"p", L.Primitive}, {"l", L.Line}, {"c", L.Col}};
}

json::Value toJSON(const CallSite &C) {
  json::Object O{{"l", C.Line}, {"c", C.Col}};
  if (!C.Callee.empty())
    O["f"] = C.Callee;
  if (!C.Struct.empty()) {
    O["s"] = C.Struct;
    O["m"] = C.Field;
  }
  if (!C.Object.empty())
    O["o"] = C.Object;
  if (!C.Held.empty()) {
    json::Array A;
    for (const HeldLock &L : C.Held)
      A.push_back(toJSON(L));
    O["h"] = std::move(A);
  }
  if (!C.Released.empty())
    O["r"] = strings(C.Released);
  if (!C.ArgKeys.empty())
    O["a"] = strings(C.ArgKeys);
  if (!C.FnArgs.empty()) {
    json::Array A;
    for (const auto &[Idx, Fn] : C.FnArgs)
      A.push_back(json::Array{Idx, Fn});
    O["p"] = std::move(A);
  }
  if (!C.Next.empty())
    O["n"] = json::Array(C.Next);
  if (!C.Guards.empty())
    O["g"] = strings(C.Guards);
  return O;
}

} // namespace

json::Value fputcheck::toJSON(const TUSummary &S) {
  json::Array Fns;
  for (const FunctionSummary &F : S.Functions) {
    json::Array Calls;
    for (const CallSite &C : F.Calls)
      Calls.push_back(::toJSON(C));
    Fns.push_back(json::Object{{"k", F.Key},
                               {"n", F.Name},
                               {"f", F.File},
                               {"l", F.Line},
                               {"e", json::Array(F.Entry)},
                               {"c", std::move(Calls)}});
  }
  json::Array Stores;
  for (const FieldStore &St : S.Stores)
    Stores.push_back(json::Array{St.Struct, St.Field, St.Function, St.File,
                                 St.Line, St.Object});
  json::Array Exports;
  for (const ExportMark &E : S.Exports)
    Exports.push_back(json::Array{E.Symbol, E.Macro, E.File, E.Line});
  return json::Object{{"main", S.MainFile},
                      {"fns", std::move(Fns)},
                      {"stores", std::move(Stores)},
                      {"exports", std::move(Exports)}};
}

namespace llvm {
namespace json {
// Line and column numbers are unsigned in summaries; llvm::json has no
// overload for that width.
static bool fromJSON(const Value &V, unsigned &Out, Path P) {
  std::optional<uint64_t> N = V.getAsUINT64();
  if (!N || *N > UINT32_MAX) {
    P.report("expected an unsigned number");
    return false;
  }
  Out = unsigned(*N);
  return true;
}
} // namespace json
} // namespace llvm

namespace fputcheck {
static bool fromJSON(const json::Value &V, HeldLock &L, json::Path P) {
  json::ObjectMapper O(V, P);
  return O && O.map("k", L.Key) && O.map("t", L.Text) && O.map("d", L.Kind) &&
         O.map("p", L.Primitive) && O.map("l", L.Line) && O.map("c", L.Col);
}

static bool fromJSON(const json::Value &V, CallSite &C, json::Path P) {
  json::ObjectMapper O(V, P);
  if (!O || !O.map("l", C.Line) || !O.map("c", C.Col) ||
      !O.mapOptional("f", C.Callee) || !O.mapOptional("s", C.Struct) ||
      !O.mapOptional("m", C.Field) || !O.mapOptional("o", C.Object) || !O.mapOptional("h", C.Held) ||
      !O.mapOptional("r", C.Released) || !O.mapOptional("a", C.ArgKeys) ||
      !O.mapOptional("n", C.Next) || !O.mapOptional("g", C.Guards))
    return false;
  if (const json::Array *A = V.getAsObject()->getArray("p"))
    for (const json::Value &E : *A) {
      const json::Array *Pair = E.getAsArray();
      if (!Pair || Pair->size() != 2 || !(*Pair)[0].getAsUINT64() ||
          !(*Pair)[1].getAsString()) {
        P.field("p").report("expected [index, function]");
        return false;
      }
      C.FnArgs.emplace_back(*(*Pair)[0].getAsUINT64(),
                            (*Pair)[1].getAsString()->str());
    }
  return true;
}

static bool fromJSON(const json::Value &V, FunctionSummary &F, json::Path P) {
  json::ObjectMapper O(V, P);
  return O && O.map("k", F.Key) && O.map("n", F.Name) && O.map("f", F.File) &&
         O.map("l", F.Line) && O.map("e", F.Entry) && O.map("c", F.Calls);
}

} // namespace fputcheck

Expected<TUSummary> fputcheck::summaryFromJSON(const json::Value &V) {
  TUSummary S;
  json::Path::Root Root("summary");
  json::ObjectMapper O(V, Root);
  bool Ok = O && O.map("main", S.MainFile) && O.map("fns", S.Functions);
  const json::Object *Obj = V.getAsObject();
  auto Tuples = [&](StringRef Key, size_t N) -> const json::Array * {
    const json::Array *A = Obj ? Obj->getArray(Key) : nullptr;
    if (!A)
      return nullptr;
    for (const json::Value &E : *A)
      if (!E.getAsArray() || E.getAsArray()->size() != N)
        return nullptr;
    return A;
  };
  const json::Array *Stores = Ok ? Tuples("stores", 6) : nullptr;
  const json::Array *Exports = Ok ? Tuples("exports", 4) : nullptr;
  if (!Ok || !Stores || !Exports) {
    std::string Msg = "malformed summary";
    if (Root.getError())
      Msg += ": " + toString(Root.getError());
    return createStringError(inconvertibleErrorCode(), "%s", Msg.c_str());
  }
  auto Str = [](const json::Value &E) {
    return E.getAsString().value_or("").str();
  };
  auto Num = [](const json::Value &E) {
    return unsigned(E.getAsUINT64().value_or(0));
  };
  for (const json::Value &E : *Stores) {
    const json::Array &A = *E.getAsArray();
    S.Stores.push_back(
        {Str(A[0]), Str(A[1]), Str(A[2]), Str(A[3]), Num(A[4]), Str(A[5])});
  }
  for (const json::Value &E : *Exports) {
    const json::Array &A = *E.getAsArray();
    S.Exports.push_back({Str(A[0]), Str(A[1]), Str(A[2]), Num(A[3])});
  }
  return S;
}
