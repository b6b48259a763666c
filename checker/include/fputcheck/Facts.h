//===- Facts.h - What a front end seeing one file needs of the rest -*- C++ -*-===//
//
// An editor shows the findings of the file being edited, and a finding there
// rests on chains through the whole program: a helper three files away that
// ends in __fput_sync(). Linking the whole program on every keystroke costs
// seconds and hundreds of MiB, so `fputcheck analyze` keeps, beside the
// summaries, the part of the linked program such a chain can pass through:
//
//  - every function from which a sync variant is reachable within the
//    rules' budget of calls through struct fields, with only the calls that
//    reach (as extraction recorded them, minus the locks held at them:
//    those make findings in that function's own file), the fewest field
//    calls of its chains and the first hop of a shortest one;
//  - for each field a reaching call goes through, the functions stored into
//    it that reach, and for each field the cap on field targets leaves
//    unlinked, how many functions the whole program stores into it;
//  - the lock effects of every function that has some (lock wrappers), as
//    full parses learned them: clangd parses headers into a preamble before
//    any callback sees their macro expansions (SummaryBuilder.h).
//
// Linking the edited file's fresh summary with the facts its calls lead to
// (linkWithFacts) gives the checks the same chains from that file as the
// whole program gives, from facts small enough to read whole (a few hundred
// functions for a kernel tree). The exit roots'
// facts and those of the handlers and callbacks the file registers come
// along, so chains from another file's root through this one are seen.
// What the facts do not carry: registrations made in other files (an
// interrupt handler registered elsewhere is no root in the editor; the
// contexts such callbacks give a root, RunContexts.h, so a chain through a
// context guard may be missed); and facts are those of the last analyze,
// whatever was edited since (a stale store is still used).
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_FACTS_H
#define FPUTCHECK_FACTS_H

#include "fputcheck/Program.h"
#include "fputcheck/Rules.h"
#include "fputcheck/Summary.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace fputcheck {

/// A function from which a sync variant is reachable.
struct FunctionFact {
  /// The function with only its calls that reach a sync variant (a sync
  /// variant keeps every call: their context tests say where it releases).
  FunctionSummary Slice;
  /// The fewest calls through struct fields on its chains.
  unsigned Fewest = 0;
  /// The callee of the first call of a shortest chain; empty for a sync
  /// variant.
  std::string Next;
};

/// A field calls go through: Struct.Field, or a field of constant table
/// Object.
struct FieldFact {
  std::string Struct;
  std::string Field;
  std::string Object;
  /// The functions stored into it from which a sync variant is reachable.
  std::vector<std::string> Targets;
  /// How many functions the whole program stores into it (set for the
  /// fields the cap on field targets leaves unlinked, which have no
  /// Targets).
  unsigned Stored = 0;
  /// With Stored: the one directory every store is made from, when the
  /// field is still followed from calls in it (rules:
  /// max_local_field_targets); Targets are then set too.
  std::string Home;
};

/// A function that takes or releases a lock for its caller, and how
/// (FunctionSummary::Effects), as the full parse of a TU learned it.
struct EffectFact {
  std::string Key;
  std::vector<LockEffect> Effects;
};

/// What the stores into a field show of its objects' tables
/// (Program::vias()), for each Via some call goes through: an editor's
/// file resolves its own calls, and links its own stores, as the whole
/// program did.
struct ViaFact {
  std::string Via;
  std::vector<std::string> Objects;
  bool Unknown = false;
};

/// The values one allocation place gives an enum field (Program::
/// allocTags()): an editor's file reads the tags of objects allocated in
/// other files as the whole program did.
struct TagFact {
  std::string Place;
  std::vector<int64_t> Values;
  bool Unknown = false;
};

/// What the whole program answers, for one function and parameter some
/// field fact names (FieldStates.h): the tested fields the parameter's
/// object has set when the function returns zero (Program::setOnSuccess),
/// and those it may leave unset (Program::droppedFields, "*" for any); and
/// what its result says about the parameter (Program::returnRange).
struct FieldSetFact {
  std::string Key;
  unsigned Param = 0;
  std::vector<std::string> Set;
  std::vector<std::string> Dropped;
  bool NonZeroIf = false;
  bool ZeroIf = false;
};

