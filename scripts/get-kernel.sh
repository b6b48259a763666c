#!/bin/bash
# get-kernel.sh: give a configured, prepared Linux 6.12 tree and its compile
# database (compile_commands.json), for the fputcheck checker to run on.
#
#   scripts/get-kernel.sh [--tree DIR]
#   tree=$(scripts/get-kernel.sh | tail -1)
#
# Without --tree, Debian's linux-source-6.12 is unpacked into
# ${FPUTCHECK_WORK:-/var/tmp/fputcheck}/linux-source-6.12 and configured with
# "make LLVM=-19 defconfig" plus the options the checker's rules look at.
# With --tree DIR an existing tree is used; it is configured and prepared only
# if it has no .config yet.
#
# Idempotent: stamp files under <tree>/.fputcheck-stamps make a second run
# instant when nothing changed.  Progress goes to stderr; the last line of
# stdout is the tree's path.
set -euo pipefail

readonly VERSION=6.12
readonly TARBALL=/usr/src/linux-source-$VERSION.tar.xz
readonly PACKAGES=("linux-source-$VERSION" flex bison bc libelf-dev libssl-dev
                   lld-19 llvm-19 clang-19 python3 make)
# CONFIG_MD is required by BLK_DEV_DM (it is inside "if MD"), FSCACHE and
# NETFS_SUPPORT by CACHEFILES.
readonly OPTIONS=(NETFS_SUPPORT FSCACHE CACHEFILES CACHEFILES_ONDEMAND NFSD
                  MD BLK_DEV_DM IOMMUFD BSD_PROCESS_ACCT BPF_SYSCALL AUTOFS_FS)
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
readonly REPO
readonly COMPDB=$REPO/compile_commands-gen/kernel-compdb
readonly MAKE_KERNEL=(make LLVM=-19)

log() { echo "get-kernel: $*" >&2; }
die() { echo "get-kernel: error: $*" >&2; exit 1; }

usage() {
    sed -n '2,16s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
}

# shellcheck source=packages.sh
source "$REPO/scripts/packages.sh"

# Unpack the Debian source tarball next to the tree; the rename makes an
# interrupted unpack invisible to the next run.
unpack_tree() {
    local work=$1 tree=$2 tmp
    [ -f "$tree/Makefile" ] && return
    [ -f "$TARBALL" ] || die "$TARBALL not found (package linux-source-$VERSION)"
    log "unpacking $TARBALL into $work"
    mkdir -p "$work"
    tmp=$(mktemp -d "$work/.unpack.XXXXXX")
    tar -xf "$TARBALL" -C "$tmp"
    rm -rf "$tree"
    mv "$tmp/linux-source-$VERSION" "$tree"
    rmdir "$tmp"
}

# Print the value of CONFIG_$1 in the tree's .config ("n" when unset).
config_value() {
    local value
    value=$(sed -n "s/^CONFIG_$1=//p" "$tree/.config")
    echo "${value:-n}"
}

# Fail unless every option is built in or a module; say which.
verify_options() {
    local failed=() option value
    for option in "${OPTIONS[@]}"; do
        value=$(config_value "$option")
        case $value in
            y) log "CONFIG_$option=y (built in)" ;;
            m) log "CONFIG_$option=m (module)" ;;
            *) failed+=("CONFIG_$option=$value") ;;
        esac
    done
    [ ${#failed[@]} -eq 0 ] && return
    "$1" "required options not enabled in $tree/.config: ${failed[*]}"
}

warn() { log "warning: $*"; }

time_step() {
    local name=$1 start=$SECONDS
    shift
    "$@"
    log "$name took $((SECONDS - start)) s"
}

configure() {
    if [ ! -f "$tree/.config" ]; then
        log "make LLVM=-19 defconfig"
        "${MAKE_KERNEL[@]}" -C "$tree" defconfig >&2
    fi
    local enable=() option
    for option in "${OPTIONS[@]}"; do enable+=(--enable "$option"); done
    log "enabling ${OPTIONS[*]}"
    "$tree/scripts/config" --file "$tree/.config" "${enable[@]}"
    "${MAKE_KERNEL[@]}" -C "$tree" olddefconfig >&2
}

prepare() {
    log "make LLVM=-19 -j$(nproc) prepare"
    "${MAKE_KERNEL[@]}" -C "$tree" -j"$(nproc)" prepare >&2
}

compdb() {
    log "kernel-compdb over the whole tree"
    "$COMPDB" -C "$tree" -o "$tree/compile_commands.json" >&2
    log "$(grep -c '"file":' "$tree/compile_commands.json") entries in" \
        "$tree/compile_commands.json"
}

# True when stamp $1 exists and is newer than every later argument.
fresh() {
    local stamp=$1 file
    shift
    [ -e "$stamp" ] || return 1
    for file in "$@"; do
        [ "$stamp" -nt "$file" ] || return 1
    done
}

main() {
    local work=${FPUTCHECK_WORK:-/var/tmp/fputcheck} user_tree=
    while [ $# -gt 0 ]; do
        case $1 in
            --tree) [ $# -ge 2 ] || die "--tree needs a directory"
                    user_tree=$2; shift 2 ;;
            -h|--help) usage; exit 0 ;;
            *) die "unknown argument: $1 (see --help)" ;;
        esac
    done

    ensure_packages "${PACKAGES[@]}"
    if [ -n "$user_tree" ]; then
        [ -f "$user_tree/Makefile" ] || die "no kernel tree at $user_tree"
        tree=$(cd "$user_tree" && pwd)
    else
        tree=$work/linux-source-$VERSION
        unpack_tree "$work" "$tree"
    fi
    local stamps=$tree/.fputcheck-stamps

    # The configuration stamp records the option list, so a changed list
    # re-runs the configuration.  A user's configured tree is left alone.
    if [ -n "$user_tree" ] && [ -f "$tree/.config" ] &&
            [ ! -e "$stamps/config" ]; then
        log "using the existing configuration of $tree"
        verify_options warn
    else
        mkdir -p "$stamps"
        if [ ! -f "$tree/.config" ] ||
                [ "$(cat "$stamps/config" 2>/dev/null)" != "${OPTIONS[*]}" ]; then
            time_step configure configure
            echo "${OPTIONS[*]}" > "$stamps/config"
        fi
        verify_options die
        if ! fresh "$stamps/prepare" "$tree/.config" ||
                [ ! -e "$tree/include/generated/autoconf.h" ] ||
                [ ! -e "$tree/include/generated/asm-offsets.h" ]; then
            time_step prepare prepare
            touch "$stamps/prepare"
        fi
    fi

    if ! fresh "$tree/compile_commands.json" "$tree/.config" "$COMPDB" \
            "$REPO/compile_commands-gen/gcc-only-flags.txt" ||
            { [ -e "$stamps/prepare" ] &&
              ! fresh "$tree/compile_commands.json" "$stamps/prepare"; }; then
        time_step kernel-compdb compdb
    else
        log "$tree/compile_commands.json is up to date"
    fi
    echo "$tree"
}

main "$@"
