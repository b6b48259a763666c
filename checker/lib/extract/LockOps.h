//===- LockOps.h - What a call or a lock macro does to locks ----*- C++ -*-===//
//
// A call of a lock primitive (rules) acquires, releases or tries the lock its
// argument names; a call of a function defined in this TU applies that
// function's net effect (TUServices::effectsOf()) with the call's arguments
// for its parameters; an expanded lock macro (preempt_disable(), or a
// primitive that is a macro in this configuration) acts like the primitive
// of its name. Each operation names its lock in the calling function's keys.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_EXTRACT_LOCKOPS_H
#define FPUTCHECK_EXTRACT_LOCKOPS_H

#include "extract/FunctionAnalyzer.h"
#include "clang/AST/Expr.h"
#include <string>
#include <vector>

namespace fputcheck {

/// A lock operation as it applies at one call or macro: the lock's key and
/// text are the calling function's.
struct AppliedOp {
  LockOp Op;
  TrySuccess Success;
  std::string Key, Text, Kind, Primitive;
};

/// The lock operations of \p CE, a call in \p FD, in the order they happen.
/// None for a call of \p FD itself: recursion has no effect of its own.
std::vector<AppliedOp> callLockOps(const clang::CallExpr *CE,
                                   const clang::FunctionDecl *FD,
                                   TUServices &TU);

/// The lock operation of the lock macro \p U, expanded in \p FD.
AppliedOp macroLockOp(const MacroLockUse &U, const clang::FunctionDecl *FD,
                      const Rules &R);

} // namespace fputcheck

#endif
