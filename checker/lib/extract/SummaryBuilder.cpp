//===- SummaryBuilder.cpp - One parsed TU to one summary ------------------===//

#include "fputcheck/SummaryBuilder.h"
#include "extract/StructName.h"
#include "extract/FunctionAnalyzer.h"
#include "extract/GlobalTables.h"
#include "extract/InitFields.h"
#include "extract/ObjectStores.h"
#include "extract/ObjectTags.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/MacroArgs.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringSet.h"
#include <map>
#include <set>

using namespace clang;
using namespace fputcheck;

namespace {

/// What the preprocessor sees that the AST no longer shows: which lock macros
/// and EXPORT_SYMBOL*() were expanded where.
struct MacroFacts {
  llvm::DenseMap<unsigned, std::vector<MacroLockUse>> LockUses;
  struct Export {
    std::string Symbol, Macro;
    SourceLocation Loc;
  };
  std::vector<Export> Exports;
};

class MacroRecorder : public PPCallbacks {
public:
  MacroRecorder(const Rules &R, Preprocessor &PP, MacroFacts &Facts)
      : R(R), PP(PP), Facts(Facts) {
    for (const LockPrimitive &L : R.lockPrimitives())
      Interesting.insert(L.Name);
    for (const std::string &M : R.ExportMacros)
      Interesting.insert(M);
  }

  void MacroExpands(const Token &NameTok, const MacroDefinition &,
                    SourceRange Range, const MacroArgs *Args) override {
    const IdentifierInfo *II = NameTok.getIdentifierInfo();
    if (!II || !Interesting.contains(II->getName()))
      return;
    StringRef Name = II->getName();
    std::vector<std::string> ArgTexts;
    if (Args)
      for (unsigned I = 0; I < Args->getNumMacroArguments(); ++I)
        ArgTexts.push_back(spell(Args->getUnexpArgument(I)));
    if (const LockPrimitive *P = R.lockPrimitive(Name)) {
      Facts.LockUses[Range.getBegin().getRawEncoding()].push_back(
          {P, std::move(ArgTexts)});
      return;
    }
    if (R.isExportMacro(Name) && !ArgTexts.empty() &&
        Range.getBegin().isFileID())
      Facts.Exports.push_back({ArgTexts[0], Name.str(), Range.getBegin()});
  }

private:
  std::string spell(const Token *T) {
    std::string S;
    for (; T && T->isNot(tok::eof); ++T) {
      if (!S.empty() && T->hasLeadingSpace())
        S += ' ';
      S += PP.getSpelling(*T);
    }
    return S;
  }

  const Rules &R;
  Preprocessor &PP;
  MacroFacts &Facts;
  llvm::StringSet<> Interesting;
};

/// Functions stored into struct fields, from initializers and assignments.
class StoreCollector : public RecursiveASTVisitor<StoreCollector> {
public:
  /// Returns whether the store was recorded (a function stored into a
  /// named struct's field).
  using Emit = std::function<bool(const FieldDecl *, const Expr *,
                                  SourceLocation)>;
  using Escape = std::function<void(const FunctionDecl *)>;
  StoreCollector(Emit E, Escape X)
      : EmitStore(std::move(E)), EmitEscape(std::move(X)) {}
  bool shouldVisitImplicitCode() const { return false; }

  bool VisitInitListExpr(InitListExpr *Visited) {
    forEachInitializedField(Visited, [&](const FieldDecl *F, const Expr *V) {
      if (EmitStore(F, V, V->getBeginLoc()))
        consume(V);
    });
    return true;
  }

  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() != BO_Assign)
      return true;
    if (const auto *ME =
            dyn_cast<MemberExpr>(BO->getLHS()->IgnoreParenImpCasts()))
      if (const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl()))
        if (EmitStore(F, BO->getRHS(), BO->getBeginLoc()))
          consume(BO->getRHS());
    return true;
  }

  // A function called, or passed straight to a call (CallSite::FnArgs,
  // which the callback rules read), is accounted for where the call is.
  bool VisitCallExpr(CallExpr *CE) {
    consume(CE->getCallee());
    for (const Expr *A : CE->arguments())
      consume(A);
    return true;
  }

  // Any other use of a function's address lets it be called from places
  // no summary shows (RunContexts.h: such a function may run anywhere).
  bool VisitDeclRefExpr(DeclRefExpr *DRE) {
    if (const auto *Fn = dyn_cast<FunctionDecl>(DRE->getDecl()))
      if (!Consumed.count(DRE))
        EmitEscape(Fn);
    return true;
  }

