//===- ReturnRangesTest.cpp - What a result says about an argument --------===//
//
// The return ranges extraction reads (extract/ReturnRanges.h), on the
// corpus's err.h, which mirrors the kernel's, and on errno mappings shaped
// like nfsd's nfserrno().
//
//===----------------------------------------------------------------------===//

#include "extract/ReturnRanges.h"

#include "clang/AST/ASTContext.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace fputcheck;

namespace {

using Params = std::vector<unsigned>;

const char Prelude[] = R"c(
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/kernel.h>
)c";

/// The ranges of function \p Name in \p Code.
ReturnRanges rangesOf(const std::string &Code, StringRef Name = "f") {
  std::unique_ptr<ASTUnit> AST = tooling::buildASTFromCodeWithArgs(
      std::string(Prelude) + Code,
      {"-xc", "-std=gnu11", "-nostdinc", "-ffreestanding", "-D__KERNEL__",
       "-I" FPUTCHECK_CORPUS_DIR "/include"},
      "t.c");
  EXPECT_TRUE(AST);
  if (!AST)
    return {};
  for (Decl *D : AST->getASTContext().getTranslationUnitDecl()->decls())
    if (auto *FD = dyn_cast<FunctionDecl>(D))
      if (FD->getName() == Name && FD->hasBody()) {
        CFG::BuildOptions BO;
        BO.setAllAlwaysAdd();
        std::unique_ptr<CFG> Cfg =
            CFG::buildCFG(FD, FD->getBody(), &FD->getASTContext(), BO);
        EXPECT_TRUE(Cfg);
        return Cfg ? returnRanges(FD, *Cfg) : ReturnRanges();
      }
  ADD_FAILURE() << "no function " << Name.str();
  return {};
}

TEST(ReturnRanges, ErrorPointerHelpers) {
  // IS_ERR(): true only for the top 4095 values, so its argument was
  // nonzero and narrows to an int without becoming zero.
  ReturnRanges IsErr = rangesOf("", "IS_ERR");
  EXPECT_EQ(IsErr.ZeroIf, Params{0});
  EXPECT_EQ(IsErr.SmallIf, Params{0});
  EXPECT_EQ(IsErr.NonZeroIf, Params{});
  // PTR_ERR() and ERR_PTR() give their argument back.
  for (const char *Name : {"PTR_ERR", "ERR_PTR"}) {
    ReturnRanges R = rangesOf("", Name);
    EXPECT_EQ(R.NonZeroIf, Params{0}) << Name;
    EXPECT_EQ(R.ZeroIf, Params{0}) << Name;
    EXPECT_EQ(R.Identity, Params{0}) << Name;
  }
  // IS_ERR_OR_NULL() is also true for NULL.
  ReturnRanges OrNull = rangesOf("", "IS_ERR_OR_NULL");
  EXPECT_EQ(OrNull.ZeroIf, Params{});
  EXPECT_EQ(OrNull.SmallIf, Params{});
}

/// nfserrno()'s lookup, with \p Entries for its table and \p Qual on it.
std::string errnoTable(const std::string &Entries,
                       const std::string &Qual = "static") {
  return R"c(
unsigned int f(int errno)
{
	)c" + Qual + R"c( struct {
		unsigned int nfserr;
		int syserr;
	} tbl[] = {
)c" + Entries + R"c(
	};
	int i;

	for (i = 0; i < ARRAY_SIZE(tbl); i++) {
		if (tbl[i].syserr == errno)
			return tbl[i].nfserr;
	}
	return 5;
}
)c";
}

TEST(ReturnRanges, TableLookupsNonZeroOnlyWhenOnlyZeroMapsToZero) {
  EXPECT_EQ(rangesOf(errnoTable("{ 0, 0 }, { 1, -EPERM }, { 2, -ENOENT },"))
                .NonZeroIf,
            Params{0});
  EXPECT_EQ(rangesOf(errnoTable("{ 0, 0 }, { 1, -EPERM },", "static const"))
                .NonZeroIf,
            Params{0});
  // An errno that maps to success.
  EXPECT_EQ(rangesOf(errnoTable("{ 0, 0 }, { 0, -EEXIST }, { 1, -EPERM },"))
                .NonZeroIf,
            Params{});
  // A table on the stack is not one no code writes.
  EXPECT_EQ(rangesOf(errnoTable("{ 0, 0 }, { 1, -EPERM },", "")).NonZeroIf,
            Params{});
  // Nor is one the function changes.
  std::string Written = errnoTable("{ 0, 0 }, { 1, -EPERM },");
  Written.replace(Written.find("int i;"), 6, "int i; tbl[1].syserr = errno;");
  EXPECT_EQ(rangesOf(Written).NonZeroIf, Params{});
}

TEST(ReturnRanges, SwitchesAndTestsPrunePaths) {
  EXPECT_EQ(rangesOf("int f(int err) { switch (err) { case 0: return 0;"
                     " case -ENOENT: return 2; default: return 5; } }")
                .NonZeroIf,
            Params{0});
  EXPECT_EQ(rangesOf("int f(int err) { switch (err) { case 0: return 0;"
                     " case -ENOENT: return 0; default: return 5; } }")
                .NonZeroIf,
            Params{});
  EXPECT_EQ(rangesOf("int f(int err) { if (!err) return 0; return 5; }")
                .NonZeroIf,
            Params{0});
  EXPECT_EQ(rangesOf("int f(int err) { if (err == 3) return 0; return 5; }")
                .NonZeroIf,
            Params{});
  // Zero in, zero out, whatever a nonzero value gives.
  EXPECT_EQ(rangesOf("int f(int err) { if (err == 3) return 7;"
                     " if (err) return -1; return err; }")
                .ZeroIf,
            Params{0});
}

TEST(ReturnRanges, NarrowingAndWritesSayNothing) {
  ReturnRanges Narrow = rangesOf("int f(long x) { return (int)x; }");
  EXPECT_EQ(Narrow.NonZeroIf, Params{});
  EXPECT_EQ(Narrow.Identity, Params{});
  EXPECT_EQ(Narrow.ZeroIf, Params{0});
  ReturnRanges Wide = rangesOf("long f(int x) { return x; }");
  EXPECT_EQ(Wide.NonZeroIf, Params{0});
  EXPECT_EQ(Wide.Identity, Params{});
  EXPECT_EQ(rangesOf("int f(int x) { x = 0; return x ? x : 1; }").NonZeroIf,
            Params{});
  EXPECT_EQ(rangesOf("int f(int a, int b) { int r = b; return r; }").NonZeroIf,
            Params{1});
  // A local a callee may write through its address is not known nonzero.
  EXPECT_EQ(rangesOf("int f(int x) { int r = 1; if (!x) return 0;"
                     " return r; }")
                .NonZeroIf,
            Params{0});
  EXPECT_EQ(rangesOf("void g(int *p); int f(int x) { int r = 1;"
                     " if (!x) return 0; g(&r); return r; }")
                .NonZeroIf,
            Params{});
}

} // namespace
