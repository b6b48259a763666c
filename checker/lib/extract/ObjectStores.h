//===- ObjectStores.h - The tables objects in a field point to -*- C++ -*-===//
//-*-===//
//
// A call through a table pointer of an object loaded from a field,
//     xprt->xpt_bc_xprt->ops->close(xprt->xpt_bc_xprt);
// is a guess when resolved by field alone: every rpc_xprt_ops.close ever
// stored. The objects stored into svc_xprt.xpt_bc_xprt narrow it when each
// store shows which table the object's `ops` points to:
//     xprt->ops = &bc_tcp_ops;
//     ...
//     args->bc_xprt->xpt_bc_xprt = xprt;
// Such a store is an ObjectStore with that table; a store that does not show
// it (the object came from a parameter, a call, an initializer) is one with
// no table, and keeps every call through that field a guess.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_EXTRACT_OBJECTSTORES_H
#define FPUTCHECK_EXTRACT_OBJECTSTORES_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include <functional>
#include <string>

namespace fputcheck {

/// "holder_struct.field>object_struct.field" for a call whose object is
/// `X->Holder->Inner`, or a local initialised from `X->Holder` and never
/// written again, followed by `->Inner`, with Inner a pointer to a const
/// struct (a table of functions). Empty otherwise.
std::string viaOf(const clang::Expr *Base, const clang::FunctionDecl *FD);

/// Reports every store of an object into a pointer field under \p D, once
/// per table-pointer field of the object's struct: (via key, the constant
/// table the store shows that field holding, or null).
using ObjectStoreSink =
    std::function<void(const std::string &Via, const clang::VarDecl *Table)>;
void collectObjectStores(clang::Decl *D, clang::ASTContext &Ctx,
                         const ObjectStoreSink &Sink);

} // namespace fputcheck

#endif
