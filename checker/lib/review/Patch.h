//===- Patch.h - Unified diffs applied in memory ----------------*- C++ -*-===//
//
// Patch review never writes the tree: a patch (a unified diff, a `git
// format-patch` file, or an mbox holding a series) is applied to the files'
// contents in memory, and the result is parsed through an overlay file
// system. Application is strict, like `git apply`: context and removed lines
// must match, a hunk may only move by the lines earlier hunks added or
// removed (plus a small search for offsets), and a hunk that does not apply
// is an error naming the file and the hunk.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_REVIEW_PATCH_H
#define FPUTCHECK_REVIEW_PATCH_H

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace fputcheck {

struct Hunk {
  unsigned OldStart = 0, OldCount = 0, NewStart = 0, NewCount = 0;
  /// The "@@ -a,b +c,d @@" line, for errors.
  std::string Header;
  /// Each line with its mark: ' ' context, '-' removed, '+' added.
  std::vector<std::pair<char, std::string>> Lines;
  /// A "\ No newline at end of file" after the last old / new line.
  bool OldNoNewline = false, NewNoNewline = false;
};

struct FilePatch {
  /// Paths relative to the tree root, the first component stripped (-p1);
  /// empty for /dev/null (a new or deleted file).
  std::string OldPath, NewPath;
  std::vector<Hunk> Hunks;
  /// Which message of a series it came from (its Subject, or the file).
  std::string Origin;
};

/// Parses every file diff in \p Text (several messages of an mbox, several
/// files of a diff), in order. \p Name names the input in errors.
llvm::Expected<std::vector<FilePatch>> parsePatch(llvm::StringRef Text,
                                                  llvm::StringRef Name);

/// The tree as patches leave it, in memory.
class PatchedTree {
public:
  /// \p Read gives a file's content on disk (relative path), or nothing
  /// when it does not exist.
  using Reader =
      std::function<std::optional<std::string>(llvm::StringRef Rel)>;
  explicit PatchedTree(Reader Read) : Read(std::move(Read)) {}

  /// Applies \p P on top of earlier patches; an error names the file and
  /// the hunk, and leaves this tree as it was.
  llvm::Error apply(const FilePatch &P);

  /// Changed files (relative path -> new content); a deleted file maps to
  /// nothing.
  const llvm::StringMap<std::optional<std::string>> &files() const {
    return Files;
  }
  /// 1-based lines of \p Rel's new content that the patches added (a line
  /// added and then changed again counts once, at its final place).
  std::set<unsigned> addedLines(llvm::StringRef Rel) const;

  /// The tree as patched, under \p Root: the changed files in memory over
  /// the disk. A new file system each call, for one parse: a parse sets its
  /// working directory in every layer, so parses running at once must not
  /// share one. It reads this tree's contents, which must outlive it.
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>
  fileSystem(llvm::StringRef Root) const;

private:
  Reader Read;
  llvm::StringMap<std::optional<std::string>> Files;
  /// Per file, for each line of its current content: added by a patch.
  llvm::StringMap<std::vector<bool>> Added;
};

} // namespace fputcheck

#endif
