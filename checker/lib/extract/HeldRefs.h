//===- HeldRefs.h - Extra file references a function holds ------*- C++ -*-===//
//
// fs/nfsd/vfs.c:
//   get_file(fp); filp_close(fp, NULL); __fput_sync(fp);
// filp_close() cannot drop the last reference there: the function took one
// more just before and keeps it until __fput_sync(). This finds, for every
// call, the arguments that are such a variable: a local or parameter that
// got a reference from a rules-named get (reference_gets) on every path to
// the call (a must analysis over the CFG), and that was not used since in a
// way that could let go of that reference. Whether the callee releases the
// argument is decided after linking (CallSite::HeldRefArgs).
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_EXTRACT_HELDREFS_H
#define FPUTCHECK_EXTRACT_HELDREFS_H

#include "fputcheck/Rules.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseMap.h"
#include <vector>

namespace fputcheck {

/// Per call in \p FD's body (whose CFG is \p Cfg), the indices of its
/// arguments on which \p FD holds an extra reference there; calls with none
/// are absent.
llvm::DenseMap<const clang::CallExpr *, std::vector<unsigned>>
heldRefArgs(const clang::FunctionDecl *FD, const clang::CFG &Cfg,
            const Rules &R);

} // namespace fputcheck

#endif
