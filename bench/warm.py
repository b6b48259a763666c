#!/usr/bin/env python3
"""Fixed cost of warm runs: analyze and review against an analysed store.

Runs, for each fputcheck binary given, a warm `analyze` of the whole
database and a `review` of one patch, round after round with the binaries
interleaved (so that the load of a shared machine falls on all of them
alike), each with --time-phases. Prints the median wall time, CPU time and
every phase per binary and step, as Markdown tables for docs/performance.md.

Nothing is written but the store (the runs record their use of it) and the
outputs in --work. The store must already hold the tree's summaries for
these binaries' extractor: a cold run is not this script's business (see
bench.py). Copy a store first if others use it.

  bench/warm.py --tree /var/tmp/fputcheck/linux-source-6.12 \\
      --store /var/tmp/fc-speed/m1.db \\
      --patch checker/tests/data/review/dm-put-outside-lock.patch \\
      --rounds 5 before=/tmp/fputcheck-main after=build/bin/fputcheck
"""

import argparse
import os
import shlex
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def run(argv):
    """(wall s, CPU s, exit status, {phase: seconds}, stderr)."""
    start = time.monotonic()
    p = subprocess.Popen(argv, stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE)
    err = p.stderr.read().decode(errors="replace")
    _, status, usage = os.wait4(p.pid, 0)
    phases = {}
    for line in err.splitlines():
        if line.startswith("fputcheck: time: "):
            name, secs = line[len("fputcheck: time: "):].rsplit(None, 2)[:2]
            phases[name.strip()] = phases.get(name.strip(), 0) + float(secs)
    return (time.monotonic() - start, usage.ru_utime + usage.ru_stime,
            os.waitstatus_to_exitcode(status), phases, err)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tree", required=True,
                    help="tree with compile_commands.json")
    ap.add_argument("--store", required=True, help="an analysed store")
    ap.add_argument("--patch", required=True, help="a patch to review")
    ap.add_argument("--rules", default=os.path.join(HERE, "..", "rules"))
    ap.add_argument("--work", default="/var/tmp/fputcheck-warm",
                    help="folder for the outputs")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("-j", type=int, default=os.cpu_count())
    ap.add_argument("binaries", nargs="+", metavar="NAME=PATH")
    a = ap.parse_args()

    os.makedirs(a.work, exist_ok=True)
    store = os.path.abspath(a.store)
    patch = os.path.abspath(a.patch)
    bins = [b.split("=", 1) for b in a.binaries]
    steps = [("analyze", []), ("review", [patch])]
    res = {}
    outputs = {}
    for r in range(a.rounds):
        for step, extra in steps:
            for name, path in bins:
                out = os.path.join(a.work, "%s-%s.txt" % (name, step))
                argv = [path, step, *extra, "-p", a.tree, "--store", store,
                        "--rules", a.rules, "-j", str(a.j), "--time-phases",
                        "-o", out]
                wall, cpu, status, phases, err = run(argv)
                if status not in (0, 1):
                    sys.exit("warm: %s %s failed (%d):\n%s" %
                             (name, step, status, err))
                res.setdefault((step, name), []).append((wall, cpu, phases))
                with open(out) as f:
                    outputs.setdefault(step, {})[name] = f.read()
                print("warm: round %d %-8s %-10s %6.2f s wall %6.2f s CPU" %
                      (r + 1, step, name, wall, cpu), file=sys.stderr)

    print("`%s`\n" % " ".join(shlex.quote(x) for x in sys.argv))
    for step, _ in steps:
        same = len(set(outputs[step].values())) == 1
        print("%s, median of %d rounds (outputs %s):\n" %
              (step, a.rounds, "identical" if same else "DIFFER"))
        names = [n for n, _ in bins]
        print("| phase | " + " | ".join(names) + " |")
        print("|---|" + "---:|" * len(names))
        order = []
        for n in names:
            for _, _, ph in res[(step, n)]:
                order += [p for p in ph if p not in order]
        rows = [("wall", lambda x: x[0]), ("CPU", lambda x: x[1])] + \
            [(p, lambda x, p=p: x[2].get(p)) for p in order]
        for label, get in rows:
            cells = []
            for n in names:
                vals = [v for v in map(get, res[(step, n)]) if v is not None]
                cells.append("%.2f" % statistics.median(vals) if vals else "")
            print("| %s | %s |" % (label, " | ".join(cells)))
        print()


if __name__ == "__main__":
    main()
