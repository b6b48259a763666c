#!/usr/bin/env python3
"""Benchmark fputcheck against clang-19 -fsyntax-only on a configured tree.

Measures, in one run and with the same -j:
  1. clang-19 -fsyntax-only over every selected TU (the database's own
     arguments, dependency-file output removed), N processes at a time;
  2. fputcheck cold (empty store);
  3. warm, nothing changed;
  4. a what-if query (--assume-sync) and a census on the warm store;
  5. after an edit of one .c file (a comment appended: the content hash
     really changes), then the file restored;
  6. a review of a patch making the same edit (fputcheck review: the tree
     is not written), against the warm store;
  7. after an edit of one widely included header, then restored.
Prints times, ratios to the syntax-only pass, peak RSS and the store size,
as a Markdown table for docs/performance.md, and writes results.json.

Edited files get their original bytes and mtime back at the end, on error
and on SIGINT/SIGTERM/SIGHUP too.

  bench/bench.py --tree /var/tmp/fputcheck/linux-source-6.12 -j 2 fs/ kernel/
  bench/bench.py --tree ... --all
"""

import argparse
import concurrent.futures
import datetime
import difflib
import json
import os
import platform
import shlex
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_TOOL = os.path.join(HERE, "..", "build", "bin", "fputcheck")
EDIT_MARK = "\n/* fputcheck bench: temporary edit, restored at exit */\n"


def loadavg():
    with open("/proc/loadavg") as f:
        return f.read().split()[0]


def run_measured(argv, cwd=None, stdout=subprocess.DEVNULL):
    """Runs argv; returns (wall seconds, CPU seconds, exit status, peak RSS
    in MiB, stderr)."""
    start = time.monotonic()
    p = subprocess.Popen(argv, cwd=cwd, stdout=stdout, stderr=subprocess.PIPE)
    err = p.stderr.read()
    _, status, usage = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    return (time.monotonic() - start, usage.ru_utime + usage.ru_stime,
            p.returncode, usage.ru_maxrss / 1024.0,
            err.decode(errors="replace"))


def entry_args(e):
    return e["arguments"] if "arguments" in e else shlex.split(e["command"])


def syntax_only_argv(e):
    """The database's command as a syntax-only parse: no object, no
    dependency file written into the tree."""
    out, args, i = [], entry_args(e), 0
    while i < len(args):
        a = args[i]
        if a in ("-o", "-MF", "-MT", "-MQ"):
            i += 2
            continue
        if a in ("-c", "-MD", "-MMD") or a.startswith(("-Wp,-MD,", "-Wp,-MMD,")):
            i += 1
            continue
        out.append(a)
        i += 1
    return out + ["-fsyntax-only"]


def syntax_only_pass(entries, jobs, clang):
    def one(e):
        argv = syntax_only_argv(e)
        if clang:
            argv[0] = clang
        return run_measured(argv, cwd=e["directory"])

    start = time.monotonic()
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=jobs)
    try:
        results = list(pool.map(one, entries))
    finally:
        # Interrupted: start no more, let the running ones finish.
        pool.shutdown(cancel_futures=True)
    wall = time.monotonic() - start
    failed = sum(1 for r in results if r[2] != 0)
    return (wall, sum(r[1] for r in results), max(r[3] for r in results),
            failed)


def append_patch(tree, rel, text):
    """A unified diff (-p1) appending text to the file rel of tree."""
    with open(os.path.join(tree, rel)) as f:
        old = f.read().splitlines(keepends=True)
    new = old + text.lstrip("\n").splitlines(keepends=True)
    return "".join(difflib.unified_diff(old, new, "a/" + rel, "b/" + rel))


