//===- SummaryFieldsTest.cpp - Every summary field is written ---*- C++ -*-===//
//
// SummaryFields.h is the one list of a summary's fields that the binary
// form, the JSON and the query tables walk; a field Summary.h gains and that
// list lacks would be dropped by all three, so no round trip can see it.
// The compiler can: it counts an aggregate's members.
//
//===----------------------------------------------------------------------===//

#include "store/SummaryFields.h"

#include "llvm/Support/JSON.h"
#include "gtest/gtest.h"

using namespace llvm;
using namespace fputcheck;

namespace {

/// Initialises a member of any type.
struct AnyMember {
  template <class T> operator T() const;
};

template <class T, class... Init>
constexpr auto bracesTake(int) -> decltype(T{std::declval<Init>()...}, true) {
  return true;
}
template <class T, class... Init> constexpr bool bracesTake(...) {
  return false;
}

/// How many members aggregate \p T has: the most initialisers T{...} takes
/// (no member of a summary struct is an aggregate, so no brace elision).
template <class T, class... Init> constexpr unsigned members() {
  if constexpr (bracesTake<T, Init..., AnyMember>(0))
    return members<T, Init..., AnyMember>();
  else
    return sizeof...(Init);
}

struct Counter {
  unsigned N = 0;
  template <class T> void field(const Field &, const T &) { ++N; }
};

template <class T> unsigned mapped() {
  Counter C;
  mapConstFields(C, T());
  return C.N;
}

TEST(SummaryFields, EveryFieldIsMapped) {
  EXPECT_EQ(mapped<HeldLock>(), members<HeldLock>());
  EXPECT_EQ(mapped<CallSite>(), members<CallSite>());
  EXPECT_EQ(mapped<FunctionSummary>(), members<FunctionSummary>());
  EXPECT_EQ(mapped<FieldStore>(), members<FieldStore>());
  EXPECT_EQ(mapped<ExportMark>(), members<ExportMark>());
  EXPECT_EQ(mapped<FnArg>(), 2u);
  // Inputs is the store's cache key, not part of the stored summary.
  EXPECT_EQ(mapped<TUSummary>() + 1, members<TUSummary>());
}

TEST(SummaryFields, JSONThatIsNotASummaryIsRejectedWithItsPlace) {
  auto Error = [](StringRef Text) {
    Expected<json::Value> V = json::parse(Text);
    EXPECT_TRUE(bool(V)) << toString(V.takeError());
    Expected<TUSummary> S = summaryFromJSON(*V);
    return S ? std::string("accepted") : toString(S.takeError());
  };
  EXPECT_EQ(Error(R"({"main": "a.c", "fns": [], "stores": [], "exports": []})"),
            "accepted");
  EXPECT_EQ(Error(R"({"main": "a.c", "fns": [], "stores": []})"),
            "malformed summary: missing value at summary.exports");
  EXPECT_EQ(Error(R"({"main": "a.c", "fns": [{"k": "f", "n": "f", "f": "a.c",
                      "l": 1, "e": [], "c": [{"l": 2, "c": "x"}]}],
                      "stores": [], "exports": []})"),
            "malformed summary: expected an unsigned number at "
            "summary.fns[0].c[0].c");
  EXPECT_EQ(Error(R"({"main": "a.c", "fns": [], "exports": [],
                      "stores": [["s", "f", "fn", "a.c", 3]]})"),
            "malformed summary: expected more values at summary.stores[0]");
  EXPECT_EQ(Error(R"({"main": "a.c", "fns": [], "stores": [],
                      "exports": [["x", "EXPORT_SYMBOL", "a.c", 3, 4]]})"),
            "malformed summary: expected fewer values at summary.exports[0]");
}

} // namespace
