//===- Program.h - TU summaries linked into one call graph ------*- C++ -*-===//
//
// Linking resolves static functions within their file (their keys carry it),
// merges the copies of header inlines every TU has, and resolves an indirect
// call through Struct.Field to every function stored into that field anywhere,
// unless the object is known: a constant table, or an object loaded from a
// field whose every store shows its table (CallSite::Via, ObjectStore).
// Stores into fields the rules name as callbacks (work items, timers) are
// context boundaries, not call edges.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_PROGRAM_H
#define FPUTCHECK_PROGRAM_H

#include "fputcheck/Rules.h"
#include "fputcheck/Summary.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <string>
#include <vector>

namespace fputcheck {

/// The plain name behind a function key ("close_files@/x/fs/file.c").
llvm::StringRef keyName(llvm::StringRef Key);

/// The directory of a source file ("io_uring" for "io_uring/io_uring.c"):
/// the unit the kernel's subsystems are kept in.
llvm::StringRef directoryOf(llvm::StringRef File);

/// Calls \p Each with every (function key, parameter) that \p F's field
/// facts (CallSite::ArgFields, FunctionSummary::SuccessFields) name: whose
/// Program::setOnSuccess(), droppedFields() or returnRange() answers
/// resolve them.
void forEachFieldSetRef(
    const FunctionSummary &F,
    llvm::function_ref<void(llvm::StringRef Key, unsigned Param)> Each);

class Program {
public:
  /// Takes ownership; call link() once all TUs are in.
  void add(TUSummary S);
  void link(const Rules &R);

