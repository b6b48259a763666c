//===- Emit.cpp - Text, JSON and SARIF output -------------------*- C++ -*-===//

#include "fputcheck/Emit.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA1.h"
#include "llvm/ADT/StringExtras.h"
#include <algorithm>

using namespace llvm;
using namespace fputcheck;

#ifndef FPUTCHECK_VERSION
#define FPUTCHECK_VERSION "0.1.0"
#endif

static std::string where(const Step &S, const EmitOptions &O) {
  return relativePath(S.File, O.Root) + ":" + std::to_string(S.Line);
}

void fputcheck::emitText(const std::vector<Finding> &Fs, const EmitOptions &O,
                         raw_ostream &OS) {
  for (const Finding &F : Fs) {
    OS << where(F.Where, O) << " " << F.Where.Function << "() warn: "
       << F.Message << " (" << F.Chain << ") [" << checkId(F.Check) << "]\n";
    for (const Step &N : F.Notes)
      OS << "  " << where(N, O) << " note: " << N.Message << "\n";
    for (const Step &S : F.Flow)
      OS << "  " << where(S, O) << " note: " << S.Message << "\n";
  }
}

static json::Object stepJSON(const Step &S, const EmitOptions &O) {
  return json::Object{{"function", S.Function},
                      {"file", relativePath(S.File, O.Root)},
                      {"line", S.Line},
                      {"column", S.Col},
                      {"message", S.Message}};
}

void fputcheck::emitJSON(const std::vector<Finding> &Fs, const EmitOptions &O,
                         raw_ostream &OS) {
  json::Array Out;
  for (size_t I = 0; I < Fs.size(); ++I) {
    const Finding &F = Fs[I];
    json::Array Notes, Flow;
    for (const Step &N : F.Notes)
      Notes.push_back(stepJSON(N, O));
    for (const Step &S : F.Flow)
      Flow.push_back(stepJSON(S, O));
    json::Object Where = stepJSON(F.Where, O);
    Where.erase("message");
    json::Object J{{"check", checkId(F.Check)},
                   {"location", std::move(Where)},
                   {"message", F.Message},
                   {"chain", F.Chain},
                   {"sync_variant", F.SyncVariant},
                   {"context", F.Context},
                   {"fingerprint", findingFingerprint(F, O.Root)},
                   {"notes", std::move(Notes)},
                   {"flow", std::move(Flow)}};
    if (!F.OnlyOnLastReference.empty())
      J["only_on_last_reference"] = F.OnlyOnLastReference;
    if (I < O.States.size())
      J["state"] = O.States[I];
    Out.push_back(std::move(J));
  }
  OS << formatv("{0:2}", json::Value(json::Object{
                             {"version", 1}, {"findings", std::move(Out)}}))
     << "\n";
}

static json::Object physical(const Step &S, const EmitOptions &O) {
  std::string Rel = relativePath(S.File, O.Root);
  // A file outside the root keeps its absolute path, as a file: URI: a
  // bare "/x" is a relative reference, and would resolve against SRCROOT.
  json::Object Artifact{{"uri", sys::path::is_absolute(Rel) ? "file://" + Rel
                                                            : Rel}};
  if (!sys::path::is_absolute(Rel))
    Artifact["uriBaseId"] = "SRCROOT";
  json::Object Region{{"startLine", std::max(1u, S.Line)}};
  if (S.Col)
    Region["startColumn"] = S.Col;
  return json::Object{{"artifactLocation", std::move(Artifact)},
                      {"region", std::move(Region)}};
}

static json::Object sarifLocation(const Step &S, const EmitOptions &O) {
  json::Object L{{"physicalLocation", physical(S, O)}};
  if (!S.Function.empty())
    L["logicalLocations"] =
        json::Array{json::Object{{"name", S.Function}, {"kind", "function"}}};
  if (!S.Message.empty())
    L["message"] = json::Object{{"text", S.Message}};
  return L;
}


/// docs/checks.md's section of check \p Id (Markdown), built in.
static StringRef checkDoc(StringRef Id) {
  static const std::pair<const char *, const char *> Docs[] = {
#include "CheckDocs.inc"
  };
  for (const auto &[DocId, Text] : Docs)
    if (Id == DocId)
      return Text;
  return "";
}

