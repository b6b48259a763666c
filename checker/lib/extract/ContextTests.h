//===- ContextTests.h - What branches say about the running context -*- C++ -*-===//
//
// Kernel code states where a call may run by testing the context first:
//   if (!(current->flags & PF_WQ_WORKER)) { WARN_ON_ONCE(1); return; }
//   BUG_ON(!(task->flags & PF_KTHREAD));
// A call behind such a test runs only where it holds. This reads the tests
// the rules name (context_tests) out of branch conditions and computes, for
// every CFG block, the facts that hold on every path reaching it. A
// reference-count test (`if (atomic_dec_and_test(&files->count))`) is read
// the same way: the call behind it runs only for the last reference. A fact is
// "+NAME" (the test is true) or "-NAME" (false); what a test means (which
// contexts it is true in) is applied after linking.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_EXTRACT_CONTEXTTESTS_H
#define FPUTCHECK_EXTRACT_CONTEXTTESTS_H

#include "fputcheck/Rules.h"
#include "clang/AST/Decl.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseMap.h"
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace clang {
class SourceManager;
class LangOptions;
} // namespace clang

namespace fputcheck {

using FactSet = std::set<std::string>;

class TagTestReader;
class FieldTestReader;

class ContextTestReader {
public:
  ContextTestReader(const Rules &R, const clang::SourceManager &SM,
                    const clang::LangOptions &LO)
      : R(R), SM(SM), LO(LO) {}

  /// The fact that holds when \p Cond is nonzero, if it is a context test
  /// (possibly negated, inside unlikely(), or stored in a local first:
  /// WARN_ON_ONCE()'s `__ret_warn_once`).
  std::optional<std::string> factWhenTrue(const clang::Expr *Cond) const;
  /// The facts that hold on each edge of a branch on \p Cond: what
  /// factWhenTrue() says for the true edge and its negation for the false
  /// one, and also what holds on one edge only. A helper that returns a
  /// context test among others (`return (current->flags & (PF_KTHREAD |
  /// PF_EXITING)) || dying;`) is read through its one return statement:
  /// where it returned zero, the task is no kthread.
  struct EdgeFacts {
    FactSet True, False;
  };
  EdgeFacts edgeFacts(const clang::Expr *Cond) const;
  /// The context facts that hold once the call \p CE returns: a callee in
  /// this TU whose every return is behind a context test of a task it was
  /// given as `current` (to_kthread(current)'s
  /// `WARN_ON(!(k->flags & PF_KTHREAD))`). Empty for most calls.
  FactSet factsAfterCall(const clang::CallExpr *CE) const;
  /// Whether \p B, a block that never returns, ends the machine (panic(),
  /// __builtin_unreachable(): rules terminal) rather than in a call that
  /// runs on (do_exit()).
  bool endsInTerminal(const clang::CFGBlock &B) const;
  /// Whether \p B is the branch of a warning macro (rules: warnings) whose
  /// condition is a context test: its warning path is the bug the code
  /// states, and context facts do not follow it.
  bool isWarningBranch(const clang::CFGBlock &B) const;
  /// Remembers a local initialised with a context test.
  void noteVar(const clang::VarDecl *VD, const clang::Expr *Init);
  /// Reads tests of a parameter's tag too (ObjectTags.h) through \p T.
  void readTags(const TagTestReader *T) { Tags = T; }
  /// Reads null tests of a parameter's pointer field too (FieldStates.h).
  void readFields(const FieldTestReader *F) { Fields = F; }

private:
  /// The rules' macro \p E is the whole expansion of, or empty.
  std::string wholeMacro(const clang::Expr *E) const;
  /// Whether \p E is `current->flags` (or a local holding current).
  bool isTaskFlags(const clang::Expr *E) const;
  bool isCurrent(const clang::Expr *E) const;
  /// The rules' flag macro \p E was spelled as, or empty.
  std::string flagMacro(const clang::Expr *E) const;
  /// edgeFacts() of \p C, \p Depth helper calls deep: inside a helper only
  /// context tests count (its parameters' tags and fields are not the
  /// caller's).
  EdgeFacts edgeFactsIn(const clang::Expr *C, unsigned Depth) const;

  const Rules &R;
  const clang::SourceManager &SM;
  const clang::LangOptions &LO;
  llvm::DenseMap<const clang::VarDecl *, std::string> VarFacts;
  llvm::DenseMap<const clang::VarDecl *, bool> CurrentVars;
  /// Parameters the caller passed `current` for (factsAfterCall()).
  llvm::DenseMap<const clang::ParmVarDecl *, bool> CurrentParams;
  /// How many calls deep factsAfterCall() is.
  unsigned CallDepth = 0;
  mutable std::map<std::pair<const clang::FunctionDecl *, unsigned>, FactSet>
      AfterCalls;
  const TagTestReader *Tags = nullptr;
  const FieldTestReader *Fields = nullptr;
};

/// Facts "+last:NAME": the call runs only when NAME() (rules:
/// last_reference_tests) says the last reference was dropped.
extern const char *const LastRefPrefix;

/// "-NAME" for "+NAME" and back.
std::string negateFact(const std::string &Fact);

/// Per CFG block (by ID): the facts that hold on every path from the entry,
/// or nullopt for a block no path reaches. Blocks ending in a noreturn call
/// (BUG()) pass nothing on.
/// With \p AfterCalls, each call that comes after a fact-giving call in its
/// own block (ContextTestReader::factsAfterCall()) gets those facts there.
std::vector<std::optional<FactSet>>
mustFacts(const clang::CFG &Cfg, ContextTestReader &Reader,
          std::map<const clang::Stmt *, FactSet> *AfterCalls = nullptr);

} // namespace fputcheck

#endif
