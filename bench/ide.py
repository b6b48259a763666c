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
there. Prints a Markdown table for docs/performance.md and docs/ide.md.

  bench/ide.py --tree /var/tmp/fputcheck/linux-source-6.12
  bench/ide.py --tree ... --runs 5 drivers/md/dm.c fs/open.c
"""

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile

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


if __name__ == "__main__":
    main()
