//===- StructName.h - The name a struct field is keyed by -------*- C++ -*-===//
//
// Calls through a field and stores into it meet at link time by
// (struct, field); both sides must name the struct alike, an anonymous
// struct by its typedef.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_EXTRACT_STRUCTNAME_H
#define FPUTCHECK_EXTRACT_STRUCTNAME_H

#include "clang/AST/Decl.h"
#include <string>

namespace fputcheck {

/// The struct's tag, else its typedef's name; empty for neither.
inline std::string structName(const clang::RecordDecl *RD) {
  std::string Name = RD->getName().str();
  if (Name.empty())
    if (const clang::TypedefNameDecl *TD = RD->getTypedefNameForAnonDecl())
      Name = TD->getName().str();
  return Name;
}

} // namespace fputcheck

#endif
