//===- Progress.cpp - Progress on a terminal --------------------*- C++ -*-===//

#include "driver/Progress.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

using namespace fputcheck;

Progress::Progress(unsigned Total, bool Enabled)
    : Total(Total),
      Enabled(Enabled && llvm::sys::Process::StandardErrIsDisplayed()),
      Start(std::chrono::steady_clock::now()) {}

void Progress::step(llvm::StringRef File) {
  ++Done;
  if (!Enabled)
    return;
  double Elapsed = std::chrono::duration<double>(
                       std::chrono::steady_clock::now() - Start)
                       .count();
  unsigned Eta = unsigned(Elapsed / Done * (Total - Done));
  if (File.size() > 48)
    File = File.take_back(48);
  llvm::errs() << llvm::format("\r\033[K[%5u/%u] %-48s ETA %um%02us", Done,
                               Total, File.str().c_str(), Eta / 60, Eta % 60);
}

void Progress::finish() {
  if (Enabled)
    llvm::errs() << "\r\033[K";
}
