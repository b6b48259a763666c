//===- LocalAliases.h - Locks named through a local's value -----*- C++ -*-===//
//
// A lock on a local means nothing to a caller, but the local often names an
// object the caller can: a local declared with an initializer and never
// assigned names that object for the whole body. "mm = current->mm" makes
// "%mm.mmap_lock" the running task's "current.mm.mmap_lock", "mm = bprm->mm"
// makes it argument 0's "$0.mm.mmap_lock", and a guard constructor's
// "_t = { .lock = l }, *_T = &_t" makes "%_T.lock" its argument, "$0".
// Field writes through such a local are allowed (they do not change what it
// points to); taking a scalar's address is not (LocalWrites.h).
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_EXTRACT_LOCALALIASES_H
#define FPUTCHECK_EXTRACT_LOCALALIASES_H

#include "extract/LockKey.h"
#include "clang/AST/Decl.h"
#include <map>
#include <optional>
#include <string>

namespace fputcheck {

class Rules;

class LocalAliases {
public:
  /// The locals of \p FD's body that name one object throughout.
  LocalAliases(const clang::FunctionDecl *FD, const Rules &R);

  /// \p Key with its local root replaced by the key of what that local was
  /// initialised with, again while the result is a local's ("%_T.lock" ->
  /// "%_t.lock" -> "$0"); unchanged when no such local is its prefix.
  std::string resolve(LockKey Key) const;

private:
  /// "%mm" -> "current.mm", "%_t.lock" -> "$0": a local's key, or its
  /// field's for an initializer list, to the key of what it was set to.
  std::map<std::string, std::string> Aliases;
};

/// LocalAliases made on first use: most bodies name no lock through a local.
/// The lock analysis and the call recorder name locks through the same
/// locals, so that a lock held as "$0.lock" is the one an argument `l`
/// (`l = &p->lock`) hands to a callee.
class LocalNames {
public:
  LocalNames(const clang::FunctionDecl *FD, const Rules &R) : FD(FD), R(R) {}

  /// \p Key with its local root resolved (LocalAliases::resolve()); a key
  /// that is not a local's comes back unchanged.
  std::string resolve(const std::string &Key);

private:
  const clang::FunctionDecl *FD;
  const Rules &R;
  std::optional<LocalAliases> Aliases;
};

} // namespace fputcheck

#endif