private:
  void consume(const Expr *E) {
    E = E->IgnoreParenCasts();
    if (const auto *UO = dyn_cast<UnaryOperator>(E);
        UO && UO->getOpcode() == UO_AddrOf)
      E = UO->getSubExpr()->IgnoreParenCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      Consumed.insert(DRE);
  }

  Emit EmitStore;
  Escape EmitEscape;
  llvm::SmallPtrSet<const DeclRefExpr *, 16> Consumed;
};

/// Reads one parsed TU into a summary.
class TUReader : public TUServices {
public:
  TUReader(const Rules &R, SourceManager &SM, const MacroFacts &Facts,
           const SummaryBuilder::EffectsLookup &Known, TUSummary &Out)
      : R(R), SM(SM), Facts(Facts), Known(Known), Out(Out) {}

  void read(ASTContext &Ctx);

  // TUServices.
  const Rules &rules() const override { return R; }
  SourceManager &sourceManager() const override { return SM; }
  const std::vector<LockEffect> &effectsOf(const FunctionDecl *FD) override;
  const std::vector<MacroLockUse> *macroUsesAt(unsigned Raw) const override {
    auto It = Facts.LockUses.find(Raw);
    return It == Facts.LockUses.end() ? nullptr : &It->second;
  }
  std::string functionKey(const FunctionDecl *FD) override;
  std::string objectKey(const VarDecl *VD) override;
  std::string fileOf(SourceLocation Loc) override;
  const ReturnRanges *rangesOf(const FunctionDecl *FD) override;

private:
  void analyse(const FunctionDecl *Def);
  void collectObjects(Decl *D);
  bool noteStore(const FieldDecl *F, const Expr *Value, SourceLocation Loc);

  const Rules &R;
  SourceManager &SM;
  const MacroFacts &Facts;
  const SummaryBuilder::EffectsLookup &Known;
  TUSummary &Out;
  /// The constant table whose initializer is being read, or empty.
  std::string StoreObject;
  std::map<const FunctionDecl *, FunctionSummary> Done;
  std::set<ObjectStore> Objects;
  std::set<std::string> TagWrites;
  std::set<std::string> Escapes;
  llvm::DenseSet<const FunctionDecl *> InProgress;
  llvm::DenseMap<FileID, std::string> FileNames;
  std::vector<LockEffect> NoEffects;
  std::map<const FunctionDecl *, ReturnRanges> Ranges;
};

const ReturnRanges *TUReader::rangesOf(const FunctionDecl *FD) {
  const FunctionDecl *Def = FD->getDefinition();
  if (!Def || !Def->hasBody())
    return nullptr;
  auto [It, New] = Ranges.try_emplace(Def);
  if (New) {
    CFG::BuildOptions BO;
    BO.setAllAlwaysAdd();
    if (std::unique_ptr<CFG> Cfg =
            CFG::buildCFG(Def, Def->getBody(), &Def->getASTContext(), BO))
      It->second = returnRanges(Def, *Cfg);
  }
  return &It->second;
}

std::string TUReader::fileOf(SourceLocation Loc) {
  FileID FID = SM.getFileID(SM.getExpansionLoc(Loc));
  auto [It, New] = FileNames.try_emplace(FID);
  if (New) {
    if (OptionalFileEntryRef FE = SM.getFileEntryRefForID(FID))
      It->second = SM.getFileManager().getCanonicalName(*FE).str();
    else
      It->second = "<built-in>";
  }
  return It->second;
}

std::string TUReader::functionKey(const FunctionDecl *FD) {
  std::string Name = FD->getNameAsString();
  if (FD->isExternallyVisible())
    return Name;
  const FunctionDecl *Def = FD->getDefinition();
  return Name + "@" + fileOf((Def ? Def : FD)->getLocation());
}

std::string TUReader::objectKey(const VarDecl *VD) {
  std::string Name = VD->getNameAsString();
  if (VD->isExternallyVisible())
    return Name;
  const VarDecl *Def = VD->getDefinition();
  return Name + "@" + fileOf((Def ? Def : VD)->getLocation());
}

void TUReader::collectObjects(Decl *D) {
  collectObjectStores(D, D->getASTContext(),
                      [this](const std::string &Via, const VarDecl *Table) {
                        Objects.insert({Via, Table ? objectKey(Table) : ""});
                      });
}

void TUReader::analyse(const FunctionDecl *Def) {
  if (Done.count(Def) || InProgress.count(Def))
    return;
  InProgress.insert(Def);
  // A header's body is not among the main file's declarations read below,
  // and a store of an object it makes must not go unseen.
  if (!SM.isInMainFile(SM.getExpansionLoc(Def->getLocation())))
    collectObjects(const_cast<FunctionDecl *>(Def));
  FunctionSummary Res = analyzeFunction(Def, *this);
  // A header's body, parsed without its macro expansions recorded: what a
  // full parse learned of it wins.
  if (Known && !SM.isInMainFile(SM.getExpansionLoc(Def->getLocation())))
    if (const std::vector<LockEffect> *E = Known(Res.Key))
      Res.Effects = *E;
  InProgress.erase(Def);
  Done.emplace(Def, std::move(Res));
}

