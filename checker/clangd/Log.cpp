//===- Log.cpp - Messages to the editor's log -----------------------------===//

#include "Log.h"

#include "llvm/Support/raw_ostream.h"
#include <mutex>

void fputcheck::tidy::logLine(const llvm::Twine &Message) {
  static std::mutex Lock;
  std::string Line = ("fputcheck: " + Message + "\n").str();
  std::lock_guard<std::mutex> Guard(Lock);
  llvm::errs() << Line;
  llvm::errs().flush();
}

void fputcheck::tidy::logDiagnostic(const Diagnostic &D) { logLine(render(D)); }
