//===- FactsTest.cpp - Reach facts, made, kept and linked -----------------===//
//
// An editor links the open file with the facts the last analyze kept
// (fputcheck/Facts.h). On every corpus case, plain and with the what-if of
// filp_close, each TU so linked must show exactly the findings the whole
// program shows in its file; the facts must come back from a store as they
// went in.
//
//===----------------------------------------------------------------------===//

#include "CorpusCase.h"
#include "FactsEquivalence.h"
#include "store/Sqlite.h"

#include "fputcheck/Extract.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "gtest/gtest.h"
#include <tuple>

using namespace llvm;
using namespace fputcheck;
using namespace fputcheck::test;

namespace {

const std::string CasesDir = FPUTCHECK_CORPUS_DIR "/cases";
const std::string IncludeDir = FPUTCHECK_CORPUS_DIR "/include";

Rules loadRules() { return test::loadRulesOrFail(FPUTCHECK_RULES_DIR); }

std::vector<TUSummary> summaries(const CorpusCase &C, const Rules &R) {
  std::vector<TUSummary> Out;
  for (const std::string &F : C.Files) {
    TUOutcome O = extractOne(corpusCommand(F, IncludeDir), R);
    EXPECT_TRUE(O.Ok) << O.Error;
    Out.push_back(std::move(O.Summary));
  }
  return Out;
}

/// The facts of the program \p TUs make.
ReachFacts wholeFacts(const std::vector<TUSummary> &TUs, const Rules &R) {
  Program P;
  for (const TUSummary &S : TUs)
    P.add(S);
  P.link(R);
  return computeReachFacts(P, R);
}

/// A case's program and its what-if program: the rules with the case's own
/// assumptions, and with filp_close made synchronous as well.
std::vector<Rules> modes(const CorpusCase &C) {
  std::vector<Rules> Out(2, loadRules());
  for (Rules &R : Out)
    for (const std::string &N : C.AssumeSync)
      R.addSyncVariant(N);
  Out[1].addSyncVariant("filp_close");
  return Out;
}

TEST(Facts, EveryCorpusTUSeesWhatTheWholeProgramSees) {
  unsigned Compared = 0, MultiTU = 0;
  for (const std::string &Name : listCases(CasesDir)) {
    CorpusCase C = loadCase(CasesDir, Name);
    MultiTU += C.Files.size() > 1;
    for (const Rules &R : modes(C)) {
      std::vector<TUSummary> TUs = summaries(C, R);
      for (const std::string &M : factsMismatches(TUs, R, Compared))
        ADD_FAILURE() << Name << ": " << M;
    }
  }
  // Cases of several files are where facts carry chains across files.
  EXPECT_GE(MultiTU, 3u);
  EXPECT_GE(Compared, 150u) << Compared;
}

TEST(Facts, KeepOnlyWhatReaches) {
  Rules R = loadRules();
  CorpusCase C = loadCase(CasesDir, "lock-cross-tu");
  Program P;
  for (TUSummary &S : summaries(C, R))
    P.add(std::move(S));
  P.link(R);
  ReachFacts F = computeReachFacts(P, R);
  ASSERT_FALSE(F.Functions.empty());
  EXPECT_EQ(F.Mode, factsMode(R));
  for (const FunctionFact &FF : F.Functions) {
    const FunctionSummary *Orig = P.function(FF.Slice.Key);
    if (!Orig) // A sync variant no TU defines.
      continue;
    EXPECT_LE(FF.Slice.Calls.size(), Orig->Calls.size()) << FF.Slice.Key;
    for (const CallSite &Cs : FF.Slice.Calls)
      EXPECT_TRUE(Cs.Held.empty()) << FF.Slice.Key;
    if (R.isSyncVariant(keyName(FF.Slice.Key)))
      EXPECT_TRUE(FF.Next.empty());
    else
      EXPECT_FALSE(FF.Next.empty()) << FF.Slice.Key;
  }
  // Nothing that only calls fput() (which defers) is a fact.
  for (const FunctionSummary *Fn : P.functions())
    if (keyName(Fn->Key) == "fput")
      EXPECT_FALSE(llvm::any_of(F.Functions, [&](const FunctionFact &FF) {
        return FF.Slice.Key == Fn->Key;
      }));
  // A what-if makes other facts, under another mode.
  Rules W = loadRules();
  W.addSyncVariant("filp_close");
  EXPECT_NE(factsMode(W), factsMode(R));
}

class FactsStore : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(sys::fs::createUniqueDirectory("fputcheck-facts", Dir));
    Store = std::string(Dir) + "/summaries.db";
    // An empty SQLite file: the facts tables come with the first save.
    auto Db = sql::Database::open(Store, /*Create=*/true);
    ASSERT_TRUE(bool(Db)) << toString(Db.takeError());
  }
  void TearDown() override { sys::fs::remove_directories(Dir); }

  /// \p F saved into the store and read back whole.
  ReachFacts savedAndLoaded(const ReachFacts &F, const Rules &R) {
    EXPECT_FALSE(bool(saveReachFacts(Store, F)));
    std::string Digest;
    auto All = loadStoredFacts(Store, R, Digest);
    if (!All) {
      ADD_FAILURE() << toString(All.takeError());
      return {};
    }
    return std::move(*All);
  }

  /// \p F saved and read back has the rows \p Rows of \p F, in order, as
  /// \p Fields sees them, and every TU of \p TUs linked with what was read
  /// sees what the whole program sees.
  template <class T, class FieldsT>
  void expectStoredAlike(const std::vector<TUSummary> &TUs, const Rules &R,
                         const ReachFacts &F, std::vector<T> ReachFacts::*Rows,
                         FieldsT Fields) {
    ReachFacts All = savedAndLoaded(F, R);
    const std::vector<T> &Got = All.*Rows, &Want = F.*Rows;
    ASSERT_EQ(Got.size(), Want.size());
    for (size_t I = 0; I < Want.size(); ++I)
      EXPECT_TRUE(Fields(Got[I]) == Fields(Want[I])) << "row " << I;
    std::unique_ptr<FactsSource> Src = factsIn(std::move(All));
    unsigned Compared = 0;
    for (const std::string &M : factsMismatches(TUs, R, Compared, Src.get()))
      ADD_FAILURE() << M;
    EXPECT_GT(Compared, 0u);
  }

  SmallString<128> Dir;
  std::string Store;
};

