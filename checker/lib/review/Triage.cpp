//===- Triage.cpp - Baselines and suppressions ----------------------------===//

#include "fputcheck/Triage.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"

using namespace llvm;
using namespace fputcheck;

void fputcheck::writeBaseline(const std::vector<Finding> &Fs, StringRef Root,
                              raw_ostream &OS) {
  std::vector<std::string> Lines;
  for (const Finding &F : Fs)
    Lines.push_back(findingFingerprint(F, Root) + " " + checkId(F.Check).str() +
                    " " + relativePath(F.Where.File, Root) + " " +
                    F.Where.Function + "() " + F.SyncVariant + ": " +
                    F.Context + " (" + F.Chain + ")");
  llvm::sort(Lines);
  OS << "# fputcheck baseline: one finding per line, its fingerprint first\n"
        "# (findingKey(): check, file, function, variant, context, chain;\n"
        "# no line numbers). Findings listed here are not reported by\n"
        "# 'fputcheck analyze --baseline'.\n";
  for (const std::string &L : Lines)
    OS << L << "\n";
}

Expected<std::multiset<std::string>>
fputcheck::readBaseline(StringRef Path) {
  auto B = MemoryBuffer::getFile(Path);
  if (!B)
    return createStringError(B.getError(), Path + ": error: cannot read: " +
                                               B.getError().message());
  std::multiset<std::string> Out;
  SmallVector<StringRef> Lines;
  (*B)->getBuffer().split(Lines, '\n');
  for (size_t I = 0; I < Lines.size(); ++I) {
    StringRef L = Lines[I].trim();
    if (L.empty() || L.starts_with("#"))
      continue;
    StringRef Print = L.split(' ').first;
    if (Print.size() != 16 ||
        !llvm::all_of(Print, [](char C) { return isHexDigit(C); }))
      return createStringError(inconvertibleErrorCode(),
                               Path + ":" + Twine(I + 1) +
                                   ": error: not a baseline line (expected "
                                   "a 16-digit fingerprint first)");
    Out.insert(Print.str());
  }
  return Out;
}

unsigned fputcheck::applyBaseline(std::vector<Finding> &Fs, StringRef Root,
                                  std::multiset<std::string> Baseline) {
  size_t Before = Fs.size();
  llvm::erase_if(Fs, [&](const Finding &F) {
    auto It = Baseline.find(findingFingerprint(F, Root));
    if (It == Baseline.end())
      return false;
    Baseline.erase(It);
    return true;
  });
  return Before - Fs.size();
}

Expected<std::vector<Suppression>>
fputcheck::readSuppressions(StringRef Path) {
  auto B = MemoryBuffer::getFile(Path);
  if (!B)
    return createStringError(B.getError(), Path + ": error: cannot read: " +
                                               B.getError().message());
  SourceMgr SM;
  std::string Diag;
  SM.setDiagHandler(
      [](const SMDiagnostic &D, void *Ctx) {
        auto &Out = *static_cast<std::string *>(Ctx);
        if (Out.empty())
          Out = (D.getFilename() + ":" + Twine(D.getLineNo()) +
                 ": error: " + D.getMessage())
                    .str();
      },
      &Diag);
  yaml::Stream Stream((*B)->getBuffer(), SM);
  std::vector<Suppression> Out;
  auto LineOf = [&](yaml::Node *N) {
    return SM.FindLineNumber(N->getSourceRange().Start);
  };
  auto Fail = [&](yaml::Node *N, const Twine &Why) {
    return createStringError(inconvertibleErrorCode(),
                             Path + ":" + Twine(LineOf(N)) + ": error: " +
                                 Why);
  };
  for (yaml::Document &Doc : Stream) {
    yaml::Node *Root = Doc.getRoot();
    if (!Root || isa<yaml::NullNode>(Root))
      continue;
    auto *List = dyn_cast<yaml::SequenceNode>(Root);
    if (!List)
      return Fail(Root, "expected a list of suppressions");
    for (yaml::Node &Item : *List) {
      auto *Map = dyn_cast<yaml::MappingNode>(&Item);
      if (!Map)
        return Fail(&Item, "a suppression is a mapping (check, function, "
                           "reason, ...)");
      Suppression S;
      S.File = Path.str();
      S.Line = LineOf(Map);
      for (yaml::KeyValueNode &KV : *Map) {
        auto *K = dyn_cast_or_null<yaml::ScalarNode>(KV.getKey());
        auto *V = dyn_cast_or_null<yaml::ScalarNode>(KV.getValue());
        if (!K || !V)
          return Fail(&KV, "expected 'key: value'");
        SmallString<64> KS, VS;
        StringRef Key = K->getValue(KS), Value = V->getValue(VS);
        std::string *Field = Key == "check"      ? &S.Check
                             : Key == "function" ? &S.Function
                             : Key == "variant"  ? &S.Variant
                             : Key == "lock"     ? &S.Lock
                             : Key == "reason"   ? &S.Reason
                                                 : nullptr;
        if (!Field)
          return Fail(K, "unknown key '" + Key +
                             "' (check, function, variant, lock, reason)");
        *Field = Value.trim().str();
      }
      CheckKind Kind;
      if (S.Check.empty() || !parseCheckId(S.Check, Kind))
        return Fail(Map, "a suppression needs a known check id");
      if (S.Function.empty())
        return Fail(Map, "a suppression needs the function the finding is "
                         "in");
      if (S.Reason.empty())
        return Fail(Map, "a suppression needs a reason: why is this finding "
                         "not a bug?");
      Out.push_back(std::move(S));
    }
  }
  if (!Diag.empty())
    return createStringError(inconvertibleErrorCode(), Diag);
  return Out;
}

/// Whether the lock a finding's context quotes is \p Lock, or a member of
/// it (spin_lock(&p->lock) is held as 'p->lock->rlock' through the
/// wrapper).
static bool namesLock(StringRef Context, StringRef Lock) {
  size_t Open = Context.find('\''), Close = Context.rfind('\'');
  if (Open == StringRef::npos || Close <= Open)
    return false;
  StringRef Held = Context.slice(Open + 1, Close);
  return Held == Lock || Held.starts_with((Lock + "->").str()) ||
         Held.starts_with((Lock + ".").str());
}

unsigned fputcheck::applySuppressions(std::vector<Finding> &Fs,
                                      std::vector<Suppression> &Ss) {
  size_t Before = Fs.size();
  llvm::erase_if(Fs, [&](const Finding &F) {
    for (Suppression &S : Ss)
      if (S.Check == checkId(F.Check) && S.Function == F.Where.Function &&
          (S.Variant.empty() || S.Variant == F.SyncVariant) &&
          (S.Lock.empty() || namesLock(F.Context, S.Lock))) {
        ++S.Matched;
        return true;
      }
    return false;
  });
  return Before - Fs.size();
}

std::vector<Diagnostic>
fputcheck::staleSuppressions(const std::vector<Suppression> &Ss) {
  std::vector<Diagnostic> Out;
  for (const Suppression &S : Ss)
    if (!S.Matched)
      Out.push_back({Severity::Warning, S.File, S.Line, 0,
                     "stale suppression: no " + S.Check + " finding in " +
                         S.Function + "()"});
  return Out;
}
