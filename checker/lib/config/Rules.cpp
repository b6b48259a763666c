//===- Rules.cpp - Reading rules/*.yaml -------------------------*- C++ -*-===//

#include "fputcheck/Rules.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA1.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLTraits.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <optional>

using namespace llvm;
using namespace fputcheck;

namespace {
/// A name the C++ code matches against identifiers in the source: a typo
/// such as "get_current()" would never match, so it is an error.
struct Identifier {
  std::string Name;
};

/// One rules file as written. Every key is optional so that rules can be
/// split across files by topic.
struct RuleDocument {
  std::vector<std::string> SyncVariants;
  std::vector<std::string> ExportMacros;
  std::vector<std::string> CompleteFunctions;
  std::vector<std::string> WaitFunctions;
  std::vector<std::string> ExitRoots;
  std::vector<Identifier> CurrentTask;
  std::vector<std::string> Deferring;
  std::vector<std::string> Terminal;
  std::optional<unsigned> CompleteDepth;
  std::optional<unsigned> MaxFieldTargets;
  std::optional<unsigned> MaxLocalFieldTargets;
  std::optional<unsigned> MaxIndirectCalls;
  std::vector<LockKind> Kinds;
  std::vector<LockPrimitive> Locks;
  std::vector<CallbackRule> Callbacks;
  std::optional<std::string> TaskFlagsField;
  std::vector<ContextTest> ContextTests;
  std::vector<RunsIn> RunsInRules;
  std::vector<Identifier> Warnings;
  std::vector<std::string> LastReferenceTests;
  std::vector<Identifier> ReferenceGets;
  std::vector<ReleaseFileArg> ReleaseFileArgs;
};

/// Lock kinds may be declared in any file, so reading is two passes: the
/// first collects kinds, the second checks that every lock names one.
struct ReadContext {
  const Rules *Known;
  bool CheckKinds;
};
} // namespace

LLVM_YAML_IS_SEQUENCE_VECTOR(LockKind)
LLVM_YAML_IS_SEQUENCE_VECTOR(LockPrimitive)
LLVM_YAML_IS_SEQUENCE_VECTOR(CallbackRule)
LLVM_YAML_IS_SEQUENCE_VECTOR(ContextTest)
LLVM_YAML_IS_SEQUENCE_VECTOR(RunsIn)
LLVM_YAML_IS_SEQUENCE_VECTOR(ContextBit)
LLVM_YAML_IS_SEQUENCE_VECTOR(ReleaseFileArg)
LLVM_YAML_IS_FLOW_SEQUENCE_VECTOR(Identifier)

