//===- PreambleBodies.cpp - Header function bodies in clangd's preamble ---===//
//
// clangd parses the #include block of a file once, into a preamble, and
// skips every function body in it (PreambleCallbacks::shouldSkipFunctionBody)
// to save time. For C that means every static inline function of every
// header: spin_lock(), spin_unlock_irqrestore(), lock_sock(), the guard()
// constructors. fputcheck learns what those do to locks from their bodies
// (docs/architecture.md, "Per function"); without them spin_lock() takes
// nothing, and a spin_lock_irqsave() (a macro over an out-of-line function)
// followed by spin_unlock_irqrestore() (an inline) would look held to the
// end of the function.
//
// clangd-fput therefore keeps the bodies of C functions in the preamble. It
// interposes clang's PrecompiledPreamble::Build, which clangd (linked
// statically into this binary) calls from libclang-cpp.so: the definition
// below wins at link time, wraps clangd's callbacks so C bodies are parsed,
// and calls the library's Build. Everything else, C++ included, is decided
// by clangd as before. The preamble is built once per change to the
// includes, off the edit path; the cost is in docs/ide.md.
//
//===----------------------------------------------------------------------===//

#include "Log.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclBase.h"
#include "clang/AST/DeclGroup.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/PrecompiledPreamble.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"
#include <cstdlib>
#include <dlfcn.h>

using namespace clang;

namespace {

/// clangd's callbacks, with C function bodies kept.
class KeepCBodies : public PreambleCallbacks {
public:
  explicit KeepCBodies(PreambleCallbacks &Inner) : Inner(Inner) {}

  bool shouldSkipFunctionBody(Decl *D) override {
    if (!D->getASTContext().getLangOpts().CPlusPlus)
      return false;
    return Inner.shouldSkipFunctionBody(D);
  }

  void BeforeExecute(CompilerInstance &CI) override {
    // The parse of the rest of the file counts __COUNTER__ from 0 again
    // (clangd does not carry the preamble's count over), and header bodies
    // expand it: the kernel's BUILD_BUG_ON() and READ_ONCE() declare
    // __compiletime_assert_<N>() with their message as an error attribute,
    // so the file's own N = 0 met a header's with another message ("attribute
    // 'error' is already applied with different arguments", an error under
    // -Werror, four times in dm.c). Counting the preamble from far above
    // what a file reaches keeps every N unique.
    CI.getPreprocessor().setCounterValue(1u << 30);
    Inner.BeforeExecute(CI);
  }
  void AfterExecute(CompilerInstance &CI) override { Inner.AfterExecute(CI); }
  void AfterPCHEmitted(ASTWriter &Writer) override {
    Inner.AfterPCHEmitted(Writer);
  }
  void HandleTopLevelDecl(DeclGroupRef DG) override {
    Inner.HandleTopLevelDecl(DG);
  }
  std::unique_ptr<PPCallbacks> createPPCallbacks() override {
    return Inner.createPPCallbacks();
  }
  CommentHandler *getCommentHandler() override {
    return Inner.getCommentHandler();
  }

private:
  PreambleCallbacks &Inner;
};

using BuildFn = llvm::ErrorOr<PrecompiledPreamble> (*)(
    const CompilerInvocation &, const llvm::MemoryBuffer *, PreambleBounds,
    DiagnosticsEngine &, IntrusiveRefCntPtr<llvm::vfs::FileSystem>,
    std::shared_ptr<PCHContainerOperations>, bool, StringRef,
    PreambleCallbacks &);

/// libclang-cpp.so's Build, the one this file's definition hides. The name
/// is LLVM 19's mangling of the declaration this file compiles against.
BuildFn libraryBuild() {
  static BuildFn Real = [] {
    void *Sym = dlsym(
        RTLD_NEXT,
        "_ZN5clang19PrecompiledPreamble5BuildERKNS_18CompilerInvocationEPKN4"
        "llvm12MemoryBufferENS_14PreambleBoundsERNS_17DiagnosticsEngineENS4_"
        "18IntrusiveRefCntPtrINS4_3vfs10FileSystemEEESt10shared_ptrINS_"
        "22PCHContainerOperationsEEbNS4_9StringRefERNS_17PreambleCallbacksE");
    if (!Sym) {
      fputcheck::tidy::logDiagnostic(
          {fputcheck::Severity::Error, "", 0, 0,
           "clang's PrecompiledPreamble::Build is not in libclang-cpp.so; "
           "clangd-fput was built against another LLVM"});
      std::abort();
    }
    return reinterpret_cast<BuildFn>(Sym);
  }();
  return Real;
}

} // namespace

llvm::ErrorOr<PrecompiledPreamble> PrecompiledPreamble::Build(
    const CompilerInvocation &Invocation,
    const llvm::MemoryBuffer *MainFileBuffer, PreambleBounds Bounds,
    DiagnosticsEngine &Diagnostics,
    IntrusiveRefCntPtr<llvm::vfs::FileSystem> VFS,
    std::shared_ptr<PCHContainerOperations> PCHContainerOps, bool StoreInMemory,
    StringRef StoragePath, PreambleCallbacks &Callbacks) {
  KeepCBodies Keep(Callbacks);
  return libraryBuild()(Invocation, MainFileBuffer, Bounds, Diagnostics,
                        std::move(VFS), std::move(PCHContainerOps),
                        StoreInMemory, StoragePath, Keep);
}
