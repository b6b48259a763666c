#!/bin/bash
# run.sh: set fputcheck up (./setup.sh) and run it.
#
#   ./run.sh                 # the bundled example (seconds)
#   ./run.sh --linux [VER]   # Debian's Linux VER (6.12, the default, or 6.1):
#                            # install, unpack, configure, prepare, generated
#                            # files, compile database, whole-tree analysis
#   ./run.sh --tree DIR      # a kernel tree you have, 6.1 or later
#                            # (configured or not, prepared or not)
#   ./run.sh ... -- ARGS     # extra fputcheck arguments (e.g. --assume-sync
#                            # filp_close, or a list of files to analyse)
#
# Reports go to build/reports/ as text and SARIF, named after the kernel
# version (linux-6.12.118.txt); the text is also printed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
REPO=$(pwd)

mode=example tree='' version='' extra=()
while [ $# -gt 0 ]; do
    case $1 in
    --linux) mode=linux
             # An optional version: the next argument if it looks like one.
             if [[ ${2:-} =~ ^[0-9]+\.[0-9]+$ ]]; then version=$2; shift; fi ;;
    --tree) mode=tree; tree=${2:?--tree needs a directory}; shift ;;
    --) shift; extra=("$@"); break ;;
    -h|--help) sed -n '2,16s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
    esac
    shift
done

./setup.sh
mkdir -p build/reports

# The example is compiled against the corpus's mock kernel headers.
example_db() {
    local out=build/example
    mkdir -p "$out"
    python3 - "$REPO" "$out/compile_commands.json" <<'PY'
import json, pathlib, sys
repo = pathlib.Path(sys.argv[1])
demo = repo / "examples/demo"
entries = [{
    "directory": str(demo),
    "file": str(c),
    "arguments": ["clang-19", "-std=gnu11", "-nostdinc", "-ffreestanding",
                  "-D__KERNEL__", "-I", str(repo / "test-corpus/include"),
                  "-c", str(c), "-o", "/dev/null"],
} for c in sorted(demo.rglob("*.c"))]
pathlib.Path(sys.argv[2]).write_text(json.dumps(entries, indent=1) + "\n")
PY
    echo "$out"
}

# The kernel version kbuild states for tree $1 (e.g. 6.12.118).
kernel_version() {
    make -s -C "$1" kernelversion 2>/dev/null || {
        echo "run.sh: $1/Makefile: cannot read the kernel version" >&2
        exit 2
    }
}

what=example
case $mode in
example) db=$(example_db); root=$REPO/examples/demo; name=example ;;
linux) db=$(scripts/get-kernel.sh --version "${version:-6.12}" | tail -1)
       root=$db; kver=$(kernel_version "$db")
       name=linux-$kver what="Linux $kver ($db)" ;;
tree) db=$(scripts/get-kernel.sh --tree "$tree" | tail -1); root=$db
      kver=$(kernel_version "$db")
      name=$(basename "$db")-$kver what="Linux $kver ($db)" ;;
esac

run() {
    local status=0
    build/bin/fputcheck analyze -p "$db" --root "$root" "$@" "${extra[@]}" ||
        status=$?
    # 1 means "findings": the run worked.
    [ $status -le 1 ] || exit $status
}

run --format text -o "build/reports/$name.txt"
# The summaries are stored now: the SARIF run parses nothing.
run --quiet --format sarif -o "build/reports/$name.sarif"
cat "build/reports/$name.txt"
echo
echo "$what: reports build/reports/$name.txt, build/reports/$name.sarif"
