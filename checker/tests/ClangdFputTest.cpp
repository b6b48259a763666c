//===- ClangdFputTest.cpp - The fput-sync-* checks in an editor -*- C++ -*-===//
//
// clangd-fput as an editor meets it, over LSP: a buffer that calls a helper
// ending in __fput_sync() under a mutex shows the finding on the call, with
// the lock and the chain as related information, in the text output's
// words; editing the lock away, to a spinlock, through a new helper or
// adding an export changes it live. Header bodies kept in the preamble
// change nothing else. Also clangd's --check mode, the module in
// clang-tidy-19 --load, and stock clangd-19 as the negative control.
//
//===----------------------------------------------------------------------===//

#include "LspClient.h"
#include "ToolRunner.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"
#include "gtest/gtest.h"
#include <cctype>

using namespace fputcheck::test;
using namespace llvm;

namespace {

/// A buffer as a kernel developer types it, against the corpus headers.
const char *Widget = R"c(#include <linux/export.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>

struct widget {
	struct mutex lock;
	spinlock_t spin;
	struct file *backing;
};

static void widget_drop(struct widget *w)
{
	__fput_sync(w->backing);
}

void widget_close(struct widget *w)
{
	mutex_lock(&w->lock);
	widget_drop(w); /* call */
	mutex_unlock(&w->lock);
}
)c";

std::string replaced(std::string Text, StringRef From, StringRef To) {
  size_t At = Text.find(From.str());
  EXPECT_NE(At, std::string::npos) << From.str();
  if (At != std::string::npos)
    Text.replace(At, From.size(), To.str());
  return Text;
}

/// The call made after the unlock: nothing is held.
std::string unlocked(const std::string &Text) {
  return replaced(Text,
                  "\twidget_drop(w); /* call */\n\tmutex_unlock(&w->lock);",
                  "\tmutex_unlock(&w->lock);\n\twidget_drop(w); /* call */");
}

/// 1-based line of the first line holding \p Marker.
unsigned lineOf(StringRef Text, StringRef Marker) {
  size_t At = Text.find(Marker);
  return At == StringRef::npos ? 0 : Text.take_front(At).count('\n') + 1;
}

struct Related {
  unsigned Line;
  std::string Message;
};

/// A published fput-sync-* diagnostic, lines 1-based.
struct Shown {
  std::string Code;
  unsigned Line;
  std::string Message;
  std::vector<Related> Notes;
};

std::vector<Shown> fputDiagnostics(const json::Array &Diags) {
  std::vector<Shown> Out;
  for (const json::Value &V : Diags) {
    const json::Object *D = V.getAsObject();
    std::optional<StringRef> Code = D ? D->getString("code") : std::nullopt;
    if (!Code || !Code->starts_with("fput-sync-"))
      continue;
    Shown S{Code->str(), 0, D->getString("message").value_or("").str(), {}};
    if (const json::Object *Range = D->getObject("range"))
      S.Line = *Range->getObject("start")->getInteger("line") + 1;
    if (const json::Array *Rel = D->getArray("relatedInformation"))
      for (const json::Value &R : *Rel) {
        const json::Object *O = R.getAsObject();
        const json::Object *Start =
            O->getObject("location")->getObject("range")->getObject("start");
        S.Notes.push_back({unsigned(*Start->getInteger("line") + 1),
                           O->getString("message").value_or("").str()});
      }
    Out.push_back(std::move(S));
  }
  return Out;
}

/// clangd capitalises a message's first letter ("Widget_close() calls").
bool sameButFirstCase(StringRef Shown, StringRef Text) {
  return Shown.size() == Text.size() && !Text.empty() &&
         std::tolower(Shown[0]) == std::tolower(Text[0]) &&
         Shown.drop_front() == Text.drop_front();
}

