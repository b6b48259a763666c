//===- CorpusCase.cpp - A test-corpus case and its expectations -----------===//

#include "CorpusCase.h"
#include "fputcheck/Analysis.h"
#include "fputcheck/Emit.h"
#include "fputcheck/Extract.h"
#include "fputcheck/Program.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include <algorithm>
#include <map>
#include <optional>

using namespace llvm;

namespace fputcheck {
namespace test {

std::vector<std::string> listCases(const std::string &CasesDir) {
  std::vector<std::string> Names;
  std::error_code EC;
  for (sys::fs::directory_iterator It(CasesDir, EC), End; It != End && !EC;
       It.increment(EC)) {
    StringRef Name = sys::path::filename(It->path());
    if (Name.ends_with(".c") || sys::fs::is_directory(It->path()))
      Names.push_back(Name.str());
  }
  std::sort(Names.begin(), Names.end());
  return Names;
}

namespace {
/// One comment's expectations, as docs/corpus.md writes them.
class CommentParser {
public:
  CommentParser(const std::string &File, unsigned Line, CorpusCase &C)
      : File(File), Line(Line), C(C) {}

  void parse(StringRef Body);

private:
  void problem(const Twine &What) {
    C.Problems.push_back((File + ":" + Twine(Line) + ": " + What).str());
  }
  void options(StringRef Body);
  void xfail(ExpectKind K, StringRef Body);
  /// "note:" or "note@+N:"/"note@-N:" starts a note expectation: true, with
  /// the line it names in \p At (0 when malformed).
  bool noteDirective(StringRef W, unsigned &At);
  void pattern(StringRef Re);
  void flushNote();

