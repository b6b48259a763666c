//===- CallRecorder.h - Call sites and what holds at each -------*- C++ -*-===//
//
// Records every call site of a function for its summary: the callee (a
// function key, or the struct field called through, and the constant table
// the object comes from), the locks that may be held and the caller's locks
// released there, the argument keys and the functions passed as arguments,
// the context tests that hold on every path to it (ContextTests.h), the
// arguments it holds an extra file reference on (HeldRefs.h), and the call
// sites that may run next. A variable's cleanup function (`__free()`, a
// guard's destructor) is a call at the variable's declaration.
//
// It observes the lock transfer's last pass over the fixpoint states, so
// each call is recorded once, with the state on every path that reaches it.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_EXTRACT_CALLRECORDER_H
#define FPUTCHECK_EXTRACT_CALLRECORDER_H

#include "extract/ContextTests.h"
#include "extract/FunctionAnalyzer.h"
#include "extract/LocalAliases.h"
#include "extract/LockTransfer.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseSet.h"
#include <memory>
#include <optional>
#include <vector>

namespace fputcheck {

struct FieldStates;

class CallRecorder : public TransferObserver {
public:
  /// For the body of \p FD, whose CFG is \p Cfg.
  CallRecorder(const clang::FunctionDecl *FD, const clang::CFG &Cfg,
               TUServices &TU);

  void onCall(const clang::CallExpr *CE, const LockState &Before,
              unsigned BlockID) override;
  void onCleanup(const clang::CFGCleanupFunction &CF, const LockState &Before,
                 unsigned BlockID) override;

  /// Links each call site to those that may run next, and moves the sites
  /// into \p Out in source order; call once, after the pass.
  void finish(FunctionSummary &Out);
  ~CallRecorder();

private:
  void recordSite(CallSite C, const LockState &S, unsigned BlockID,
                  const clang::Stmt *At = nullptr);

  const clang::FunctionDecl *FD;
  const clang::CFG &Cfg;
  TUServices &TU;
  const Rules &R;
  const clang::SourceManager &SM;
  /// Argument keys are named through locals as held locks are.
  LocalNames Locals;
  /// Per block: context tests that hold on every path to it.
  std::vector<std::optional<FactSet>> Facts;
  /// Facts an earlier call of the same block gave (to_kthread(current)).
  std::map<const clang::Stmt *, FactSet> AfterCalls;
  /// Per call: arguments the function holds an extra reference on.
  llvm::DenseMap<const clang::CallExpr *, std::vector<unsigned>> HeldRefs;
  /// Pointer fields known set in arguments' objects (FieldStates.h).
  std::unique_ptr<FieldStates> Fields;
  /// Locals (and parameters) the body assigns (LocalWrites.h).
  llvm::DenseSet<const clang::VarDecl *> Written;
  /// Per call whose result goes into container_of(): CallSite::Into.
  llvm::DenseMap<const clang::CallExpr *, std::string> Containers;
  std::vector<CallSite> Sites;
  /// Per block: its call sites (indices into Sites) in order.
  std::vector<std::vector<unsigned>> BlockSites;
};

} // namespace fputcheck

#endif
