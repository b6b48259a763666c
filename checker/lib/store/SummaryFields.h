//===- SummaryFields.h - The fields of a summary, named once ----*- C++ -*-===//
//
// Every stored form of a TUSummary walks Summary.h's structs through
// mapFields(), in the style of llvm::yaml::MappingTraits: one function per
// struct lists its fields in declaration order, each with
//   - its short key in the JSON of `fputcheck dump` (SummaryJSON.cpp);
//   - whether it may be left out when empty: absent from that JSON, NULL in
//     the query tables;
//   - its column in the query tables (QueryTables.cpp), if it has one.
// The binary form (BinarySummary.cpp) writes every field in this order.
// A field added to Summary.h and here reaches all of them; a field added to
// Summary.h only is dropped by all of them, which the store test's round
// trip through both forms catches.
//
// An IO passed to mapFields() has
//   template <class T> void field(const Field &F, T &Value);
// and decides what the value becomes. Writers walk const summaries through
// the same functions (as llvm::yaml::Output does) and must not modify them.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_STORE_SUMMARYFIELDS_H
#define FPUTCHECK_STORE_SUMMARYFIELDS_H

#include "fputcheck/Summary.h"
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace fputcheck {

/// How one field is written besides its value.
struct Field {
  /// Key in the JSON object; a tuple's fields go by position instead.
  const char *Key;
  /// Column in the query table of the struct's rows; none when null.
  const char *Column = nullptr;
  /// Left out of the JSON (NULL in its column) when empty.
  bool Optional = false;
};

/// A field that is left out when empty.
constexpr Field optional(const char *Key, const char *Column = nullptr) {
  return Field{Key, Column, true};
}

/// The small records a tree has most of are JSON arrays, not objects.
template <class T> struct JSONTuple : std::false_type {};

/// A function reference passed as an argument: (index, function key).
using FnArg = std::pair<unsigned, std::string>;

template <> struct JSONTuple<FnArg> : std::true_type {};
template <> struct JSONTuple<FieldStore> : std::true_type {};
template <> struct JSONTuple<ExportMark> : std::true_type {};
template <> struct JSONTuple<ObjectStore> : std::true_type {};

template <class IO> void mapFields(IO &M, HeldLock &L) {
  M.field(Field{"k", "lock"}, L.Key);
  M.field(Field{"t", "text"}, L.Text);
  M.field(Field{"d", "kind"}, L.Kind);
  M.field(Field{"p", "primitive"}, L.Primitive);
  M.field(Field{"l", "line"}, L.Line);
  M.field(Field{"c"}, L.Col);
}

template <class IO> void mapFields(IO &M, FnArg &A) {
  M.field(Field{"index"}, A.first);
  M.field(Field{"function"}, A.second);
}

template <class IO> void mapFields(IO &M, CallSite &C) {
  M.field(optional("f", "callee"), C.Callee);
  M.field(optional("s", "struct"), C.Struct);
  M.field(optional("m", "field"), C.Field); // Set exactly when Struct is.
  M.field(optional("o"), C.Object);
  M.field(optional("v"), C.Via);
  M.field(Field{"l", "line"}, C.Line);
  M.field(Field{"c", "col"}, C.Col);
  M.field(optional("h"), C.Held);
  M.field(optional("r"), C.Released);
  M.field(optional("a"), C.ArgKeys);
  M.field(optional("p"), C.FnArgs);
  M.field(optional("n"), C.Next);
  M.field(optional("g"), C.Guards);
  M.field(optional("e"), C.HeldRefArgs);
  M.field(optional("j"), C.ArgObjects);
  M.field(optional("i"), C.Into);
  M.field(optional("k"), C.ConstArgs);
  M.field(optional("q"), C.ArgFields);
  M.field(optional("u"), C.ReadOnlyArgs);
}

/// An enum or a signed number through an unsigned field. Writers walk
/// const summaries, so the value is written back only when it changed.
template <class IO, class T> void mapAsUnsigned(IO &M, const Field &F, T &V,
                                                int Offset = 0) {
  unsigned U = unsigned(int(V) + Offset);
  M.field(F, U);
  T Read = T(int(U) - Offset);
  if (Read != V)
    V = Read;
}

template <class IO> void mapFields(IO &M, LockEffect &E) {
  mapAsUnsigned(M, Field{"o"}, E.Op);
  M.field(Field{"d"}, E.Kind);
  M.field(Field{"p"}, E.Primitive);
  mapAsUnsigned(M, Field{"s"}, E.Success);
  mapAsUnsigned(M, Field{"a"}, E.Param, 1); // -1: no parameter.
  M.field(optional("m"), E.Path);
  M.field(optional("k"), E.FixedKey);
  M.field(optional("t"), E.Text);
}

template <class IO> void mapFields(IO &M, FunctionSummary &F) {
  M.field(Field{"k", "key"}, F.Key);
  M.field(Field{"n", "name"}, F.Name);
  M.field(Field{"f"}, F.File);
  M.field(Field{"l", "line"}, F.Line);
  M.field(Field{"c"}, F.Calls);
  M.field(Field{"e"}, F.Entry);
  M.field(optional("x"), F.Effects);
  M.field(optional("r"), F.ResultFields);
  M.field(optional("w"), F.TagWrites);
  M.field(optional("s"), F.SuccessFields);
  M.field(optional("z"), F.FieldClears);
  M.field(optional("nz"), F.NonZeroIf);
  M.field(optional("zz"), F.ZeroIf);
}

template <class IO> void mapFields(IO &M, FieldStore &S) {
  M.field(Field{"struct", "struct"}, S.Struct);
  M.field(Field{"field", "field"}, S.Field);
  M.field(Field{"function", "function"}, S.Function);
  M.field(Field{"file", "file"}, S.File);
  M.field(Field{"line", "line"}, S.Line);
  M.field(Field{"object"}, S.Object);
}

template <class IO> void mapFields(IO &M, ObjectStore &S) {
  M.field(Field{"via"}, S.Via);
  M.field(Field{"object"}, S.Object);
}

template <class IO> void mapFields(IO &M, ExportMark &E) {
  M.field(Field{"symbol", "symbol"}, E.Symbol);
  M.field(Field{"macro", "macro"}, E.Macro);
  M.field(Field{"file", "file"}, E.File);
  M.field(Field{"line", "line"}, E.Line);
}

/// Inputs are the store's cache key, kept apart from the summary.
template <class IO> void mapFields(IO &M, TUSummary &S) {
  M.field(Field{"main"}, S.MainFile);
  M.field(Field{"fns"}, S.Functions);
  M.field(Field{"stores"}, S.Stores);
  M.field(optional("objects"), S.ObjectStores);
  M.field(Field{"exports"}, S.Exports);
  M.field(optional("tagwrites"), S.TagWrites);
  M.field(optional("escapes"), S.Escapes);
}

/// Walks a summary (or part of one) that a writer only reads.
template <class IO, class T> void mapConstFields(IO &M, const T &V) {
  mapFields(M, const_cast<T &>(V));
}

} // namespace fputcheck

#endif