TEST_F(FactsStore, SavedFactsReadBackAndLinkTheSame) {
  Rules R = loadRules();
  std::vector<TUSummary> TUs =
      summaries(loadCase(CasesDir, "lock-cross-tu"), R);
  ReachFacts F = wholeFacts(TUs, R);
  ASSERT_FALSE(bool(saveReachFacts(Store, F)));
  // Read whole, as clangd-fput keeps them between rebuilds.
  std::string Digest;
  auto All = loadStoredFacts(Store, R, Digest);
  ASSERT_TRUE(bool(All)) << toString(All.takeError());
  EXPECT_EQ(All->Functions.size(), F.Functions.size());
  EXPECT_EQ(All->Fields.size(), F.Fields.size());
  EXPECT_EQ(All->Effects.size(), F.Effects.size());
  auto Now = storedFactsDigest(Store, R);
  ASSERT_TRUE(bool(Now)) << toString(Now.takeError());
  EXPECT_EQ(*Now, Digest);
  std::unique_ptr<FactsSource> Src = factsIn(std::move(*All));
  for (const FunctionFact &FF : F.Functions) {
    auto Got = Src->function(FF.Slice.Key);
    ASSERT_TRUE(bool(Got)) << toString(Got.takeError());
    ASSERT_TRUE(Got->has_value()) << FF.Slice.Key;
    EXPECT_EQ((*Got)->Next, FF.Next);
    EXPECT_EQ((*Got)->Fewest, FF.Fewest);
    EXPECT_EQ((*Got)->Slice.Calls.size(), FF.Slice.Calls.size());
  }
  // spin_lock() over _raw_spin_lock(), a header inline: its lock effect
  // comes back for an editor that parsed the header without its macros.
  ASSERT_TRUE(llvm::any_of(F.Effects, [](const EffectFact &E) {
    return keyName(E.Key) == "spin_lock";
  }));
  for (const EffectFact &E : F.Effects) {
    auto Got = Src->effects(E.Key);
    ASSERT_TRUE(bool(Got)) << toString(Got.takeError());
    ASSERT_TRUE(Got->has_value()) << E.Key;
    ASSERT_EQ((*Got)->size(), E.Effects.size()) << E.Key;
    for (size_t I = 0; I < E.Effects.size(); ++I) {
      EXPECT_EQ((**Got)[I].Op, E.Effects[I].Op) << E.Key;
      EXPECT_EQ((**Got)[I].Param, E.Effects[I].Param) << E.Key;
      EXPECT_EQ((**Got)[I].Path, E.Effects[I].Path) << E.Key;
      EXPECT_EQ((**Got)[I].Primitive, E.Effects[I].Primitive) << E.Key;
    }
  }
  auto None = Src->function("no_such_function");
  ASSERT_TRUE(bool(None));
  EXPECT_FALSE(None->has_value());
  unsigned Compared = 0;
  for (const std::string &M : factsMismatches(TUs, R, Compared, Src.get()))
    ADD_FAILURE() << M;
  EXPECT_GT(Compared, 0u);

  // Other facts under the same rules: the digest says so.
  ReachFacts Fewer = F;
  Fewer.Effects.clear();
  ASSERT_FALSE(bool(saveReachFacts(Store, Fewer)));
  auto Changed = storedFactsDigest(Store, R);
  ASSERT_TRUE(bool(Changed));
  EXPECT_NE(*Changed, Digest);
}