class ClangdFput : public ::testing::Test {
protected:
  /// Writes \p Text as drivers/widget.c with a compile database and a
  /// .clangd that enables the checks, as docs/ide.md tells a user to.
  std::string setUpTree(const std::string &Text) {
    File = Dir.write("drivers/widget.c", Text);
    writeCorpusDatabase(Dir, {File});
    Dir.write(".clangd", "Diagnostics:\n"
                         "  ClangTidy:\n"
                         "    Add: [fput-sync-*]\n"
                         "    FastCheckFilter: None\n");
    return File;
  }

  /// A session with \p Server, initialised; its log is kept for failures.
  std::unique_ptr<LspClient> startServer(const std::string &Server) {
    ErrFile = Dir.path() + "/server.log";
    auto C = std::make_unique<LspClient>(
        Server, std::vector<std::string>{"--background-index=false"}, ErrFile);
    EXPECT_TRUE(C->initialize()) << readFile(ErrFile);
    return C;
  }

  std::vector<Shown> shown(const std::optional<json::Array> &Diags) {
    EXPECT_TRUE(Diags.has_value()) << "no diagnostics published; server log:\n"
                                   << readFile(ErrFile);
    return Diags ? fputDiagnostics(*Diags) : std::vector<Shown>{};
  }

  TempDir Dir;
  std::string File, ErrFile;
};

TEST_F(ClangdFput, WarningAndNotesAreTheTextOutput) {
  setUpTree(Widget);
  auto Server = startServer(CLANGD_FPUT);
  std::vector<Shown> S = shown(Server->open(File, Widget));
  ASSERT_EQ(S.size(), 1u) << readFile(ErrFile);
  EXPECT_EQ(S[0].Code, "fput-sync-locked");
  EXPECT_EQ(S[0].Line, lineOf(Widget, "/* call */"));

  // The same finding from the command line, line for line.
  ToolResult R =
      runTool({"analyze", "-p", Dir.path(), "--no-store", "--quiet", File});
  ASSERT_EQ(R.Status, 1) << R.Err;
  SmallVector<StringRef, 8> Lines;
  StringRef(R.Out).trim().split(Lines, '\n');
  ASSERT_EQ(Lines.size(), 1 + S[0].Notes.size()) << R.Out;
  StringRef Warn = Lines[0].split(" warn: ").second;
  EXPECT_EQ(S[0].Message + " [fput-sync-locked]", Warn.str());
  for (size_t I = 0; I < S[0].Notes.size(); ++I) {
    auto [Where, Note] = Lines[I + 1].trim().split(" note: ");
    EXPECT_TRUE(sameButFirstCase(S[0].Notes[I].Message, Note))
        << S[0].Notes[I].Message << " vs " << Note.str();
    EXPECT_TRUE(Where.ends_with(":" + std::to_string(S[0].Notes[I].Line)))
        << Where.str();
  }
  EXPECT_NE(S[0].Notes[0].Message.find("acquired here by mutex_lock()"),
            std::string::npos);
}

