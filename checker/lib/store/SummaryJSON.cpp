//===- SummaryJSON.cpp - Summary (de)serialisation --------------*- C++ -*-===//
//
// Short keys keep a whole-tree store small; the format is versioned by the
// store, not here. The keys, and which records are positional arrays, are
// SummaryFields.h's.
//
//===----------------------------------------------------------------------===//

#include "fputcheck/Summary.h"
#include "store/SummaryFields.h"

using namespace llvm;
using namespace fputcheck;

namespace {
/// Builds the JSON of a record: an object of its fields' keys or, for a
/// JSONTuple, an array of its fields in order. Optional fields that are
/// empty are left out of objects.
class JSONOut {
public:
  static json::Value value(const std::string &S) { return S; }
  static json::Value value(unsigned N) { return N; }
  template <class T> static json::Value value(const std::vector<T> &V) {
    json::Array A;
    A.reserve(V.size());
    for (const T &E : V)
      A.push_back(value(E));
    return A;
  }
  template <class T> static json::Value value(const T &Record) {
    JSONOut O;
    if constexpr (JSONTuple<T>::value) {
      json::Array A;
      O.Tuple = &A;
      mapConstFields(O, Record);
      return A;
    } else {
      json::Object Obj;
      O.Object = &Obj;
      mapConstFields(O, Record);
      return Obj;
    }
  }

  template <class T> void field(const Field &F, const T &V) {
    if (Tuple)
      Tuple->push_back(value(V));
    else if (!F.Optional || !empty(V))
      (*Object)[F.Key] = value(V);
  }

private:
  static bool empty(unsigned) { return false; }
  static bool empty(const std::string &S) { return S.empty(); }
  template <class T> static bool empty(const std::vector<T> &V) {
    return V.empty();
  }

  json::Object *Object = nullptr;
  json::Array *Tuple = nullptr;
};

/// Reads what JSONOut wrote; the first error is reported on \p P's root and
/// stops the reading.
class JSONIn {
public:
  static bool read(const json::Value &E, std::string &S, json::Path P) {
    std::optional<StringRef> Str = E.getAsString();
    if (!Str)
      P.report("expected a string");
    else
      S = Str->str();
    return Str.has_value();
  }
  static bool read(const json::Value &E, unsigned &N, json::Path P) {
    std::optional<uint64_t> V = E.getAsUINT64();
    if (!V || *V > UINT32_MAX) {
      P.report("expected an unsigned number");
      return false;
    }
    N = unsigned(*V);
    return true;
  }
  template <class T>
  static bool read(const json::Value &E, std::vector<T> &V, json::Path P) {
    const json::Array *A = E.getAsArray();
    if (!A) {
      P.report("expected an array");
      return false;
    }
    V.resize(A->size());
    for (size_t I = 0; I < A->size(); ++I)
      if (!read((*A)[I], V[I], P.index(I)))
        return false;
    return true;
  }
  template <class T>
  static bool read(const json::Value &E, T &Record, json::Path P) {
    JSONIn In(P);
    if constexpr (JSONTuple<T>::value) {
      In.Tuple = E.getAsArray();
      if (!In.Tuple) {
        P.report("expected an array");
        return false;
      }
      mapFields(In, Record);
      if (In.Ok && In.Next != In.Tuple->size()) {
        P.report("expected fewer values");
        return false;
      }
    } else {
      In.Object = E.getAsObject();
      if (!In.Object) {
        P.report("expected an object");
        return false;
      }
      mapFields(In, Record);
    }
    return In.Ok;
  }

  template <class T> void field(const Field &F, T &V) {
    if (!Ok)
      return;
    if (Tuple) {
      unsigned I = Next++;
      if (I >= Tuple->size()) {
        P.report("expected more values");
        Ok = false;
      } else {
        Ok = read((*Tuple)[I], V, P.index(I));
      }
    } else if (const json::Value *E = Object->get(F.Key)) {
      Ok = read(*E, V, P.field(F.Key));
    } else if (!F.Optional) {
      P.field(F.Key).report("missing value");
      Ok = false;
    }
  }

private:
  explicit JSONIn(json::Path P) : P(P) {}

  json::Path P;
  const json::Object *Object = nullptr;
  const json::Array *Tuple = nullptr;
  unsigned Next = 0; // Of Tuple.
  bool Ok = true;
};
} // namespace

json::Value fputcheck::toJSON(const TUSummary &S) { return JSONOut::value(S); }

Expected<TUSummary> fputcheck::summaryFromJSON(const json::Value &V) {
  TUSummary S;
  json::Path::Root Root("summary");
  if (JSONIn::read(V, S, Root))
    return S;
  return createStringError(inconvertibleErrorCode(), "malformed summary: %s",
                           toString(Root.getError()).c_str());
}
