//===- FunctionAnalyzer.h - Locks held at each call -------------*- C++ -*-===//
//
// A forward may-analysis over Clang's CFG: at every call, which locks are held
// on at least one path; and, for each function, its net effect on locks when
// it returns (so lock wrappers such as spin_lock() over _raw_spin_lock(), or a
// guard's constructor, are learned from their bodies and applied at callers).
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_EXTRACT_FUNCTIONANALYZER_H
#define FPUTCHECK_EXTRACT_FUNCTIONANALYZER_H

#include "fputcheck/Rules.h"
#include "fputcheck/Summary.h"
#include "extract/ReturnRanges.h"
#include "clang/AST/Decl.h"
#include "llvm/ADT/DenseMap.h"
#include <functional>
#include <string>
#include <vector>

namespace clang {
class SourceManager;
}

namespace fputcheck {

/// A lock-rule macro expanded at some location (preempt_disable(),
/// local_irq_save(), or a lock primitive that is a macro in this config).
struct MacroLockUse {
  const LockPrimitive *Rule;
  std::vector<std::string> Args;
};

/// Services one function's analysis needs from its translation unit.
class TUServices {
public:
  virtual ~TUServices() = default;
  virtual const Rules &rules() const = 0;
  virtual clang::SourceManager &sourceManager() const = 0;
  /// Net lock effect of a function defined in this TU (memoised; recursion
  /// yields no effect).
  virtual const std::vector<LockEffect> &effectsOf(const clang::FunctionDecl *FD) = 0;
  /// Lock macros expanded at a file location (raw encoding), or null.
  virtual const std::vector<MacroLockUse> *macroUsesAt(unsigned RawLoc) const = 0;
  /// Linkage-aware key of a function (see FunctionSummary::Key).
  virtual std::string functionKey(const clang::FunctionDecl *FD) = 0;
  /// Key of a global variable, made like a function's.
  virtual std::string objectKey(const clang::VarDecl *VD) = 0;
  /// Canonical path of the file holding \p Loc's expansion.
  virtual std::string fileOf(clang::SourceLocation Loc) = 0;
  /// Return ranges of a function whose body this TU holds (memoised), or
  /// null: IS_ERR() and PTR_ERR() are read where they are called.
  virtual const ReturnRanges *rangesOf(const clang::FunctionDecl *FD) = 0;
};

/// Analyses \p FD's body (which must exist): its calls, and its net lock
/// effect (FunctionSummary::Effects).
FunctionSummary analyzeFunction(const clang::FunctionDecl *FD, TUServices &TU);

} // namespace fputcheck

#endif
