//===- FactsTables.cpp - Reach facts kept in the store --------------------===//
//
// One row per function and per field (Facts.h), keyed by mode, so an analyze
// with --assume-sync keeps its facts beside the plain ones. A function's
// slice is stored as a one-function summary in the store's binary form.
//
//===----------------------------------------------------------------------===//

#include "fputcheck/Facts.h"
#include "store/BinarySummary.h"
#include "store/Schema.h"
#include "store/Sqlite.h"
#include "store/StoreLock.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/SHA1.h"
#include <chrono>
#include <tuple>

using namespace llvm;
using namespace fputcheck;

namespace {

/// How many modes' facts a store keeps (the plain rules and a few what-ifs).
constexpr int KeptModes = 8;

std::vector<uint8_t> encodeSlice(const FunctionSummary &F) {
  TUSummary One;
  One.Functions.push_back(F);
  std::vector<uint8_t> Out;
  writeBinarySummary(One, Out);
  return Out;
}

/// Effects travel as a one-function summary holding only them.
std::vector<uint8_t> encodeEffects(const EffectFact &E) {
  FunctionSummary F;
  F.Key = E.Key;
  F.Effects = E.Effects;
  return encodeSlice(F);
}

std::string joinTargets(ArrayRef<std::string> Targets) {
  return llvm::join(Targets, "\n");
}

std::string joinValues(ArrayRef<int64_t> Values) {
  std::string S;
  for (int64_t V : Values)
    S += (S.empty() ? "" : ",") + std::to_string(V);
  return S;
}

Error noFacts(StringRef StorePath, const Twine &Why) {
  return createStringError(inconvertibleErrorCode(), "%s: %s",
                           StorePath.str().c_str(), Why.str().c_str());
}

/// The entries of a reach_field_sets row that give a return range.
constexpr llvm::StringLiteral NonZeroIfEntry("=nonzero-if");
constexpr llvm::StringLiteral ZeroIfEntry("=zero-if");

/// The key, the list and the `unknown` flag of one row of a listed facts
/// table (reach_vias, reach_tags, reach_field_sets).
std::tuple<StringRef, std::string, bool> listedRow(const ViaFact &V) {
  return {V.Via, joinTargets(V.Objects), V.Unknown};
}
std::tuple<StringRef, std::string, bool> listedRow(const TagFact &T) {
  return {T.Place, joinValues(T.Values), T.Unknown};
}
/// "key#param"; "+field" for each set, "-field" for each dropped, and
/// "=nonzero-if", "=zero-if" for its return ranges.
std::tuple<std::string, std::string, bool> listedRow(const FieldSetFact &S) {
  std::vector<std::string> L;
  for (const std::string &F : S.Set)
    L.push_back("+" + F);
  for (const std::string &F : S.Dropped)
    L.push_back("-" + F);
  if (S.NonZeroIf)
    L.push_back(NonZeroIfEntry.str());
  if (S.ZeroIf)
    L.push_back(ZeroIfEntry.str());
  return {S.Key + "#" + std::to_string(S.Param), joinTargets(L), false};
}

/// The function's key; "bit:fewest" for each context only callbacks
/// bring it into.
std::tuple<StringRef, std::string, bool> listedRow(const ContextFact &C) {
  std::vector<std::string> L;
  for (const auto &[Bit, Cost] : C.Fewest)
    L.push_back(std::to_string(Bit) + ":" + std::to_string(Cost));
  return {C.Key, joinTargets(L), false};
}

/// Writes \p Rows as rows of mode \p Mode of \p Table, a table whose rows
/// are a key column, a list column and an `unknown` flag (listedRow()).
template <class T>
Error writeListed(sql::Database &Db, StringRef Table, StringRef Key,
                  StringRef List, StringRef Mode, const std::vector<T> &Rows) {
  auto Insert = Db.prepare(("INSERT INTO " + Table + "(mode, " + Key + ", " +
                            List + ", unknown) VALUES(?1, ?2, ?3, ?4)")
                               .str());
  if (!Insert)
    return Insert.takeError();
  for (const T &Row : Rows) {
    auto [K, L, Unknown] = listedRow(Row);
    Insert->bind(1, Mode).bind(2, StringRef(K)).bind(3, L).bind(
        4, int64_t(Unknown));
    if (Error E = Insert->run())
      return E;
  }
  return Error::success();
}

/// Reads the rows of mode \p Mode of \p Table, a table whose rows are a key
/// column, a \p Sep separated list column and an `unknown` flag, in key
/// order. A store without the table (an older analyze wrote it) has none.
Error readListed(
    sql::Database &Db, StringRef Table, StringRef Key, StringRef List,
    char Sep, StringRef Mode,
    function_ref<void(StringRef, ArrayRef<StringRef>, bool)> Each) {
  auto Rows = Db.prepare(("SELECT " + Key + ", " + List + ", unknown FROM " +
                          Table + " WHERE mode = ?1 ORDER BY " + Key)
                             .str());
  if (!Rows) {
    consumeError(Rows.takeError());
    return Error::success();
  }
  Rows->bind(1, Mode);
  while (Rows->step()) {
    SmallVector<StringRef, 8> Parts;
    Rows->text(1).split(Parts, Sep, -1, /*KeepEmpty=*/false);
    Each(Rows->text(0), Parts, Rows->integer(2) != 0);
  }
  return Rows->takeError();
}

template <class T> void hashListed(SHA1 &H, const std::vector<T> &Rows) {
  for (const T &Row : Rows) {
    auto [K, L, Unknown] = listedRow(Row);
    H.update(std::string(K) + "\n" + L + "\n" + (Unknown ? "?" : "") +
             "\n\n");
  }
}

/// What the rows of \p F would be, hashed: equal facts are not rewritten.
std::string digestOf(const ReachFacts &F) {
  SHA1 H;
  for (const FunctionFact &FF : F.Functions) {
    H.update(FF.Slice.Key + "\n" + std::to_string(FF.Fewest) + "\n" +
             FF.Next + "\n");
    H.update(encodeSlice(FF.Slice));
  }
  for (const FieldFact &FF : F.Fields)
    H.update(FF.Struct + "\n" + FF.Field + "\n" + FF.Object + "\n" +
             std::to_string(FF.Stored) + "\n" + FF.Home + "\n" +
             joinTargets(FF.Targets) +
             "\n\n");
  for (const EffectFact &E : F.Effects)
    H.update(encodeEffects(E));
  hashListed(H, F.Vias);
  hashListed(H, F.Tags);
  hashListed(H, F.FieldSets);
  hashListed(H, F.Contexts);
  return toHex(H.final(), /*LowerCase=*/true);
}

Error writeRows(sql::Database &Db, const ReachFacts &F, StringRef Digest) {
  for (const char *Table :
       {"reach_functions", "reach_fields", "lock_effects", "reach_vias",
        "reach_tags", "reach_field_sets", "reach_contexts", "fact_modes"}) {
    auto Del = Db.prepare(std::string("DELETE FROM ") + Table +
                          " WHERE mode = ?1");
    if (!Del)
      return Del.takeError();
    if (Error E = Del->bind(1, F.Mode).run())
      return E;
  }
  auto Fn = Db.prepare("INSERT INTO reach_functions(mode, key, name, fewest, "
                       "next, slice) VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
  if (!Fn)
    return Fn.takeError();
  for (const FunctionFact &FF : F.Functions) {
    Fn->bind(1, F.Mode)
        .bind(2, FF.Slice.Key)
        .bind(3, FF.Slice.Name)
        .bind(4, int64_t(FF.Fewest))
        .bind(5, FF.Next)
        .bindBlob(6, encodeSlice(FF.Slice));
    if (Error E = Fn->run())
      return E;
  }
  auto Fd = Db.prepare("INSERT INTO reach_fields(mode, struct, field, object, "
                       "stored, home, targets) "
                       "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  if (!Fd)
    return Fd.takeError();
  for (const FieldFact &FF : F.Fields) {
    Fd->bind(1, F.Mode)
        .bind(2, FF.Struct)
        .bind(3, FF.Field)
        .bind(4, FF.Object)
        .bind(5, int64_t(FF.Stored))
        .bind(6, FF.Home)
        .bind(7, joinTargets(FF.Targets));
    if (Error E = Fd->run())
      return E;
  }
  auto Ef = Db.prepare("INSERT INTO lock_effects(mode, key, effects) "
                       "VALUES(?1, ?2, ?3)");
  if (!Ef)
    return Ef.takeError();
  for (const EffectFact &E : F.Effects) {
    Ef->bind(1, F.Mode).bind(2, E.Key).bindBlob(3, encodeEffects(E));
    if (Error Err = Ef->run())
      return Err;
  }
  if (Error E =
          writeListed(Db, "reach_vias", "via", "objects", F.Mode, F.Vias))
    return E;
  if (Error E =
          writeListed(Db, "reach_tags", "place", "tag_values", F.Mode, F.Tags))
    return E;
  if (Error E = writeListed(Db, "reach_field_sets", "key", "fields", F.Mode,
                            F.FieldSets))
    return E;
  if (Error E = writeListed(Db, "reach_contexts", "key", "contexts", F.Mode,
                            F.Contexts))
    return E;
  auto Mode = Db.prepare("INSERT INTO fact_modes(mode, digest, written_at, "
                         "functions, fields) VALUES(?1, ?2, ?3, ?4, ?5)");
  if (!Mode)
    return Mode.takeError();
  int64_t Now = std::chrono::duration_cast<std::chrono::seconds>(
                    std::chrono::system_clock::now().time_since_epoch())
                    .count();
  return Mode->bind(1, F.Mode)
      .bind(2, Digest)
      .bind(3, Now)
      .bind(4, int64_t(F.Functions.size()))
      .bind(5, int64_t(F.Fields.size()))
      .run();
}

/// Drops the facts of every mode but \p Kept and the most recent others:
/// each what-if name a reviewer tried is a mode (some thousand rows), and
/// an editor only ever reads the mode of the rules it runs with.
Error dropOldModes(sql::Database &Db, StringRef Kept) {
  for (const char *Table :
       {"reach_functions", "reach_fields", "lock_effects", "reach_vias",
        "reach_tags", "reach_field_sets", "reach_contexts"}) {
    auto Del = Db.prepare(
        std::string("DELETE FROM ") + Table +
        " WHERE mode != ?1 AND mode NOT IN (SELECT mode FROM fact_modes "
        "ORDER BY written_at DESC, mode LIMIT ?2)");
    if (!Del)
      return Del.takeError();
    if (Error E = Del->bind(1, Kept).bind(2, int64_t(KeptModes)).run())
      return E;
  }
  auto Modes = Db.prepare(
      "DELETE FROM fact_modes WHERE mode != ?1 AND mode NOT IN (SELECT mode "
      "FROM fact_modes ORDER BY written_at DESC, mode LIMIT ?2)");
  if (!Modes)
    return Modes.takeError();
  return Modes->bind(1, Kept).bind(2, int64_t(KeptModes)).run();
}

} // namespace

Error fputcheck::saveReachFacts(StringRef StorePath, const ReachFacts &F) {
  // Shared, like any user of the store: nobody replaces its files while
  // the facts are written.
  auto Lock = StoreLock::open(StorePath);
  if (!Lock)
    return Lock.takeError();
  if (!Lock->acquire(StoreLock::Mode::Shared, std::chrono::seconds(60)))
    return noFacts(StorePath, "the store is being replaced by another process");
  auto Db = sql::Database::open(StorePath, /*Create=*/false);
  if (!Db)
    return noFacts(StorePath, toString(Db.takeError()));
  if (Error E = addFactsTables(*Db))
    return E;
  std::string Digest = digestOf(F);
  return sql::transaction(*Db, [&]() -> Error {
    auto Have = Db->prepare("SELECT digest FROM fact_modes WHERE mode = ?1");
    if (!Have)
      return Have.takeError();
    Have->bind(1, F.Mode);
    bool Same = Have->step() && Have->text(0) == Digest;
    Have->reset();
    if (Error E = Have->takeError())
      return E;
    if (Same)
      return Error::success();
    if (Error E = writeRows(*Db, F, Digest))
      return E;
    return dropOldModes(*Db, F.Mode);
  });
}

/// The digest of mode \p Mode's facts in \p Db, the store at \p StorePath.
static Error modeDigest(sql::Database &Db, StringRef StorePath,
                        StringRef Mode, std::string &Digest) {
  auto Has = Db.prepare("SELECT digest FROM fact_modes WHERE mode = ?1");
  if (!Has)
    return noFacts(StorePath, "no reach facts (the store predates them: run "
                              "'fputcheck analyze')");
  Has->bind(1, Mode);
  bool Found = Has->step();
  if (Found)
    Digest = Has->text(0).str();
  Has->reset();
  if (Error E = Has->takeError())
    return E;
  if (!Found)
    return noFacts(StorePath, "no reach facts for these rules (run "
                              "'fputcheck analyze' with them)");
  return Error::success();
}

/// The store at \p StorePath, open, with the digest of mode \p Mode's facts.
static Expected<sql::Database> openMode(StringRef StorePath, StringRef Mode,
                                        std::string &Digest) {
  auto Db = sql::Database::open(StorePath, /*Create=*/false);
  if (!Db)
    return noFacts(StorePath, toString(Db.takeError()));
  if (Error E = modeDigest(*Db, StorePath, Mode, Digest))
    return E;
  return std::move(*Db);
}

Expected<std::string> fputcheck::storedFactsDigest(StringRef StorePath,
                                                   const Rules &R) {
  std::string Digest;
  auto Db = openMode(StorePath, factsMode(R), Digest);
  if (!Db)
    return Db.takeError();
  return Digest;
}

Expected<ReachFacts> fputcheck::loadStoredFacts(StringRef StorePath,
                                                const Rules &R,
                                                std::string &Digest) {
  ReachFacts Out;
  Out.Mode = factsMode(R);
  // One read transaction: the digest and the rows of one analyze.
  auto Db = sql::Database::open(StorePath, /*Create=*/false);
  if (!Db)
    return noFacts(StorePath, toString(Db.takeError()));
  if (Error E = Db->exec("BEGIN"))
    return E;
  auto Read = [&]() -> Error {
    if (Error E = modeDigest(*Db, StorePath, Out.Mode, Digest))
      return E;
    auto Fn = Db->prepare("SELECT key, fewest, next, slice FROM "
                          "reach_functions WHERE mode = ?1 ORDER BY key");
    if (!Fn)
      return Fn.takeError();
    Fn->bind(1, Out.Mode);
    while (Fn->step()) {
      auto One = readBinarySummary(Fn->blob(3));
      if (!One)
        return One.takeError();
      if (One->Functions.size() != 1)
        continue;
      FunctionFact FF;
      FF.Fewest = Fn->integer(1);
      FF.Next = Fn->text(2).str();
      FF.Slice = std::move(One->Functions.front());
      Out.Functions.push_back(std::move(FF));
    }
    if (Error E = Fn->takeError())
      return E;
    auto Fd = Db->prepare("SELECT struct, field, object, stored, home, "
                          "targets FROM reach_fields WHERE mode = ?1 "
                          "ORDER BY struct, field, object");
    if (!Fd)
      return Fd.takeError();
    Fd->bind(1, Out.Mode);
    while (Fd->step()) {
      FieldFact FF{Fd->text(0).str(), Fd->text(1).str(), Fd->text(2).str(),
                   {}, unsigned(Fd->integer(3)), Fd->text(4).str()};
      SmallVector<StringRef, 8> Parts;
      Fd->text(5).split(Parts, '\n', -1, /*KeepEmpty=*/false);
      for (StringRef T : Parts)
        FF.Targets.push_back(T.str());
      Out.Fields.push_back(std::move(FF));
    }
    if (Error E = Fd->takeError())
      return E;
    auto Ef = Db->prepare("SELECT key, effects FROM lock_effects WHERE mode "
                          "= ?1 ORDER BY key");
    if (!Ef)
      return Ef.takeError();
    Ef->bind(1, Out.Mode);
    while (Ef->step()) {
      auto One = readBinarySummary(Ef->blob(1));
      if (!One)
        return One.takeError();
      if (One->Functions.size() == 1)
        Out.Effects.push_back(
            {Ef->text(0).str(), std::move(One->Functions.front().Effects)});
    }
    if (Error E = Ef->takeError())
      return E;
    // Facts an older analyze wrote have no vias: their calls resolve by
    // field, as that analyze's did.
    if (Error E = readListed(*Db, "reach_vias", "via", "objects", '\n',
                             Out.Mode,
                             [&](StringRef Via, ArrayRef<StringRef> Objects,
                                 bool Unknown) {
                               ViaFact V{Via.str(), {}, Unknown};
                               for (StringRef O : Objects)
                                 V.Objects.push_back(O.str());
                               Out.Vias.push_back(std::move(V));
                             }))
      return E;
    // Nor field sets: their null tests then rule nothing out (nothing is
    // known set), as that analyze's did not.
    if (Error E = readListed(
            *Db, "reach_field_sets", "key", "fields", '\n', Out.Mode,
            [&](StringRef Key, ArrayRef<StringRef> Fields, bool) {
              auto [Fn, Num] = Key.rsplit('#');
              FieldSetFact S{Fn.str(), 0, {}, {}};
              if (Num.getAsInteger(10, S.Param))
                return;
              for (StringRef F : Fields) {
                if (F == NonZeroIfEntry)
                  S.NonZeroIf = true;
                else if (F == ZeroIfEntry)
                  S.ZeroIf = true;
                else
                  (F.consume_front("+") ? S.Set : S.Dropped)
                      .push_back(F.drop_front(F.starts_with("-")).str());
              }
              Out.FieldSets.push_back(std::move(S));
            }))
      return E;
    // Nor contexts: its functions then may run in plain process context,
    // as that analyze's did.
    if (Error E = readListed(
            *Db, "reach_contexts", "key", "contexts", '\n', Out.Mode,
            [&](StringRef Key, ArrayRef<StringRef> Bits, bool) {
              ContextFact C{Key.str(), {}};
              for (StringRef B : Bits) {
                auto [Bit, Cost] = B.split(':');
                unsigned Bi, Co;
                if (Bit.getAsInteger(10, Bi) || Cost.getAsInteger(10, Co))
                  return;
                C.Fewest.push_back({Bi, Co});
              }
              Out.Contexts.push_back(std::move(C));
            }))
      return E;
    // Nor tags: their tag tests then rule nothing out, as that analyze's
    // did not.
    return readListed(
        *Db, "reach_tags", "place", "tag_values", ',', Out.Mode,
        [&](StringRef Place, ArrayRef<StringRef> Values, bool Unknown) {
          TagFact T{Place.str(), {}, Unknown};
          for (StringRef V : Values) {
            int64_t N;
            if (V.getAsInteger(10, N))
              T.Unknown = true;
            else
              T.Values.push_back(N);
          }
          Out.Tags.push_back(std::move(T));
        });
  };
  Error E = Read();
  consumeError(Db->exec("COMMIT"));
  if (E)
    return E;
  return Out;
}
