//===- Patch.cpp - Unified diffs applied in memory ------------------------===//

#include "review/Patch.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

using namespace llvm;
using namespace fputcheck;

namespace {

/// "a/fs/open.c\t2023-01-01 ..." -> "fs/open.c"; "/dev/null" -> "".
std::string stripPath(StringRef Field) {
  StringRef P = Field.split('\t').first.rtrim();
  if (P == "/dev/null")
    return "";
  // Quoted paths (git quotes unusual names) are taken as written.
  P = P.trim('"');
  size_t Slash = P.find('/');
  return Slash == StringRef::npos ? P.str() : P.substr(Slash + 1).str();
}

/// "@@ -12,7 +12,8 @@ ctx" -> the four numbers.
bool parseHunkHeader(StringRef Line, Hunk &H) {
  if (!Line.consume_front("@@ -"))
    return false;
  auto Range = [&](unsigned &Start, unsigned &Count) {
    StringRef Digits = Line.take_while(isDigit);
    if (Digits.empty() || Digits.getAsInteger(10, Start))
      return false;
    Line = Line.drop_front(Digits.size());
    Count = 1;
    if (Line.consume_front(",")) {
      Digits = Line.take_while(isDigit);
      if (Digits.empty() || Digits.getAsInteger(10, Count))
        return false;
      Line = Line.drop_front(Digits.size());
    }
    return true;
  };
  return Range(H.OldStart, H.OldCount) && Line.consume_front(" +") &&
         Range(H.NewStart, H.NewCount) && Line.starts_with(" @@");
}

std::vector<std::string> splitLines(StringRef Text, bool &FinalNewline) {
  std::vector<std::string> Out;
  FinalNewline = Text.empty() || Text.ends_with("\n");
  while (!Text.empty()) {
    auto [Line, Rest] = Text.split('\n');
    Out.push_back(Line.str());
    Text = Rest;
  }
  return Out;
}

} // namespace

Expected<std::vector<FilePatch>> fputcheck::parsePatch(StringRef Text,
                                                       StringRef Name) {
  SmallVector<StringRef> Lines;
  Text.split(Lines, '\n');
  std::vector<FilePatch> Out;
  std::string Subject;
  auto Bad = [&](size_t I, const Twine &Why) {
    return createStringError(inconvertibleErrorCode(),
                             Name + ":" + Twine(I + 1) + ": error: " + Why);
  };
  for (size_t I = 0; I < Lines.size(); ++I) {
    StringRef L = Lines[I].rtrim('\r');
    if (L.consume_front("Subject: ")) {
      Subject = L.str();
      continue;
    }
    if (!L.starts_with("--- ") || I + 1 >= Lines.size() ||
        !Lines[I + 1].starts_with("+++ "))
      continue;
    FilePatch P;
    P.OldPath = stripPath(L.drop_front(4));
    P.NewPath = stripPath(Lines[I + 1].rtrim('\r').drop_front(4));
    P.Origin = Subject.empty() ? Name.str() : Subject;
    I += 2;
    while (I < Lines.size() && Lines[I].starts_with("@@ ")) {
      Hunk H;
      H.Header = Lines[I].rtrim('\r').str();
      if (!parseHunkHeader(H.Header, H))
        return Bad(I, "malformed hunk header '" + H.Header + "'");
      unsigned Old = 0, New = 0;
      ++I;
      while (I < Lines.size() && (Old < H.OldCount || New < H.NewCount)) {
        StringRef Body = Lines[I].rtrim('\r');
        // Mailers drop the space of an empty context line.
        char Mark = Body.empty() ? ' ' : Body[0];
        if (Mark == '\\') {
          ++I;
          continue;
        }
        if (Mark != ' ' && Mark != '-' && Mark != '+')
          return Bad(I, "hunk '" + H.Header + "' of " +
                            (P.NewPath.empty() ? P.OldPath : P.NewPath) +
                            " ends early");
        H.Lines.emplace_back(Mark, Body.empty() ? "" : Body.drop_front(1).str());
        Old += Mark != '+';
        New += Mark != '-';
        ++I;
      }
      if (Old != H.OldCount || New != H.NewCount)
        return Bad(I, "hunk '" + H.Header + "' is truncated");
      // "\ No newline at end of file" after the last old or new line.
      while (I < Lines.size() && Lines[I].starts_with("\\")) {
        char Last = H.Lines.empty() ? ' ' : H.Lines.back().first;
        if (Last != '+')
          H.OldNoNewline = true;
        if (Last != '-')
          H.NewNoNewline = true;
        ++I;
      }
      P.Hunks.push_back(std::move(H));
    }
    --I;
    Out.push_back(std::move(P));
  }
  if (Out.empty())
    return createStringError(inconvertibleErrorCode(),
                             Name + ": error: no unified diff found");
  return Out;
}

