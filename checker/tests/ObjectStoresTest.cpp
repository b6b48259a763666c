//===- ObjectStoresTest.cpp - What a store shows of an object's tables ----===//
//
// A store into a pointer field shows the table an object's ops point to
// only when the assignment runs before it on every path and nothing between
// changes the object: otherwise it shows nothing, and calls through that
// field stay guesses (extract/ObjectStores.h).
//
//===----------------------------------------------------------------------===//

#include "extract/ObjectStores.h"

#include "clang/AST/ASTContext.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"
#include <set>

using namespace clang;
using namespace fputcheck;

namespace {

const char Decls[] = R"c(
struct xprt;
struct ops { void (*close)(struct xprt *); };
struct xprt { const struct ops *ops; int port; };
struct holder { struct xprt *bc; };
struct xprt *alloc(void);
void get(struct xprt *);
static void c1(struct xprt *x) {}
static const struct ops tcp_ops = { .close = c1 };
static const struct ops bc_ops = { .close = c1 };
static struct ops mutable_ops = { .close = c1 };
)c";

/// (via, table name or "") of every store the code's functions make.
std::set<std::pair<std::string, std::string>>
storesIn(const std::string &Code) {
  std::unique_ptr<ASTUnit> AST = tooling::buildASTFromCodeWithArgs(
      std::string(Decls) + Code, {"-xc", "-std=gnu11"}, "t.c");
  EXPECT_TRUE(AST);
  std::set<std::pair<std::string, std::string>> Out;
  if (!AST)
    return Out;
  for (Decl *D : AST->getASTContext().getTranslationUnitDecl()->decls())
    collectObjectStores(D, AST->getASTContext(),
                        [&](const std::string &Via, const VarDecl *T) {
                          Out.insert({Via, T ? T->getName().str() : ""});
                        });
  return Out;
}

const std::string Via = "holder.bc>xprt.ops";
using Stores = std::set<std::pair<std::string, std::string>>;

TEST(ObjectStores, AnAssignmentBeforeTheStoreShowsTheTable) {
  EXPECT_EQ(storesIn("void f(struct holder *h) {"
                     "  struct xprt *x = alloc();"
                     "  x->ops = &bc_ops; x->port = 1; get(x);"
                     "  h->bc = x; }"),
            (Stores{{Via, "bc_ops"}}));
}

TEST(ObjectStores, NullStoresShowNothingAndHideNothing) {
  EXPECT_EQ(storesIn("void f(struct holder *h) { h->bc = 0; }"), Stores{});
}

TEST(ObjectStores, WhatTheStoreCannotShowIsUnknown) {
  // An object from the caller.
  EXPECT_EQ(storesIn("void f(struct holder *h, struct xprt *x) { h->bc = x; }"),
            (Stores{{Via, ""}}));
  // Tables given on one branch only.
  EXPECT_EQ(storesIn("void f(struct holder *h, int c) {"
                     "  struct xprt *x = alloc();"
                     "  if (c) x->ops = &bc_ops;"
                     "  h->bc = x; }"),
            (Stores{{Via, ""}}));
  // A label between: a goto may skip the assignment.
  EXPECT_EQ(storesIn("void f(struct holder *h, int c) {"
                     "  struct xprt *x = alloc();"
                     "  if (c) goto in;"
                     "  x->ops = &bc_ops;"
                     "in:"
                     "  get(x);"
                     "  h->bc = x; }"),
            (Stores{{Via, ""}}));
  // Another object in the same variable since.
  EXPECT_EQ(storesIn("void f(struct holder *h) {"
                     "  struct xprt *x = alloc();"
                     "  x->ops = &bc_ops; x = alloc();"
                     "  h->bc = x; }"),
            (Stores{{Via, ""}}));
  // A table that is not constant can be rewritten at run time.
  EXPECT_EQ(storesIn("void f(struct holder *h) {"
                     "  struct xprt *x = alloc();"
                     "  x->ops = &mutable_ops;"
                     "  h->bc = x; }"),
            (Stores{{Via, ""}}));
  // An initializer, and a field whose address is taken (WRITE_ONCE()).
  EXPECT_EQ(storesIn("struct holder g = { .bc = (struct xprt *)1 };"),
            (Stores{{Via, ""}}));
  EXPECT_EQ(storesIn("void f(struct holder *h, struct xprt *x) {"
                     "  *(volatile struct xprt **)&h->bc = x; }"),
            (Stores{{Via, ""}}));
}

TEST(ObjectStores, EachStoreSaysWhatItShows) {
  EXPECT_EQ(storesIn("void f(struct holder *h, struct holder *k) {"
                     "  struct xprt *x = alloc(), *y = alloc();"
                     "  x->ops = &bc_ops; y->ops = &tcp_ops;"
                     "  h->bc = x; k->bc = y; }"),
            (Stores{{Via, "bc_ops"}, {Via, "tcp_ops"}}));
}

} // namespace