  const FunctionSummary *function(llvm::StringRef Key) const;
  /// Every linked function, in key order.
  const std::vector<const FunctionSummary *> &functions() const {
    return Ordered;
  }
  /// Functions a call site may call, sorted and unique.
  llvm::ArrayRef<std::string> targets(const CallSite &C) const;
  /// A call through a struct field resolved by guessing (every function
  /// stored into the field), not a direct call nor one through a known
  /// constant table.
  bool isGuess(const CallSite &C) const {
    return C.Callee.empty() && !Exact.count(&C);
  }
  const std::vector<ExportMark> &exports() const { return Exports; }
  /// Functions whose address some TU takes other than to call them, pass
  /// them to a call or store them into a field (TUSummary::Escapes).
  bool escapes(llvm::StringRef Key) const { return Escaped.count(Key); }
  /// Every function stored into each field (sorted, unique), before the
  /// cap on field targets (Rules::MaxFieldTargets); callback fields are
  /// not call edges and are not here.
  const std::map<std::pair<std::string, std::string>, std::vector<std::string>> &
  fieldStores() const {
    return FieldTargets;
  }
  /// The same for fields of known constant tables (struct, field, table).
  const std::map<std::tuple<std::string, std::string, std::string>,
                 std::vector<std::string>> &
  tableStores() const {
    return TableTargets;
  }
  /// Before link(): the whole program stores \p Count functions into
  /// Struct.Field, although this program holds only some of them (an
  /// editor's file with stored facts, Facts.h), so the cap on field targets
  /// judges the field as the whole program's link did.
  /// \p Home is the one directory the whole program stores from, or empty
  /// when there are several (ReachFacts' FieldFact::Home).
  void assumeFieldStores(llvm::StringRef Struct, llvm::StringRef Field,
                         unsigned Count, llvm::StringRef Home = "") {
    unsigned &N = AssumedStores[{Struct.str(), Field.str()}];
    N = std::max(N, Count);
    if (Count)
      FieldDirs[{Struct.str(), Field.str()}].insert(Home.str());
  }
  /// The directory from which calls still follow Struct.Field with
  /// \p Stored targets over the cap: the one every store into it is made
  /// from (a subsystem's own callback field), when \p Stored is within
  /// \p R's max_local_field_targets; else empty. Linking and the reach
  /// facts both ask this.
  llvm::StringRef localHome(const std::pair<std::string, std::string> &F,
                            size_t Stored, const Rules &R) const;
  const std::vector<FieldStore> &stores() const { return Stores; }
  /// What the objects stored into a field show of one of their table
  /// pointers (CallSite::Via): the tables, sorted and unique, and whether
  /// some store showed none (then the tables say nothing).
  struct ViaObjects {
    std::vector<std::string> Objects;
    bool Unknown = false;
    /// Every store showed its table: calls through it resolve to those
    /// tables' entries alone.
    bool exact() const { return !Unknown && !Objects.empty(); }
  };
  const std::map<std::string, ViaObjects> &vias() const { return Vias; }
  /// The values objects allocated at one place get in one enum field
  /// (ObjectTags.h), and whether some allocation there gave a value that is
  /// not a constant.
  struct TagValues {
    std::vector<int64_t> Values; // Sorted, unique.
    bool Unknown = false;
  };
  /// By place: "iommufd_hwpt_paging.common>iommufd_hw_pagetable.obj>
  /// iommufd_object.type" (the container the allocation's result went
  /// into, then the field the allocator set).
  const std::map<std::string, TagValues> &allocTags() const {
    return AllocTags;
  }
  /// Before link(): the whole program allocates at \p Place with \p V (an
  /// editor's file with stored facts, Facts.h).
  void assumeTags(const std::string &Place, const TagValues &V);
  /// The values the enum field at \p Place ("iommufd_hw_pagetable.obj>
  /// iommufd_object.type") can hold: those of every allocation place that
  /// ends with it. Nullopt when unknown: no allocation place ends with it,
  /// or one gives a value that is not a constant, or \p Place names no
  /// container (a bare "iommufd_object.type" may be allocated anywhere).
  std::optional<std::vector<int64_t>> tags(llvm::StringRef Place) const;
  /// The tag field a place or a tag test's path ends with:
  /// "iommufd_object.type" for "iommufd_hw_pagetable.obj>iommufd_object.type".
  static llvm::StringRef tagField(llvm::StringRef Place) {
    size_t At = Place.rfind('>');
    return At == llvm::StringRef::npos ? Place : Place.substr(At + 1);
  }
  /// A tag test on every path to one call of a function (ObjectTags.h):
  /// the function, the test as stored ("+tag:$1>iommufd_object.type=6").
  struct TagTestAt {
    const FunctionSummary *F;
    const std::string *Guard;
  };
  /// Every tag test of the linked functions, in function key order.
  const std::vector<TagTestAt> &tagTests() const { return TagTests; }
  /// How link() resolved the calls through struct fields: what each way of
  /// knowing the object buys, on a whole tree (--time-phases).
  struct FieldCallCounts {
    unsigned ByTable = 0;   // A constant table's entries.
    unsigned ByObjects = 0; // The tables every store into a field shows.
    unsigned ByField = 0;   // Every function stored into the field.
    unsigned Capped = 0;    // Too many stored: not linked.
    unsigned NoStore = 0;   // Nothing stored into the field.
    /// Of all of them, the calls through an object loaded from a field
    /// (CallSite::Via), whichever way they were resolved.
    unsigned ThroughLoaded = 0;
  };
  const FieldCallCounts &fieldCallCounts() const { return Counts; }
  /// What link() found of object tags (--time-phases): calls behind a tag
  /// test, allocation places, and those of them whose values are known.
  struct TagCounts {
    unsigned Tests = 0;
    unsigned Places = 0;
    unsigned KnownPlaces = 0;
  };
  const TagCounts &tagCounts() const { return TagCount; }
  size_t numTUs() const { return TUs.size(); }
  /// Gives the summaries back, each function key in exactly one TU as
  /// linked, and leaves the program empty (unlinked).
  std::vector<TUSummary> takeTUs();

