//===- InitFields.h - The fields a struct initializer sets ------*- C++ -*-===//
//
// Stores are read from designated initializers too (`.close = xs_close`);
// the visitor sees an initializer's syntactic form, whose designators do not
// say which field each value lands in: the semantic form does.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_EXTRACT_INITFIELDS_H
#define FPUTCHECK_EXTRACT_INITFIELDS_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace fputcheck {

/// Calls \p Each with every field of a struct or union initializer
/// \p Visited (either form) and the value it gets.
inline void forEachInitializedField(
    const clang::InitListExpr *Visited,
    llvm::function_ref<void(const clang::FieldDecl *, const clang::Expr *)>
        Each) {
  const clang::InitListExpr *ILE =
      Visited->isSemanticForm() ? Visited : Visited->getSemanticForm();
  if (!ILE)
    return;
  const clang::RecordDecl *RD = ILE->getType()->getAsRecordDecl();
  if (!RD)
    return;
  if (RD->isUnion()) {
    if (const clang::FieldDecl *F = ILE->getInitializedFieldInUnion();
        F && ILE->getNumInits() == 1)
      Each(F, ILE->getInit(0));
    return;
  }
  unsigned I = 0;
  for (const clang::FieldDecl *F : RD->fields()) {
    if (I >= ILE->getNumInits())
      break;
    Each(F, ILE->getInit(I++));
  }
}

} // namespace fputcheck

#endif