// What the stores into a field show of its objects' tables comes back from
// the store, and an editor's file resolves its calls through it as the
// whole program did: svc.c alone sees no chain through xpt_bc_xprt.
TEST_F(FactsStore, ObjectStoresComeBackAndResolveTheSame) {
  Rules R = loadRules();
  std::vector<TUSummary> TUs =
      summaries(loadCase(CasesDir, "chain-field-object-stores"), R);
  ReachFacts F = wholeFacts(TUs, R);
  auto Find = [](const std::vector<ViaFact> &Vs, StringRef Via) {
    auto It = llvm::find_if(Vs, [&](const ViaFact &V) { return V.Via == Via; });
    return It == Vs.end() ? nullptr : &*It;
  };
  const ViaFact *Bc = Find(F.Vias, "svc_xprt.xpt_bc_xprt>rpc_xprt.ops");
  ASSERT_TRUE(Bc);
  EXPECT_FALSE(Bc->Unknown);
  ASSERT_EQ(Bc->Objects.size(), 1u);
  EXPECT_EQ(keyName(Bc->Objects[0]), "bc_tcp_ops");
  // WRITE_ONCE() stores what a caller handed in: it shows no table.
  const ViaFact *Peer = Find(F.Vias, "svc_xprt.xpt_peer>rpc_xprt.ops");
  ASSERT_TRUE(Peer);
  EXPECT_TRUE(Peer->Unknown);

  expectStoredAlike(TUs, R, F, &ReachFacts::Vias, [](const ViaFact &V) {
    return std::tie(V.Via, V.Objects, V.Unknown);
  });
}

// A subsystem's own field (more targets than max_field_targets, all stored
// in io/) comes back with its directory: an editor's io/run.c follows it,
// net/peek.c does not, as in the whole program.
TEST_F(FactsStore, AFieldsHomeComesBackAndLinksTheSame) {
  Rules R = loadRules();
  std::vector<TUSummary> TUs =
      summaries(loadCase(CasesDir, "chain-field-local-dispatch"), R);
  ReachFacts F = wholeFacts(TUs, R);
  auto It = llvm::find_if(F.Fields, [](const FieldFact &FF) {
    return FF.Struct == "tw_work" && FF.Field == "func";
  });
  ASSERT_NE(It, F.Fields.end());
  EXPECT_GT(It->Stored, R.MaxFieldTargets);
  EXPECT_TRUE(StringRef(It->Home).ends_with("/io")) << It->Home;
  EXPECT_FALSE(It->Targets.empty());
  expectStoredAlike(TUs, R, F, &ReachFacts::Fields, [](const FieldFact &FF) {
    return std::tie(FF.Struct, FF.Field, FF.Object, FF.Targets, FF.Stored,
                    FF.Home);
  });
}

