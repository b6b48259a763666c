//===- Readers.cpp - Which stored TUs read a file -------------------------===//

#include "store/Readers.h"
#include "store/Sqlite.h"

#include "llvm/ADT/STLExtras.h"

using namespace llvm;
using namespace fputcheck;

Expected<std::vector<std::string>>
fputcheck::storedReadersOf(StringRef StorePath, ArrayRef<std::string> Files) {
  auto Db = sql::Database::open(StorePath, /*Create=*/false);
  if (!Db)
    return Db.takeError();
  // Any version of the file: the one a TU read may predate the patch's base.
  auto Q = Db->prepare("SELECT DISTINCT t.file FROM files f "
                       "JOIN tu_inputs i ON i.file = f.id "
                       "JOIN tus t ON t.id = i.tu WHERE f.path = ?1");
  if (!Q)
    return Q.takeError();
  std::vector<std::string> Out;
  for (const std::string &F : Files) {
    Q->bind(1, F);
    while (Q->step())
      Out.push_back(Q->text(0).str());
    if (Error E = Q->takeError())
      return E;
  }
  llvm::sort(Out);
  Out.erase(std::unique(Out.begin(), Out.end()), Out.end());
  return Out;
}