class Edits:
    """Temporary edits, undone byte for byte (and mtime) whatever happens."""

    def __init__(self):
        self.saved = {}

    def append(self, path, text):
        if path not in self.saved:
            st = os.stat(path)
            with open(path, "rb") as f:
                self.saved[path] = (f.read(), st.st_atime_ns, st.st_mtime_ns)
        with open(path, "ab") as f:
            f.write(text.encode())

    def restore(self, path):
        data, atime, mtime = self.saved.pop(path)
        with open(path, "wb") as f:
            f.write(data)
        os.utime(path, ns=(atime, mtime))

    def restore_all(self):
        for path in list(self.saved):
            self.restore(path)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tree", required=True, help="configured kernel tree "
                    "with compile_commands.json")
    ap.add_argument("--fputcheck", default=DEFAULT_TOOL)
    ap.add_argument("--rules", default=os.path.join(HERE, "..", "rules"))
    ap.add_argument("--clang", default="clang-19")
    ap.add_argument("-j", type=int, default=os.cpu_count())
    ap.add_argument("--source", default="fs/open.c",
                    help=".c file to edit (default: fs/open.c, or the first "
                    "selected TU)")
    ap.add_argument("--header", default="include/linux/fs.h",
                    help="header to edit")
    ap.add_argument("--work", default="/var/tmp/fputcheck-bench",
                    help="folder for the subset database and the store")
    ap.add_argument("--all", action="store_true", help="every TU")
    ap.add_argument("--skip-syntax-only", action="store_true")
    ap.add_argument("prefixes", nargs="*", help="path prefixes, e.g. fs/")
    a = ap.parse_args()
    if not a.all and not a.prefixes:
        ap.error("name path prefixes (fs/ kernel/) or --all")

    tree = os.path.abspath(a.tree)
    os.makedirs(a.work, exist_ok=True)
    # A snapshot of the tool and its rules: a rebuild or a rules edit during
    # the run would change the extractor and invalidate the store midway.
    tool = os.path.join(a.work, "fputcheck")
    shutil.copy2(os.path.abspath(a.fputcheck), tool)
    rules = os.path.join(a.work, "rules")
    shutil.rmtree(rules, ignore_errors=True)
    shutil.copytree(a.rules, rules)
    with open(os.path.join(tree, "compile_commands.json")) as f:
        db = json.load(f)

    def rel(e):
        p = e["file"] if os.path.isabs(e["file"]) else os.path.join(
            e["directory"], e["file"])
        return os.path.relpath(os.path.normpath(p), tree)

    entries = [e for e in db
               if a.all or any(rel(e).startswith(p) for p in a.prefixes)]
    if not entries:
        sys.exit("bench: no TU matches " + " ".join(a.prefixes))
    files = {rel(e) for e in entries}
    source = a.source if a.source in files else sorted(files)[0]

    dbfile = os.path.join(a.work, "compile_commands.json")
    with open(dbfile, "w") as f:
        json.dump(entries, f)
    store = os.path.join(a.work, "store", "summaries.db")
    shutil.rmtree(os.path.join(a.work, "store"), ignore_errors=True)

    edits = Edits()

    def on_signal(signum, frame):
        raise SystemExit("bench: interrupted by signal %d" % signum)

    for s in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(s, on_signal)

    rows, res = [], {}

    def fputcheck(name, *extra, sub="analyze"):
        argv = [tool, sub, *extra, "-p", dbfile, "--store", store,
                "--rules", rules, "--root", tree, "-j", str(a.j)]
        load = loadavg()
        secs, cpu, status, rss, err = run_measured(argv + ["--time-phases"])
        if status not in (0, 1):
            sys.exit("bench: %s failed (%d):\n%s" % (name, status, err))
        lines = [l for l in err.splitlines() if l.startswith("fputcheck: ")]
        summary = [l for l in lines if not l.startswith("fputcheck: time:")]
        res[name] = {"seconds": secs, "cpu_seconds": cpu, "peak_rss_mib": rss,
                     "load": load, "summary": summary[-1] if summary else "",
                     "phases": [l[len("fputcheck: time: "):] for l in lines
                                if l.startswith("fputcheck: time:")]}
        print("bench: %-20s %8.1f s wall %8.1f s CPU %6.0f MiB  %s" %
              (name, secs, cpu, rss, res[name]["summary"]), file=sys.stderr)
        print("bench:   " + "; ".join(res[name]["phases"]), file=sys.stderr)
        return secs

    try:
        print("bench: %d TUs, -j %d, load %s" % (len(entries), a.j, loadavg()),
              file=sys.stderr)
        if not a.skip_syntax_only:
            load = loadavg()
            secs, cpu, rss, failed = syntax_only_pass(entries, a.j, a.clang)
            res["syntax-only"] = {"seconds": secs, "cpu_seconds": cpu,
                                  "peak_rss_mib": rss, "failed": failed,
                                  "load": load}
            print("bench: %-20s %8.1f s wall %8.1f s CPU %6.0f MiB  (%d "
                  "failed)" % ("syntax-only", secs, cpu, rss, failed),
                  file=sys.stderr)

        fputcheck("cold")
        fputcheck("warm")
        fputcheck("what-if", "--assume-sync", "filp_close")
        fputcheck("census", "filp_close", sub="census")

        path = os.path.join(tree, source)
        edits.append(path, EDIT_MARK)
        fputcheck("edited .c")
        edits.restore(path)
        fputcheck("settle after .c")

        # The same edit as a patch to review: the store is warm again.
        patch = os.path.join(a.work, "review.patch")
        with open(patch, "w") as f:
            f.write(append_patch(tree, source, EDIT_MARK))
        report = os.path.join(a.work, "review.txt")
        fputcheck("review .c", patch, "-o", report, sub="review")
        with open(report) as f:
            res["review .c"]["summary"] = f.read().splitlines()[-1]

        con = sqlite3.connect(store)
        tu_secs = con.execute("SELECT seconds FROM tus WHERE file = ?",
                              (path,)).fetchone()
        header = os.path.join(tree, a.header)
        includers = con.execute(
            "SELECT count(DISTINCT i.tu) FROM tu_inputs i JOIN files f "
            "ON f.id = i.file WHERE f.path = ?", (header,)).fetchone()[0]
        con.close()
        for name in ("edited .c", "review .c"):
            res[name]["tu_parse_seconds"] = tu_secs[0] if tu_secs else None

        # Last: restoring the header leaves its includers to be parsed again
        # by the next run, which this benchmark does not need.
        edits.append(header, EDIT_MARK)
        fputcheck("edited header")
        edits.restore(header)
        res["edited header"]["includers"] = includers
    finally:
        edits.restore_all()

    size = sum(os.path.getsize(store + s) for s in ("", "-wal")
               if os.path.exists(store + s))
    res["store_bytes"] = size
    res["tus"] = len(entries)
    res["jobs"] = a.j
    res["date"] = datetime.datetime.now().isoformat(timespec="seconds")
    res["machine"] = "%s, %d cores, %s" % (
        platform.processor() or platform.machine(), os.cpu_count(),
        open("/proc/meminfo").readline().split(":")[1].strip())
    res["command"] = " ".join(shlex.quote(x) for x in sys.argv)
    with open(os.path.join(a.work, "results.json"), "w") as f:
        json.dump(res, f, indent=1)

    base = res.get("syntax-only", {}).get("seconds")
    cbase = res.get("syntax-only", {}).get("cpu_seconds")
    print("\n%s; %d TUs; -j %d; %s" % (res["date"], len(entries), a.j,
                                      res["machine"]))
    print("`%s`\n" % res["command"])
    print("| step | wall s | x syntax-only | CPU s | x syntax-only CPU"
          " | peak RSS MiB | per worker MiB | load | fputcheck says |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---|")
    for name in ["syntax-only", "cold", "warm", "what-if", "census",
                 "edited .c", "settle after .c", "review .c",
                 "edited header"]:
        if name not in res:
            continue
        r = res[name]
        ratio = "%.3f" % (r["seconds"] / base) if base else "-"
        cratio = "%.3f" % (r["cpu_seconds"] / cbase) if cbase else "-"
        per = r["peak_rss_mib"] if name == "syntax-only" else \
            r["peak_rss_mib"] / a.j
        note = r.get("summary", "")
        if name == "syntax-only":
            note = "%d failed; peak is one clang process" % r["failed"]
        if name in ("edited .c", "review .c") and r.get("tu_parse_seconds"):
            note += " (%s parse alone: %.1f s)" % (source,
                                                    r["tu_parse_seconds"])
        if name == "edited header":
            note += " (%s read by %d TUs)" % (a.header, r["includers"])
        print("| %s | %.1f | %s | %.1f | %s | %.0f | %.0f | %s | %s |" %
              (name, r["seconds"], ratio, r["cpu_seconds"], cratio,
               r["peak_rss_mib"], per, r["load"],
               note.replace("fputcheck: ", "")))
    print("\nstore: %.1f MB (%s)" % (size / 1e6, store))
    if "cold" in res and base:
        print("targets: cold %.2fx syntax-only wall, %.2fx CPU (<= 0.8); warm "
              "%.1f%% of cold wall (<= 2%%); what-if %.1f s (<= 5 s)" %
              (res["cold"]["seconds"] / base,
               res["cold"]["cpu_seconds"] / cbase,
               100 * res["warm"]["seconds"] / res["cold"]["seconds"],
               res["what-if"]["seconds"]))


if __name__ == "__main__":
    main()
