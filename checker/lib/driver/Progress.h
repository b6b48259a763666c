//===- Progress.h - Progress on a terminal ----------------------*- C++ -*-===//
//
// "[ 120/3012] fs/open.c  ETA 4m10s" redrawn in place on a terminal; silent
// when stderr is not a TTY (CI logs) or with --quiet.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_DRIVER_PROGRESS_H
#define FPUTCHECK_DRIVER_PROGRESS_H

#include "llvm/ADT/StringRef.h"
#include <chrono>

namespace fputcheck {

class Progress {
public:
  Progress(unsigned Total, bool Enabled);
  /// One more TU done.
  void step(llvm::StringRef File);
  /// Clears the progress line.
  void finish();

private:
  unsigned Total;
  unsigned Done = 0;
  bool Enabled;
  std::chrono::steady_clock::time_point Start;
};

} // namespace fputcheck

#endif
