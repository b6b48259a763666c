#!/usr/bin/env python3
"""CPU time per TU: clang-19 -fsyntax-only (with and without -w) against one
fputcheck extraction, each the minimum of --repeat runs.

On a loaded machine wall times say little; the minimum CPU time of a few
runs of the same work is stable to a few percent, which is what comparing
fputcheck's per-TU cost with the compiler's needs.

  bench/per_tu.py --tree /var/tmp/fputcheck/linux-source-6.12 --sample 20
  bench/per_tu.py --tree ... fs/open.c drivers/md/dm.c
"""

import argparse
import json
import os
import random
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import DEFAULT_TOOL, run_measured, syntax_only_argv  # noqa: E402


def min_cpu(argv, repeat, cwd=None):
    best = None
    for _ in range(repeat):
        _, cpu, status, rss, err = run_measured(argv, cwd=cwd)
        if status not in (0, 1):
            sys.exit("per_tu: %s failed:\n%s" % (argv[0], err))
        best = cpu if best is None else min(best, cpu)
    return best, rss


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tree", required=True)
    ap.add_argument("--fputcheck", default=DEFAULT_TOOL)
    ap.add_argument("--clang", default="clang-19")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--sample", type=int, default=0,
                    help="this many TUs picked at random (seed 1)")
    ap.add_argument("files", nargs="*")
    a = ap.parse_args()

    tree = os.path.abspath(a.tree)
    with open(os.path.join(tree, "compile_commands.json")) as f:
        db = json.load(f)
    byrel = {os.path.relpath(e["file"], tree): e for e in db}
    names = list(a.files)
    if a.sample:
        names += random.Random(1).sample(sorted(byrel), a.sample)
    work = tempfile.mkdtemp(prefix="fputcheck-per-tu-")
    # A baseline for fputcheck's own start-up (rules, loading the tool):
    # a database of one trivial TU.
    totals = [0.0, 0.0, 0.0]
    print("| TU | syntax-only CPU s | with -w | fputcheck | fputcheck / "
          "syntax-only | fputcheck / -w | fputcheck peak RSS MiB |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    try:
        for rel in names:
            e = byrel[rel]
            argv = syntax_only_argv(e)
            argv[0] = a.clang
            plain, _ = min_cpu(argv, a.repeat, cwd=e["directory"])
            quiet, _ = min_cpu(argv + ["-w"], a.repeat, cwd=e["directory"])
            d = os.path.join(work, "db")
            os.makedirs(d, exist_ok=True)
            with open(os.path.join(d, "compile_commands.json"), "w") as f:
                json.dump([e], f)
            ours, rss = min_cpu([a.fputcheck, "analyze", "-p", d,
                                 "--no-store", "-j", "1", "--quiet"],
                                a.repeat)
            totals[0] += plain
            totals[1] += quiet
            totals[2] += ours
            print("| %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.0f |" %
                  (rel, plain, quiet, ours, ours / plain, ours / quiet, rss),
                  flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("| **total** | %.1f | %.1f | %.1f | **%.2f** | **%.2f** | |" %
          (totals[0], totals[1], totals[2], totals[2] / totals[0],
           totals[2] / totals[1]))


if __name__ == "__main__":
    main()
