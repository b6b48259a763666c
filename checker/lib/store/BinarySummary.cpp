//===- BinarySummary.cpp - A TU summary as compact bytes ------------------===//
//
//   "FPS1" strings body
//   strings: count, then (length, bytes) each
//   body:    the summary's fields in declaration order; a string is its index
//            in the table, a vector its length then its elements; numbers
//            are ULEB128.
//
// Bump StoreSchemaVersion (Schema.h) on any change to the layout.
//
//===----------------------------------------------------------------------===//

#include "store/BinarySummary.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/LEB128.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace fputcheck;

static const char Magic[4] = {'F', 'P', 'S', '1'};

namespace {
class Writer {
public:
  void num(uint64_t N) {
    uint8_t Buf[16];
    unsigned Len = encodeULEB128(N, Buf);
    Body.insert(Body.end(), Buf, Buf + Len);
  }
  void str(StringRef S) {
    auto [It, New] = Index.try_emplace(S, Strings.size());
    if (New)
      Strings.push_back(S);
    num(It->second);
  }
  void strs(const std::vector<std::string> &V) {
    num(V.size());
    for (const std::string &S : V)
      str(S);
  }
  template <typename T> void nums(const std::vector<T> &V) {
    num(V.size());
    for (T N : V)
      num(N);
  }

  void finish(std::vector<uint8_t> &Out) {
    Out.assign(Magic, Magic + 4);
    std::vector<uint8_t> Head;
    std::swap(Head, Body);
    num(Strings.size());
    for (StringRef S : Strings) {
      num(S.size());
      Body.insert(Body.end(), S.bytes_begin(), S.bytes_end());
    }
    Out.insert(Out.end(), Body.begin(), Body.end());
    Out.insert(Out.end(), Head.begin(), Head.end());
  }

private:
  std::vector<uint8_t> Body;
  StringMap<unsigned> Index;
  std::vector<StringRef> Strings; // Point into Index's keys.
};

class Reader {
public:
  explicit Reader(ArrayRef<uint8_t> In) : P(In.begin()), End(In.end()) {}

  bool num(uint64_t &N) {
    if (Bad)
      return false;
    const char *Err = nullptr;
    unsigned Len = 0;
    N = decodeULEB128(P, &Len, End, &Err);
    if (Err)
      return fail();
    P += Len;
    return true;
  }
  bool num(unsigned &N) {
    uint64_t V;
    if (!num(V) || V > UINT32_MAX)
      return fail();
    N = unsigned(V);
    return true;
  }
  bool str(std::string &S) {
    uint64_t I;
    if (!num(I) || I >= Strings.size())
      return fail();
    S.assign(Strings[I].data(), Strings[I].size());
    return true;
  }
  /// A vector's length, bounded by the bytes left (each element takes at
  /// least one), so a corrupt count cannot make us allocate the world.
  bool count(size_t &N) {
    uint64_t V;
    if (!num(V) || V > uint64_t(End - P))
      return fail();
    N = size_t(V);
    return true;
  }
  bool strs(std::vector<std::string> &V) {
    size_t N;
    if (!count(N))
      return false;
    V.resize(N);
    for (std::string &S : V)
      if (!str(S))
        return false;
    return true;
  }
  bool nums(std::vector<unsigned> &V) {
    size_t N;
    if (!count(N))
      return false;
    V.resize(N);
    for (unsigned &X : V)
      if (!num(X))
        return false;
    return true;
  }

  bool readStrings() {
    size_t N;
    if (!count(N))
      return false;
    Strings.resize(N);
    for (StringRef &S : Strings) {
      size_t Len;
      if (!count(Len))
        return false;
      S = StringRef(reinterpret_cast<const char *>(P), Len);
      P += Len;
    }
    return true;
  }
  bool atEnd() const { return !Bad && P == End; }

private:
  bool fail() {
    Bad = true;
    return false;
  }
  const uint8_t *P;
  const uint8_t *End;
  std::vector<StringRef> Strings; // Point into the input.
  bool Bad = false;
};
} // namespace