TEST_F(FactsStore, AllocationPlacesComeBackAndRuleOutTheSame) {
  Rules R = loadRules();
  std::vector<TUSummary> TUs =
      summaries(loadCase(CasesDir, "chain-object-tag-table"), R);
  ReachFacts F = wholeFacts(TUs, R);
  // One place per kind allocated in the case: paging, nested, fault, ioas.
  std::vector<std::string> Places;
  for (const TagFact &T : F.Tags) {
    Places.push_back(T.Place);
    EXPECT_FALSE(T.Unknown) << T.Place;
    EXPECT_EQ(T.Values.size(), 1u) << T.Place;
  }
  EXPECT_EQ(Places,
            (std::vector<std::string>{
                "iommufd_fault.obj>iommufd_object.type",
                "iommufd_hwpt_nested.common>iommufd_hw_pagetable.obj>"
                "iommufd_object.type",
                "iommufd_hwpt_paging.common>iommufd_hw_pagetable.obj>"
                "iommufd_object.type",
                "iommufd_ioas.obj>iommufd_object.type"}));

  expectStoredAlike(TUs, R, F, &ReachFacts::Tags, [](const TagFact &T) {
    return std::tie(T.Place, T.Values, T.Unknown);
  });
}

TEST_F(FactsStore, FieldSetsComeBackAndRuleOutTheSame) {
  Rules R = loadRules();
  std::vector<TUSummary> TUs =
      summaries(loadCase(CasesDir, "chain-field-set-on-success"), R);
  ReachFacts F = wholeFacts(TUs, R);
  // fh_compose() sets fh_dentry when it returns zero; fh_put() clears it.
  auto Row = [&](StringRef Name, unsigned Param) -> const FieldSetFact * {
    auto It = llvm::find_if(F.FieldSets, [&](const FieldSetFact &S) {
      return keyName(S.Key) == Name && S.Param == Param;
    });
    return It == F.FieldSets.end() ? nullptr : &*It;
  };
  const std::vector<std::string> Dentry{"svc_fh.fh_dentry"};
  ASSERT_TRUE(Row("fh_compose", 0));
  EXPECT_EQ(Row("fh_compose", 0)->Set, Dentry);
  ASSERT_TRUE(Row("fh_verify", 0));
  EXPECT_EQ(Row("fh_verify", 0)->Set, Dentry);
  ASSERT_TRUE(Row("fh_put", 0));
  EXPECT_EQ(Row("fh_put", 0)->Dropped, Dentry);
  // fh_update() keeps it, and returns zero only past its own test.
  ASSERT_TRUE(Row("fh_update", 0));
  EXPECT_EQ(Row("fh_update", 0)->Set, Dentry);
  EXPECT_TRUE(Row("fh_update", 0)->Dropped.empty());
  // _fh_update() keeps it and sets nothing: no row, which an editor reads
  // as exactly that.
  EXPECT_FALSE(llvm::any_of(F.FieldSets, [](const FieldSetFact &S) {
    return keyName(S.Key) == "_fh_update";
  }));
  // A function no TU defines may do anything.
  ASSERT_TRUE(Row("nfsd_fh_hand_off", 0));
  EXPECT_EQ(Row("nfsd_fh_hand_off", 0)->Dropped,
            std::vector<std::string>{"*"});
  expectStoredAlike(TUs, R, F, &ReachFacts::FieldSets,
                    [](const FieldSetFact &S) {
                      return std::tie(S.Key, S.Param, S.Set, S.Dropped);
                    });
}

