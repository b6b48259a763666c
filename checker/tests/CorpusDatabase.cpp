//===- CorpusDatabase.cpp - A compile database for corpus-style TUs -------===//

#include "CorpusDatabase.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

std::string
fputcheck::test::corpusDatabaseJSON(StringRef Dir,
                                    const std::vector<std::string> &Files,
                                    const std::vector<std::string> &Extra) {
  json::Array Entries;
  for (const std::string &F : Files) {
    json::Array Args{"clang-19", "-std=gnu11", "-nostdinc", "-ffreestanding",
                     "-D__KERNEL__", "-I", FPUTCHECK_CORPUS_DIR "/include"};
    for (const std::string &E : Extra)
      Args.push_back(E);
    Args.push_back("-c");
    Args.push_back(F);
    Entries.push_back(json::Object{{"directory", Dir.str()},
                                   {"file", F},
                                   {"arguments", std::move(Args)}});
  }
  std::string Text;
  raw_string_ostream(Text) << json::Value(std::move(Entries));
  return Text;
}
