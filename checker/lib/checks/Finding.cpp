//===- Finding.cpp - What checks report -----------------------------------===//

#include "fputcheck/Finding.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/SHA1.h"
#include <map>
#include <tuple>

using namespace llvm;
using namespace fputcheck;

namespace {
struct CheckInfo {
  const char *Id;
  const char *Summary;
};
constexpr CheckInfo Infos[NumChecks] = {
#define FPUTCHECK_CHECK(Kind, Id, Class, Summary) {Id, Summary},
#include "fputcheck/Checks.def"
};
} // namespace

StringRef fputcheck::checkId(CheckKind K) { return Infos[unsigned(K)].Id; }

StringRef fputcheck::checkSummary(CheckKind K) {
  return Infos[unsigned(K)].Summary;
}

bool fputcheck::parseCheckId(StringRef Id, CheckKind &K) {
  for (unsigned I = 0; I < NumChecks; ++I)
    if (Id == Infos[I].Id) {
      K = CheckKind(I);
      return true;
    }
  return false;
}

std::string fputcheck::relativePath(StringRef File, StringRef Root) {
  if (Root.empty())
    return File.str();
  std::string R = Root.rtrim('/').str() + "/";
  if (File.starts_with(R))
    return File.substr(R.size()).str();
  return File.str();
}

std::string fputcheck::findingKey(const Finding &F, StringRef Root) {
  // Fields joined by a byte no identifier, path or lock text holds.
  std::string Key = checkId(F.Check).str();
  for (const std::string &Part :
       {relativePath(F.Where.File, Root), F.Where.Function, F.SyncVariant,
        F.Context, F.Chain})
    Key += "\x1f" + Part;
  return Key;
}

std::string fputcheck::findingFingerprint(const Finding &F, StringRef Root) {
  SHA1 H;
  H.update(findingKey(F, Root));
  return toHex(H.final(), /*LowerCase=*/true).substr(0, 16);
}

void fputcheck::sortFindings(std::vector<Finding> &F) {
  stable_sort(F, [](const Finding &A, const Finding &B) {
    return std::make_tuple(A.Where.File, A.Where.Line, A.Where.Col,
                           unsigned(A.Check), A.Where.Function, A.Chain) <
           std::make_tuple(B.Where.File, B.Where.Line, B.Where.Col,
                           unsigned(B.Check), B.Where.Function, B.Chain);
  });
  // The place, the check, what the chain is unsafe for, and the sync call
  // it ends at (a census judges each of those apart).
  using Place = std::tuple<std::string, unsigned, unsigned, unsigned,
                           std::string, std::string, std::string, std::string,
                           unsigned, unsigned>;
  std::map<Place, size_t> Kept;
  std::vector<bool> Drop(F.size());
  for (size_t I = 0; I < F.size(); ++I) {
    const Finding &A = F[I];
    const Step &End = A.Flow.empty() ? A.Where : A.Flow.back();
    auto [It, New] = Kept.try_emplace(
        Place{A.Where.File, A.Where.Line, A.Where.Col, unsigned(A.Check),
              A.Where.Function, A.Context, A.SyncVariant, End.File, End.Line,
              End.Col},
        I);
    if (New)
      continue;
    if (A.Flow.size() < F[It->second].Flow.size()) {
      Drop[It->second] = true;
      It->second = I;
    } else {
      Drop[I] = true;
    }
  }
  size_t Out = 0;
  for (size_t I = 0; I < F.size(); ++I) {
    if (Drop[I])
      continue;
    if (Out != I)
      F[Out] = std::move(F[I]);
    ++Out;
  }
  F.resize(Out);
}
