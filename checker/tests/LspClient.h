//===- LspClient.h - An editor's side of an LSP session ---------*- C++ -*-===//
//
// Runs a language server (clangd-fput, stock clangd-19) as a child process
// and speaks LSP to it over its stdin and stdout the way an editor does:
// JSON-RPC messages framed by Content-Length headers. Enough of the
// protocol for the tests to open and edit a buffer and read the
// diagnostics the server publishes for it.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_TESTS_LSPCLIENT_H
#define FPUTCHECK_TESTS_LSPCLIENT_H

#include "llvm/Support/JSON.h"
#include <map>
#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace fputcheck {
namespace test {

class LspClient {
public:
  /// Starts \p Exe with \p Args; its stderr goes to \p ErrFile, \p Env
  /// ("NAME=value") is added to the environment.
  LspClient(const std::string &Exe, const std::vector<std::string> &Args,
            const std::string &ErrFile,
            const std::vector<std::string> &Env = {});
  /// Shuts the server down (shutdown, exit) and waits for it.
  ~LspClient();
  LspClient(const LspClient &) = delete;
  LspClient &operator=(const LspClient &) = delete;

  /// The initialize handshake; false when the server did not answer.
  bool initialize();
  /// Opens \p Path with \p Text (version 1) and returns the diagnostics
  /// the server publishes for it, or nothing after \p Timeout seconds.
  std::optional<llvm::json::Array>
  open(const std::string &Path, const std::string &Text, double Timeout = 120);
  /// Replaces the buffer's whole text (the next version) and returns the
  /// diagnostics published for that version.
  std::optional<llvm::json::Array> change(const std::string &Path,
                                          const std::string &Text,
                                          double Timeout = 120);
  pid_t pid() const { return Pid; }

private:
  void send(llvm::json::Object Message);
  /// The next message, or nothing after \p Timeout seconds.
  std::optional<llvm::json::Value> receive(double Timeout);
  std::optional<llvm::json::Array>
  diagnosticsFor(const std::string &Path, int64_t Version, double Timeout);

  pid_t Pid = -1;
  int ToServer = -1, FromServer = -1;
  std::string Pending; // Read, not yet parsed.
  int64_t NextId = 1;
  std::map<std::string, int64_t> Versions; // Of each open buffer.
};

std::string fileURI(const std::string &Path);

} // namespace test
} // namespace fputcheck

#endif