  /// Pointer fields known set (FieldStates.h in extraction). The fields
  /// ("Struct.field") parameter \p Param's object has set whenever \p Key
  /// returns zero.
  const std::set<std::string> &setOnSuccess(llvm::StringRef Key,
                                            unsigned Param) const;
  /// Whether \p Key, given an object as parameter \p Param, leaves its
  /// \p Field set if it was: it never sets it to NULL, never copies the
  /// pointer, and passes it only to functions that keep it too (or as a
  /// pointer to const).
  bool keepsField(llvm::StringRef Key, unsigned Param,
                  llvm::StringRef Field) const;
  /// The fields \p Key may leave unset in parameter \p Param's object
  /// ("Struct.field"), or {"*"} for any.
  const std::set<std::string> &droppedFields(llvm::StringRef Key,
                                             unsigned Param) const;
  /// The tested fields (testedFields()) set in argument \p Arg's object at
  /// call \p C, given what the caller's parameters' objects had set on
  /// entry (\p Entry, by parameter; may return null).
  std::set<std::string> argFieldsSet(
      const CallSite &C, unsigned Arg,
      llvm::function_ref<const std::vector<std::string> *(unsigned)> Entry)
      const;
  /// Every field some call's null test reads ("-set:$N>Struct.field"):
  /// only these are worth carrying along a chain.
  const std::set<std::string> &testedFields() const { return TestedFields; }
  /// Whether \p Key's result is nonzero whenever its parameter \p Param is
  /// (\p NonZero), or zero whenever it is zero (FunctionSummary::NonZeroIf,
  /// ZeroIf).
  bool returnRange(llvm::StringRef Key, unsigned Param, bool NonZero) const;
  /// Before link(): the whole program's returnRange() answers for a
  /// function an editor's file does not hold.
  void assumeReturnRanges(const std::string &Key, unsigned Param,
                          bool NonZeroIf, bool ZeroIf) {
    RangeCache[{Key, Param}] = {NonZeroIf, ZeroIf};
  }
  /// Before link(): the whole program's setOnSuccess() and droppedFields()
  /// answers for a function an editor's file does not hold (Facts.h).
  void assumeFieldSets(const std::string &Key, unsigned Param,
                       std::vector<std::string> Set,
                       std::vector<std::string> Dropped);
  /// Before link(): every function this program lacks that drops a field
  /// or sets one has been assumed (an editor's file with stored facts): one
  /// it lacks otherwise keeps every field, rather than may do anything.
  void assumeFieldSetsKnown() { FieldSetsKnown = true; }
  /// Before link(): where the whole program says function \p Key runs
  /// (ContextFact: the fewest guessed field calls from a callback of each
  /// context, by ContextBit index), and, once every function of an editor's
  /// file was asked, that a function without such an answer may run in
  /// plain process context (RunContexts::rootMask()).
  void assumeContexts(llvm::StringRef Key,
                      std::vector<std::pair<unsigned, unsigned>> Fewest) {
    AssumedContexts[Key] = std::move(Fewest);
  }
  void assumeContextsKnown() { ContextsKnown = true; }
  const std::vector<std::pair<unsigned, unsigned>> *
  assumedContexts(llvm::StringRef Key) const {
    auto It = AssumedContexts.find(Key);
    return It == AssumedContexts.end() ? nullptr : &It->second;
  }
  bool contextsKnown() const { return ContextsKnown; }

private:
  /// Fills AllocTags from the linked calls.
  void linkTags();
  /// The fields facts \p Facts (FieldStates.h) say are set.
  std::set<std::string> resolveFields(
      llvm::ArrayRef<std::string> Facts,
      llvm::function_ref<const std::vector<std::string> *(unsigned)> Entry)
      const;
  std::set<std::string> TestedFields;
  /// setOnSuccess() and droppedFields() answers, by (key, parameter),
  /// including those assumeFieldSets() gave.
  mutable std::map<std::pair<std::string, unsigned>, std::set<std::string>>
      SetCache;
  mutable std::set<std::pair<std::string, unsigned>> SetBusy;
  mutable std::map<std::pair<std::string, unsigned>, std::set<std::string>>
      DropCache;
  bool FieldSetsKnown = false;
  /// assumeReturnRanges() answers: (NonZeroIf, ZeroIf).
  std::map<std::pair<std::string, unsigned>, std::pair<bool, bool>>
      RangeCache;
  llvm::StringMap<std::vector<std::pair<unsigned, unsigned>>> AssumedContexts;
  bool ContextsKnown = false;
  /// The targets of \p C through its Via, when that is exact; kept.
  const std::vector<std::string> *viaTargets(const CallSite &C);

  std::vector<TUSummary> TUs;
  llvm::StringMap<const FunctionSummary *> ByKey;
  std::vector<const FunctionSummary *> Ordered;
  std::map<std::pair<std::string, std::string>, std::vector<std::string>>
      FieldTargets;
  /// (struct, field, constant table) -> the functions its initializer holds.
  std::map<std::tuple<std::string, std::string, std::string>,
           std::vector<std::string>>
      TableTargets;
  std::map<std::pair<std::string, std::string>, unsigned> AssumedStores;
  /// The directories of each field's stores (an assumed empty one: several).
  std::map<std::pair<std::string, std::string>, std::set<std::string>>
      FieldDirs;
  std::map<std::string, ViaObjects> Vias;
  std::map<std::string, TagValues> AllocTags;
  std::vector<TagTestAt> TagTests;
  TagCounts TagCount;
  FieldCallCounts Counts;
  /// (struct, field, via) -> the functions the via's tables hold there.
  std::map<std::tuple<std::string, std::string, std::string>,
           std::vector<std::string>>
      ViaTargets;
  llvm::DenseSet<const CallSite *> Exact;
  llvm::StringSet<> Escaped;
  std::vector<ExportMark> Exports;
  std::vector<FieldStore> Stores;
  /// Targets of indirect call sites, resolved once at link time.
  llvm::DenseMap<const CallSite *, const std::vector<std::string> *>
      IndirectTargets;
};

} // namespace fputcheck

#endif
