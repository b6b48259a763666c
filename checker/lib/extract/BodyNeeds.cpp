//===- BodyNeeds.cpp - Which header function bodies a TU may need ---------===//

#include "extract/BodyNeeds.h"

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/PCHContainerOperations.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

using namespace clang;
using namespace fputcheck;

namespace {

/// Keywords followed by a parenthesised group that is no declarator: the
/// group neither names the function nor holds its parameters.
bool opensKeywordGroup(const Token &Tok) {
  return Tok.isOneOf(tok::kw___attribute, tok::kw_asm, tok::kw_typeof,
                     tok::kw_typeof_unqual, tok::kw__Static_assert,
                     tok::kw_static_assert, tok::kw__Alignas,
                     tok::kw_alignas, tok::kw__Atomic, tok::kw___declspec);
}

/// Follows the expanded token stream at file scope, one declaration at a
/// time, and records which identifiers each header function body mentions.
/// A function definition is recognised in its plain form only:
///   specifiers NAME ( params ) [attribute or asm groups] { body }
/// A brace group that is neither that, an initializer nor a struct, union or
/// enum body is "unknown": its identifiers count as roots.
class BodyScanner {
public:
  explicit BodyScanner(SourceManager &SM) : SM(SM) {}

  void take(const Token &Tok);
  /// False when the braces or parentheses did not balance: the scan lost
  /// track, and nothing it found can be trusted.
  bool balanced() const { return !Lost && BraceDepth == 0 && ParenDepth == 0; }
  BodyNeeds needs() const;

private:
  enum class Group { Function, Other, Unknown };
  void startDeclaration();
  void openBrace(const Token &Tok);
  void takeAtFileScope(const Token &Tok);

  SourceManager &SM;
  bool Lost = false;

  // The declaration being read, outside any brace group.
  unsigned ParenDepth = 0;
  IdentifierInfo *Name = nullptr;
  IdentifierInfo *PrevIdent = nullptr; // The previous token, if an identifier.
  bool PrevKeywordGroup = false;       // The previous token opens a group.
  bool InKeywordGroup = false;         // Inside such a group.
  bool InParams = false, AfterParams = false;
  bool Irregular = false, SawAssign = false, SawTag = false;
  bool Started = false, DeclInMain = false; // Its first token, if seen.

  // The brace group opened at file scope, if any.
  unsigned BraceDepth = 0;
  Group Kind = Group::Other;
  bool GroupRoots = false; // Its identifiers are roots.
  llvm::DenseSet<IdentifierInfo *> *Body = nullptr;

