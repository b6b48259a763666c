//===- Session.cpp - From a compile database to a linked program ----------===//

#include "Session.h"
#include "Extraction.h"
#include "Progress.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <map>

using namespace llvm;
using namespace fputcheck;

Error fputcheck::buildProgram(const SessionOptions &O, const Rules &R,
                              Program &P, SessionStats &Stats,
                              std::string &DBDir) {
  auto DB = loadCompileDatabase(O.Database);
  if (!DB)
    return DB.takeError();
  SmallString<256> Dir(O.Database);
  if (!sys::fs::is_directory(Dir))
    sys::path::remove_filename(Dir);
  sys::fs::make_absolute(Dir);
  sys::path::remove_dots(Dir, true);
  DBDir = std::string(Dir);
  auto Cmds = selectCommands(**DB, DBDir, O.Files);
  if (!Cmds)
    return Cmds.takeError();

  Stats.TUs = Cmds->size();
  Progress Bar(Cmds->size(), !O.Quiet);
  std::map<std::string, unsigned> DroppedCounts;
  extractAll(*Cmds, R, O.Jobs, [&](TUOutcome &T) {
    Bar.step(T.Cmd->Filename);
    for (const std::string &F : T.Dropped.Plugin)
      ++DroppedCounts["plugin flag " + F];
    for (const std::string &F : T.Dropped.Unknown)
      ++DroppedCounts["flag unknown to clang " + F];
    if (!T.Ok) {
      ++Stats.Failed;
      Stats.Errors.push_back(T.Error);
      return;
    }
    ++Stats.Parsed;
    P.add(std::move(T.Summary));
  });
  Bar.finish();
  for (auto &[What, N] : DroppedCounts)
    Stats.Notes.push_back("dropped " + What + " (" + std::to_string(N) +
                          " TUs)");
  llvm::sort(Stats.Errors);
  P.link(R);
  return Error::success();
}
