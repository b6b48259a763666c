#!/bin/bash
# setup.sh: install fputcheck's dependencies from Debian 12's packages and
# build it into build/ (the tool is build/bin/fputcheck). Idempotent.
#
#   ./setup.sh            # Release build in build/
#   ./setup.sh --asan     # also an AddressSanitizer+UBSan build in build-asan/
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

# The last line is clangd-fput's: libclangdMain.a links gRPC, protobuf and
# abseil (Debian's clangd has a remote index); its tests run clang-tidy-19
# --load and stock clangd-19.
readonly PACKAGES=(clang-19 libclang-19-dev libclang-cpp19-dev llvm-19-dev
                   llvm-19 lld-19 cmake ninja-build g++ libgtest-dev
                   libsqlite3-dev zlib1g-dev python3 python3-jsonschema make
                   libgrpc++-dev libprotobuf-dev libabsl-dev clang-tidy-19
                   clangd-19)

log() { echo "setup: $*" >&2; }

# shellcheck source=scripts/packages.sh
source scripts/packages.sh


build() {
    local dir=$1; shift
    log "building in $dir/"
    cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release "$@" >&2
    cmake --build "$dir" >&2
}

# Microsoft's SARIF validator checks what GitHub code scanning ingests; the
# tests use it when it is here (from the npm registry) and say when not.
sarif_multitool() {
    local dir=build/tools
    [ -x "$dir/node_modules/.bin/sarif-multitool" ] && return
    if ! command -v npm >/dev/null; then
        log "no npm: the SARIF validator test will be skipped"
        return
    fi
    log "installing @microsoft/sarif-multitool into $dir/"
    mkdir -p "$dir"
    npm install --prefix "$dir" --no-audit --no-fund --loglevel=error \
        @microsoft/sarif-multitool@5.7.0 >&2 ||
        log "warning: npm could not install the SARIF validator; its test will be skipped"
    chmod u+x "$dir"/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool \
        2>/dev/null || true
}

ensure_packages "${PACKAGES[@]}"
build build
sarif_multitool
if [ "${1:-}" = "--asan" ]; then
    build build-asan -DFPUTCHECK_SANITIZE=ON
fi
log "done: build/bin/fputcheck, build/bin/clangd-fput"
