//===- ObjectStores.cpp - Which tables the objects in a field point to ----===//

#include "extract/ObjectStores.h"
#include "extract/GlobalTables.h"
#include "extract/InitFields.h"
#include "extract/LocalWrites.h"
#include "extract/StructName.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <map>

using namespace clang;
using namespace fputcheck;

namespace {

/// A pointer to a const struct: a table of functions (`const struct
/// rpc_xprt_ops *ops`), which an object is given once and calls go through.
bool isTablePointer(const FieldDecl *F) {
  QualType P = F->getType()->getPointeeType();
  return !P.isNull() && P.isConstQualified() && P->isRecordType();
}

std::string fieldName(const FieldDecl *F) {
  return structName(F->getParent()) + "." + F->getName().str();
}

std::string viaKey(const FieldDecl *Holder, const FieldDecl *Inner) {
  return fieldName(Holder) + ">" + fieldName(Inner);
}

/// The local variable (or parameter) \p E names, if it names one.
const VarDecl *localOf(const Expr *E) {
  const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenCasts());
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  return VD && VD->hasLocalStorage() ? VD : nullptr;
}

/// The constant table \p E is the address of, if it is one.
const VarDecl *tableAddress(const Expr *E) {
  const auto *UO = dyn_cast<UnaryOperator>(E->IgnoreParenCasts());
  if (!UO || UO->getOpcode() != UO_AddrOf)
    return nullptr;
  const auto *DRE = dyn_cast<DeclRefExpr>(UO->getSubExpr()->IgnoreParens());
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  return isConstantTable(VD) ? VD : nullptr;
}

/// (local, table-pointer field of what it points to) -> the table
/// assigned there, null for something else.
using Tracked =
    std::map<std::pair<const VarDecl *, const FieldDecl *>, const VarDecl *>;

void forgetLocal(Tracked &T, const Decl *D) {
  for (auto It = T.begin(); It != T.end();)
    It = It->first.first == D ? T.erase(It) : std::next(It);
}

/// Forgets what statement \p S may change: a tracked local assigned or its
/// address taken (another object, or written through the address), or a
/// tracked field assigned (inside a branch, so not on every path).
class Forget : public RecursiveASTVisitor<Forget> {
public:
  explicit Forget(Tracked &T) : T(T) {}
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (!BO->isAssignmentOp())
      return true;
    const Expr *L = BO->getLHS()->IgnoreParenCasts();
    if (const VarDecl *V = localOf(L))
      forgetLocal(T, V);
    else if (const auto *ME = dyn_cast<MemberExpr>(L))
      if (const VarDecl *V = localOf(ME->getBase()))
        if (const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl()))
          T.erase({V, F});
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *UO) {
    if (UO->getOpcode() == UO_AddrOf)
      if (const VarDecl *V = localOf(UO->getSubExpr()))
        forgetLocal(T, V);
    return true;
  }

private:
  Tracked &T;
};

class Collector : public RecursiveASTVisitor<Collector> {
public:
  Collector(ASTContext &Ctx, const ObjectStoreSink &Sink)
      : Ctx(Ctx), Sink(Sink) {}
  bool shouldVisitImplicitCode() const { return false; }