// Who calls a function is mostly in other files: where the whole program
// shows one runs only in callbacks' contexts comes back from the store, and
// an editor's kernel/kthread.c sees kthreadd's threads made as the whole
// program does (no finding before complete()).
TEST_F(FactsStore, CallbackOnlyContextsComeBackAndLinkTheSame) {
  Rules R = loadRules();
  R.addSyncVariant("filp_close");
  std::vector<TUSummary> TUs =
      summaries(loadCase(CasesDir, "whatif-kthread-file-table"), R);
  ReachFacts F = wholeFacts(TUs, R);
  auto Row = [&](StringRef Name) -> const ContextFact * {
    auto It = llvm::find_if(F.Contexts, [&](const ContextFact &C) {
      return keyName(C.Key) == Name;
    });
    return It == F.Contexts.end() ? nullptr : &*It;
  };
  using Bits = std::vector<std::pair<unsigned, unsigned>>;
  // kthreadd is handed to kernel_thread(), create_kthread() only called
  // from it: a kernel thread (ContextBit index 2), no guess away.
  ASSERT_TRUE(Row("create_kthread"));
  EXPECT_EQ(Row("create_kthread")->Fewest, (Bits{{2, 0}}));
  // rest_init() runs where start_kernel() does (rules: runs_in).
  ASSERT_TRUE(Row("rest_init"));
  EXPECT_EQ(Row("rest_init")->Fewest, (Bits{{2, 0}}));
  // A work item runs in a workqueue worker (index 1).
  ASSERT_TRUE(Row("call_usermodehelper_exec_sync"));
  EXPECT_EQ(Row("call_usermodehelper_exec_sync")->Fewest, (Bits{{1, 0}}));
  // The helper's own task may run anywhere a task does: no row.
  EXPECT_FALSE(Row("call_usermodehelper_exec_async"));
  expectStoredAlike(TUs, R, F, &ReachFacts::Contexts,
                    [](const ContextFact &C) {
                      return std::tie(C.Key, C.Fewest);
                    });
}

// Every what-if name tried is a mode: a store keeps the most recent ones,
// and always the one just written.
TEST_F(FactsStore, OnlyTheMostRecentModesAreKept) {
  Rules R = loadRules();
  ReachFacts F =
      wholeFacts(summaries(loadCase(CasesDir, "lock-cross-tu"), R), R);
  ASSERT_FALSE(F.Functions.empty());
  for (int I = 0; I < 11; ++I) {
    F.Mode = "mode" + std::to_string(I);
    ASSERT_FALSE(bool(saveReachFacts(Store, F)));
  }
  auto Db = sql::Database::open(Store, /*Create=*/false);
  ASSERT_TRUE(bool(Db));
  ASSERT_FALSE(F.Effects.empty());
  for (const char *Table : {"fact_modes", "reach_functions", "lock_effects"}) {
    auto Q = Db->prepare(std::string("SELECT count(DISTINCT mode), "
                                     "sum(mode = 'mode10') FROM ") +
                         Table);
    ASSERT_TRUE(bool(Q));
    ASSERT_TRUE(Q->step());
    EXPECT_EQ(Q->integer(0), 8) << Table;
    EXPECT_GT(Q->integer(1), 0) << Table;
    Q->reset();
  }
}

TEST_F(FactsStore, OtherRulesFindNoFacts) {
  Rules R = loadRules();
  ASSERT_FALSE(bool(saveReachFacts(Store, ReachFacts{factsMode(R), {}, {}})));
  EXPECT_TRUE(bool(storedFactsDigest(Store, R)));
  Rules W = loadRules();
  W.addSyncVariant("filp_close");
  auto Src = storedFactsDigest(Store, W);
  ASSERT_FALSE(bool(Src));
  std::string Msg = toString(Src.takeError());
  EXPECT_NE(Msg.find(Store), std::string::npos) << Msg;
  EXPECT_NE(Msg.find("no reach facts for these rules"), std::string::npos)
      << Msg;
}

TEST_F(FactsStore, NoStoreIsAnErrorNamingIt) {
  Rules R = loadRules();
  std::string Missing = std::string(Dir) + "/none/summaries.db";
  auto Src = storedFactsDigest(Missing, R);
  ASSERT_FALSE(bool(Src));
  EXPECT_NE(toString(Src.takeError()).find("none"), std::string::npos);
}

} // namespace