namespace llvm {
namespace yaml {
template <> struct ScalarTraits<Identifier> {
  static void output(const Identifier &V, void *, raw_ostream &OS) {
    OS << V.Name;
  }
  static StringRef input(StringRef S, void *, Identifier &V) {
    if (S.empty() || isDigit(S[0]) ||
        !all_of(S, [](char C) { return isAlnum(C) || C == '_'; }))
      return "not a C identifier";
    V.Name = S.str();
    return "";
  }
  static QuotingType mustQuote(StringRef) { return QuotingType::None; }
};
template <> struct ScalarEnumerationTraits<LockOp> {
  static void enumeration(IO &Io, LockOp &V) {
    Io.enumCase(V, "acquire", LockOp::Acquire);
    Io.enumCase(V, "release", LockOp::Release);
    Io.enumCase(V, "trylock", LockOp::TryAcquire);
  }
};
template <> struct ScalarEnumerationTraits<LockContext> {
  static void enumeration(IO &Io, LockContext &V) {
    Io.enumCase(V, "atomic", LockContext::Atomic);
    Io.enumCase(V, "sleeping", LockContext::Sleeping);
  }
};
template <> struct ScalarEnumerationTraits<TrySuccess> {
  static void enumeration(IO &Io, TrySuccess &V) {
    Io.enumCase(V, "nonzero", TrySuccess::NonZero);
    Io.enumCase(V, "zero", TrySuccess::Zero);
  }
};
template <> struct ScalarEnumerationTraits<CallbackContext> {
  static void enumeration(IO &Io, CallbackContext &V) {
    Io.enumCase(V, "hardirq", CallbackContext::HardIrq);
    Io.enumCase(V, "softirq", CallbackContext::SoftIrq);
    Io.enumCase(V, "task", CallbackContext::Task);
    Io.enumCase(V, "async", CallbackContext::Task);
    Io.enumCase(V, "workqueue", CallbackContext::Workqueue);
    Io.enumCase(V, "kthread", CallbackContext::Kthread);
  }
};
/// A context test's "true_in: [workqueue, kthread]" as a ContextBit mask.
struct ContextList {
  unsigned Mask = 0;
};
template <> struct ScalarEnumerationTraits<ContextBit> {
  static void enumeration(IO &Io, ContextBit &V) {
    Io.enumCase(V, "task", CtxTask);
    Io.enumCase(V, "workqueue", CtxWorkqueue);
    Io.enumCase(V, "kthread", CtxKthread);
    Io.enumCase(V, "hardirq", CtxHardIrq);
    Io.enumCase(V, "softirq", CtxSoftIrq);
  }
};
template <> struct MappingTraits<ContextTest> {
  static void mapping(IO &Io, ContextTest &T) {
    Io.mapOptional("flag", T.Flag);
    Io.mapOptional("macro", T.Macro);
    std::vector<ContextBit> TrueIn;
    if (Io.outputting())
      return;
    Io.mapRequired("true_in", TrueIn);
    for (ContextBit B : TrueIn)
      T.TrueIn |= B;
  }
  static std::string validate(IO &, ContextTest &T) {
    if (T.Flag.empty() == T.Macro.empty())
      return "a context test names either a 'flag' or a 'macro'";
    if (!T.TrueIn)
      return "context test '" + T.name() + "' needs 'true_in' (contexts)";
    return "";
  }
};
template <> struct MappingTraits<RunsIn> {
  static void mapping(IO &Io, RunsIn &F) {
    Identifier Name;
    Io.mapRequired("function", Name);
    F.Function = Name.Name;
    std::vector<ContextBit> In;
    if (Io.outputting())
      return;
    Io.mapRequired("contexts", In);
    for (ContextBit B : In)
      F.Contexts |= B;
  }
  static std::string validate(IO &, RunsIn &F) {
    if (!F.Contexts)
      return "runs_in entry '" + F.Function + "' needs 'contexts'";
    return "";
  }
};
template <> struct MappingTraits<LockKind> {
  static void mapping(IO &Io, LockKind &K) {
    Io.mapRequired("name", K.Name);
    Io.mapRequired("context", K.Context);
    Io.mapOptional("description", K.Description);
  }
  static std::string validate(IO &, LockKind &K) {
    if (K.Name.empty())
      return "lock kind needs a non-empty 'name'";
    if (K.Description.empty())
      K.Description = K.Name;
    return "";
  }
};
template <> struct MappingTraits<LockPrimitive> {
  static void mapping(IO &Io, LockPrimitive &L) {
    Io.mapRequired("name", L.Name);
    Io.mapRequired("op", L.Op);
    Io.mapRequired("kind", L.Kind);
    Io.mapOptional("arg", L.Arg, -1);
    Io.mapOptional("success", L.Success, TrySuccess::NonZero);
  }
  static std::string validate(IO &Io, LockPrimitive &L) {
    if (L.Name.empty())
      return "lock primitive needs a non-empty 'name'";
    if (L.Arg < -1)
      return "'arg' must be an argument index (0, 1, ...) or -1";
    auto *Ctx = static_cast<ReadContext *>(Io.getContext());
    if (Ctx->CheckKinds && !Ctx->Known->lockKind(L.Kind))
      return "lock primitive '" + L.Name + "' uses unknown kind '" + L.Kind +
             "' (declare it under lock_kinds)";
    return "";
  }
};
template <> struct MappingTraits<CallbackRule> {
  static void mapping(IO &Io, CallbackRule &C) {
    Io.mapOptional("call", C.Call);
    Io.mapOptional("arg", C.Arg, -1);
    Io.mapOptional("struct", C.Struct);
    Io.mapOptional("field", C.Field);
    Io.mapRequired("context", C.Context);
  }
  static std::string validate(IO &, CallbackRule &C) {
    bool ByCall = !C.Call.empty();
    bool ByField = !C.Struct.empty() || !C.Field.empty();
    if (ByCall == ByField)
      return "a callback rule names either 'call' and 'arg', or 'struct' and "
             "'field'";
    if (ByCall && C.Arg < 0)
      return "callback rule for '" + C.Call + "' needs 'arg' (an index)";
    if (ByField && (C.Struct.empty() || C.Field.empty()))
      return "callback rule needs both 'struct' and 'field'";
    return "";
  }
};
template <> struct MappingTraits<ReleaseFileArg> {
  static void mapping(IO &Io, ReleaseFileArg &A) {
    Identifier Name;
    Io.mapRequired("name", Name);
    Io.mapRequired("arg", A.Arg);
    A.Name = Name.Name;
  }
  static std::string validate(IO &, ReleaseFileArg &A) {
    if (A.Arg < -1)
      return "'arg' must be an argument index (0, 1, ...) or -1";
    return "";
  }
};
template <> struct MappingTraits<RuleDocument> {
  static void mapping(IO &Io, RuleDocument &D) {
    Io.mapOptional("lock_kinds", D.Kinds);
    Io.mapOptional("locks", D.Locks);
    Io.mapOptional("sync_variants", D.SyncVariants);
    Io.mapOptional("export_macros", D.ExportMacros);
    Io.mapOptional("complete_functions", D.CompleteFunctions);
    Io.mapOptional("wait_functions", D.WaitFunctions);
    Io.mapOptional("complete_depth", D.CompleteDepth);
    Io.mapOptional("max_field_targets", D.MaxFieldTargets);
    Io.mapOptional("max_local_field_targets", D.MaxLocalFieldTargets);
    Io.mapOptional("max_indirect_calls", D.MaxIndirectCalls);
    Io.mapOptional("exit_roots", D.ExitRoots);
    Io.mapOptional("current_task", D.CurrentTask);
    Io.mapOptional("deferring", D.Deferring);
    Io.mapOptional("terminal", D.Terminal);
    Io.mapOptional("callbacks", D.Callbacks);
    Io.mapOptional("task_flags_field", D.TaskFlagsField);
    Io.mapOptional("context_tests", D.ContextTests);
    Io.mapOptional("runs_in", D.RunsInRules);
    Io.mapOptional("warnings", D.Warnings);
    Io.mapOptional("last_reference_tests", D.LastReferenceTests);
    Io.mapOptional("reference_gets", D.ReferenceGets);
    Io.mapOptional("release_file_args", D.ReleaseFileArgs);
  }
};
} // namespace yaml
} // namespace llvm