TEST_F(ClangdFput, EditsChangeTheFindingLive) {
  setUpTree(Widget);
  auto Server = startServer(CLANGD_FPUT);
  ASSERT_EQ(shown(Server->open(File, Widget)).size(), 1u);

  // The call moved out of the lock: gone, without saving or re-running.
  EXPECT_TRUE(shown(Server->change(File, unlocked(Widget))).empty());

  // Under a spinlock: spin_lock() is an inline of a header in clangd's
  // preamble, whose body clangd-fput keeps.
  std::string Spin =
      replaced(Widget, "mutex_lock(&w->lock)", "spin_lock(&w->spin)");
  Spin = replaced(Spin, "mutex_unlock(&w->lock)", "spin_unlock(&w->spin)");
  std::vector<Shown> Atomic = shown(Server->change(File, Spin));
  ASSERT_EQ(Atomic.size(), 1u);
  EXPECT_EQ(Atomic[0].Code, "fput-sync-atomic");
  EXPECT_EQ(Atomic[0].Line, lineOf(Spin, "/* call */"));

  // A helper typed in the buffer: the finding is at its caller's call.
  std::string Helper =
      replaced(Widget, "void widget_close",
               "static void widget_release(struct widget *w)\n{\n"
               "\twidget_drop(w);\n}\n\nvoid widget_close");
  Helper = replaced(Helper, "widget_drop(w); /* call */",
                    "widget_release(w); /* call */");
  std::vector<Shown> Chain = shown(Server->change(File, Helper));
  ASSERT_EQ(Chain.size(), 1u);
  EXPECT_EQ(Chain[0].Line, lineOf(Helper, "/* call */"));
  EXPECT_NE(
      Chain[0].Message.find("(widget_release -> widget_drop -> __fput_sync)"),
      std::string::npos)
      << Chain[0].Message;

  // An export typed in the buffer, with no lock held.
  std::string Exported = unlocked(Widget) + "EXPORT_SYMBOL(widget_close);\n";
  std::vector<Shown> Export = shown(Server->change(File, Exported));
  ASSERT_EQ(Export.size(), 1u);
  EXPECT_EQ(Export[0].Code, "fput-sync-export");
  EXPECT_EQ(Export[0].Line, lineOf(Exported, "/* call */"));
}

TEST_F(ClangdFput, HeaderInlineUnlockReleases) {
  // spin_lock_irqsave() is a macro over an out-of-line function, but
  // spin_unlock_irqrestore() an inline whose body clangd would skip; the
  // lock must end there, not at the end of the function.
  std::string Text =
      readFile(corpusCase("lock-spin-unlock-irqrestore-before-call.c"));
  setUpTree(Text);
  auto Server = startServer(CLANGD_FPUT);
  EXPECT_TRUE(shown(Server->open(File, Text)).empty());
}

TEST_F(ClangdFput, HeaderBodiesKeepCounterNamesUnique) {
  // READ_ONCE()'s shape: a block-scope declaration named by __COUNTER__
  // with its message in an error attribute, in a header inline (now parsed
  // in the preamble) and in the file. Under -Werror a clash is an error.
  Dir.write("include/assert.h",
            "#define ASSERT_(n, msg) do { extern void assert_##n(void) "
            "__attribute__((error(msg))); if (0) assert_##n(); } while (0)\n"
            "#define ASSERT__(n, msg) ASSERT_(n, msg)\n"
            "#define ASSERT(msg) ASSERT__(__COUNTER__, msg)\n"
            "static inline int header_fn(void) { ASSERT(\"header\"); "
            "return 0; }\n");
  std::string Text = "#include <assert.h>\n"
                     "int file_fn(void) { ASSERT(\"file\"); "
                     "return header_fn(); }\n";
  setUpTree(Text);
  writeCorpusDatabase(Dir, {File}, {"-I", Dir.path() + "/include", "-Werror"});
  auto Server = startServer(CLANGD_FPUT);
  std::optional<json::Array> Diags = Server->open(File, Text);
  ASSERT_TRUE(Diags.has_value()) << readFile(ErrFile);
  for (const json::Value &D : *Diags) {
    std::string Text;
    raw_string_ostream(Text) << D;
    ADD_FAILURE() << Text;
  }
}

/// The three files of corpus case lock-cross-tu-ops-field: user.c's locked
/// calls reach __fput_sync() only through helper.c and provider.c.
std::vector<std::string> writeOpsFieldCase(TempDir &Dir) {
  std::vector<std::string> Files;
  for (const char *Name : {"blob.h", "provider.c", "helper.c", "user.c"}) {
    std::string Path = Dir.write(
        std::string("drivers/blob/") + Name,
        readFile(corpusCase(std::string("lock-cross-tu-ops-field/") + Name)));
    if (StringRef(Name).ends_with(".c"))
      Files.push_back(Path);
  }
  return Files;
}

