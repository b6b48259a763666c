//===- BranchConditionsTest.cpp - Tests that mean the same each time ------===//
//
// How a branch condition becomes a key (extract/BranchConditions.h), and how
// the lock state uses the keys (extract/LockState.h): a lock taken under a
// test is dropped on the edge where the same test goes the other way.
//
//===----------------------------------------------------------------------===//

#include "extract/BranchConditions.h"
#include "extract/LockState.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace fputcheck;

namespace {

const char Decls[] = R"c(
#define unlikely(x) __builtin_expect(!!(x), 0)
#define HIDE(var) __asm__ ("" : "=r" (var) : "0" (var))
struct ctx { int flags; };
int global_flags;
int pick(int);
)c";

struct IfConds : RecursiveASTVisitor<IfConds> {
  std::vector<const Expr *> Conds;
  bool VisitIfStmt(IfStmt *S) {
    Conds.push_back(S->getCond());
    return true;
  }
};

/// Every `if` condition of f(), in order, as read by StableConditions:
/// "KEY/same" or "KEY/not", "-" when it is not stable.
std::vector<std::string> keysIn(const std::string &Code) {
  std::unique_ptr<ASTUnit> AST = tooling::buildASTFromCodeWithArgs(
      std::string(Decls) + Code, {"-xc", "-std=gnu11"}, "t.c");
  EXPECT_TRUE(AST);
  if (!AST)
    return {};
  const FunctionDecl *F = nullptr;
  for (Decl *D : AST->getASTContext().getTranslationUnitDecl()->decls())
    if (auto *FD = dyn_cast<FunctionDecl>(D))
      if (FD->getName() == "f" && FD->hasBody())
        F = FD;
  EXPECT_TRUE(F);
  if (!F)
    return {};
  StableConditions SC(F);
  IfConds V;
  V.TraverseStmt(F->getBody());
  std::vector<std::string> Out;
  for (const Expr *C : V.Conds) {
    std::optional<BranchCondition> BC = SC.read(C);
    Out.push_back(BC ? BC->Key + (BC->Same ? "/same" : "/not") : "-");
  }
  return Out;
}

TEST(BranchConditions, TheSameTestOfAParameterHasOneKey) {
  std::vector<std::string> K = keysIn(R"c(
void f(struct ctx *c, int locked) {
	if (!locked) c->flags = 1;
	if (locked == 0) c->flags = 2;
	if (unlikely(locked)) c->flags = 3;
	if (locked != 0) c->flags = 4;
}
)c");
  ASSERT_EQ(K.size(), 4u);
  EXPECT_NE(K[0], "-");
  std::string Key = K[0].substr(0, K[0].find('/'));
  EXPECT_EQ(K[0], Key + "/not");
  EXPECT_EQ(K[1], Key + "/not");
  EXPECT_EQ(K[2], Key + "/same");
  EXPECT_EQ(K[3], Key + "/same");
}

TEST(BranchConditions, PureExpressionsOfStableVariablesAreKeys) {
  std::vector<std::string> K = keysIn(R"c(
void f(struct ctx *c, unsigned issue_flags) {
	const _Bool needs_lock = issue_flags & 2;
	if (unlikely(needs_lock)) c->flags = 1;
	if (issue_flags & 2) c->flags = 2;
	if ((issue_flags & 2) == 0) c->flags = 3;
	if (issue_flags & 4) c->flags = 4;
	if (unlikely(needs_lock)) c->flags = 5;
}
)c");
  ASSERT_EQ(K.size(), 5u);
  for (const std::string &S : K)
    EXPECT_NE(S, "-");
  EXPECT_EQ(K[0], K[4]);
  EXPECT_NE(K[0], K[1]); // A local is its own key, not its initializer.
  EXPECT_EQ(K[1].substr(0, K[1].find('/')) + "/not", K[2]);
  EXPECT_NE(K[1], K[3]);
}

