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

  const Rules &R;
  const clang::SourceManager &SM;
  const clang::LangOptions &LO;
  llvm::DenseMap<const clang::VarDecl *, std::string> VarFacts;
  llvm::DenseMap<const clang::VarDecl *, bool> CurrentVars;
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
std::vector<std::optional<FactSet>>
mustFacts(const clang::CFG &Cfg, ContextTestReader &Reader);

} // namespace fputcheck

#endif
