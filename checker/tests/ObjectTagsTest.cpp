//===- ObjectTagsTest.cpp - Tagged objects and the tests on their tags ----===//
//
// The four parts extraction reads (extract/ObjectTags.h): tag tests in
// branch conditions, arguments that are an embedded tagged struct, calls
// whose result goes into container_of(), and allocators; and how linking
// puts them together (Program::tags()).
//
//===----------------------------------------------------------------------===//

#include "extract/LocalWrites.h"
#include "extract/ObjectTags.h"
#include "fputcheck/Program.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace fputcheck;

namespace {

const char Decls[] = R"c(
typedef unsigned long size_t;
#define offsetof(T, m) __builtin_offsetof(T, m)
#define container_of(ptr, type, member) ({ \
	void *__mptr = (void *)(ptr); \
	_Static_assert(1, "x"); \
	((type *)(__mptr - offsetof(type, member))); })
enum kind { K_NONE, K_PAGING, K_NESTED, K_FAULT };
struct obj { int id; enum kind type; };
struct lock { int v; };
struct hw { struct obj obj; struct lock lock; };
struct paging { struct hw common; };
struct fault { struct obj obj; void *filep; };
struct ops { void (*destroy)(struct obj *); size_t file_offset; };
static void destroy(struct obj *o) {}
static const struct ops tbl[];
static struct ops mutable_tbl[] = { [K_FAULT] = { .file_offset = 8 } };
struct obj *obj_alloc(size_t size, enum kind type);
void use(void *p);
)c";

struct Parsed {
  std::unique_ptr<ASTUnit> AST;
  const FunctionDecl *F = nullptr;
};

Parsed parse(const std::string &Code) {
  Parsed P;
  P.AST = tooling::buildASTFromCodeWithArgs(std::string(Decls) + Code,
                                            {"-xc", "-std=gnu11"}, "t.c");
  EXPECT_TRUE(P.AST);
  if (!P.AST)
    return P;
  for (Decl *D : P.AST->getASTContext().getTranslationUnitDecl()->decls())
    if (auto *FD = dyn_cast<FunctionDecl>(D))
      if (FD->getName() == "f" && FD->hasBody())
        P.F = FD;
  EXPECT_TRUE(P.F);
  return P;
}

struct FirstIf : RecursiveASTVisitor<FirstIf> {
  const Expr *Cond = nullptr;
  bool VisitIfStmt(IfStmt *S) {
    if (!Cond)
      Cond = S->getCond();
    return true;
  }
};

/// The fact the first `if` of f() states when its condition is nonzero.
std::string testIn(const std::string &Code) {
  Parsed P = parse(Code);
  if (!P.F)
    return "?";
  FirstIf V;
  V.TraverseStmt(P.F->getBody());
  llvm::DenseSet<const VarDecl *> Written = writtenLocals(P.F);
  TagTestReader R(P.F, Written);
  const Expr *C = V.Cond->IgnoreParenImpCasts();
  std::optional<std::string> Fact;
  if (const auto *BO = dyn_cast<BinaryOperator>(C))
    Fact = R.equalityTest(BO->getLHS(), BO->getRHS());
  else
    Fact = R.entryTest(C);
  return Fact ? *Fact : "";
}

const char Table[] = R"c(
static const struct ops tbl[] = {
	[K_PAGING] = { .destroy = destroy },
	[K_NESTED] = { .destroy = destroy, .file_offset = 0 },
	[K_FAULT] = { .destroy = destroy,
		      .file_offset = offsetof(struct fault, filep) },
};
)c";

TEST(ObjectTags, ATableEntryTestAdmitsTheIndicesWhoseEntryPasses) {
  std::string T(Table);
  EXPECT_EQ(testIn(T + "void f(int x, struct obj *o) {"
                       "  const struct ops *ops = &tbl[o->type];"
                       "  if (ops->file_offset) use(o); }"),
            "tag:$1>obj.type=3");
  EXPECT_EQ(testIn(T + "void f(struct obj *o) {"
                       "  if (tbl[o->type].destroy) use(o); }"),
            "tag:$0>obj.type=1,2,3");
  // Through a container: the place says where the tag sits.
  EXPECT_EQ(testIn(T + "void f(struct hw *h) {"
                       "  if (tbl[h->obj.type].file_offset) use(h); }"),
            "tag:$0>hw.obj>obj.type=3");
  // The table's definition may come after the function.
  EXPECT_EQ(testIn("void f(struct obj *o) {"
                   "  if (tbl[o->type].file_offset) use(o); }" +
                   T),
            "tag:$0>obj.type=3");
}

