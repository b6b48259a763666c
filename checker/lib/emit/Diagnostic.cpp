//===- Diagnostic.cpp - Messages about a run, in clang's form -------------===//

#include "fputcheck/Diagnostic.h"

#include "llvm/ADT/StringExtras.h"

using namespace llvm;
using namespace fputcheck;

namespace {

const std::pair<Severity, StringRef> Names[] = {
    {Severity::Error, "error"},
    {Severity::Warning, "warning"},
    {Severity::Note, "note"},
};

StringRef nameOf(Severity S) {
  for (const auto &[Level, Name] : Names)
    if (Level == S)
      return Name;
  return "error";
}

bool isNumber(StringRef S) { return !S.empty() && llvm::all_of(S, isDigit); }

/// "file", "file:line" or "file:line:col" into \p D. The numbers are taken
/// from the right: a file name may hold a colon, a line number never does.
void readLocation(StringRef Where, Diagnostic &D) {
  auto [Rest, Last] = Where.rsplit(':');
  if (Rest.empty() || !isNumber(Last)) {
    D.File = Where.str();
    return;
  }
  auto [File, Middle] = Rest.rsplit(':');
  if (!File.empty() && isNumber(Middle)) {
    D.File = File.str();
    Middle.getAsInteger(10, D.Line);
    Last.getAsInteger(10, D.Col);
    return;
  }
  D.File = Rest.str();
  Last.getAsInteger(10, D.Line);
}

} // namespace

std::string fputcheck::render(const Diagnostic &D) {
  std::string Out;
  if (!D.File.empty()) {
    Out = D.File;
    if (D.Line) {
      Out += ":" + std::to_string(D.Line);
      if (D.Col)
        Out += ":" + std::to_string(D.Col);
    }
    Out += ": ";
  }
  return (Out + nameOf(D.Level) + ": " + D.Text).str();
}

raw_ostream &fputcheck::operator<<(raw_ostream &OS, const Diagnostic &D) {
  return OS << render(D);
}

Diagnostic fputcheck::parseDiagnostic(StringRef Rendered, Origin From) {
  Diagnostic D;
  D.From = From;
  // The severity is the first "error: " (or warning, note) that starts the
  // text or follows a location; only the first line has one, the rest of
  // a message (a YAML error's source line and caret) is text.
  StringRef First = Rendered.split('\n').first;
  size_t Best = StringRef::npos, TextAt = 0;
  for (const auto &[Level, Name] : Names) {
    std::string Tag = (Name + ": ").str();
    size_t At = 0, Skip = Tag.size();
    if (!First.starts_with(Tag)) {
      At = First.find(": " + Tag);
      Skip = At + 2 + Tag.size();
    }
    if (At == StringRef::npos || (Best != StringRef::npos && At >= Best))
      continue;
    Best = At;
    TextAt = Skip;
    D.Level = Level;
  }
  if (Best == StringRef::npos) {
    D.Text = Rendered.str();
    return D;
  }
  if (Best)
    readLocation(Rendered.take_front(Best), D);
  D.Text = Rendered.drop_front(TextAt).str();
  return D;
}
