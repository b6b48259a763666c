//===- OverlayTest.cpp - A program other than the tree on disk ------------===//
//
// Patch review and the editor analyse a tree with some files changed in
// memory: those TUs are parsed through an overlay file system and replace
// the stored ones, and neither the tree nor the store is written for them.
//
//===----------------------------------------------------------------------===//

#include "CorpusDatabase.h"
#include "Snippets.h"
#include "fputcheck/Analysis.h"
#include "fputcheck/Emit.h"
#include "fputcheck/Extract.h"
#include "fputcheck/ProgramLoader.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"

using namespace llvm;
using namespace fputcheck;

namespace {

// a_close() as the tree has it, one blank line first.
const std::string Locked = std::string("\n") + test::LockedCaller;

// The patch: the put moves out of the lock.
const char Patched[] = R"c(
#include <linux/spinlock.h>
#include <linux/fs.h>
void helper_put(struct file *f);
struct a_port { spinlock_t lock; struct file *f; };
void a_close(struct a_port *p)
{
	struct file *f;

	spin_lock(&p->lock);
	f = p->f;
	spin_unlock(&p->lock);
	helper_put(f);
}
)c";

const char Helper[] = R"c(
#include <linux/file.h>
#include <linux/fs.h>
void helper_put(struct file *f)
{
	__fput_sync(f);
}
)c";

class Overlay : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(sys::fs::createUniqueDirectory("fputcheck-overlay", Dir));
    write("a.c", Locked);
    write("c.c", Helper);
    write("compile_commands.json",
          test::corpusDatabaseJSON(Dir, {path("a.c"), path("c.c")}, {}));
    auto Loaded = Rules::loadDirectory(FPUTCHECK_RULES_DIR);
    ASSERT_TRUE(bool(Loaded)) << toString(Loaded.takeError());
    R = std::make_unique<Rules>(std::move(*Loaded));
  }
  void TearDown() override { sys::fs::remove_directories(Dir); }

  std::string path(StringRef Name) const {
    SmallString<256> P(Dir);
    sys::path::append(P, Name);
    return std::string(P);
  }
  void write(StringRef Name, StringRef Text) {
    std::error_code EC;
    raw_fd_ostream OS(path(Name), EC);
    ASSERT_FALSE(EC) << EC.message();
    OS << Text;
  }

  /// Findings as text, and what loading did.
  std::string analyse(LoadOptions O, LoadStats &Stats) {
    O.Database = std::string(Dir);
    O.Quiet = true;
    O.UseStore = true;
    O.StorePath = path("store");
    Program P;
    std::string DBDir;
    if (Error E = loadProgram(O, *R, P, Stats, DBDir))
      return "error: " + toString(std::move(E));
    std::string Text;
    raw_string_ostream OS(Text);
    emitText(analyzeProgram(P, *R), EmitOptions{DBDir}, OS);
    return Text;
  }

  SmallString<128> Dir;
  std::unique_ptr<Rules> R;
};

TEST_F(Overlay, PatchedTUReplacesTheStoredOneWithoutWritingAnything) {
  LoadStats Before;
  std::string Base = analyse({}, Before);
  ASSERT_NE(Base.find("a.c:9 a_close() warn:"), std::string::npos) << Base;

  // a.c as the patch leaves it, in memory over the real tree.
  auto DB = loadCompileDatabase(std::string(Dir));
  ASSERT_TRUE(bool(DB)) << toString(DB.takeError());
  auto Cmds = selectCommands(**DB, Dir, {path("a.c")});
  ASSERT_TRUE(bool(Cmds)) << toString(Cmds.takeError());
  ExtractOptions EO;
  std::string A = path("a.c");
  EO.MakeFS = [&] {
    auto Mem = makeIntrusiveRefCnt<vfs::InMemoryFileSystem>();
    Mem->addFile(A, 0, MemoryBuffer::getMemBufferCopy(Patched));
    // Not getRealFileSystem(): the parse would move this process into the
    // temporary tree, and leave it in a removed directory for later tests.
    auto Over = makeIntrusiveRefCnt<vfs::OverlayFileSystem>(
        vfs::createPhysicalFileSystem());
    Over->pushOverlay(Mem);
    return IntrusiveRefCntPtr<vfs::FileSystem>(Over);
  };
  TUOutcome T = extractOne(Cmds->front(), *R, EO);
  ASSERT_TRUE(T.Ok) << T.Error;

  LoadOptions O;
  O.Without = {A};
  O.Adding = {std::move(T.Summary)};
  LoadStats Review;
  EXPECT_EQ(analyse(O, Review), "") << "the patch moved the put out of the lock";
  EXPECT_EQ(Review.Parsed, 0u) << "c.c comes from the store";
  EXPECT_EQ(Review.TUs, 1u);

  // Neither the tree nor the store saw the patch.
  auto OnDisk = MemoryBuffer::getFile(A);
  ASSERT_TRUE(bool(OnDisk));
  EXPECT_EQ((*OnDisk)->getBuffer(), StringRef(Locked));
  LoadStats After;
  EXPECT_EQ(analyse({}, After), Base);
  EXPECT_EQ(After.Parsed, 0u) << "the store still holds the unpatched a.c";
}

} // namespace
