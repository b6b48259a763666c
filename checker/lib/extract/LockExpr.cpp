//===- LockExpr.cpp - Naming locks relative to a function -------*- C++ -*-===//

#include "extract/LockExpr.h"
#include "extract/LockKey.h"
#include "fputcheck/Rules.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;
using namespace fputcheck;

/// A function whose whole body is "return <a place inside its one param>",
/// like spinlock_check() (`return &lock->rlock;`): calls to it name the
/// same lock as the argument. A body that returns anything else, such as
/// another call (io_wq_get_acct(worker) looks an object up), names some
/// other object.
static bool isPassThrough(const FunctionDecl *FD) {
  if (!FD || FD->getNumParams() != 1)
    return false;
  const FunctionDecl *Def = FD->getDefinition();
  const auto *Body = Def ? dyn_cast_or_null<CompoundStmt>(Def->getBody())
                         : nullptr;
  if (!Body || Body->size() != 1)
    return false;
  const auto *Ret = dyn_cast<ReturnStmt>(Body->body_front());
  if (!Ret || !Ret->getRetValue() ||
      !Ret->getRetValue()->getType()->isPointerType())
    return false;
  const Expr *E = Ret->getRetValue();
  while (true) {
    E = E->IgnoreParenCasts();
    if (const auto *ME = dyn_cast<MemberExpr>(E))
      E = ME->getBase();
    else if (const auto *UO = dyn_cast<UnaryOperator>(E);
             UO && (UO->getOpcode() == UO_AddrOf ||
                    UO->getOpcode() == UO_Deref))
      E = UO->getSubExpr();
    else
      break;
  }
  const auto *DRE = dyn_cast<DeclRefExpr>(E);
  return DRE && DRE->getDecl() == Def->getParamDecl(0);
}

static const Expr *strip(const Expr *E) {
  while (E) {
    E = E->IgnoreParenCasts();
    if (const auto *UO = dyn_cast<UnaryOperator>(E);
        UO && UO->getOpcode() == UO_AddrOf) {
      E = UO->getSubExpr();
      continue;
    }
    // _raw_spin_lock_nested(lock, subclass) without lockdep is
    // _raw_spin_lock(((void)(subclass), (lock))).
    if (const auto *BO = dyn_cast<BinaryOperator>(E);
        BO && BO->getOpcode() == BO_Comma) {
      E = BO->getRHS();
      continue;
    }
    if (const auto *CE = dyn_cast<CallExpr>(E);
        CE && CE->getNumArgs() == 1 && isPassThrough(CE->getDirectCallee())) {
      E = CE->getArg(0);
      continue;
    }
    break;
  }
  return E;
}

/// A call of the running task's accessor (get_current(), which the
/// `current` macro expands to).
static bool isCurrentTask(const Expr *E, const Rules *R) {
  const auto *CE = dyn_cast<CallExpr>(E->IgnoreParenCasts());
  const FunctionDecl *Callee = CE ? CE->getDirectCallee() : nullptr;
  return R && Callee && CE->getNumArgs() == 0 && Callee->getIdentifier() &&
         R->isCurrentTask(Callee->getName());
}

namespace {
/// Prints the accessor call as the rules spell the task ("current").
class CurrentTaskPrinter : public PrinterHelper {
public:
  explicit CurrentTaskPrinter(const Rules *R) : R(R) {}
  bool handledStmt(Stmt *S, raw_ostream &OS) override {
    const auto *E = dyn_cast<Expr>(S);
    if (!E || !isCurrentTask(E, R))
      return false;
    OS << R->currentTaskName();
    return true;
  }

private:
  const Rules *R;
};
} // namespace

/// Builds "<root><path>" by walking member, subscript and deref steps down
/// to a declaration (or to the current task).
static std::string keyOf(const Expr *E, const FunctionDecl *FD,
                         const Rules *R) {
  std::string Path;
  while (true) {
    E = E->IgnoreParenCasts();
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      // Members of anonymous structs and unions add no step.
      std::string Name = ME->getMemberDecl()->getNameAsString();
      if (!Name.empty())
        Path = "." + Name + Path;
      E = ME->getBase();
    } else if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
      Path = "[]" + Path;
      E = AS->getBase();
    } else if (const auto *UO = dyn_cast<UnaryOperator>(E);
               UO && (UO->getOpcode() == UO_Deref ||
                      UO->getOpcode() == UO_AddrOf)) {
      // *p and p name the same lock for matching purposes.
      E = UO->getSubExpr();
    } else {
      break;
    }
  }
  if (isCurrentTask(E, R))
    return LockKey::global(R->currentTaskName(), Path);
  const auto *DRE = dyn_cast<DeclRefExpr>(E);
  if (!DRE)
    return "";
  const ValueDecl *D = DRE->getDecl();
  if (const auto *PVD = dyn_cast<ParmVarDecl>(D)) {
    for (unsigned I = 0; FD && I < FD->getNumParams(); ++I)
      if (FD->getParamDecl(I) == PVD)
        return LockKey::param(I, Path);
    return "";
  }
  const auto *VD = dyn_cast<VarDecl>(D);
  if (!VD)
    return "";
  if (VD->hasGlobalStorage() && !VD->isStaticLocal())
    return LockKey::global(VD->getName(), Path);
  return LockKey::local(VD->getName(), Path);
}

LockRef fputcheck::lockRefFor(const Expr *E, const FunctionDecl *FD,
                              bool WantText, const Rules *R) {
  LockRef LR;
  const Expr *S = strip(E);
  if (!S)
    return LR;
  LR.Key = keyOf(S, FD, R);
  if (WantText) {
    llvm::raw_string_ostream OS(LR.Text);
    PrintingPolicy Policy(FD ? FD->getASTContext().getLangOpts()
                             : LangOptions());
    Policy.SuppressImplicitBase = true;
    CurrentTaskPrinter Helper(R);
    S->printPretty(OS, &Helper, Policy);
  }
  return LR;
}

std::string fputcheck::lockKeyFromText(llvm::StringRef Text,
                                       const FunctionDecl *FD, const Rules *R) {
  std::string Flat;
  for (char C : Text)
    if (C != ' ' && C != '\t' && C != '(' && C != ')' && C != '&' && C != '*')
      Flat += C;
  llvm::StringRef F(Flat);
  size_t RootEnd = F.find_first_of(".-[");
  llvm::StringRef Root = F.substr(0, RootEnd);
  std::string Path = F.substr(Root.size()).str();
  for (size_t Pos; (Pos = Path.find("->")) != std::string::npos;)
    Path.replace(Pos, 2, ".");
  if (Root.empty() || (!llvm::isAlpha(Root[0]) && Root[0] != '_'))
    return "";
  for (unsigned I = 0; FD && I < FD->getNumParams(); ++I)
    if (FD->getParamDecl(I)->getName() == Root)
      return LockKey::param(I, Path);
  // "current" or "get_current()" (parentheses are dropped above).
  if (R && R->isCurrentTask(Root))
    return LockKey::global(R->currentTaskName(), Path);
  return LockKey::global(Root, Path);
}