  llvm::DenseSet<IdentifierInfo *> Roots;
  llvm::DenseMap<IdentifierInfo *, llvm::DenseSet<IdentifierInfo *>> Bodies;
};

void BodyScanner::startDeclaration() {
  ParenDepth = 0;
  Name = PrevIdent = nullptr;
  PrevKeywordGroup = InKeywordGroup = InParams = AfterParams = false;
  Irregular = SawAssign = SawTag = false;
  Started = DeclInMain = false;
}

void BodyScanner::take(const Token &Tok) {
  IdentifierInfo *II =
      Tok.is(tok::identifier) ? Tok.getIdentifierInfo() : nullptr;
  // Whatever the main file spells, or expands a macro into, may name a
  // function the extraction analyses.
  if (II && SM.isInMainFile(SM.getExpansionLoc(Tok.getLocation())))
    Roots.insert(II);

  if (BraceDepth == 0) {
    takeAtFileScope(Tok);
    return;
  }
  if (Tok.is(tok::l_brace)) {
    ++BraceDepth;
  } else if (Tok.is(tok::r_brace)) {
    if (--BraceDepth == 0) {
      // A function definition ends its declaration (so does what may be
      // one); after a struct body or an initializer the declaration goes
      // on ("} name;", "};").
      if (Kind != Group::Other)
        startDeclaration();
      Body = nullptr;
    }
  } else if (II) {
    if (Body)
      Body->insert(II);
    else if (GroupRoots)
      Roots.insert(II);
  }
}

void BodyScanner::openBrace(const Token &Tok) {
  BraceDepth = 1;
  if (SawAssign)
    Kind = Group::Other; // An initializer.
  else if (Name && AfterParams && !Irregular)
    Kind = Group::Function;
  else if (SawTag && !Name)
    Kind = Group::Other; // A struct, union or enum body.
  else
    Kind = Group::Unknown;
  // A brace group of the main file's own declarations is analysed whole,
  // even the lines it takes from an #include ("= {\n#include "table.h"}").
  bool InMain =
      DeclInMain || SM.isInMainFile(SM.getExpansionLoc(Tok.getLocation()));
  GroupRoots = InMain || Kind == Group::Unknown;
  if (Kind == Group::Function && !InMain)
    Body = &Bodies[Name];
}

void BodyScanner::takeAtFileScope(const Token &Tok) {
  if (!Started && Tok.isNot(tok::eof)) {
    Started = true;
    DeclInMain = SM.isInMainFile(SM.getExpansionLoc(Tok.getLocation()));
  }
  bool Ident = Tok.is(tok::identifier);
  bool KeywordGroup = false;
  switch (Tok.getKind()) {
  case tok::l_paren:
    if (ParenDepth++ > 0)
      break;
    if (PrevKeywordGroup) {
      InKeywordGroup = true;
    } else if (PrevIdent && !Name && !AfterParams) {
      Name = PrevIdent;
      InParams = true;
    } else {
      Irregular = true; // A parenthesised declarator, "(*f(...))(...)".
    }
    break;
  case tok::r_paren:
    if (ParenDepth == 0) {
      Lost = true;
      break;
    }
    if (--ParenDepth > 0)
      break;
    if (InKeywordGroup) {
      InKeywordGroup = false;
    } else if (InParams) {
      InParams = false;
      AfterParams = true;
    }
    break;
  case tok::l_brace:
    // Braces inside parentheses (a statement expression in a typeof) are
    // part of the declaration, not a body.
    if (ParenDepth == 0)
      openBrace(Tok);
    break;
  case tok::r_brace:
    if (ParenDepth == 0)
      Lost = true;
    break;
  case tok::semi:
    if (ParenDepth == 0)
      startDeclaration();
    return;
  default:
    if (ParenDepth > 0)
      break;
    if (Tok.is(tok::equal))
      SawAssign = true;
    else if (Tok.isOneOf(tok::kw_struct, tok::kw_union, tok::kw_enum))
      SawTag = true;
    KeywordGroup = opensKeywordGroup(Tok);
    // Between the parameters and the body only attribute or asm groups.
    if (AfterParams && !KeywordGroup)
      Irregular = true;
    break;
  }
  if (ParenDepth > 0 && !Tok.is(tok::l_paren))
    return; // Inside parentheses: the previous-token state is unchanged.
  PrevIdent = Ident ? Tok.getIdentifierInfo() : nullptr;
  PrevKeywordGroup = KeywordGroup;
}

BodyNeeds BodyScanner::needs() const {
  llvm::DenseSet<IdentifierInfo *> Needed(Roots);
  std::vector<IdentifierInfo *> Work(Roots.begin(), Roots.end());
  while (!Work.empty()) {
    IdentifierInfo *II = Work.back();
    Work.pop_back();
    auto It = Bodies.find(II);
    if (It == Bodies.end())
      continue;
    for (IdentifierInfo *Callee : It->second)
      if (Needed.insert(Callee).second)
        Work.push_back(Callee);
  }
  BodyNeeds Out;
  for (IdentifierInfo *II : Needed)
    Out.insert(II->getName());
  return Out;
}

class ScanAction : public PreprocessorFrontendAction {
public:
  explicit ScanAction(std::optional<BodyNeeds> &Out) : Out(Out) {}

  bool BeginInvocation(CompilerInstance &CI) override {
    // Not even "N errors generated.": the extraction reports errors.
    CI.getDiagnosticOpts().ShowCarets = false;
    return true;
  }

  void ExecuteAction() override {
    CompilerInstance &CI = getCompilerInstance();
    Preprocessor &PP = CI.getPreprocessor();
    PP.IgnorePragmas(); // Pragmas the parser would handle; none matter here.
    BodyScanner Scan(CI.getSourceManager());
    PP.EnterMainSourceFile();
    Token Tok;
    do {
      PP.Lex(Tok);
      Scan.take(Tok);
    } while (Tok.isNot(tok::eof));
    if (Scan.balanced() && !CI.getDiagnostics().hasErrorOccurred())
      Out = Scan.needs();
  }

private:
  std::optional<BodyNeeds> &Out;
};

/// Counts errors and prints nothing: the extraction reports them itself.
class Quiet : public DiagnosticConsumer {};

} // namespace

std::optional<BodyNeeds>
fputcheck::findBodyNeeds(const std::vector<std::string> &Args,
                         FileManager &Files) {
  std::optional<BodyNeeds> Out;
  Quiet Diags;
  tooling::ToolInvocation Inv(Args, std::make_unique<ScanAction>(Out), &Files,
                              std::make_shared<PCHContainerOperations>());
  Inv.setDiagnosticConsumer(&Diags);
  if (!Inv.run() || Diags.getNumErrors())
    return std::nullopt;
  return Out;
}
