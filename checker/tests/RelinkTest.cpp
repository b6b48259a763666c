//===- RelinkTest.cpp - The patched program from the base's summaries -----===//

#include "review/Relink.h"

#include "gtest/gtest.h"

using namespace fputcheck;

namespace {

TUSummary tu(const char *File, std::initializer_list<const char *> Keys) {
  TUSummary S;
  S.MainFile = File;
  for (const char *K : Keys) {
    FunctionSummary F;
    F.Key = K;
    F.Name = K;
    F.File = File;
    S.Functions.push_back(F);
  }
  return S;
}

/// a.c holds the kept copy of the header inline h(); b.c's was dropped.
std::unique_ptr<Program> base() {
  auto P = std::make_unique<Program>();
  P->add(tu("/t/a.c", {"f", "h"}));
  P->add(tu("/t/b.c", {"g"}));
  P->link(Rules());
  return P;
}

TEST(RelinkTest, PatchedTUReplacesItsBase) {
  auto Base = base();
  std::vector<TUSummary> Adding{tu("/t/a.c", {"f", "h", "k"})};
  auto P = relinkPatched(*Base, Adding, Rules());
  ASSERT_TRUE(P);
  EXPECT_EQ(P->numTUs(), 2u);
  ASSERT_TRUE(P->function("k"));
  EXPECT_TRUE(P->function("g"));
  EXPECT_EQ(Base->numTUs(), 0u);
}

TEST(RelinkTest, FunctionOnlyTheBaseHeldIsLoadedInstead) {
  // Loading would take h() from b.c, whose copy the base dropped.
  auto Base = base();
  std::vector<TUSummary> Adding{tu("/t/a.c", {"f"})};
  EXPECT_FALSE(relinkPatched(*Base, Adding, Rules()));
  EXPECT_EQ(Base->numTUs(), 2u);
  ASSERT_EQ(Adding.size(), 1u);
  EXPECT_EQ(Adding[0].Functions.size(), 1u);
}

TEST(RelinkTest, NewTUIsAdded) {
  auto Base = base();
  std::vector<TUSummary> Adding{tu("/t/c.c", {"h", "m"})};
  auto P = relinkPatched(*Base, Adding, Rules());
  ASSERT_TRUE(P);
  EXPECT_EQ(P->numTUs(), 3u);
  EXPECT_EQ(P->function("h")->File, "/t/a.c"); // First in file order.
}

} // namespace