  /// Reads a block in order: `V->ops = &table;` statements, then stores of
  /// V into a field, at the same level, with nothing between that changes
  /// V or its ops and no label between. The assignment then runs before the
  /// store on every path to it; a callee V is passed to is assumed not to
  /// change V's tables.
  bool VisitCompoundStmt(CompoundStmt *CS) {
    Tracked Set;
    for (Stmt *S : CS->body()) {
      // A label or a case here is a way in that skips what came before.
      if (isa<LabelStmt, SwitchCase>(S)) {
        Set.clear();
        continue;
      }
      const auto *BO = dyn_cast<BinaryOperator>(S);
      if (BO && BO->getOpcode() == BO_Assign) {
        const Expr *L = BO->getLHS()->IgnoreParenCasts();
        if (const VarDecl *V = localOf(L)) {
          forgetLocal(Set, V);
          continue;
        }
        if (const auto *ME = dyn_cast<MemberExpr>(L)) {
          const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl());
          const VarDecl *V = ME->isArrow() ? localOf(ME->getBase()) : nullptr;
          if (F && V && isTablePointer(F)) {
            Set[{V, F}] = tableAddress(BO->getRHS());
            continue;
          }
          if (const VarDecl *Stored = localOf(BO->getRHS()))
            for (const auto &[K, Table] : Set)
              if (K.first == Stored)
                Shown[BO].push_back({K.second, Table});
        }
      }
      // Most blocks track nothing: no need to read their statements twice.
      if (!Set.empty())
        Forget(Set).TraverseStmt(S);
    }
    return true;
  }

  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() != BO_Assign)
      return true;
    const auto *ME = dyn_cast<MemberExpr>(BO->getLHS()->IgnoreParenCasts());
    if (!ME)
      return true;
    const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (F && !isNull(BO->getRHS()))
      store(F, Shown.lookup(BO));
    return true;
  }

  bool VisitInitListExpr(InitListExpr *Visited) {
    forEachInitializedField(Visited, [&](const FieldDecl *F, const Expr *V) {
      if (!isNull(V))
        store(F, {});
    });
    return true;
  }

  /// A field whose address is taken may be written through it
  /// (WRITE_ONCE(), rcu_assign_pointer(), xchg()): a store that shows
  /// nothing.
  bool VisitUnaryOperator(UnaryOperator *UO) {
    if (UO->getOpcode() != UO_AddrOf)
      return true;
    if (const auto *ME = dyn_cast<MemberExpr>(UO->getSubExpr()->IgnoreParens()))
      if (const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl()))
        store(F, {});
    return true;
  }

private:
  using Shows =
      llvm::SmallVector<std::pair<const FieldDecl *, const VarDecl *>, 2>;

  bool isNull(const Expr *E) const {
    return E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull) !=
           Expr::NPCK_NotNull;
  }

  /// The table-pointer fields of the struct that holder field \p F points
  /// to; none when it points to no struct.
  const llvm::SmallVector<const FieldDecl *, 2> &
  tableFields(const FieldDecl *F) {
    static const llvm::SmallVector<const FieldDecl *, 2> None;
    QualType P = F->getType()->getPointeeType();
    const RecordDecl *RD = P.isNull() ? nullptr : P->getAsRecordDecl();
    if (!RD || !(RD = RD->getDefinition()))
      return None;
    auto [It, New] = Fields.try_emplace(RD);
    if (New)
      for (const FieldDecl *Inner : RD->fields())
        if (isTablePointer(Inner))
          It->second.push_back(Inner);
    return It->second;
  }

  void store(const FieldDecl *Holder, const Shows &Known) {
    for (const FieldDecl *Inner : tableFields(Holder)) {
      const VarDecl *Table = nullptr;
      for (const auto &[F, T] : Known)
        if (F == Inner)
          Table = T;
      Sink(viaKey(Holder, Inner), Table);
    }
  }

  ASTContext &Ctx;
  const ObjectStoreSink &Sink;
  llvm::DenseMap<const BinaryOperator *, Shows> Shown;
  llvm::DenseMap<const RecordDecl *, llvm::SmallVector<const FieldDecl *, 2>>
      Fields;
};

} // namespace

std::string fputcheck::viaOf(const Expr *Base, const FunctionDecl *FD) {
  const auto *Inner = dyn_cast<MemberExpr>(Base->IgnoreParenImpCasts());
  const auto *FI =
      Inner ? dyn_cast<FieldDecl>(Inner->getMemberDecl()) : nullptr;
  if (!FI || !Inner->isArrow() || !isTablePointer(FI))
    return "";
  const auto *Holder = dyn_cast<MemberExpr>(throughLocal(Inner->getBase(), FD));
  const auto *FH =
      Holder ? dyn_cast<FieldDecl>(Holder->getMemberDecl()) : nullptr;
  if (!FH || FH->getType()->getPointeeType().isNull())
    return "";
  return viaKey(FH, FI);
}

void fputcheck::collectObjectStores(Decl *D, ASTContext &Ctx,
                                    const ObjectStoreSink &Sink) {
  Collector(Ctx, Sink).TraverseDecl(D);
}