TEST(ObjectTags, WhatATableTestCannotKnowStatesNothing) {
  std::string T(Table);
  // A table that may change.
  EXPECT_EQ(testIn("void f(struct obj *o) {"
                   "  if (mutable_tbl[o->type].file_offset) use(o); }"),
            "");
  // A table defined elsewhere.
  EXPECT_EQ(testIn("extern const struct ops ext[];"
                   "void f(struct obj *o) {"
                   "  if (ext[o->type].file_offset) use(o); }"),
            "");
  // A parameter assigned in the body names no one object.
  EXPECT_EQ(testIn(T + "void f(struct obj *o, struct obj *p) {"
                       "  o = p; if (tbl[o->type].file_offset) use(o); }"),
            "");
  // A local that changes is not the table's entry.
  EXPECT_EQ(testIn(T + "void f(struct obj *o, int c) {"
                       "  const struct ops *ops = &tbl[o->type];"
                       "  if (c) ops = &tbl[0];"
                       "  if (ops->file_offset) use(o); }"),
            "");
  // An index that is not an enum field.
  EXPECT_EQ(testIn(T + "void f(struct obj *o) {"
                       "  if (tbl[o->id].file_offset) use(o); }"),
            "");
}

TEST(ObjectTags, AComparisonWithAConstantAdmitsThatValue) {
  EXPECT_EQ(testIn("void f(struct obj *o) {"
                   "  if (o->type == K_NESTED) use(o); }"),
            "tag:$0>obj.type=2");
  EXPECT_EQ(testIn("void f(struct obj *o) {"
                   "  if (K_FAULT == o->type) use(o); }"),
            "tag:$0>obj.type=3");
  EXPECT_EQ(testIn("void f(struct obj *o, enum kind k) {"
                   "  if (o->type == k) use(o); }"),
            "");
}

/// Where each argument of f()'s calls to use() sits.
std::vector<std::string> argObjectsIn(const std::string &Code) {
  Parsed P = parse(Code);
  std::vector<std::string> Out;
  if (!P.F)
    return Out;
  llvm::DenseSet<const VarDecl *> Written = writtenLocals(P.F);
  struct Calls : RecursiveASTVisitor<Calls> {
    std::vector<const CallExpr *> Uses;
    bool VisitCallExpr(CallExpr *CE) {
      if (const FunctionDecl *FD = CE->getDirectCallee();
          FD && FD->getName() == "use")
        Uses.push_back(CE);
      return true;
    }
  } V;
  V.TraverseStmt(P.F->getBody());
  for (const CallExpr *CE : V.Uses)
    Out.push_back(argObject(CE->getArg(0), Written));
  return Out;
}

TEST(ObjectTags, AnEmbeddedTaggedStructArgumentSaysWhereItSits) {
  EXPECT_EQ(argObjectsIn("void f(struct hw *h, struct paging *p) {"
                         "  struct obj *o = &p->common.obj;"
                         "  use(&h->obj); use(&p->common.obj); use(o);"
                         "  use(&h->lock); use(h); }"),
            (std::vector<std::string>{"hw.obj", "paging.common>hw.obj",
                                      "paging.common>hw.obj", "", ""}));
}

TEST(ObjectTags, ContainerOfACallSaysWhereTheResultGoes) {
  Parsed P = parse("void f(void) {"
                   "  struct paging *p = container_of("
                   "      obj_alloc(sizeof(*p), K_PAGING), struct paging,"
                   "      common.obj);"
                   "  struct obj *o = obj_alloc(8, K_FAULT);"
                   "  struct fault *ft = container_of(o, struct fault, obj);"
                   "  use(p); use(ft); }");
  ASSERT_TRUE(P.F);
  llvm::DenseMap<const CallExpr *, std::string> C = containerCalls(P.F);
  ASSERT_EQ(C.size(), 1u);
  EXPECT_EQ(C.begin()->first->getDirectCallee()->getName(), "obj_alloc");
  EXPECT_EQ(C.begin()->second, "paging.common>hw.obj");
}

/// ResultFields of function f.
std::vector<std::pair<unsigned, std::string>>
resultsOf(const std::string &Code) {
  Parsed P = parse(Code);
  if (!P.F)
    return {};
  return resultFields(P.F);
}