const std::vector<LockEffect> &
TUReader::effectsOf(const FunctionDecl *FD) {
  analyse(FD);
  auto It = Done.find(FD);
  // Still in progress: recursion contributes no lock effect.
  return It == Done.end() ? NoEffects : It->second.Effects;
}

bool TUReader::noteStore(const FieldDecl *F, const Expr *Value,
                         SourceLocation Loc) {
  const Expr *V = Value->IgnoreParenCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(V);
      UO && UO->getOpcode() == UO_AddrOf)
    V = UO->getSubExpr()->IgnoreParenCasts();
  const auto *DRE = dyn_cast<DeclRefExpr>(V);
  const auto *Fn = DRE ? dyn_cast<FunctionDecl>(DRE->getDecl()) : nullptr;
  if (!Fn)
    return false;
  std::string Struct = structName(F->getParent());
  if (Struct.empty())
    return false;
  PresumedLoc P = SM.getPresumedLoc(SM.getExpansionLoc(Loc));
  Out.Stores.push_back({Struct, F->getNameAsString(), functionKey(Fn),
                        fileOf(Loc), P.isValid() ? P.getLine() : 0,
                        StoreObject});
  if (const FunctionDecl *Def = Fn->getDefinition(); Def && Def->hasBody())
    analyse(Def);
  return true;
}

void TUReader::read(ASTContext &Ctx) {
  Out.MainFile = fileOf(SM.getLocForStartOfFile(SM.getMainFileID()));

  StoreCollector Stores(
      [this](const FieldDecl *F, const Expr *V, SourceLocation L) {
        return noteStore(F, V, L);
      },
      [this](const FunctionDecl *Fn) { Escapes.insert(functionKey(Fn)); });
  // Only what this parse made: with a precompiled preamble (clangd), the
  // headers' thousands of declarations stay unread (they are never in the
  // main file); without one, this is every declaration.
  for (Decl *D : Ctx.getTranslationUnitDecl()->noload_decls()) {
    if (!SM.isInMainFile(SM.getExpansionLoc(D->getLocation())))
      continue;
    // Stores in a constant table's initializer are all that table's field
    // will ever hold: calls through the table resolve to exactly those.
    const auto *VD = dyn_cast<VarDecl>(D);
    StoreObject = VD && isConstantTable(VD) ? objectKey(VD) : "";
    Stores.TraverseDecl(D);
    if (VD && VD->hasGlobalStorage() && VD->getInit())
      for (std::string &W : tagWrites(VD->getInit()))
        TagWrites.insert(std::move(W));
    StoreObject.clear();
    collectObjects(D);
    if (const auto *FD = dyn_cast<FunctionDecl>(D);
        FD && FD->doesThisDeclarationHaveABody())
      analyse(FD);
  }
  for (auto &[FD, Res] : Done)
    Out.Functions.push_back(std::move(Res));
  Out.ObjectStores.assign(Objects.begin(), Objects.end());
  Out.TagWrites.assign(TagWrites.begin(), TagWrites.end());
  Out.Escapes.assign(Escapes.begin(), Escapes.end());
  llvm::sort(Out.Functions,
             [](const FunctionSummary &A, const FunctionSummary &B) {
               return A.Key < B.Key;
             });
  for (auto It = SM.fileinfo_begin(); It != SM.fileinfo_end(); ++It)
    Out.Inputs.push_back(
        SM.getFileManager().getCanonicalName(It->first).str());
  llvm::sort(Out.Inputs);
  for (const MacroFacts::Export &E : Facts.Exports) {
    PresumedLoc P = SM.getPresumedLoc(E.Loc);
    Out.Exports.push_back(
        {E.Symbol, E.Macro, fileOf(E.Loc), P.isValid() ? P.getLine() : 0});
  }
}

} // namespace

struct SummaryBuilder::Facts : MacroFacts {};

SummaryBuilder::SummaryBuilder(const Rules &R)
    : R(R), Recorded(std::make_unique<Facts>()) {}

SummaryBuilder::~SummaryBuilder() = default;

void SummaryBuilder::attach(Preprocessor &PP) {
  PP.addPPCallbacks(std::make_unique<MacroRecorder>(R, PP, *Recorded));
}

TUSummary SummaryBuilder::build(ASTContext &Ctx) {
  TUSummary Out;
  TUReader(R, Ctx.getSourceManager(), *Recorded, Known, Out).read(Ctx);
  return Out;
}
