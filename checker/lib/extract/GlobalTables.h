//===- GlobalTables.h - Calls through constant global tables ----*- C++ -*-===//
//
// A call through a struct field is a guess (every function ever stored into
// that field) unless the object is known. When it comes from a constant
// global table, as in io_uring's
//     const struct io_issue_def *def = &io_issue_defs[req->opcode];
//     ret = def->issue(req, issue_flags);
// the targets are exactly the functions in that table's initializer, however
// many: the cap on field targets (rules: max_field_targets) is for unknown
// objects, not for this.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_EXTRACT_GLOBALTABLES_H
#define FPUTCHECK_EXTRACT_GLOBALTABLES_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"

namespace fputcheck {

/// A file-scope variable of const type (an array of const structs counts):
/// its initializer is all its fields will ever hold.
bool isConstantTable(const clang::VarDecl *VD);

/// The constant table the object \p Base (of a member call) comes from:
/// `tbl[i]`, `&tbl[i]`, `tbl`, or a local of \p FD initialised from one of
/// these and never assigned again. Null when unknown.
const clang::VarDecl *tableOf(const clang::Expr *Base,
                              const clang::FunctionDecl *FD);

} // namespace fputcheck

#endif