TEST(BranchConditions, WhatMayChangeBetweenTwoTestsIsNoKey) {
  std::vector<std::string> K = keysIn(R"c(
void f(struct ctx *c, int written, int inc, int addr, int hidden) {
	int *p = &addr;
	volatile int v = 1;
	int uninit;
	written = pick(written);
	inc++;
	HIDE(hidden);
	if (written) c->flags = 1;
	if (inc) c->flags = 2;
	if (addr) c->flags = 3;
	if (hidden) c->flags = 4;
	if (c->flags) c->flags = 5;
	if (global_flags) c->flags = 6;
	if (pick(1)) c->flags = 7;
	if (v) c->flags = 8;
	if (uninit) c->flags = 9;
	if (1) c->flags = 10;
	if (c) c->flags = 11;
}
)c");
  ASSERT_EQ(K.size(), 11u);
  for (size_t I = 0; I + 1 < K.size(); ++I)
    EXPECT_EQ(K[I], "-") << "test " << I;
  EXPECT_NE(K[10], "-"); // A pointer parameter never written is stable.
}

TEST(BranchConditions, ShadowedNamesAreDifferentKeys) {
  std::vector<std::string> K = keysIn(R"c(
void f(struct ctx *c, int x) {
	if (x) c->flags = 1;
	{
		int x = pick(0);
		if (x) c->flags = 2;
	}
}
)c");
  ASSERT_EQ(K.size(), 2u);
  EXPECT_NE(K[0], "-");
  EXPECT_NE(K[1], "-");
  EXPECT_NE(K[0], K[1]);
}

HeldLock lock(const std::string &Key, unsigned Line) {
  return HeldLock{Key, Key, "spinlock", "spin_lock", Line, 1};
}

LockState reached() {
  LockState S;
  S.Reached = true;
  return S;
}

/// A path that passed \p Tests (key -> value), in key order.
LockState pathThrough(const std::map<std::string, bool> &Tests) {
  LockState S = reached();
  for (const auto &[Key, Value] : Tests)
    EXPECT_TRUE(S.assume(Key, Value));
  return S;
}

TEST(BranchConditionsLockState, ALockTakenUnderATestIsDroppedWhereItFails) {
  // if (!locked) spin_lock(l);   -- then: locked is 0
  LockState Then = pathThrough({{"locked", false}});
  Then.acquire(lock("l", 2));
  LockState Else = pathThrough({{"locked", true}});
  LockState Join = reached();
  Join.join(Then);
  Join.join(Else);
  EXPECT_TRUE(Join.Assumed.empty());
  ASSERT_EQ(Join.Held.count("l"), 1u);
  EXPECT_EQ(Join.HeldWhen.at("l").at("locked"), false);

  // if (!locked) spin_unlock(l);  -- the edge where locked is nonzero.
  LockState Skip = Join;
  ASSERT_TRUE(Skip.assume("locked", true));
  EXPECT_TRUE(Skip.Held.empty());
  // The edge where it is 0 still holds the lock, until the unlock.
  LockState Take = Join;
  ASSERT_TRUE(Take.assume("locked", false));
  EXPECT_EQ(Take.Held.count("l"), 1u);
}

TEST(BranchConditionsLockState, AnEdgeEarlierTestsRuleOutIsNotTaken) {
  LockState S = pathThrough({{"draining", false}});
  EXPECT_TRUE(S.assume("draining", false));
  EXPECT_FALSE(S.assume("draining", true));
}

TEST(BranchConditionsLockState, HeldOnBothSidesKeepsOnlyWhatBothPassed) {
  LockState A = pathThrough({{"x", true}, {"y", true}});
  A.acquire(lock("l", 1));
  LockState B = pathThrough({{"x", true}, {"y", false}});
  B.acquire(lock("l", 2));
  A.join(B);
  EXPECT_EQ(A.Assumed, (std::map<std::string, bool>{{"x", true}}));
  EXPECT_EQ(A.HeldWhen.at("l"), (std::map<std::string, bool>{{"x", true}}));
  EXPECT_EQ(A.Held.at("l").Line, 1u);
  // A test on y says nothing about l now.
  LockState C = A;
  ASSERT_TRUE(C.assume("y", false));
  EXPECT_EQ(C.Held.count("l"), 1u);
}