/// "fput-sync-atomic" -> "FputSyncAtomic", SARIF's friendly rule name.
static std::string pascalCase(StringRef Id) {
  std::string Out;
  SmallVector<StringRef> Words;
  Id.split(Words, '-');
  for (StringRef W : Words)
    if (!W.empty())
      Out += toUpper(W[0]) + W.drop_front().str();
  return Out;
}

/// Markdown to plain text, as far as SARIF's text fields need: no
/// backquotes, paragraphs kept, lines inside a paragraph joined.
static std::string plainText(StringRef Markdown) {
  std::string Out;
  SmallVector<StringRef> Paras;
  Markdown.split(Paras, "\n\n");
  for (StringRef P : Paras) {
    SmallVector<StringRef> Lines;
    P.split(Lines, '\n');
    if (!Out.empty())
      Out += "\n\n";
    Out += join(Lines, " ");
  }
  Out.erase(std::remove(Out.begin(), Out.end(), '`'), Out.end());
  return Out;
}

void fputcheck::emitSARIF(const std::vector<Finding> &Fs, const EmitOptions &O,
                          raw_ostream &OS) {
  json::Array Rules;
  for (unsigned I = 0; I < NumChecks; ++I) {
    CheckKind K = CheckKind(I);
    StringRef Doc = checkDoc(checkId(K));
    Rules.push_back(json::Object{
        {"id", checkId(K)},
        {"name", pascalCase(checkId(K))},
        {"shortDescription", json::Object{{"text", checkSummary(K)}}},
        {"fullDescription", json::Object{{"text", plainText(Doc)}}},
        {"help", json::Object{{"text", plainText(Doc)}, {"markdown", Doc}}},
        {"helpUri", ("https://fputcheck.invalid/docs/checks.md#" +
                     checkId(K)).str()},
        {"defaultConfiguration", json::Object{{"level", "warning"}}}});
  }
  json::Array Results;
  for (size_t I = 0; I < Fs.size(); ++I) {
    const Finding &F = Fs[I];
    json::Array Related;
    unsigned Id = 1;
    for (const Step &N : F.Notes) {
      json::Object L = sarifLocation(N, O);
      L["id"] = Id++;
      Related.push_back(std::move(L));
    }
    json::Array Thread;
    for (const Step &S : F.Flow)
      Thread.push_back(json::Object{{"location", sarifLocation(S, O)}});
    json::Object Where = sarifLocation(F.Where, O);
    json::Object Result{
        {"ruleId", checkId(F.Check)},
        {"ruleIndex", unsigned(F.Check)},
        {"level", "warning"},
        {"message",
         json::Object{{"text", F.Message + " (" + F.Chain + ")"}}},
        {"locations", json::Array{std::move(Where)}},
        {"codeFlows",
         json::Array{json::Object{
             {"threadFlows",
              json::Array{json::Object{{"locations", std::move(Thread)}}}}}}},
        {"partialFingerprints",
         json::Object{{"fputcheckFinding/v2", findingFingerprint(F, O.Root)}}}};
    if (!Related.empty())
      Result["relatedLocations"] = std::move(Related);
    if (!F.OnlyOnLastReference.empty())
      Result["properties"] =
          json::Object{{"onlyOnLastReference", F.OnlyOnLastReference}};
    if (I < O.States.size())
      Result["baselineState"] =
          O.States[I] == "resolved" ? "absent" : O.States[I];
    Results.push_back(std::move(Result));
  }
  std::string RootUri = "file://" + O.Root;
  if (!StringRef(RootUri).ends_with("/"))
    RootUri += "/";
  json::Object Run{
      {"tool", json::Object{{"driver",
                             json::Object{{"name", "fputcheck"},
                                          {"version", FPUTCHECK_VERSION},
                                          {"informationUri",
                                           "https://fputcheck.invalid/README.md"},
                                          {"rules", std::move(Rules)}}}}},
      {"originalUriBaseIds",
       json::Object{{"SRCROOT", json::Object{{"uri", RootUri}}}}},
      {"columnKind", "unicodeCodePoints"},
      {"results", std::move(Results)}};
  json::Object Doc{
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", json::Array{std::move(Run)}}};
  OS << formatv("{0:2}", json::Value(std::move(Doc))) << "\n";
}