  const std::string &File;
  unsigned Line;
  CorpusCase &C;
  std::vector<Expectation> Ids;        // Of an expect: comment.
  std::optional<NoteExpectation> Note; // The note being read.
  bool NoteOfId = false;               // Note belongs to Ids.back().
};
} // namespace

static bool isDirective(StringRef W) {
  return W == "expect:" || W == "xfail:" || W == "xfail-fp:" ||
         W == "fputcheck-options:" ||
         (W.starts_with("note") && W.ends_with(":") &&
          (W == "note:" || W.starts_with("note@")));
}

void CommentParser::options(StringRef Body) {
  SmallVector<StringRef, 4> Words;
  Body.split(Words, ' ', -1, false);
  for (unsigned W = 0; W + 1 < Words.size(); ++W)
    if (Words[W] == "--assume-sync") {
      SmallVector<StringRef, 4> Names;
      Words[W + 1].split(Names, ',', -1, false);
      for (StringRef N : Names)
        C.AssumeSync.push_back(N.str());
    }
}

// "xfail: ID -- reason": one id, then free text.
void CommentParser::xfail(ExpectKind K, StringRef Body) {
  StringRef Id = Body.split("--").first.trim().take_until(
      [](char Ch) { return isSpace(Ch); });
  Id = Id.trim(", \t");
  if (Id.empty())
    return problem("xfail without a check id");
  C.Expectations.push_back({K, File, Line, Id.str(), {}, {}});
}

bool CommentParser::noteDirective(StringRef W, unsigned &At) {
  if (W == "note:") {
    At = Line;
    return true;
  }
  StringRef Offset = W;
  if (!Offset.consume_front("note@") || !Offset.consume_back(":"))
    return false;
  unsigned N = 0;
  bool Up = Offset.consume_front("-");
  if ((!Up && !Offset.consume_front("+")) || Offset.getAsInteger(10, N) ||
      (Up && N >= Line)) {
    problem("'" + W + "': a note is at note: or note@+N: / note@-N:");
    At = 0; // Read, then dropped.
    return true;
  }
  At = Up ? Line - N : Line + N;
  return true;
}

void CommentParser::flushNote() {
  std::optional<NoteExpectation> N;
  std::swap(N, Note);
  if (!N || N->Line == 0) // A malformed line is reported already.
    return;
  if (N->Patterns.empty())
    problem("a note needs a {{regex}}");
  else if (NoteOfId)
    Ids.back().Notes.push_back(std::move(*N));
  else
    C.Notes.push_back(std::move(*N));
}

void CommentParser::pattern(StringRef Re) {
  std::string Err;
  if (Re.empty() || !Regex(Re).isValid(Err))
    return problem("{{" + Re + "}} is not a regular expression" +
                   (Err.empty() ? "" : ": " + Err));
  if (Note)
    Note->Patterns.push_back(Re.str());
  else if (!Ids.empty())
    Ids.back().Patterns.push_back(Re.str());
  else
    problem("{{" + Re + "}} follows no check id or note");
}

// expect: ID {{re}}... [note[@+-N]: {{re}}...]... [ID ...] [-- text]
// note[@+-N]: {{re}}... [note...]...
void CommentParser::parse(StringRef Body) {
  StringRef First = Body.take_until([](char Ch) { return isSpace(Ch); });
  if (!isDirective(First))
    return; // Prose.
  if (First == "fputcheck-options:")
    return options(Body.drop_front(First.size()));
  if (First == "xfail:" || First == "xfail-fp:")
    return xfail(First == "xfail:" ? ExpectKind::XFail : ExpectKind::XFailFP,
                 Body.drop_front(First.size()));
  bool IsExpect = First == "expect:";
  StringRef S = IsExpect ? Body.drop_front(First.size()) : Body;
  while (!(S = S.ltrim(" \t,")).empty() && !S.starts_with("--")) {
    if (S.starts_with("{{")) {
      size_t End = S.find("}}", 2);
      if (End == StringRef::npos)
        return problem("'{{' without '}}'");
      pattern(S.slice(2, End));
      S = S.drop_front(End + 2);
      continue;
    }
    StringRef W =
        S.take_until([](char Ch) { return isSpace(Ch) || Ch == ','; });
    S = S.drop_front(W.size());
    unsigned At;
    if (noteDirective(W, At)) {
      flushNote();
      if (IsExpect && Ids.empty())
        problem("'" + W + "' follows no check id");
      Note = NoteExpectation{File, At, Line, {}};
      NoteOfId = IsExpect && !Ids.empty();
    } else if (isDirective(W)) {
      problem("'" + W + "' must start a comment of its own");
    } else if (!IsExpect || Note) {
      problem("'" + W + "' where a {{regex}} belongs");
    } else {
      Ids.push_back({ExpectKind::Expect, File, Line, W.str(), {}, {}});
    }
  }
  flushNote();
  if (IsExpect && Ids.empty())
    problem("expect: without a check id");
  for (Expectation &E : Ids)
    C.Expectations.push_back(std::move(E));
}

void parseExpectations(StringRef Text, const std::string &File, CorpusCase &C) {
  SmallVector<StringRef, 0> Lines;
  Text.split(Lines, '\n');
  for (unsigned I = 0; I < Lines.size(); ++I)
    // Every /* ... */ that opens and closes on the line.
    for (StringRef Rest = Lines[I];;) {
      size_t Open = Rest.find("/*");
      size_t Close = Open == StringRef::npos ? Open : Rest.find("*/", Open + 2);
      if (Close == StringRef::npos)
        break;
      CommentParser(File, I + 1, C).parse(Rest.slice(Open + 2, Close).trim());
      Rest = Rest.drop_front(Close + 2);
    }
}

static void readExpectations(const std::string &File, CorpusCase &C) {
  auto Buf = MemoryBuffer::getFile(File);
  if (!Buf) {
    C.Problems.push_back(File + ": cannot read");
    return;
  }
  parseExpectations((*Buf)->getBuffer(), File, C);
}

CorpusCase loadCase(const std::string &CasesDir, const std::string &Name) {
  CorpusCase C;
  C.Name = Name;
  SmallString<256> Path(CasesDir);
  sys::path::append(Path, Name);
  // A folder's headers may hold notes: chain steps in its inlines. Its
  // subfolders stand for the tree's directories (subsystems).
  std::vector<std::string> Read;
  if (sys::fs::is_directory(Path)) {
    std::error_code EC;
    for (sys::fs::recursive_directory_iterator It(Path, EC), End;
         It != End && !EC; It.increment(EC)) {
      StringRef F = It->path();
      if (F.ends_with(".c"))
        C.Files.push_back(F.str());
      if (F.ends_with(".c") || F.ends_with(".h"))
        Read.push_back(F.str());
    }
    std::sort(C.Files.begin(), C.Files.end());
    std::sort(Read.begin(), Read.end());
  } else {
    C.Files.push_back(std::string(Path));
    Read = C.Files;
  }
  for (const std::string &F : Read)
    readExpectations(F, C);
  return C;
}

std::vector<std::string> listCorpusTUs(const std::string &CasesDir) {
  std::vector<std::string> Files;
  std::error_code EC;
  for (sys::fs::recursive_directory_iterator It(CasesDir, EC), End;
       It != End && !EC; It.increment(EC))
    if (StringRef(It->path()).ends_with(".c"))
      Files.push_back(It->path());
  return Files;
}

clang::tooling::CompileCommand corpusCommand(const std::string &File,
                                             const std::string &IncludeDir) {
  return clang::tooling::CompileCommand(
      sys::path::parent_path(File), File,
      {"clang-19", "-std=gnu11", "-nostdinc", "-ffreestanding", "-D__KERNEL__",
       "-I", IncludeDir, "-c", File},
      "");
}

std::vector<Finding> runCase(const CorpusCase &C, const std::string &IncludeDir,
                             Rules R, std::vector<std::string> &Errors) {
  for (const std::string &N : C.AssumeSync)
    R.addSyncVariant(N);
  Program P;
  for (const std::string &F : C.Files) {
    clang::tooling::CompileCommand Cmd(
        sys::path::parent_path(F), F,
        {"clang-19", "-std=gnu11", "-nostdinc", "-ffreestanding",
         "-D__KERNEL__", "-I", IncludeDir, "-c", F, "-o", "/dev/null"},
        "/dev/null");
    TUOutcome O = extractOne(Cmd, R);
    if (!O.Ok)
      Errors.push_back(O.Error);
    else
      P.add(std::move(O.Summary));
  }
  P.link(R);
  return analyzeProgram(P, R);
}

/// What a reviewer reads of \p F: the text output, indented.
static std::string reads(const Finding &F, StringRef Root) {
  std::string Text;
  raw_string_ostream OS(Text);
  emitText({F}, EmitOptions{Root.str()}, OS);
  std::string Out;
  for (StringRef L : split(StringRef(Text).rtrim('\n'), '\n'))
    Out += "\n    " + L.str();
  return Out;
}

static std::string patterns(ArrayRef<std::string> Ps) {
  std::string Out;
  for (const std::string &P : Ps)
    Out += (Out.empty() ? "{{" : " {{") + P + "}}";
  return Out;
}

static bool matchesAll(ArrayRef<std::string> Ps, StringRef Text) {
  return llvm::all_of(
      Ps, [&](const std::string &P) { return Regex(P).match(Text); });
}

/// The first line of a finding's text output after "FILE:LINE ", what the
/// `{{regex}}` of an expect: is matched against:
///   f() warn: __fput_sync() reached with ... (g -> __fput_sync) [CHECK-ID]
static std::string headline(const Finding &F) {
  Finding Bare = F;
  Bare.Notes.clear();
  Bare.Flow.clear();
  std::string Text;
  raw_string_ostream OS(Text);
  emitText({Bare}, EmitOptions{}, OS);
  return StringRef(Text).rtrim('\n').split(' ').second.str();
}

static bool hasNote(const Finding &F, const NoteExpectation &N) {
  for (const std::vector<Step> *Steps : {&F.Notes, &F.Flow})
    for (const Step &S : *Steps)
      if (S.File == N.File && S.Line == N.Line &&
          matchesAll(N.Patterns, S.Message))
        return true;
  return false;
}

std::vector<std::string> checkFindings(const CorpusCase &C,
                                       const std::vector<Finding> &Findings,
                                       StringRef Root) {
  std::vector<std::string> Fail(C.Problems);
  auto At = [](const std::string &File, unsigned Line) {
    return File + ":" + std::to_string(Line) + ": ";
  };
  using Key = std::tuple<std::string, unsigned, std::string>;
  std::map<Key, const Expectation *> Expected;
  for (const Expectation &E : C.Expectations)
    if (!Expected.try_emplace({E.File, E.Line, E.Check}, &E).second)
      Fail.push_back(At(E.File, E.Line) + E.Check + " is expected twice");
  std::map<Key, std::vector<const Finding *>> Actual;
  for (const Finding &F : Findings)
    Actual[{F.Where.File, F.Where.Line, checkId(F.Check).str()}].push_back(&F);

  for (const auto &[K, Fs] : Actual) {
    const auto &[File, Line, Check] = K;
    auto It = Expected.find(K);
    if (It == Expected.end())
      Fail.push_back(At(File, Line) + "unexpected finding " + Check +
                     reads(*Fs.front(), Root));
    else if (It->second->Kind == ExpectKind::XFail)
      Fail.push_back(At(File, Line) + "XPASS " + Check +
                     " is found now; promote 'xfail:' to 'expect:'");
    if (Fs.size() > 1)
      Fail.push_back(At(File, Line) + std::to_string(Fs.size()) +
                     " findings of " + Check + " on one line; one is expected");
  }
  for (const auto &[K, E] : Expected) {
    const auto &[File, Line, Check] = K;
    auto It = Actual.find(K);
    if (It == Actual.end()) {
      if (E->Kind == ExpectKind::Expect)
        Fail.push_back(At(File, Line) + "expected " + Check +
                       ", nothing matched");
      else if (E->Kind == ExpectKind::XFailFP)
        Fail.push_back(At(File, Line) + "XPASS known false positive " + Check +
                       " is gone; remove the 'xfail-fp:' comment");
      continue;
    }
    const Finding &F = *It->second.front();
    std::string Head = headline(F);
    for (const std::string &P : E->Patterns)
      if (!Regex(P).match(Head))
        Fail.push_back(At(File, Line) + Check + " does not match {{" + P +
                       "}}; the reviewer reads:" + reads(F, Root));
    for (const NoteExpectation &N : E->Notes)
      if (!hasNote(F, N))
        Fail.push_back(At(N.File, N.CommentLine) + Check + " at line " +
                       std::to_string(Line) + " has no note at line " +
                       std::to_string(N.Line) + " matching " +
                       patterns(N.Patterns) +
                       "; the reviewer reads:" + reads(F, Root));
  }
  for (const NoteExpectation &N : C.Notes) {
    if (llvm::any_of(Findings, [&](const Finding &F) { return hasNote(F, N); }))
      continue;
    std::string Msg = At(N.File, N.CommentLine) + "no note at line " +
                      std::to_string(N.Line) + " matches " +
                      patterns(N.Patterns);
    std::string There;
    for (const Finding &F : Findings)
      for (const std::vector<Step> *Steps : {&F.Notes, &F.Flow})
        for (const Step &S : *Steps)
          if (S.File == N.File && S.Line == N.Line)
            There += "\n    " + relativePath(S.File, Root) + ":" +
                     std::to_string(S.Line) + " note: " + S.Message;
    Fail.push_back(Msg + (There.empty()
                              ? "; no note is reported there"
                              : "; the reviewer reads there:" + There));
  }
  return Fail;
}

} // namespace test
} // namespace fputcheck
