#!/usr/bin/env python3
"""What the fput-sync-* checks cost clangd, on real kernel files.

For each file, in clangd-fput's check mode (clangd --check), N times:
  - the CPU time of clangd's rebuild of the file's AST without clang-tidy
    checks, and what one fput-sync-* check adds to it
    (--check-tidy-time: the six checks share one analysis, so one check's
    figure is the cost of all six);
  - the process's peak RSS with the checks off and on;
  - whether the checks read the reach facts of a summary store.

The store is the tree's own (.fputcheck/summaries.db, where `fputcheck
analyze -p TREE` leaves it): clangd's timing runs give checks their default
options, so a store named by the FputcheckStore option would not be used
there. With --lsp, also over LSP as an editor drives it: the wall time
from each didChange (one space appended) to the publishDiagnostics of that
version, median of --edits edits, and the server's RSS after them, with the
checks off and on. Prints Markdown tables for docs/performance.md and
docs/ide.md.

  bench/ide.py --tree /var/tmp/fputcheck/linux-source-6.12
  bench/ide.py --tree ... --runs 5 --lsp drivers/md/dm.c fs/open.c
"""

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CLANGD = os.path.join(HERE, "..", "build", "bin", "clangd-fput")
DEFAULT_FILES = ["drivers/md/dm.c", "fs/open.c", "drivers/md/dm-table.c"]
CONFIG_ON = """Diagnostics:
  ClangTidy:
    Add: [fput-sync-*]
    FastCheckFilter: None
"""
CONFIG_OFF = "Diagnostics:\n  ClangTidy:\n    Remove: ['*']\n"


def run_check(clangd, tree, rel, config, timing):
    """One clangd --check run; returns (stderr, peak RSS in KiB)."""
    with tempfile.TemporaryDirectory(prefix="fputcheck-ide-") as home:
        os.makedirs(os.path.join(home, "clangd"))
        with open(os.path.join(home, "clangd", "config.yaml"), "w") as f:
            f.write(config)
        env = dict(os.environ, XDG_CONFIG_HOME=home)
        args = [clangd, "--check=" + rel]
        if timing:
            args.append("--check-tidy-time=fput-sync-locked")
        # time -f prints the peak RSS of the clangd process alone.
        proc = subprocess.run(["/usr/bin/time", "-f", "RSS %M"] + args,
                              cwd=tree, env=env, capture_output=True,
                              text=True, timeout=600)
    rss = re.findall(r"^RSS (\d+)$", proc.stderr, re.M)
    return proc.stderr, int(rss[-1]) if rss else 0


class Lsp:
    """A clangd-fput session over stdio, as an editor drives it."""

    def __init__(self, clangd, tree, home):
        env = dict(os.environ, XDG_CONFIG_HOME=home)
        self.proc = subprocess.Popen(
            [clangd, "--background-index=false", "-j=1"], cwd=tree, env=env,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL)
        self.next_id = 1
        self.request("initialize", {"processId": os.getpid(),
                                    "rootUri": "file://" + tree,
                                    "capabilities": {}})
        self.notify("initialized", {})

    def send(self, msg):
        body = json.dumps(msg).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def receive(self):
        length = 0
        while True:
            line = self.proc.stdout.readline()
            if not line:
                sys.exit("bench/ide.py: clangd-fput exited")
            if line in (b"\r\n", b"\n"):
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        return json.loads(self.proc.stdout.read(length))

    def request(self, method, params):
        rid = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": rid, "method": method,
                   "params": params})
        while True:
            m = self.receive()
            if m.get("id") == rid and "method" not in m:
                return m

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def diagnostics(self, uri, version):
        while True:
            m = self.receive()
            if m.get("method") == "textDocument/publishDiagnostics":
                p = m["params"]
                if p["uri"] == uri and p.get("version") == version:
                    return p["diagnostics"]

    def rss_mib(self):
        with open("/proc/%d/status" % self.proc.pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        return 0

    def close(self):
        try:
            self.request("shutdown", None)
            self.notify("exit", None)
            self.proc.wait(timeout=30)
        except Exception:
            self.proc.kill()


def lsp_session(clangd, tree, rel, config, edits):
    """Median didChange-to-diagnostics wall time (ms), fput-sync-*
    diagnostics shown, and the server's RSS (MiB) after the edits."""
    path = os.path.join(tree, rel)
    uri = "file://" + path
    with open(path) as f:
        text = f.read()
    with tempfile.TemporaryDirectory(prefix="fputcheck-ide-") as home:
        os.makedirs(os.path.join(home, "clangd"))
        with open(os.path.join(home, "clangd", "config.yaml"), "w") as f:
            f.write(config)
        s = Lsp(clangd, tree, home)
        s.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "c", "version": 1, "text": text}})
        diags = s.diagnostics(uri, 1)
        times = []
        for v in range(2, edits + 2):
            text += " "
            start = time.monotonic()
            s.notify("textDocument/didChange", {
                "textDocument": {"uri": uri, "version": v},
                "contentChanges": [{"text": text}]})
            diags = s.diagnostics(uri, v)
            times.append((time.monotonic() - start) * 1000)
        rss = s.rss_mib()
        s.close()
    shown = sum(1 for d in diags if str(d.get("code", "")).startswith("fput-sync-"))
    return statistics.median(times), shown, rss