/// Where a function that reaches a sync variant runs, when the whole
/// program shows it never runs in plain process context: only callbacks
/// reach it (RunContexts.h). For each context (a ContextBit's index), the
/// fewest guessed field calls from a callback of it.
struct ContextFact {
  std::string Key;
  std::vector<std::pair<unsigned, unsigned>> Fewest;
};

struct ReachFacts {
  /// factsMode() of the rules they were made under.
  std::string Mode;
  std::vector<FunctionFact> Functions; // By key.
  std::vector<FieldFact> Fields;       // By struct, field, object.
  /// Every linked function with lock effects, by key: an editor applies
  /// them to header inlines whose macro expansions it did not see.
  std::vector<EffectFact> Effects;
  std::vector<ViaFact> Vias; // By via.
  /// Every allocation place of a tag some tag test reads, by place (a
  /// whole tree has a few dozen).
  std::vector<TagFact> Tags;
  /// Every function and parameter a field fact names, by key and
  /// parameter.
  std::vector<FieldSetFact> FieldSets;
  /// Every reaching function that only callbacks reach, by key.
  std::vector<ContextFact> Contexts;
};

/// Which facts these rules make: a digest of what decides reachability
/// (the sync variants, --assume-sync's included, the budget of field calls,
/// the cap on field targets, the barriers). Facts of other rules are not
/// used.
std::string factsMode(const Rules &R);

/// The facts of linked program \p P.
ReachFacts computeReachFacts(const Program &P, const Rules &R);

/// Where facts come from: made in memory, or read from a store.
class FactsSource {
public:
  virtual ~FactsSource();
  virtual llvm::Expected<std::optional<FunctionFact>>
  function(llvm::StringRef Key) = 0;
  virtual llvm::Expected<std::optional<FieldFact>>
  field(llvm::StringRef Struct, llvm::StringRef Field,
        llvm::StringRef Object) = 0;
  virtual llvm::Expected<std::optional<std::vector<LockEffect>>>
  effects(llvm::StringRef Key) = 0;
  virtual llvm::Expected<std::optional<ViaFact>> via(llvm::StringRef Via) = 0;
  /// Every TagFact.
  virtual llvm::Expected<std::vector<TagFact>> tags() = 0;
  /// The FieldSetFacts of function \p Key, by parameter.
  virtual llvm::Expected<std::vector<FieldSetFact>>
  fieldSets(llvm::StringRef Key) = 0;
  /// The ContextFact of function \p Key; none when it may run in plain
  /// process context (or reaches no sync variant).
  virtual llvm::Expected<std::optional<ContextFact>>
  contexts(llvm::StringRef Key) = 0;
};

/// Facts held in memory (tests, a front end that has the whole program, or
/// one that keeps what it read from a store across rebuilds).
std::unique_ptr<FactsSource> factsIn(ReachFacts Facts);
std::unique_ptr<FactsSource> factsIn(std::shared_ptr<const ReachFacts> Facts);

/// The digest of the facts of rules \p R in the store at \p StorePath: it
/// changes whenever an analyze writes different facts. Errors: no store, or
/// no facts of these rules in it (analyze has not run with them).
llvm::Expected<std::string> storedFactsDigest(llvm::StringRef StorePath,
                                              const Rules &R);

/// Every fact of rules \p R in the store at \p StorePath, read at once (a
/// whole tree's are a few hundred functions and fields, and some thousand
/// lock effects), with the digest they were read under.
llvm::Expected<ReachFacts> loadStoredFacts(llvm::StringRef StorePath,
                                           const Rules &R,
                                           std::string &Digest);

/// Keeps \p Facts in the store at \p StorePath, replacing those of the same
/// mode; a no-op when they are unchanged.
llvm::Error saveReachFacts(llvm::StringRef StorePath, const ReachFacts &Facts);

struct FactsLinkStats {
  unsigned Functions = 0; // Slices linked in.
  unsigned Fields = 0;    // Field facts read.
  unsigned Queries = 0;
};

/// Adds \p Open (a TU's fresh summary) to \p P with the facts its calls
/// lead to, transitively, and links \p P.
llvm::Expected<FactsLinkStats> linkWithFacts(TUSummary Open, FactsSource &Src,
                                             const Rules &R, Program &P);

} // namespace fputcheck

#endif