static void diagToString(const SMDiagnostic &Diag, void *Ctx) {
  raw_string_ostream OS(*static_cast<std::string *>(Ctx));
  Diag.print(nullptr, OS, /*ShowColors=*/false);
}

static Error readDocument(StringRef Text, StringRef BufferName,
                          ReadContext &Ctx, RuleDocument &Doc) {
  std::string Diags;
  auto Buffer = MemoryBuffer::getMemBuffer(Text, BufferName);
  yaml::Input In(Buffer->getMemBufferRef(), &Ctx, diagToString, &Diags);
  In >> Doc;
  if (In.error()) {
    if (Diags.empty())
      Diags = (BufferName + ": error: not a rules document").str();
    return createStringError(inconvertibleErrorCode(), "%s",
                             StringRef(Diags).rtrim().str().c_str());
  }
  return Error::success();
}

Error Rules::collectKinds(StringRef Text, StringRef BufferName) {
  RuleDocument Doc;
  ReadContext Ctx{this, /*CheckKinds=*/false};
  // Pass one: kinds only, so a later file's kinds can serve an earlier
  // file's locks.
  if (Error E = readDocument(Text, BufferName, Ctx, Doc))
    return E;
  append_range(Kinds, Doc.Kinds);
  reindex();
  return Error::success();
}