Error PatchedTree::apply(const FilePatch &P) {
  const std::string &Rel = P.OldPath.empty() ? P.NewPath : P.OldPath;
  auto Fail = [&](const Twine &Why) {
    return createStringError(inconvertibleErrorCode(),
                             Rel + ": error: " + Why + " (" + P.Origin + ")");
  };
  // The file as earlier patches left it.
  std::optional<std::string> Current;
  if (!P.OldPath.empty()) {
    auto It = Files.find(P.OldPath);
    Current = It != Files.end() ? It->second : Read(P.OldPath);
    if (!Current)
      return Fail("the patch changes a file that does not exist");
  }
  bool FinalNewline = true;
  std::vector<std::string> Content =
      Current ? splitLines(*Current, FinalNewline) : std::vector<std::string>();
  std::vector<bool> Marks(Content.size(), false);
  if (auto It = Added.find(Rel); It != Added.end() && !P.OldPath.empty())
    Marks = It->second;
  Marks.resize(Content.size(), false);

  long Delta = 0;
  for (size_t N = 0; N < P.Hunks.size(); ++N) {
    const Hunk &H = P.Hunks[N];
    std::vector<StringRef> Old;
    for (const auto &[Mark, Text] : H.Lines)
      if (Mark != '+')
        Old.push_back(Text);
    auto Matches = [&](long At) {
      if (At < 0 || size_t(At) + Old.size() > Content.size())
        return false;
      for (size_t K = 0; K < Old.size(); ++K)
        if (Content[At + K] != Old[K])
          return false;
      return true;
    };
    // Where the hunk says, moved by what earlier hunks changed; else the
    // nearest place it matches (the file moved under the patch).
    long Want = long(H.OldCount ? H.OldStart - 1 : H.OldStart) + Delta;
    std::optional<long> At;
    for (long Off = 0; !At && Off <= long(Content.size()); ++Off) {
      if (Matches(Want - Off))
        At = Want - Off;
      else if (Off && Matches(Want + Off))
        At = Want + Off;
    }
    if (!At)
      return Fail("hunk #" + Twine(N + 1) + " '" + H.Header +
                  "' does not apply");
    std::vector<std::string> New;
    std::vector<bool> NewMarks;
    size_t OldIndex = *At;
    for (const auto &[Mark, Text] : H.Lines) {
      if (Mark == '-') {
        ++OldIndex;
        continue;
      }
      New.push_back(Text);
      NewMarks.push_back(Mark == '+' || (Mark == ' ' && Marks[OldIndex]));
      if (Mark == ' ')
        ++OldIndex;
    }
    Content.erase(Content.begin() + *At, Content.begin() + *At + Old.size());
    Content.insert(Content.begin() + *At, New.begin(), New.end());
    Marks.erase(Marks.begin() + *At, Marks.begin() + *At + Old.size());
    Marks.insert(Marks.begin() + *At, NewMarks.begin(), NewMarks.end());
    Delta += long(New.size()) - long(Old.size());
    if (H.NewNoNewline)
      FinalNewline = false;
    else if (H.OldNoNewline)
      FinalNewline = true;
  }

  if (P.NewPath.empty()) {
    if (!Content.empty())
      return Fail("the patch deletes the file but leaves lines in it");
    Files[Rel] = std::nullopt;
    Added.erase(Rel);
    return Error::success();
  }
  std::string Text = join(Content, "\n");
  if (!Content.empty() && FinalNewline)
    Text += "\n";
  if (!P.OldPath.empty() && P.OldPath != P.NewPath) {
    Files[P.OldPath] = std::nullopt;
    Added.erase(P.OldPath);
  }
  Files[P.NewPath] = std::move(Text);
  Added[P.NewPath] = std::move(Marks);
  return Error::success();
}

std::set<unsigned> PatchedTree::addedLines(StringRef Rel) const {
  std::set<unsigned> Out;
  auto It = Added.find(Rel);
  if (It == Added.end())
    return Out;
  for (size_t I = 0; I < It->second.size(); ++I)
    if (It->second[I])
      Out.insert(I + 1);
  return Out;
}

IntrusiveRefCntPtr<vfs::FileSystem>
PatchedTree::fileSystem(StringRef Root) const {
  auto Mem = makeIntrusiveRefCnt<vfs::InMemoryFileSystem>();
  // By entry, not a structured binding: the buffers point into this
  // tree's strings, and a binding may be a copy that dies with the loop.
  for (const auto &E : Files) {
    // A deleted file is absent from memory only: the disk still shows it.
    if (!E.getValue())
      continue;
    SmallString<256> Abs(Root);
    sys::path::append(Abs, E.getKey());
    Mem->addFile(Abs, 0, MemoryBuffer::getMemBuffer(*E.getValue(), Abs));
  }
  // Not getRealFileSystem(): its working directory is the process's, and
  // the parse would chdir the whole process into the command's directory
  // (a relative --store then named another file).
  auto Over = makeIntrusiveRefCnt<vfs::OverlayFileSystem>(
      vfs::createPhysicalFileSystem());
  Over->pushOverlay(Mem);
  return Over;
}