TEST_F(ClangdFput, ChainsThroughOtherFilesComeFromTheStore) {
  std::vector<std::string> Files = writeOpsFieldCase(Dir);
  writeCorpusDatabase(Dir, Files);
  Dir.write(".clangd", "Diagnostics:\n"
                       "  ClangTidy:\n"
                       "    Add: [fput-sync-*]\n"
                       "    FastCheckFilter: None\n");
  std::string User = Files.back();
  std::string Text = readFile(User);

  // Before any analyze: the file alone shows nothing, and the log says why.
  {
    auto Server = startServer(CLANGD_FPUT);
    EXPECT_TRUE(shown(Server->open(User, Text)).empty());
  }
  EXPECT_NE(readFile(ErrFile).find("no fputcheck summary store found"),
            std::string::npos)
      << readFile(ErrFile);

  ToolResult A = runTool({"analyze", "-p", Dir.path(), "--quiet"});
  ASSERT_EQ(A.Status, 1) << A.Err;
  auto Server = startServer(CLANGD_FPUT);
  std::vector<Shown> S = shown(Server->open(User, Text));
  ASSERT_EQ(S.size(), 2u) << readFile(ErrFile);
  llvm::sort(S, [](const Shown &A, const Shown &B) { return A.Line < B.Line; });
  EXPECT_EQ(S[0].Code, "fput-sync-atomic");
  EXPECT_EQ(S[0].Line, lineOf(Text, "blob_close(b);"));
  EXPECT_NE(S[0].Message.find(
                "(blob_close -> blob_drop -> blob_file_release -> __fput_sync)"),
            std::string::npos)
      << S[0].Message;
  EXPECT_EQ(S[1].Code, "fput-sync-locked");
  EXPECT_EQ(S[1].Line, lineOf(Text, "b->ops->release(b);"));
  // Each step of the chain is a note, the ones in other files included.
  bool Release = false;
  for (const Related &N : S[0].Notes)
    Release |= N.Message.find("blob_file_release() calls __fput_sync()") !=
               std::string::npos;
  EXPECT_TRUE(Release);

  // Live: the locked call moved out of the lock, the store unchanged.
  std::string Moved = replaced(
      Text, "\tblob_close(b);	/* expect: fput-sync-atomic {{\\(blob_close "
            "-> blob_drop -> blob_file_release -> __fput_sync\\)}} */\n"
            "\tspin_unlock(&b->slock);",
      "\tspin_unlock(&b->slock);\n\tblob_close(b);");
  std::vector<Shown> After = shown(Server->change(User, Moved));
  ASSERT_EQ(After.size(), 1u);
  EXPECT_EQ(After[0].Code, "fput-sync-locked");
}

TEST_F(ClangdFput, AStoreNamedByTheOptionIsUsed) {
  std::vector<std::string> Files = writeOpsFieldCase(Dir);
  writeCorpusDatabase(Dir, Files);
  std::string Store = Dir.path() + "/elsewhere";
  ToolResult A =
      runTool({"analyze", "-p", Dir.path(), "--quiet", "--store", Store});
  ASSERT_EQ(A.Status, 1) << A.Err;
  Dir.write(".clangd", "Diagnostics:\n"
                       "  ClangTidy:\n"
                       "    Add: [fput-sync-*]\n"
                       "    FastCheckFilter: None\n"
                       "    CheckOptions:\n"
                       "      FputcheckStore: " + Store + "\n");
  std::string User = Files.back();
  auto Server = startServer(CLANGD_FPUT);
  EXPECT_EQ(shown(Server->open(User, readFile(User))).size(), 2u)
      << readFile(ErrFile);
}