Expected<Rules> Rules::loadDirectory(StringRef Dir) {
  std::vector<std::string> Files;
  std::error_code EC;
  if (!sys::fs::is_directory(Dir))
    return createStringError(inconvertibleErrorCode(),
                             "%s: error: rules directory not found",
                             Dir.str().c_str());
  for (sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC))
    if (StringRef(It->path()).ends_with(".yaml"))
      Files.push_back(It->path());
  if (EC)
    return createStringError(EC, "%s: error: %s", Dir.str().c_str(),
                             EC.message().c_str());
  if (Files.empty())
    return createStringError(inconvertibleErrorCode(),
                             "%s: error: no *.yaml rule files",
                             Dir.str().c_str());
  llvm::sort(Files);

  std::vector<std::unique_ptr<MemoryBuffer>> Buffers;
  Rules R;
  SHA1 Source;
  for (const std::string &F : Files) {
    auto Buf = MemoryBuffer::getFile(F);
    if (!Buf)
      return createStringError(Buf.getError(), "%s: error: %s", F.c_str(),
                               Buf.getError().message().c_str());
    if (Error E = R.collectKinds((*Buf)->getBuffer(), F))
      return E;
    Source.update(sys::path::filename(F).str() + ";" +
                  std::to_string((*Buf)->getBufferSize()) + ";");
    Source.update((*Buf)->getBuffer());
    Buffers.push_back(std::move(*Buf));
  }
  for (size_t I = 0; I < Files.size(); ++I) {
    RuleDocument Doc;
    ReadContext Ctx{&R, /*CheckKinds=*/true};
    if (Error E = readDocument(Buffers[I]->getBuffer(), Files[I], Ctx, Doc))
      return E;
    append_range(R.SyncVariants, Doc.SyncVariants);
    append_range(R.ExportMacros, Doc.ExportMacros);
    append_range(R.CompleteFunctions, Doc.CompleteFunctions);
    append_range(R.WaitFunctions, Doc.WaitFunctions);
    append_range(R.ExitRoots, Doc.ExitRoots);
    for (const Identifier &I : Doc.CurrentTask)
      R.CurrentTask.push_back(I.Name);
    append_range(R.Barriers, Doc.Deferring);
    append_range(R.Barriers, Doc.Terminal);
    if (Doc.CompleteDepth)
      R.CompleteDepth = *Doc.CompleteDepth;
    if (Doc.MaxFieldTargets)
      R.MaxFieldTargets = *Doc.MaxFieldTargets;
    if (Doc.MaxLocalFieldTargets)
      R.MaxLocalFieldTargets = *Doc.MaxLocalFieldTargets;
    if (Doc.MaxIndirectCalls)
      R.MaxIndirectCalls = *Doc.MaxIndirectCalls;
    append_range(R.Locks, Doc.Locks);
    append_range(R.Callbacks, Doc.Callbacks);
    if (Doc.TaskFlagsField)
      R.TaskFlagsField = *Doc.TaskFlagsField;
    append_range(R.ContextTests, Doc.ContextTests);
    append_range(R.RunsInRules, Doc.RunsInRules);
    for (const Identifier &I : Doc.Warnings)
      R.Warnings.push_back(I.Name);
    append_range(R.LastReferenceTests, Doc.LastReferenceTests);
    for (const Identifier &I : Doc.ReferenceGets)
      R.ReferenceGets.push_back(I.Name);
    append_range(R.ReleaseFileArgs, Doc.ReleaseFileArgs);
  }
  bool HasFlagTest = any_of(R.ContextTests, [](const ContextTest &T) {
    return !T.Flag.empty();
  });
  if (HasFlagTest && (R.CurrentTask.empty() ||
                      !StringRef(R.TaskFlagsField).contains('.')))
    return createStringError(
        inconvertibleErrorCode(),
        "%s: error: context tests on flags need 'current_task' and "
        "'task_flags_field' (struct.field)",
        Dir.str().c_str());
  if (R.SyncVariants.empty())
    return createStringError(inconvertibleErrorCode(),
                             "%s: error: no sync_variants in any rule file",
                             Dir.str().c_str());
  R.SourceDigest = toHex(Source.final());
  R.reindex();
  return R;
}

