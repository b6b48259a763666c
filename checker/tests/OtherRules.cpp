//===- OtherRules.cpp - Rules that make another extractor digest ----------===//

#include "OtherRules.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

std::string fputcheck::test::writeOtherExtractorRules(const std::string &Dir) {
  sys::fs::create_directories(Dir);
  std::error_code EC;
  for (sys::fs::directory_iterator I(FPUTCHECK_RULES_DIR, EC), End;
       I != End && !EC; I.increment(EC)) {
    SmallString<256> To(Dir);
    sys::path::append(To, sys::path::filename(I->path()));
    sys::fs::copy_file(I->path(), To);
  }
  // locks: is the last list of locks.yaml.
  SmallString<256> Locks(Dir);
  sys::path::append(Locks, "locks.yaml");
  raw_fd_ostream OS(Locks, EC, sys::fs::OF_Append);
  OS << "  - { name: fputcheck_test_other_extractor, op: acquire, kind: "
        "mutex, arg: 0 }\n";
  return Dir;
}
