#!/usr/bin/env python3
"""triage-sheet.py: print findings with the source line of every step, for
reading them by hand (docs/precision-6.12.md is written from such sheets).

    fputcheck analyze ... --format json -o findings.json
    scripts/triage-sheet.py --tree /var/tmp/fputcheck/linux-source-6.12 \
        findings.json [--ids 3,7-9] > sheet.txt

Each finding gets a number (its position in the JSON, from 1), the warn
line, then every note and step as `file:line  source text`. Numbers are
stable for one findings file, so a triage record can cite them.
"""
import argparse
import json
import pathlib
import sys


def parse_ids(text):
    ids = set()
    for part in text.split(","):
        lo, _, hi = part.partition("-")
        ids.update(range(int(lo), int(hi or lo) + 1))
    return ids


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("findings", help="fputcheck --format json output")
    ap.add_argument("--tree", required=True, help="kernel tree root")
    ap.add_argument("--ids", help="only these finding numbers (1,4-6)")
    args = ap.parse_args()

    tree = pathlib.Path(args.tree)
    try:
        findings = json.loads(pathlib.Path(args.findings).read_text())
    except (OSError, ValueError) as err:
        sys.exit(f"{args.findings}: error: {err}")
    wanted = parse_ids(args.ids) if args.ids else None
    cache = {}

    def source(file, line):
        path = tree / file
        if path not in cache:
            try:
                cache[path] = path.read_text(errors="replace").splitlines()
            except OSError:
                cache[path] = []
        lines = cache[path]
        return lines[line - 1].strip() if 0 < line <= len(lines) else "?"

    for n, f in enumerate(findings["findings"], 1):
        if wanted and n not in wanted:
            continue
        loc = f["location"]
        print(f"#{n} [{f['check']}] {loc['file']}:{loc['line']} "
              f"{loc['function']}(): {f['message']} ({f['chain']})")
        for step in f["notes"] + f["flow"]:
            where = f"{step['file']}:{step['line']}"
            print(f"    {where:<40} {step['message']}")
            print(f"    {'':<40} | {source(step['file'], step['line'])}")
        print()


if __name__ == "__main__":
    main()