TEST(BranchConditionsLockState, ACallersLockDroppedUnderATestIsKeptElsewhere) {
  // if (sqd) mutex_unlock(l); ... if (sqd) mutex_lock(l);
  LockState Drop = pathThrough({{"sqd", true}});
  Drop.release("l");
  LockState Keep = pathThrough({{"sqd", false}});
  LockState Join = reached();
  Join.join(Drop);
  Join.join(Keep);
  ASSERT_EQ(Join.Released.count("l"), 1u);
  LockState Retake = Join;
  ASSERT_TRUE(Retake.assume("sqd", true));
  Retake.acquire(lock("l", 9));
  EXPECT_TRUE(Retake.Released.empty());
  EXPECT_TRUE(Retake.Why.at("l").Restored);
  LockState Skip = Join;
  ASSERT_TRUE(Skip.assume("sqd", false));
  EXPECT_TRUE(Skip.Released.empty()); // Nothing was dropped where sqd is 0.

  // The next round drops the lock taken back: the caller's once more.
  LockState Again = Retake;
  Again.release("l");
  EXPECT_TRUE(Again.Held.empty());
  EXPECT_EQ(Again.Released.count("l"), 1u);
  // Released under a test and again on every path: the later release
  // holds on both edges of that test.
  LockState Twice = Join;
  Twice.release("l");
  LockState Other = Twice;
  ASSERT_TRUE(Other.assume("sqd", false));
  EXPECT_EQ(Other.Released.count("l"), 1u);
  // A lock of its own, released, was never the caller's.
  LockState Own = reached();
  Own.acquire(lock("m", 4));
  Own.release("m");
  EXPECT_TRUE(Own.Released.empty());
}

TEST(BranchConditionsLockState, ATrylockResultIsKeptWhereEveryPathStoredIt) {
  // Two different calls stand for the trylocks; only their addresses count.
  const auto *TryA = reinterpret_cast<const CallExpr *>(0x10);
  const auto *TryB = reinterpret_cast<const CallExpr *>(0x20);
  const auto *Ret = reinterpret_cast<const VarDecl *>(0x30);
  LockState Stored = reached();
  Stored.TryVars[Ret] = {TryA, true};
  LockState Same = reached();
  Same.TryVars[Ret] = {TryA, true};
  LockState Join; // Unreached: the first path in is taken as it is.
  EXPECT_TRUE(Join.join(Stored));
  EXPECT_FALSE(Join.join(Same));
  EXPECT_EQ(Join.TryVars.count(Ret), 1u);
  // A path on which ret holds something else (a count) drops it.
  LockState Count = reached();
  EXPECT_TRUE(Join.join(Count));
  EXPECT_TRUE(Join.TryVars.empty());
  // So does one on which it holds another trylock's result.
  LockState Other = reached();
  Other.TryVars[Ret] = {TryB, true};
  LockState J2 = Stored;
  EXPECT_TRUE(J2.join(Other));
  EXPECT_TRUE(J2.TryVars.empty());
}

TEST(BranchConditionsLockState, ForgetStartsAVariableAgain) {
  LockState S = reached();
  ASSERT_TRUE(S.assume("{take@7}", true));
  ASSERT_TRUE(S.assume("({n@9}&2)", true));
  S.acquire(lock("l", 3));
  S.forget("{take@7}");
  EXPECT_EQ(S.Assumed, (std::map<std::string, bool>{{"({n@9}&2)", true}}));
  EXPECT_EQ(S.HeldWhen.at("l"), S.Assumed);
  // After the re-declaration either edge may hold the lock.
  LockState F = S;
  ASSERT_TRUE(F.assume("{take@7}", false));
  EXPECT_EQ(F.Held.count("l"), 1u);
}

} // namespace
