//===- ObjectTags.cpp - Objects of many kinds behind one tagged header ----===//

#include "extract/ObjectTags.h"
#include "extract/GlobalTables.h"
#include "extract/InitFields.h"
#include "extract/LocalWrites.h"
#include "extract/StructName.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/STLExtras.h"
#include <algorithm>
#include <map>
#include <set>

using namespace clang;
using namespace fputcheck;

const char *const fputcheck::TagPrefix = "tag:";

namespace {

bool isEnumField(const FieldDecl *F) {
  return F->getType().getCanonicalType()->isEnumeralType();
}

/// "Struct.field", or empty for a field of a struct with no name.
std::string segment(const FieldDecl *F) {
  std::string S = structName(F->getParent());
  return S.empty() || !F->getIdentifier() ? ""
                                          : S + "." + F->getName().str();
}

/// Segments joined outer first; empty if any has no name.
std::string pathOf(llvm::ArrayRef<const FieldDecl *> OuterFirst) {
  std::string Path;
  for (const FieldDecl *F : OuterFirst) {
    std::string S = segment(F);
    if (S.empty())
      return "";
    Path += (Path.empty() ? "" : ">") + S;
  }
  return Path;
}

/// A struct with an enum field: what a tag test can be about.
bool holdsTag(QualType T) {
  const auto *RD = T.getCanonicalType()->getAsRecordDecl();
  RD = RD ? RD->getDefinition() : nullptr;
  return RD && llvm::any_of(RD->fields(), isEnumField);
}

/// Whether the entry field \p X of a constant table's initializer is
/// nonzero, or nullopt when that is not a constant.
std::optional<bool> nonzero(const Expr *X, ASTContext &Ctx) {
  if (!X || isa<ImplicitValueInitExpr>(X))
    return false;
  if (X->getType()->isPointerType()) {
    if (X->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNull))
      return false;
    const Expr *S = X->IgnoreParenImpCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
      if (isa<FunctionDecl>(DRE->getDecl()))
        return true;
    if (const auto *UO = dyn_cast<UnaryOperator>(S);
        UO && UO->getOpcode() == UO_AddrOf)
      return true;
    return std::nullopt;
  }
  Expr::EvalResult R;
  if (X->isValueDependent() || !X->EvaluateAsInt(R, Ctx))
    return std::nullopt;
  return R.Val.getInt() != 0;
}

std::string factText(const std::string &Tag,
                     const std::vector<int64_t> &Values) {
  std::string S = TagPrefix + Tag + "=";
  for (size_t I = 0; I < Values.size(); ++I)
    S += (I ? "," : "") + std::to_string(Values[I]);
  return S;
}

} // namespace

std::optional<TagTest> fputcheck::parseTagFact(llvm::StringRef Fact) {
  if (!Fact.consume_front(TagPrefix) || !Fact.consume_front("$"))
    return std::nullopt;
  auto [ParamText, Rest] = Fact.split('>');
  auto [Path, ValuesText] = Rest.split('=');
  TagTest T;
  if (ParamText.getAsInteger(10, T.Param) || Path.empty())
    return std::nullopt;
  T.Path = Path.str();
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  ValuesText.split(Parts, ',', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef P : Parts) {
    int64_t V;
    if (P.getAsInteger(10, V))
      return std::nullopt;
    T.Values.push_back(V);
  }
  return T;
}

std::string TagTestReader::paramTag(const Expr *E) const {
  std::vector<const FieldDecl *> InnerLast;
  const auto *ME = dyn_cast<MemberExpr>(E->IgnoreParenImpCasts());
  if (!ME)
    return "";
  const auto *Outer = dyn_cast<FieldDecl>(ME->getMemberDecl());
  if (!Outer || !isEnumField(Outer))
    return "";
  // Out through `.` members to one `->` on a parameter.
  while (ME) {
    const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (!F)
      return "";
    InnerLast.push_back(F);
    const Expr *Base = ME->getBase()->IgnoreParenImpCasts();
    if (ME->isArrow()) {
      const auto *DRE = dyn_cast<DeclRefExpr>(Base);
      const auto *P = DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
      if (!P || Written.count(P))
        return "";
      std::reverse(InnerLast.begin(), InnerLast.end());
      std::string Path = pathOf(InnerLast);
      return Path.empty() ? ""
                          : "$" + std::to_string(P->getFunctionScopeIndex()) +
                                ">" + Path;
    }
    ME = dyn_cast<MemberExpr>(Base);
  }
  return "";
}

