//===- BinarySummary.cpp - A TU summary as compact bytes ------------------===//
//
//   "FPS1" strings body
//   strings: count, then (length, bytes) each
//   body:    the summary's fields in the order of SummaryFields.h (their
//            declaration order); a string is its index in the table, a
//            vector its length then its elements; numbers are ULEB128.
//
// Bump StoreSchemaVersion (Schema.h) on any change to the layout.
//
//===----------------------------------------------------------------------===//

#include "store/BinarySummary.h"
#include "store/SummaryFields.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/LEB128.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace fputcheck;

static const char Magic[4] = {'F', 'P', 'S', '1'};

namespace {
/// Writes each field of SummaryFields.h as it comes: a vector is its length
/// and then its elements.
class Writer {
public:
  template <class T> void field(const Field &, const T &V) { value(V); }

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
  void value(const std::string &S) { str(S); }
  void value(unsigned N) { num(N); }
  template <class T> void value(const std::vector<T> &V) {
    num(V.size());
    for (const T &E : V)
      value(E);
  }
  template <class T> void value(const T &Record) {
    mapConstFields(*this, Record);
  }

  std::vector<uint8_t> Body;
  StringMap<unsigned> Index;
  std::vector<StringRef> Strings; // Point into Index's keys.
};

/// Reads what Writer wrote; after the first error it reads nothing more.
class Reader {
public:
  explicit Reader(ArrayRef<uint8_t> In) : P(In.begin()), End(In.end()) {}

  template <class T> void field(const Field &, T &V) { value(V); }

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
  void value(std::string &S) { str(S); }
  void value(unsigned &N) { num(N); }
  template <class T> void value(std::vector<T> &V) {
    size_t N = 0;
    if (!count(N))
      return;
    V.resize(N);
    for (T &E : V) {
      if (Bad)
        return;
      value(E);
    }
  }
  template <class T> void value(T &Record) { mapFields(*this, Record); }

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
  mapConstFields(W, S);
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
  if (!R.readStrings())
    return Malformed();
  mapFields(R, S);
  if (!R.atEnd())
    return Malformed();
  return S;
}