void fputcheck::writeBinarySummary(const TUSummary &S,
                                   std::vector<uint8_t> &Out) {
  Writer W;
  W.str(S.MainFile);
  W.num(S.Functions.size());
  for (const FunctionSummary &F : S.Functions) {
    W.str(F.Key);
    W.str(F.Name);
    W.str(F.File);
    W.num(F.Line);
    W.num(F.Calls.size());
    for (const CallSite &C : F.Calls) {
      W.str(C.Callee);
      W.str(C.Struct);
      W.str(C.Field);
      W.str(C.Object);
      W.num(C.Line);
      W.num(C.Col);
      W.num(C.Held.size());
      for (const HeldLock &L : C.Held) {
        W.str(L.Key);
        W.str(L.Text);
        W.str(L.Kind);
        W.str(L.Primitive);
        W.num(L.Line);
        W.num(L.Col);
      }
      W.strs(C.Released);
      W.strs(C.ArgKeys);
      W.num(C.FnArgs.size());
      for (const auto &[Idx, Fn] : C.FnArgs) {
        W.num(Idx);
        W.str(Fn);
      }
      W.nums(C.Next);
      W.strs(C.Guards);
    }
    W.nums(F.Entry);
  }
  W.num(S.Stores.size());
  for (const FieldStore &St : S.Stores) {
    W.str(St.Struct);
    W.str(St.Field);
    W.str(St.Function);
    W.str(St.File);
    W.num(St.Line);
    W.str(St.Object);
  }
  W.num(S.Exports.size());
  for (const ExportMark &E : S.Exports) {
    W.str(E.Symbol);
    W.str(E.Macro);
    W.str(E.File);
    W.num(E.Line);
  }
  W.finish(Out);
}

Expected<TUSummary> fputcheck::readBinarySummary(ArrayRef<uint8_t> In) {
  auto Malformed = [] {
    return createStringError(inconvertibleErrorCode(), "malformed summary");
  };
  if (In.size() < 4 || !std::equal(Magic, Magic + 4, In.begin()))
    return Malformed();
  Reader R(In.drop_front(4));
  TUSummary S;
  size_t NF = 0;
  if (!R.readStrings() || !R.str(S.MainFile) || !R.count(NF))
    return Malformed();
  S.Functions.resize(NF);
  for (FunctionSummary &F : S.Functions) {
    size_t NC = 0;
    if (!R.str(F.Key) || !R.str(F.Name) || !R.str(F.File) || !R.num(F.Line) ||
        !R.count(NC))
      return Malformed();
    F.Calls.resize(NC);
    for (CallSite &C : F.Calls) {
      size_t NH = 0, NA = 0;
      if (!R.str(C.Callee) || !R.str(C.Struct) || !R.str(C.Field) ||
          !R.str(C.Object) || !R.num(C.Line) || !R.num(C.Col) || !R.count(NH))
        return Malformed();
      C.Held.resize(NH);
      for (HeldLock &L : C.Held)
        if (!R.str(L.Key) || !R.str(L.Text) || !R.str(L.Kind) ||
            !R.str(L.Primitive) || !R.num(L.Line) || !R.num(L.Col))
          return Malformed();
      if (!R.strs(C.Released) || !R.strs(C.ArgKeys) || !R.count(NA))
        return Malformed();
      C.FnArgs.resize(NA);
      for (auto &[Idx, Fn] : C.FnArgs)
        if (!R.num(Idx) || !R.str(Fn))
          return Malformed();
      if (!R.nums(C.Next) || !R.strs(C.Guards))
        return Malformed();
    }
    if (!R.nums(F.Entry))
      return Malformed();
  }
  size_t NS = 0, NE = 0;
  if (!R.count(NS))
    return Malformed();
  S.Stores.resize(NS);
  for (FieldStore &St : S.Stores)
    if (!R.str(St.Struct) || !R.str(St.Field) || !R.str(St.Function) ||
        !R.str(St.File) || !R.num(St.Line) || !R.str(St.Object))
      return Malformed();
  if (!R.count(NE))
    return Malformed();
  S.Exports.resize(NE);
  for (ExportMark &E : S.Exports)
    if (!R.str(E.Symbol) || !R.str(E.Macro) || !R.str(E.File) ||
        !R.num(E.Line))
      return Malformed();
  if (!R.atEnd())
    return Malformed();
  return S;
}