std::optional<std::string> TagTestReader::entryTest(const Expr *E) const {
  const auto *ME = dyn_cast<MemberExpr>(E->IgnoreParenImpCasts());
  const auto *Entry = ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
  if (!Entry)
    return std::nullopt;
  const Expr *Base = ME->getBase()->IgnoreParenImpCasts();
  if (ME->isArrow()) {
    Base = throughLocal(Base, Written);
    const auto *UO = dyn_cast<UnaryOperator>(Base);
    if (!UO || UO->getOpcode() != UO_AddrOf)
      return std::nullopt;
    Base = UO->getSubExpr()->IgnoreParenImpCasts();
  }
  const auto *ASE = dyn_cast<ArraySubscriptExpr>(Base);
  const auto *DRE =
      ASE ? dyn_cast<DeclRefExpr>(ASE->getBase()->IgnoreParenImpCasts())
          : nullptr;
  const auto *Table = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!Table || !isConstantTable(Table))
    return std::nullopt;
  std::string Tag = paramTag(ASE->getIdx());
  if (Tag.empty())
    return std::nullopt;
  const VarDecl *Def = nullptr;
  const auto *Init =
      dyn_cast_or_null<InitListExpr>(Table->getAnyInitializer(Def));
  if (!Init)
    return std::nullopt; // Defined elsewhere: its entries are not known.
  // `[0 ... N] = {...}` fills entries no designator names.
  if (Init->hasArrayFiller() &&
      !isa<ImplicitValueInitExpr>(Init->getArrayFiller()))
    return std::nullopt;
  ASTContext &Ctx = FD->getASTContext();
  const RecordDecl *EntryStruct = Entry->getParent()->getDefinition();
  std::vector<int64_t> Values;
  for (unsigned I = 0; I < Init->getNumInits(); ++I) {
    const Expr *Elt = Init->getInit(I);
    const Expr *X = nullptr;
    if (const auto *SIL = dyn_cast<InitListExpr>(Elt)) {
      const auto *RD = SIL->getType()->getAsRecordDecl();
      if (!RD || RD->getDefinition() != EntryStruct || RD->isUnion())
        return std::nullopt;
      unsigned Index = Entry->getFieldIndex();
      X = Index < SIL->getNumInits() ? SIL->getInit(Index) : nullptr;
    } else if (!isa<ImplicitValueInitExpr>(Elt)) {
      return std::nullopt;
    }
    std::optional<bool> N = nonzero(X, Ctx);
    if (!N)
      return std::nullopt;
    if (*N)
      Values.push_back(I);
  }
  return factText(Tag, Values);
}

std::optional<std::string>
TagTestReader::equalityTest(const Expr *L, const Expr *R) const {
  const ASTContext &Ctx = FD->getASTContext();
  for (auto [Tagged, Other] : {std::pair(L, R), std::pair(R, L)}) {
    std::string Tag = paramTag(Tagged);
    Expr::EvalResult V;
    if (Tag.empty() || Other->isValueDependent() ||
        !Other->EvaluateAsInt(V, Ctx))
      continue;
    return factText(Tag, {V.Val.getInt().getExtValue()});
  }
  return std::nullopt;
}

std::string
fputcheck::argObject(const Expr *Arg,
                     const llvm::DenseSet<const VarDecl *> &Written) {
  const auto *UO = dyn_cast<UnaryOperator>(throughLocal(Arg, Written));
  if (!UO || UO->getOpcode() != UO_AddrOf)
    return "";
  const auto *ME =
      dyn_cast<MemberExpr>(UO->getSubExpr()->IgnoreParenImpCasts());
  if (!ME || !holdsTag(ME->getType()))
    return "";
  std::vector<const FieldDecl *> InnerLast;
  while (ME) {
    const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (!F)
      return "";
    InnerLast.push_back(F);
    if (ME->isArrow())
      break;
    ME = dyn_cast<MemberExpr>(ME->getBase()->IgnoreParenImpCasts());
  }
  std::reverse(InnerLast.begin(), InnerLast.end());
  return pathOf(InnerLast);
}