void Rules::reindex() {
  LockIndex.clear();
  KindIndex.clear();
  // Name lists become sets: the checks ask about every call of a whole tree.
  auto Fill = [](StringSet<> &Set, const std::vector<std::string> &Names) {
    Set.clear();
    for (const std::string &N : Names)
      Set.insert(N);
  };
  Fill(SyncSet, SyncVariants);
  Fill(ExportSet, ExportMacros);
  Fill(CompleteSet, CompleteFunctions);
  Fill(WaitSet, WaitFunctions);
  Fill(ExitSet, ExitRoots);
  Fill(BarrierSet, Barriers);
  Fill(LastRefSet, LastReferenceTests);
  Fill(CurrentSet, CurrentTask);
  Fill(GetSet, ReferenceGets);
  Fill(WarnSet, Warnings);
  FileArgIndex.clear();
  for (const ReleaseFileArg &A : ReleaseFileArgs)
    FileArgIndex[A.Name] = A.Arg; // A later file's entry wins.
  for (unsigned I = 0; I < Locks.size(); ++I)
    LockIndex.try_emplace(Locks[I].Name, I);
  for (unsigned I = 0; I < Kinds.size(); ++I)
    KindIndex.try_emplace(Kinds[I].Name, I);
  TestIndex.clear();
  for (unsigned I = 0; I < ContextTests.size(); ++I)
    TestIndex.try_emplace(ContextTests[I].name(), I);
  RunsInIndex.clear();
  for (unsigned I = 0; I < RunsInRules.size(); ++I)
    RunsInIndex[RunsInRules[I].Function] = I; // A later file's entry wins.
}

bool Rules::isWarning(StringRef Name) const { return WarnSet.count(Name); }

unsigned Rules::runsIn(StringRef Name) const {
  auto It = RunsInIndex.find(Name);
  return It == RunsInIndex.end() ? CtxAll : RunsInRules[It->second].Contexts;
}

const ContextTest *Rules::contextTest(StringRef Name) const {
  auto It = TestIndex.find(Name);
  return It == TestIndex.end() ? nullptr : &ContextTests[It->second];
}

unsigned fputcheck::contextBit(CallbackContext C) {
  switch (C) {
  case CallbackContext::HardIrq:
    return CtxHardIrq;
  case CallbackContext::SoftIrq:
    return CtxSoftIrq;
  case CallbackContext::Task:
    return CtxTask;
  case CallbackContext::Workqueue:
    return CtxWorkqueue;
  case CallbackContext::Kthread:
    return CtxKthread;
  }
  return CtxTask;
}

void Rules::addSyncVariant(StringRef Name) {
  if (!isSyncVariant(Name)) {
    SyncVariants.push_back(Name.str());
    SyncSet.insert(Name);
  }
}

bool Rules::isSyncVariant(StringRef N) const { return SyncSet.contains(N); }
bool Rules::isExportMacro(StringRef N) const { return ExportSet.contains(N); }
bool Rules::isWaitFunction(StringRef N) const { return WaitSet.contains(N); }
bool Rules::isCompleteFunction(StringRef N) const {
  return CompleteSet.contains(N);
}
bool Rules::isLastReferenceTest(StringRef N) const {
  return LastRefSet.contains(N);
}
bool Rules::isReferenceGet(StringRef N) const { return GetSet.contains(N); }
int Rules::releaseFileArg(StringRef N) const {
  auto It = FileArgIndex.find(N);
  return It == FileArgIndex.end() ? 0 : It->second;
}
bool Rules::isExitRoot(StringRef N) const { return ExitSet.contains(N); }
bool Rules::isCurrentTask(StringRef N) const { return CurrentSet.contains(N); }
StringRef Rules::currentTaskName() const {
  return CurrentTask.empty() ? StringRef() : StringRef(CurrentTask.front());
}
bool Rules::isBarrier(StringRef N) const {
  // --assume-sync fput asks what happens if fput stops deferring: then it is
  // a sync variant, and its callees are followed like any other.
  return BarrierSet.contains(N) && !isSyncVariant(N);
}

const LockPrimitive *Rules::lockPrimitive(StringRef Name) const {
  auto It = LockIndex.find(Name);
  return It == LockIndex.end() ? nullptr : &Locks[It->second];
}

