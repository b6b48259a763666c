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

ensure_packages "${PACKAGES[@]}"
build build
if [ "${1:-}" = "--asan" ]; then
    build build-asan -DFPUTCHECK_SANITIZE=ON
fi
log "done: build/bin/fputcheck, build/bin/clangd-fput"