namespace {
/// container_of() as the kernel defines it:
///   ({ void *__mptr = (void *)(ptr); static_assert(...);
///      ((type *)(__mptr - offsetof(type, member))); })
struct ContainerFinder : RecursiveASTVisitor<ContainerFinder> {
  llvm::DenseMap<const CallExpr *, std::string> Out;
  bool VisitStmtExpr(StmtExpr *SE) {
    const CompoundStmt *CS = SE->getSubStmt();
    if (CS->size() < 2)
      return true;
    const auto *DS = dyn_cast<DeclStmt>(CS->body_front());
    const auto *V = DS && DS->isSingleDecl()
                        ? dyn_cast<VarDecl>(DS->getSingleDecl())
                        : nullptr;
    const Expr *Init = V ? V->getInit() : nullptr;
    const auto *Call =
        Init ? dyn_cast<CallExpr>(Init->IgnoreParenCasts()) : nullptr;
    const auto *Last = dyn_cast<Expr>(CS->body_back());
    const auto *Sub =
        Last ? dyn_cast<BinaryOperator>(Last->IgnoreParenCasts()) : nullptr;
    if (!Call || !Sub || Sub->getOpcode() != BO_Sub)
      return true;
    const auto *Ptr = dyn_cast<DeclRefExpr>(Sub->getLHS()->IgnoreParenCasts());
    const auto *Off = dyn_cast<OffsetOfExpr>(Sub->getRHS()->IgnoreParenCasts());
    if (!Ptr || Ptr->getDecl() != V || !Off)
      return true;
    std::vector<const FieldDecl *> OuterFirst;
    for (unsigned I = 0; I < Off->getNumComponents(); ++I) {
      const OffsetOfNode &N = Off->getComponent(I);
      if (N.getKind() != OffsetOfNode::Field)
        return true; // An array element or a base: no plain path.
      OuterFirst.push_back(N.getField());
    }
    if (std::string Path = pathOf(OuterFirst); !Path.empty())
      Out[Call] = Path;
    return true;
  }
};

struct ResultFinder : RecursiveASTVisitor<ResultFinder> {
  const VarDecl *Returned = nullptr;
  bool Several = false;
  bool VisitReturnStmt(ReturnStmt *RS) {
    const Expr *E = RS->getRetValue();
    const auto *DRE =
        E ? dyn_cast<DeclRefExpr>(E->IgnoreParenCasts()) : nullptr;
    const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    if (!V || !V->hasLocalStorage() || isa<ParmVarDecl>(V))
      return true; // ERR_PTR(), NULL: no object.
    Several |= Returned && Returned != V;
    Returned = V;
    return true;
  }
};

struct FieldWrites : RecursiveASTVisitor<FieldWrites> {
  const VarDecl *V;
  /// Field -> the parameter written into it, or null if written otherwise
  /// or more than once.
  std::map<const FieldDecl *, const ParmVarDecl *> Writes;
  std::map<const FieldDecl *, unsigned> Count;
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (!BO->isAssignmentOp())
      return true;
    const auto *ME = dyn_cast<MemberExpr>(BO->getLHS()->IgnoreParenImpCasts());
    const auto *F = ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
    const auto *Base =
        ME && ME->isArrow()
            ? dyn_cast<DeclRefExpr>(ME->getBase()->IgnoreParenImpCasts())
            : nullptr;
    if (!F || !Base || Base->getDecl() != V || !isEnumField(F))
      return true;
    const auto *RHS =
        dyn_cast<DeclRefExpr>(BO->getRHS()->IgnoreParenImpCasts());
    ++Count[F];
    Writes[F] = BO->getOpcode() == BO_Assign && RHS
                    ? dyn_cast<ParmVarDecl>(RHS->getDecl())
                    : nullptr;
    return true;
  }
};
} // namespace

llvm::DenseMap<const CallExpr *, std::string>
fputcheck::containerCalls(const FunctionDecl *FD) {
  ContainerFinder F;
  if (FD->getBody())
    F.TraverseStmt(FD->getBody());
  return std::move(F.Out);
}

std::vector<std::pair<unsigned, std::string>>
fputcheck::resultFields(const FunctionDecl *FD) {
  std::vector<std::pair<unsigned, std::string>> Out;
  QualType RT = FD->getReturnType();
  if (!FD->getBody() || !RT->isPointerType() ||
      !holdsTag(RT->getPointeeType()))
    return Out;
  ResultFinder RF;
  RF.TraverseStmt(FD->getBody());
  if (!RF.Returned || RF.Several)
    return Out;
  FieldWrites W;
  W.V = RF.Returned;
  W.TraverseStmt(FD->getBody());
  llvm::DenseSet<const VarDecl *> Written = writtenLocals(FD);
  for (auto [F, P] : W.Writes)
    if (P && W.Count[F] == 1 && !Written.count(P))
      if (std::string S = segment(F); !S.empty())
        Out.emplace_back(P->getFunctionScopeIndex(), S);
  llvm::sort(Out);
  return Out;
}

namespace {
struct TagWriteFinder : RecursiveASTVisitor<TagWriteFinder> {
  std::set<std::string> Out;
  void written(const Expr *E) {
    const auto *ME = dyn_cast<MemberExpr>(E->IgnoreParenImpCasts());
    const auto *F = ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
    if (F && isEnumField(F))
      if (std::string S = segment(F); !S.empty())
        Out.insert(S);
  }
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->isAssignmentOp())
      written(BO->getLHS());
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *UO) {
    if (UO->isIncrementDecrementOp() || UO->getOpcode() == UO_AddrOf)
      written(UO->getSubExpr());
    return true;
  }
  bool VisitInitListExpr(InitListExpr *ILE) {
    forEachInitializedField(ILE, [&](const FieldDecl *F, const Expr *V) {
      if (isEnumField(F) && V && !isa<ImplicitValueInitExpr>(V))
        if (std::string S = segment(F); !S.empty())
          Out.insert(S);
    });
    return true;
  }
};
} // namespace

std::vector<std::string> fputcheck::tagWrites(const Stmt *S) {
  TagWriteFinder F;
  if (S)
    F.TraverseStmt(const_cast<Stmt *>(S));
  return {F.Out.begin(), F.Out.end()};
}
