//===- Rules.h - Kernel names as data ---------------------------*- C++ -*-===//
//
// Every kernel name the checker knows (sync variants, lock primitives, export
// macros, wait functions, context roots) comes from rules/*.yaml. The C++ code
// only knows the *shapes* these names take; keeping the names out of the code
// lets a maintainer teach the checker a new lock without a rebuild.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_RULES_H
#define FPUTCHECK_RULES_H

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace fputcheck {

enum class LockOp { Acquire, Release, TryAcquire };

/// Where a held lock puts the code: a spinning context (sleeping is a bug) or
/// a sleeping lock (a ->release that takes it deadlocks).
enum class LockContext { Atomic, Sleeping };

/// What a trylock returns on success: most return nonzero, down_trylock()
/// returns zero.
enum class TrySuccess { NonZero, Zero };

/// The context a registered callback starts in. Work items run in a
/// workqueue worker (a kthread with PF_WQ_WORKER), kthread functions in a
/// kthread, task_work in the task that queued it; all three are process
/// context that starts with nothing held ("async" is the older spelling of
/// "task").
enum class CallbackContext { HardIrq, SoftIrq, Task, Workqueue, Kthread };

/// Contexts code can run in, as bits of a mask: what a context test
/// (rules: context_tests) says about the running code is a set of these.
enum ContextBit : unsigned {
  CtxTask = 1u << 0,      // plain process context: a system call, task_work
  CtxWorkqueue = 1u << 1, // a workqueue worker
  CtxKthread = 1u << 2,   // a kernel thread that is not a workqueue worker
  CtxHardIrq = 1u << 3,
  CtxSoftIrq = 1u << 4,
  CtxAll = (1u << 5) - 1,
};
unsigned contextBit(CallbackContext C);

struct LockKind {
  std::string Name;
  LockContext Context = LockContext::Atomic;
  /// Human wording, e.g. "spinlock", "RCU read-side critical section".
  std::string Description;
};

struct LockPrimitive {
  std::string Name;
  LockOp Op = LockOp::Acquire;
  std::string Kind;
  /// Index of the argument that names the lock, or -1 when the primitive
  /// acts on a per-CPU state (preemption, irqs, bottom halves, RCU).
  int Arg = -1;
  TrySuccess Success = TrySuccess::NonZero;
};

/// A function reference handed to \c Call as argument \c Arg, or stored into
/// \c Struct.Field, starts in \c Context rather than being called in place.
struct CallbackRule {
  std::string Call;
  int Arg = -1;
  std::string Struct;
  std::string Field;
  CallbackContext Context = CallbackContext::Task;
};

/// Argument \c Arg of a release function (a sync variant, or one assumed
/// synchronous) is the file it releases; -1 when it takes none (a
/// descriptor). Functions not listed release their first argument.
struct ReleaseFileArg {
  std::string Name;
  int Arg = 0;
};

/// A test of the running context that a branch condition can make. Code
/// behind `if (!(current->flags & PF_WQ_WORKER)) { WARN_ON_ONCE(1); return; }`
/// runs only in a workqueue worker; the kernel states where a call may run
/// this way, and chains that cannot run there are not real.
struct ContextTest {
  /// A flag macro tested against the current task's flags field...
  std::string Flag;
  /// ...or a macro that is the whole test (in_task()).
  std::string Macro;
  /// Contexts (ContextBit mask) in which the test is true.
  unsigned TrueIn = 0;
  const std::string &name() const { return Flag.empty() ? Macro : Flag; }
};

/// A function that runs, or does the work a chain passes through, only in
/// some contexts whatever its callers: the boot code that runs as the idle
/// task (a kernel thread), a release a kernel thread never gets to do. A
/// chain entering it continues only in those contexts, and what it calls
/// runs in them.
struct RunsIn {
  std::string Function;
  /// Contexts (ContextBit mask).
  unsigned Contexts = 0;
};

class Rules {
public:
  /// Reads every *.yaml file in \p Dir in name order. Errors carry
  /// "FILE:LINE:COL: error: ..." so a broken rule points at itself.
  static llvm::Expected<Rules> loadDirectory(llvm::StringRef Dir);

  void addSyncVariant(llvm::StringRef Name);
  bool isSyncVariant(llvm::StringRef Name) const;
  bool isExportMacro(llvm::StringRef Name) const;
  bool isCompleteFunction(llvm::StringRef Name) const;
  bool isWaitFunction(llvm::StringRef Name) const;
  bool isExitRoot(llvm::StringRef Name) const;
  /// \p Name spells the running task: the accessor function a call of
  /// which yields it (get_current()), or the macro over that call
  /// (current), as it appears in macro arguments.
  bool isCurrentTask(llvm::StringRef Name) const;
  /// How keys and findings spell the running task (the first
  /// current_task name), or "" when the rules name none.
  llvm::StringRef currentTaskName() const;
  /// A chain does not continue into \p Name: it defers its release (fput)
  /// or never returns (panic).
  bool isBarrier(llvm::StringRef Name) const;
  const LockPrimitive *lockPrimitive(llvm::StringRef Name) const;
  const LockKind *lockKind(llvm::StringRef Name) const;
  /// Callback rule for argument \p Arg of a call to \p Callee, if any.
  const CallbackRule *callbackForArg(llvm::StringRef Callee, unsigned Arg) const;
  /// Callback rule for a store into \p Struct.\p Field, if any.
  const CallbackRule *callbackForField(llvm::StringRef Struct,
                                       llvm::StringRef Field) const;

  const std::vector<std::string> &syncVariants() const { return SyncVariants; }
  const std::vector<std::string> &exitRoots() const { return ExitRoots; }
  const std::vector<LockKind> &lockKinds() const { return Kinds; }
  const std::vector<LockPrimitive> &lockPrimitives() const { return Locks; }
  const std::vector<CallbackRule> &callbacks() const { return Callbacks; }
  /// Returns nonzero when its caller dropped the last reference
  /// (atomic_dec_and_test()); calls behind it run only then.
  bool isLastReferenceTest(llvm::StringRef Name) const;
  /// Takes a reference on the file that is its first argument (get_file()).
  bool isReferenceGet(llvm::StringRef Name) const;
  /// Which argument of release function \p Name is the file, or -1.
  int releaseFileArg(llvm::StringRef Name) const;
  /// The context test named \p Name (a flag or a macro), if any.
  const ContextTest *contextTest(llvm::StringRef Name) const;
  /// The contexts function \p Name runs in whatever its callers (rules:
  /// runs_in), or CtxAll when the rules say nothing of it.
  unsigned runsIn(llvm::StringRef Name) const;
  bool isWarning(llvm::StringRef Name) const;
  /// Stable digest of everything extraction depends on, for cache keys.
  std::string extractionFingerprint() const;
  /// Stable digest of everything that decides which functions reach a sync
  /// variant over a linked program (Facts.h).
  std::string reachFingerprint() const;
  /// Stable digest of the rules as a whole, for results computed from
  /// them (stored findings): the files they were read from, by content,
  /// and what was added since (--assume-sync). Empty for rules not read
  /// from files (a test's), whose results are never stored. Change loaded
  /// rules only through addSyncVariant(): other members set by hand are
  /// seen only as far as extractionFingerprint() and reachFingerprint()
  /// cover them.
  std::string resultFingerprint() const;

  // Filled by the YAML reader.
  std::vector<std::string> SyncVariants;
  std::vector<std::string> ExportMacros;
  std::vector<std::string> CompleteFunctions;
  /// Block until a completion is signalled (wait_for_completion()).
  std::vector<std::string> WaitFunctions;
  std::vector<std::string> ExitRoots;
  /// Names of the running task (see isCurrentTask()).
  std::vector<std::string> CurrentTask;
  /// "deferring" and "terminal" functions, whose callees chains skip.
  std::vector<std::string> Barriers;
  /// How many calls away a complete function may be for a callee to count
  /// as completing: 0 only complete() itself, 1 also a helper calling it.
  unsigned CompleteDepth = 1;
  /// A call through Struct.Field is followed only when at most this many
  /// functions are stored into that field tree-wide (0: no limit).
  unsigned MaxFieldTargets = 0;
  /// ...unless every store into it is made in the directory of the calling
  /// function (a subsystem's own dispatch, io_uring's task work) and there
  /// are at most this many (0: no such exception).
  unsigned MaxLocalFieldTargets = 0;
  /// How many calls through struct fields one chain may contain.
  unsigned MaxIndirectCalls = ~0u;
  std::vector<LockKind> Kinds;
  std::vector<LockPrimitive> Locks;
  std::vector<CallbackRule> Callbacks;
  /// The task's flags field, "struct.field" (task_struct.flags).
  std::string TaskFlagsField;
  std::vector<ContextTest> ContextTests;
  std::vector<RunsIn> RunsInRules;
  /// Macros that warn of a state the code treats as a bug and go on
  /// (WARN_ON()); a context test in one is read as an assertion.
  std::vector<std::string> Warnings;
  std::vector<std::string> LastReferenceTests;
  std::vector<std::string> ReferenceGets;
  std::vector<ReleaseFileArg> ReleaseFileArgs;

private:
  llvm::Error collectKinds(llvm::StringRef Text, llvm::StringRef BufferName);
  void reindex();
  /// SHA1 of the rule files read, empty when none were.
  std::string SourceDigest;
  llvm::StringMap<unsigned> LockIndex;
  llvm::StringMap<unsigned> KindIndex;
  llvm::StringMap<unsigned> TestIndex;
  llvm::StringMap<unsigned> RunsInIndex;
  llvm::StringMap<int> FileArgIndex;
  llvm::StringSet<> SyncSet, ExportSet, CompleteSet, WaitSet, ExitSet,
      BarrierSet, LastRefSet, CurrentSet, GetSet, WarnSet;
};

} // namespace fputcheck

#endif
