//===- LocalWrites.h - Locals that change after their initialiser -*- C++ -*-===//
//
// A local declared with an initializer and never written again names one
// object for the whole body: lock keys resolve through it ("mm =
// current->mm") and so do calls through constant tables ("def =
// &io_issue_defs[op]"). This finds the locals for which that fails.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_EXTRACT_LOCALWRITES_H
#define FPUTCHECK_EXTRACT_LOCALWRITES_H

#include "clang/AST/Decl.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace fputcheck {

/// Variables of \p FD's body that are assigned, incremented or decremented,
/// written by an asm statement, or whose address is taken (a struct's address does not count: writes
/// through it change fields, not which object the variable is).
llvm::DenseSet<const clang::VarDecl *>
writtenLocals(const clang::FunctionDecl *FD);

/// What \p E names for the whole body of \p FD: the initializer of a local
/// (not a parameter) that is never written again, else \p E itself; both
/// without parentheses and implicit casts.
const clang::Expr *throughLocal(const clang::Expr *E,
                                const clang::FunctionDecl *FD);
/// The same, with \p Written the function's writtenLocals(), for callers
/// that ask about many expressions of one body.
const clang::Expr *
throughLocal(const clang::Expr *E,
             const llvm::DenseSet<const clang::VarDecl *> &Written);

/// Variables of \p Body whose address is taken or whose value is copied
/// into another variable (assigned, or an initializer): another name may
/// reach what they point to, even one copied before the object changed.
/// May hold null.
llvm::DenseSet<const clang::VarDecl *>
copiedOrAddressed(const clang::Stmt *Body);

/// Calls \p Visit on \p Body and every statement below it until it
/// returns false; returns false then.
bool forEachStmt(const clang::Stmt *Body,
                 llvm::function_ref<bool(const clang::Stmt *)> Visit);

/// Variables of \p Body written other than by an assignment or increment
/// of their name: their address is taken, or an asm statement writes them.
/// What is known of their value holds only until anything runs.
llvm::DenseSet<const clang::VarDecl *>
indirectlyWritten(const clang::Stmt *Body);

} // namespace fputcheck

#endif
