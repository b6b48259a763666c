//===- LspClient.cpp - An editor's side of an LSP session -----------------===//

#include "LspClient.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <cerrno>
#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

using namespace llvm;

namespace fputcheck {
namespace test {

std::string fileURI(const std::string &Path) { return "file://" + Path; }

LspClient::LspClient(const std::string &Exe,
                     const std::vector<std::string> &Args,
                     const std::string &ErrFile,
                     const std::vector<std::string> &Env) {
  // A server that dies mid-write must fail the test, not kill it.
  std::signal(SIGPIPE, SIG_IGN);
  int In[2], Out[2];
  if (pipe2(In, O_CLOEXEC) || pipe2(Out, O_CLOEXEC))
    return;
  posix_spawn_file_actions_t Actions;
  posix_spawn_file_actions_init(&Actions);
  posix_spawn_file_actions_adddup2(&Actions, In[0], 0);
  posix_spawn_file_actions_adddup2(&Actions, Out[1], 1);
  posix_spawn_file_actions_addopen(&Actions, 2, ErrFile.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  std::vector<std::string> Strings{Exe};
  Strings.insert(Strings.end(), Args.begin(), Args.end());
  std::vector<char *> Argv, Envp;
  for (std::string &S : Strings)
    Argv.push_back(S.data());
  Argv.push_back(nullptr);
  // Env replaces a variable of ours with the same name, which would
  // otherwise be the one getenv() finds.
  std::vector<std::string> EnvCopy(Env);
  auto Overridden = [&](StringRef Var) {
    for (const std::string &E : Env)
      if (Var.split('=').first == StringRef(E).split('=').first)
        return true;
    return false;
  };
  for (char **E = environ; *E; ++E)
    if (!Overridden(*E))
      Envp.push_back(*E);
  for (std::string &E : EnvCopy)
    Envp.push_back(E.data());
  Envp.push_back(nullptr);
  if (posix_spawn(&Pid, Exe.c_str(), &Actions, nullptr, Argv.data(),
                  Envp.data()))
    Pid = -1;
  posix_spawn_file_actions_destroy(&Actions);
  close(In[0]);
  close(Out[1]);
  ToServer = In[1];
  FromServer = Out[0];
}

LspClient::~LspClient() {
  if (Pid > 0) {
    int64_t Id = NextId++;
    send(json::Object{{"id", Id}, {"method", "shutdown"}});
    while (std::optional<json::Value> M = receive(10))
      if (const json::Object *O = M->getAsObject();
          O && O->getInteger("id") == Id && !O->get("method"))
        break;
    send(json::Object{{"method", "exit"}});
  }
  close(ToServer);
  close(FromServer);
  if (Pid > 0) {
    // clangd exits on "exit" or on end of input; do not hang a test run on
    // one that does neither.
    for (int I = 0; I < 100; ++I) {
      if (waitpid(Pid, nullptr, WNOHANG) == Pid)
        return;
      usleep(100 * 1000);
    }
    kill(Pid, SIGKILL);
    waitpid(Pid, nullptr, 0);
  }
}

void LspClient::send(json::Object Message) {
  Message["jsonrpc"] = "2.0";
  std::string Body;
  raw_string_ostream(Body) << json::Value(std::move(Message));
  std::string Frame =
      "Content-Length: " + std::to_string(Body.size()) + "\r\n\r\n" + Body;
  for (size_t Done = 0; Done < Frame.size();) {
    ssize_t N = write(ToServer, Frame.data() + Done, Frame.size() - Done);
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0)
      return; // The server is gone; receive() reports it.
    Done += N;
  }
}

std::optional<json::Value> LspClient::receive(double Timeout) {
  auto Deadline =
      std::chrono::steady_clock::now() + std::chrono::duration<double>(Timeout);
  while (true) {
    size_t HeaderEnd = Pending.find("\r\n\r\n");
    if (HeaderEnd != std::string::npos) {
      size_t Length = 0;
      StringRef Headers(Pending.data(), HeaderEnd);
      SmallVector<StringRef, 2> Lines;
      Headers.split(Lines, "\r\n");
      for (StringRef Line : Lines)
        if (Line.consume_front_insensitive("Content-Length:"))
          Line.trim().getAsInteger(10, Length);
      if (Pending.size() >= HeaderEnd + 4 + Length) {
        std::string Body = Pending.substr(HeaderEnd + 4, Length);
        Pending.erase(0, HeaderEnd + 4 + Length);
        Expected<json::Value> V = json::parse(Body);
        if (!V) {
          consumeError(V.takeError());
          return std::nullopt;
        }
        return std::move(*V);
      }
    }
    auto Left = std::chrono::duration_cast<std::chrono::milliseconds>(
        Deadline - std::chrono::steady_clock::now());
    if (Left.count() <= 0)
      return std::nullopt;
    pollfd P{FromServer, POLLIN, 0};
    int Ready = poll(&P, 1, static_cast<int>(Left.count()));
    if (Ready < 0 && errno == EINTR)
      continue;
    if (Ready <= 0)
      return std::nullopt;
    char Buf[65536];
    ssize_t N = read(FromServer, Buf, sizeof(Buf));
    if (N <= 0)
      return std::nullopt; // The server exited.
    Pending.append(Buf, N);
  }
}

bool LspClient::initialize() {
  if (Pid <= 0)
    return false;
  int64_t Id = NextId++;
  json::Object Capabilities{
      {"textDocument",
       json::Object{{"publishDiagnostics",
                     json::Object{{"relatedInformation", true}}}}}};
  send(json::Object{
      {"id", Id},
      {"method", "initialize"},
      {"params", json::Object{{"processId", nullptr},
                              {"rootUri", nullptr},
                              {"capabilities", std::move(Capabilities)}}}});
  while (std::optional<json::Value> M = receive(60)) {
    const json::Object *O = M->getAsObject();
    if (O && O->getInteger("id") == Id && !O->get("method")) {
      send(json::Object{{"method", "initialized"}, {"params", json::Object{}}});
      return true;
    }
  }
  return false;
}

std::optional<json::Array> LspClient::diagnosticsFor(const std::string &Path,
                                                     int64_t Version,
                                                     double Timeout) {
  auto Deadline =
      std::chrono::steady_clock::now() + std::chrono::duration<double>(Timeout);
  std::string URI = fileURI(Path);
  while (true) {
    double Left = std::chrono::duration<double>(
                      Deadline - std::chrono::steady_clock::now())
                      .count();
    std::optional<json::Value> M = receive(Left);
    if (!M)
      return std::nullopt;
    const json::Object *O = M->getAsObject();
    if (!O)
      continue;
    std::optional<StringRef> Method = O->getString("method");
    if (Method && O->get("id")) {
      // A request of the server's (progress tokens and the like): an
      // editor answers, or the server may wait.
      send(json::Object{{"id", *O->get("id")}, {"result", nullptr}});
      continue;
    }
    if (Method != "textDocument/publishDiagnostics")
      continue;
    const json::Object *Params = O->getObject("params");
    if (!Params || Params->getString("uri") != URI ||
        Params->getInteger("version").value_or(0) < Version)
      continue;
    if (const json::Array *Diags = Params->getArray("diagnostics"))
      return *Diags;
    return json::Array();
  }
}

std::optional<json::Array> LspClient::open(const std::string &Path,
                                           const std::string &Text,
                                           double Timeout) {
  int64_t Version = Versions[Path] = 1;
  send(json::Object{
      {"method", "textDocument/didOpen"},
      {"params",
       json::Object{{"textDocument", json::Object{{"uri", fileURI(Path)},
                                                  {"languageId", "c"},
                                                  {"version", Version},
                                                  {"text", Text}}}}}});
  return diagnosticsFor(Path, Version, Timeout);
}

std::optional<json::Array> LspClient::change(const std::string &Path,
                                             const std::string &Text,
                                             double Timeout) {
  int64_t Version = ++Versions[Path];
  send(json::Object{
      {"method", "textDocument/didChange"},
      {"params",
       json::Object{
           {"textDocument",
            json::Object{{"uri", fileURI(Path)}, {"version", Version}}},
           {"contentChanges", json::Array{json::Object{{"text", Text}}}}}}});
  return diagnosticsFor(Path, Version, Timeout);
}

} // namespace test
} // namespace fputcheck