def measure(clangd, tree, rel, runs):
    base_ms, added_ms, rss_on, rss_off = [], [], [], []
    facts = "no"
    for _ in range(runs):
        err, rss = run_check(clangd, tree, rel, CONFIG_ON, timing=True)
        base = re.search(r"Baseline = (\d+) ns", err)
        pct = re.search(r"fput-sync-locked = (-?\d+)%", err)
        if not base or not pct:
            sys.exit("bench/ide.py: no timing in clangd's output for %s:\n%s"
                     % (rel, err[-2000:]))
        b = int(base.group(1)) / 1e6
        base_ms.append(b)
        added_ms.append(b * int(pct.group(1)) / 100)
        rss_on.append(rss)
        if "read reach facts" in err:
            facts = "yes"
        _, rss = run_check(clangd, tree, rel, CONFIG_OFF, timing=False)
        rss_off.append(rss)
    return {
        "file": rel,
        "rebuild_ms": statistics.median(base_ms),
        "added_ms": statistics.median(added_ms),
        "added_max_ms": max(added_ms),
        "rss_off_mib": statistics.median(rss_off) / 1024,
        "rss_on_mib": statistics.median(rss_on) / 1024,
        "facts": facts,
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tree", required=True,
                    help="kernel tree with compile_commands.json")
    ap.add_argument("--clangd", default=DEFAULT_CLANGD)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--lsp", action="store_true",
                    help="also time edits over LSP, checks off and on")
    ap.add_argument("--edits", type=int, default=11)
    ap.add_argument("files", nargs="*", default=DEFAULT_FILES)
    a = ap.parse_args()
    tree = os.path.abspath(a.tree)
    if not os.path.exists(os.path.join(tree, "compile_commands.json")):
        sys.exit("bench/ide.py: %s has no compile_commands.json" % tree)
    if not os.access(a.clangd, os.X_OK):
        sys.exit("bench/ide.py: %s is not built (./setup.sh)" % a.clangd)
    store = os.path.join(tree, ".fputcheck", "summaries.db")
    print("store: %s" % (store if os.path.exists(store) else
                         "none (run fputcheck analyze -p %s)" % tree))
    print()
    print("| file | rebuild, checks off | added by the checks (median, max) "
          "| peak RSS off / on | reach facts read |")
    print("| --- | ---: | ---: | ---: | --- |")
    for rel in a.files:
        r = measure(a.clangd, tree, rel, a.runs)
        print("| %s | %.0f ms | %.0f ms, %.0f ms | %.0f / %.0f MiB | %s |" % (
            r["file"], r["rebuild_ms"], r["added_ms"], r["added_max_ms"],
            r["rss_off_mib"], r["rss_on_mib"], r["facts"]), flush=True)
    if not a.lsp:
        return
    print()
    print("| file | edit to diagnostics, checks off / on (median of %d) "
          "| fput-sync-* shown | server RSS off / on |" % a.edits)
    print("| --- | ---: | ---: | ---: |")
    for rel in a.files:
        off, _, rss_off = lsp_session(a.clangd, tree, rel, CONFIG_OFF, a.edits)
        on, shown, rss_on = lsp_session(a.clangd, tree, rel, CONFIG_ON, a.edits)
        print("| %s | %.0f / %.0f ms | %d | %.0f / %.0f MiB |" % (
            rel, off, on, shown, rss_off, rss_on), flush=True)


if __name__ == "__main__":
    main()
