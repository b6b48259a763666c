//===- LocalAliases.cpp - Locks named through a local's value -------------===//

#include "extract/LocalAliases.h"
#include "extract/LocalWrites.h"
#include "extract/LockExpr.h"

#include "clang/AST/RecursiveASTVisitor.h"
#include <vector>

using namespace clang;
using namespace fputcheck;

LocalAliases::LocalAliases(const FunctionDecl *FD, const Rules &R) {
  struct Finder : RecursiveASTVisitor<Finder> {
    std::map<std::string, std::vector<const VarDecl *>> ByName;
    bool VisitVarDecl(VarDecl *VD) {
      if (VD->isLocalVarDecl() && !VD->isStaticLocal())
        ByName[VD->getNameAsString()].push_back(VD);
      return true;
    }
  } F;
  F.TraverseStmt(FD->getBody());
  llvm::DenseSet<const VarDecl *> Written = writtenLocals(FD);
  for (const auto &[Name, Decls] : F.ByName) {
    // Two locals of one name share a key ("%name"): neither resolves.
    if (Decls.size() != 1 || Written.count(Decls[0]) || !Decls[0]->getInit())
      continue;
    const Expr *Init = Decls[0]->getInit()->IgnoreParenImpCasts();
    if (const auto *ILE = dyn_cast<InitListExpr>(Init)) {
      const RecordDecl *RD = ILE->getType()->getAsRecordDecl();
      if (!RD || RD->isUnion())
        continue;
      unsigned I = 0;
      for (const FieldDecl *Field : RD->fields()) {
        if (I >= ILE->getNumInits())
          break;
        std::string K =
            lockRefFor(ILE->getInit(I++), FD, /*WantText=*/false, &R).Key;
        if (!K.empty() && !Field->getName().empty())
          Aliases[LockKey::local(Name, "." + Field->getName().str())] = K;
      }
      continue;
    }
    std::string K = lockRefFor(Init, FD, /*WantText=*/false, &R).Key;
    if (!K.empty())
      Aliases[LockKey::local(Name)] = K;
  }
}

std::string LocalAliases::resolve(LockKey Key) const {
  std::string Resolved = Key.str().str();
  // "%_T.lock" -> "%_t.lock" -> "$0": a few steps at most; the bound only
  // guards against a cycle.
  for (unsigned Step = 0; Step < 8 && LockKey(Resolved).isLocal(); ++Step) {
    // The longest local prefix names the key best: "%_t.lock" before "%_t".
    const std::pair<const std::string, std::string> *Best = nullptr;
    for (const auto &A : Aliases)
      if (LockKey(A.first).isPrefixOf(Resolved) &&
          (!Best || A.first.size() > Best->first.size()))
        Best = &A;
    if (!Best)
      break;
    Resolved = LockKey(Resolved).rebased(Best->first, Best->second);
  }
  return Resolved;
}

std::string LocalNames::resolve(const std::string &Key) {
  if (Key.empty() || !LockKey(Key).isLocal())
    return Key;
  if (!Aliases)
    Aliases.emplace(FD, R);
  return Aliases->resolve(Key);
}