TEST_F(ClangdFput, HeaderLockMacrosComeFromTheStore) {
  // preempt_disable() is a macro: a full parse records where it expands,
  // clangd parsed this header into its preamble before any callback saw
  // it. The header inline's effect comes from the store's facts.
  Dir.write("drivers/widget_pin.h",
            "#include <linux/preempt.h>\n"
            "static inline void widget_pin(void)\n{\n\tpreempt_disable();\n}\n"
            "static inline void widget_unpin(void)\n{\n\tpreempt_enable();\n}\n");
  std::string Text = "#include <linux/file.h>\n"
                     "#include \"widget_pin.h\"\n\n"
                     "void widget_flush(struct file *f)\n{\n"
                     "\twidget_pin();\n"
                     "\t__fput_sync(f); /* call */\n"
                     "\twidget_unpin();\n}\n";
  setUpTree(Text);
  ToolResult A = runTool({"analyze", "-p", Dir.path(), "--quiet"});
  ASSERT_EQ(A.Status, 1) << A.Err;
  ASSERT_NE(A.Out.find("[fput-sync-atomic]"), std::string::npos) << A.Out;

  auto Server = startServer(CLANGD_FPUT);
  std::vector<Shown> S = shown(Server->open(File, Text));
  ASSERT_EQ(S.size(), 1u) << readFile(ErrFile);
  EXPECT_EQ(S[0].Code, "fput-sync-atomic");
  EXPECT_EQ(S[0].Line, lineOf(Text, "/* call */"));
}

TEST_F(ClangdFput, StockClangdShowsNothing) {
  if (StringRef(CLANGD_19).empty())
    GTEST_SKIP() << "clangd-19 is not installed";
  setUpTree(Widget);
  auto Server = startServer(CLANGD_19);
  EXPECT_TRUE(shown(Server->open(File, Widget)).empty());
}

TEST_F(ClangdFput, CheckModeReportsTheFinding) {
  setUpTree(Widget);
  // --check prints errors only: the checks' WarningsAsErrors (which clangd
  // takes from .clang-tidy) makes the finding one.
  Dir.write(".clang-tidy", "WarningsAsErrors: 'fput-sync-*'\n");
  ToolResult R = runProgram(CLANGD_FPUT, {"--check=" + File});
  std::string Expected = "[fput-sync-locked] Line " +
                         std::to_string(lineOf(Widget, "/* call */")) +
                         ": __fput_sync() reached with mutex 'w->lock' held "
                         "(widget_drop -> __fput_sync)";
  EXPECT_NE(R.Err.find(Expected), std::string::npos) << R.Err;
}

TEST_F(ClangdFput, ModuleLoadsIntoClangTidy) {
  if (StringRef(CLANG_TIDY_19).empty())
    GTEST_SKIP() << "clang-tidy-19 is not installed";
  setUpTree(Widget);
  ToolResult R = runProgram(CLANG_TIDY_19, {"--load=" FPUTCHECK_TIDY_MODULE,
                                            "--checks=-*,fput-sync-*", "-p",
                                            Dir.path(), File});
  std::string Call =
      File + ":" + std::to_string(lineOf(Widget, "/* call */")) + ":2: ";
  EXPECT_NE(R.Out.find(Call + "warning: __fput_sync() reached with mutex "
                              "'w->lock' held (widget_drop -> __fput_sync) "
                              "[fput-sync-locked]"),
            std::string::npos)
      << R.Out << R.Err;
  EXPECT_NE(R.Out.find("note: mutex 'w->lock' acquired here by mutex_lock()"),
            std::string::npos)
      << R.Out;
  EXPECT_NE(R.Out.find(Call + "note: widget_close() calls widget_drop()"),
            std::string::npos)
      << R.Out;
  EXPECT_NE(R.Out.find("note: widget_drop() calls __fput_sync()"),
            std::string::npos)
      << R.Out;

  // The call moved out of the lock: nothing.
  writeCorpusDatabase(Dir, {Dir.write("drivers/widget.c", unlocked(Widget))});
  ToolResult Clean = runProgram(CLANG_TIDY_19, {"--load=" FPUTCHECK_TIDY_MODULE,
                                                "--checks=-*,fput-sync-*", "-p",
                                                Dir.path(), File});
  EXPECT_EQ(Clean.Out.find("fput-sync"), std::string::npos) << Clean.Out;
}

} // namespace