const LockKind *Rules::lockKind(StringRef Name) const {
  auto It = KindIndex.find(Name);
  return It == KindIndex.end() ? nullptr : &Kinds[It->second];
}

const CallbackRule *Rules::callbackForArg(StringRef Callee,
                                          unsigned Arg) const {
  for (const CallbackRule &C : Callbacks)
    if (C.Call == Callee && C.Arg == static_cast<int>(Arg))
      return &C;
  return nullptr;
}

const CallbackRule *Rules::callbackForField(StringRef Struct,
                                            StringRef Field) const {
  for (const CallbackRule &C : Callbacks)
    if (!C.Struct.empty() && C.Struct == Struct && C.Field == Field)
      return &C;
  return nullptr;
}

std::string Rules::extractionFingerprint() const {
  // Only what per-TU extraction reads: lock primitives and kinds, export
  // macros, the names of the running task. Sync variants, roots and
  // callbacks are applied after linking, so --assume-sync never invalidates
  // stored summaries.
  SHA1 H;
  for (const LockKind &K : Kinds)
    H.update(K.Name + "/" + std::to_string(int(K.Context)) + ";");
  for (const LockPrimitive &L : Locks)
    H.update(L.Name + "/" + std::to_string(int(L.Op)) + "/" + L.Kind + "/" +
             std::to_string(L.Arg) + "/" + std::to_string(int(L.Success)) +
             ";");
  for (const std::string &M : ExportMacros)
    H.update(M + ";");
  // Context tests are read at branches; what they mean (true_in) is applied
  // after linking.
  H.update("flags:" + TaskFlagsField + ";");
  for (const ContextTest &T : ContextTests)
    H.update("test:" + T.Flag + "/" + T.Macro + ";");
  for (const std::string &N : LastReferenceTests)
    H.update("last:" + N + ";");
  for (const std::string &N : ReferenceGets)
    H.update("get:" + N + ";");
  for (const std::string &N : Warnings)
    H.update("warn:" + N + ";");
  H.update("current_task;");
  for (const std::string &C : CurrentTask)
    H.update(C + ";");
  return toHex(H.final());
}

std::string Rules::reachFingerprint() const {
  // Sets, so their order in the YAML files does not matter.
  auto Sorted = [](std::vector<std::string> V) {
    llvm::sort(V);
    return V;
  };
  SHA1 H;
  for (const std::string &S : Sorted(SyncVariants))
    H.update("sync:" + S + ";");
  for (const std::string &B : Sorted(Barriers))
    H.update("barrier:" + B + ";");
  // Stores into callback fields are not call edges.
  std::vector<std::string> Fields;
  for (const CallbackRule &C : Callbacks)
    if (!C.Struct.empty())
      Fields.push_back(C.Struct + "." + C.Field);
  for (const std::string &F : Sorted(Fields))
    H.update("callback:" + F + ";");
  // A release of a file with an extra reference is not an edge.
  std::vector<std::string> FileArgs;
  for (const auto &A : FileArgIndex)
    FileArgs.push_back(A.getKey().str() + "/" + std::to_string(A.getValue()));
  for (const std::string &A : Sorted(FileArgs))
    H.update("filearg:" + A + ";");
  H.update("indirect:" + std::to_string(MaxIndirectCalls) + ";");
  H.update("targets:" + std::to_string(MaxFieldTargets) + ";");
  H.update("local-targets:" + std::to_string(MaxLocalFieldTargets) + ";");
  return toHex(H.final());
}

std::string Rules::resultFingerprint() const {
  if (SourceDigest.empty())
    return "";
  // The files say everything but what was changed after reading them:
  // --assume-sync adds sync variants, and the other fingerprints cover
  // whatever else a caller may have set.
  std::vector<std::string> Sync = SyncVariants;
  llvm::sort(Sync);
  SHA1 H;
  H.update(SourceDigest + ";");
  for (const std::string &S : Sync)
    H.update("sync:" + S + ";");
  H.update(extractionFingerprint() + ";" + reachFingerprint());
  return toHex(H.final());
}