TEST(ObjectTags, AnAllocatorSetsItsResultsTagFromAParameter) {
  using R = std::vector<std::pair<unsigned, std::string>>;
  EXPECT_EQ(resultsOf("void *kzalloc(size_t);"
                      "struct obj *f(size_t size, enum kind type) {"
                      "  struct obj *o = kzalloc(size);"
                      "  if (!o) return (void *)0;"
                      "  o->type = type; return o; }"),
            (R{{1, "obj.type"}}));
  // Written twice, or from something else: not the parameter's value.
  EXPECT_EQ(resultsOf("void *kzalloc(size_t);"
                      "struct obj *f(size_t size, enum kind type) {"
                      "  struct obj *o = kzalloc(size);"
                      "  o->type = type; if (size > 8) o->type = K_FAULT;"
                      "  return o; }"),
            R{});
  EXPECT_EQ(resultsOf("void *kzalloc(size_t);"
                      "struct obj *f(size_t size, enum kind type) {"
                      "  struct obj *o = kzalloc(size);"
                      "  type = K_NONE; o->type = type; return o; }"),
            R{});
  // Two different objects returned.
  EXPECT_EQ(resultsOf("void *kzalloc(size_t);"
                      "struct obj *f(size_t size, enum kind type) {"
                      "  struct obj *o = kzalloc(size), *p = kzalloc(size);"
                      "  o->type = type; if (size) return p; return o; }"),
            R{});
}

TEST(ObjectTags, EveryOtherWriteOfAnEnumFieldIsSeen) {
  Parsed P = parse("struct state { enum kind k; int n; };"
                   "void f(struct obj *o, struct hw *h, struct state *s) {"
                   "  struct state t = { .k = K_FAULT };"
                   "  o->type = K_NONE; use(&h->obj.type); s->n = 1; }");
  ASSERT_TRUE(P.F);
  EXPECT_EQ(tagWrites(P.F->getBody()),
            (std::vector<std::string>{"obj.type", "state.k"}));
}

/// A program with allocator obj_alloc(size, type) and the given
/// allocation sites: (container place, type constant or "").
Program programWith(
    const std::vector<std::pair<std::string, std::string>> &Sites) {
  TUSummary TU;
  TU.MainFile = "a.c";
  FunctionSummary Alloc;
  Alloc.Key = Alloc.Name = "obj_alloc";
  Alloc.ResultFields = {{1, "obj.type"}};
  FunctionSummary User;
  User.Key = User.Name = "user";
  for (const auto &[Into, Value] : Sites) {
    CallSite C;
    C.Callee = "obj_alloc";
    C.Into = Into;
    if (!Value.empty())
      C.ConstArgs = {{0, "8"}, {1, Value}};
    User.Calls.push_back(C);
  }
  TU.Functions = {Alloc, User};
  Program P;
  P.add(TU);
  P.link(Rules());
  return P;
}

TEST(ObjectTags, ATagsValuesAreThoseOfEveryPlaceThatEndsLikeIt) {
  Program P = programWith({{"paging.common>hw.obj", "1"},
                           {"nested.common>hw.obj", "2"},
                           {"fault.obj", "3"}});
  EXPECT_EQ(P.tags("hw.obj>obj.type"), (std::vector<int64_t>{1, 2}));
  EXPECT_EQ(P.tags("paging.common>hw.obj>obj.type"),
            (std::vector<int64_t>{1}));
  EXPECT_EQ(P.tags("fault.obj>obj.type"), (std::vector<int64_t>{3}));
  // No container: an object may be allocated anywhere.
  EXPECT_EQ(P.tags("obj.type"), std::nullopt);
  // No allocation known there.
  EXPECT_EQ(P.tags("ioas.obj>obj.type"), std::nullopt);
  // A suffix must start at a segment.
  EXPECT_EQ(P.tags("w.obj>obj.type"), std::nullopt);
}

TEST(ObjectTags, ATagWrittenElsewhereIsUnknown) {
  Program P = programWith({{"paging.common>hw.obj", "1"}});
  TUSummary Other;
  Other.MainFile = "b.c";
  FunctionSummary Set;
  Set.Key = Set.Name = "set_kind";
  Set.TagWrites = {"obj.type"};
  Other.Functions = {Set};
  std::vector<TUSummary> TUs = P.takeTUs();
  TUs.push_back(Other);
  Program Q;
  for (TUSummary &TU : TUs)
    Q.add(std::move(TU));
  Q.link(Rules());
  EXPECT_EQ(Q.tags("hw.obj>obj.type"), std::nullopt);
}

TEST(ObjectTags, OneAllocationOfUnknownKindMakesThePlaceUnknown) {
  Program P = programWith(
      {{"paging.common>hw.obj", "1"}, {"nested.common>hw.obj", ""}});
  EXPECT_EQ(P.tags("hw.obj>obj.type"), std::nullopt);
  EXPECT_EQ(P.tags("paging.common>hw.obj>obj.type"),
            (std::vector<int64_t>{1}));
}

} // namespace
