//===- ParsePool.cpp - Parsing TUs in parallel ----------------------------===//

#include "fputcheck/Extract.h"
#include "extract/BodyNeeds.h"
#include "extract/CompileDB.h"
#include "extract/SummaryAction.h"
#include "extract/ProbeRecorder.h"

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/PCHContainerOperations.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <chrono>
#include <mutex>

using namespace clang;
using namespace fputcheck;

namespace {
/// Keeps the first error of a TU, with its location, and nothing else.
class FirstError : public DiagnosticConsumer {
public:
  void HandleDiagnostic(DiagnosticsEngine::Level Level,
                        const Diagnostic &Info) override {
    DiagnosticConsumer::HandleDiagnostic(Level, Info);
    if (Level < DiagnosticsEngine::Error || !Message.empty())
      return;
    SmallString<256> Text;
    Info.FormatDiagnostic(Text);
    std::string Where;
    if (Info.hasSourceManager() && Info.getLocation().isValid()) {
      PresumedLoc P =
          Info.getSourceManager().getPresumedLoc(Info.getLocation());
      if (P.isValid())
        Where = std::string(P.getFilename()) + ":" +
                std::to_string(P.getLine()) + ":" +
                std::to_string(P.getColumn()) + ": ";
    }
    Message = Where + "error: " + std::string(Text);
  }
  std::string Message;
};
} // namespace

TUOutcome fputcheck::extractOne(const tooling::CompileCommand &Cmd,
                                const Rules &R, const ExtractOptions &O) {
  auto Start = std::chrono::steady_clock::now();
  TUOutcome Out;
  Out.Cmd = &Cmd;
  Out.Started = std::chrono::system_clock::now();
  // A file system of its own: the working directory is per TU, and the
  // process-wide one must not change under other workers. The recorder
  // notes what both passes found and missed, for storing a failure.
  IntrusiveRefCntPtr<ProbeRecorder> FS(new ProbeRecorder(
      O.MakeFS ? O.MakeFS() : llvm::vfs::createPhysicalFileSystem()));
  if (std::error_code EC = FS->setCurrentWorkingDirectory(Cmd.Directory)) {
    Out.Error =
        Cmd.Directory + ": error: cannot enter directory: " + EC.message();
    return Out;
  }
  if (!FS->exists(Cmd.Filename)) {
    Out.Error = Cmd.Filename + ": error: file not found (listed in the "
                               "compile database, gone from disk)";
    return Out;
  }
  IntrusiveRefCntPtr<FileManager> Files(
      new FileManager(FileSystemOptions(), FS));
  std::vector<std::string> Args = sanitizeArguments(Cmd, Out.Dropped);
  // Two passes: a preprocessing scan to learn which header bodies the TU
  // can reach, then the parse that skips the others. When the scan cannot
  // tell, every body is parsed.
  std::optional<BodyNeeds> Needed;
  if (O.SkipUnneededBodies)
    Needed = findBodyNeeds(Args, *Files);
  FirstError Diags;
  tooling::ToolInvocation Inv(Args,
                              makeExtractAction(R, Out.Summary,
                                                std::move(Needed)),
                              Files.get(),
                              std::make_shared<PCHContainerOperations>());
  Inv.setDiagnosticConsumer(&Diags);
  bool Ran = false;
  // A clang crash (an assertion, a segfault in Sema) on one TU becomes that
  // TU's error: the other workers and every summary already made go on.
  llvm::CrashRecoveryContext Recovery;
  if (!Recovery.RunSafely([&] { Ran = Inv.run(); })) {
    // No inputs: a crash may owe to this run (a stack, memory), not to the
    // files, so it is not stored and the next run tries again.
    Out.Error = Cmd.Filename +
                ": error: clang crashed while parsing this file; reproduce "
                "with clang-19 -fsyntax-only and its compile command";
    Out.Summary = TUSummary();
  } else if (!Ran || Diags.getNumErrors()) {
    Out.Error = Diags.Message.empty()
                    ? Cmd.Filename + ": error: clang could not run this command"
                    : Diags.Message;
    Out.Summary = TUSummary();
    Out.Inputs = FS->opened();
    Out.Absent = FS->missing();
  } else {
    Out.Ok = true;
    Out.Inputs = std::move(Out.Summary.Inputs);
  }
  Out.Seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
          .count();
  return Out;
}

void fputcheck::extractAll(const std::vector<tooling::CompileCommand> &Cmds,
                           const Rules &R, unsigned Jobs,
                           const std::function<void(TUOutcome &)> &OnDone,
                           const ExtractOptions &O) {
  // Crash recovery is process-wide (signal handlers); each TU opts in with
  // its own context in extractOne().
  llvm::CrashRecoveryContext::Enable();
  std::mutex Lock;
  llvm::DefaultThreadPool Pool(llvm::hardware_concurrency(Jobs));
  for (const tooling::CompileCommand &Cmd : Cmds)
    Pool.async([&, C = &Cmd] {
      TUOutcome Out = extractOne(*C, R, O);
      std::lock_guard<std::mutex> G(Lock);
      OnDone(Out);
    });
  Pool.wait();
}
