#!/bin/bash
# get-kernel.sh: give a configured, prepared Linux tree (6.1 or later) and its
# compile database (compile_commands.json), for the fputcheck checker to run on.
#
#   scripts/get-kernel.sh [--version 6.1|6.12] [--tree DIR]
#   tree=$(scripts/get-kernel.sh | tail -1)
#
# Without --tree, Debian's linux-source-VERSION (default 6.12) is unpacked into
# ${FPUTCHECK_WORK:-/var/tmp/fputcheck}/linux-source-VERSION and configured
# with "make LLVM=-19 defconfig" plus the options the checker's rules look at.
# With --tree DIR an existing tree is used: configured like that only if it
# has no .config yet, prepared ("make prepare") if its generated headers are
# missing or older than its .config.  An option the tree's Kconfig does not
# define is a note, one it defines but could not enable a warning.  Files
# that only a build generates (SELinux's flask.h, *.asn1.h, capflags.c...)
# are made with kbuild's own rules when a TU of the database needs them.
#
# Idempotent: stamp files under <tree>/.fputcheck-stamps make a second run
# instant when nothing changed.  Progress goes to stderr; the last line of
# stdout is the tree's path.
set -euo pipefail

# Debian 12's kernel source packages; other trees work with --tree.
readonly VERSIONS=(6.1 6.12)
readonly DEFAULT_VERSION=6.12
readonly BUILD_PACKAGES=(flex bison bc libelf-dev libssl-dev lld-19 llvm-19
                         clang-19 python3 make)
# CONFIG_MD is required by BLK_DEV_DM (it is inside "if MD"), FSCACHE and
# NETFS_SUPPORT by CACHEFILES.
readonly OPTIONS=(NETFS_SUPPORT FSCACHE CACHEFILES CACHEFILES_ONDEMAND NFSD
                  MD BLK_DEV_DM IOMMUFD BSD_PROCESS_ACCT BPF_SYSCALL AUTOFS_FS)
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
readonly REPO
readonly COMPDB=$REPO/compile_commands-gen/kernel-compdb
# The trees this script configures are built with Debian's clang-19.
readonly LLVM_MAKE=(make LLVM=-19)
# The generated headers every kernel TU includes; "make prepare" makes them.
readonly PREPARED_HEADERS=(include/generated/autoconf.h
                           include/generated/asm-offsets.h)

log() { echo "get-kernel: $*" >&2; }
warn() { log "warning: $*"; }
die() { echo "get-kernel: error: $*" >&2; exit 1; }

usage() {
    sed -n '2,20s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
}

# shellcheck source=packages.sh
source "$REPO/scripts/packages.sh"

# Unpack the Debian source tarball $3 into tree $2 below $1; the rename makes
# an interrupted unpack invisible to the next run.
unpack_tree() {
    local work=$1 tree=$2 tarball=$3 tmp top
    [ -f "$tree/Makefile" ] && return
    [ -f "$tarball" ] || die "$tarball not found (is its package installed?)"
    log "unpacking $tarball into $work"
    mkdir -p "$work"
    tmp=$(mktemp -d "$work/.unpack.XXXXXX")
    tar -xf "$tarball" -C "$tmp"
    top=$(basename "$tarball" .tar.xz)
    [ -f "$tmp/$top/Makefile" ] || die "$tarball has no $top/Makefile"
    rm -rf "$tree"
    mv "$tmp/$top" "$tree"
    rmdir "$tmp"
}

# Print, one a line, the options of $OPTIONS that a Kconfig file of $tree
# defines.  The tree is asked rather than its version: distributions
# backport options, and kernels we never tested add or drop them.
known_options() {
    local names
    names=$(IFS='|'; echo "${OPTIONS[*]}")
    grep -rhoE --include='Kconfig*' \
        "^[[:space:]]*(menu)?config[[:space:]]+($names)([[:space:]]|\$)" \
        "$tree" 2>/dev/null | awk '{ print $2 }' | sort -u || true
}

# Print the value of CONFIG_$1 in the tree's .config ("n" when unset).
config_value() {
    local value
    value=$(sed -n "s/^CONFIG_$1=//p" "$tree/.config")
    echo "${value:-n}"
}

# Say for every option whether it is enabled.  An option this tree does not
# know is a note (IOMMUFD before 6.2); one it knows but that stayed off (an
# unmet dependency, or a user's configuration) is a warning: the checker
# still runs, it just sees less of the kernel.
verify_options() {
    local known option value
    known=" $(known_options | tr '\n' ' ') "
    for option in "${OPTIONS[@]}"; do
        if [[ $known != *" $option "* ]]; then
            log "note: CONFIG_$option is not an option of this tree" \
                "(no \"config $option\" in its Kconfig files); skipped"
            continue
        fi
        value=$(config_value "$option")
        case $value in
            y) log "CONFIG_$option=y (built in)" ;;
            m) log "CONFIG_$option=m (module)" ;;
            *) warn "CONFIG_$option is not enabled in $tree/.config" \
                    "(CONFIG_$option=$value); the code it guards is not analysed" ;;
        esac
    done
}

time_step() {
    local name=$1 start=$SECONDS
    shift
    "$@"
    log "$name took $((SECONDS - start)) s"
}

# defconfig (unless the tree has a .config) plus the options this tree knows.
configure() {
    local enable=() option known
    if [ ! -f "$tree/.config" ]; then
        log "${LLVM_MAKE[*]} defconfig"
        "${LLVM_MAKE[@]}" -C "$tree" defconfig >&2
    fi
    known=$(known_options)
    for option in $known; do enable+=(--enable "$option"); done
    log "enabling ${known//$'\n'/ }"
    [ -x "$tree/scripts/config" ] ||
        die "$tree/scripts/config is missing or not executable"
    if [ ${#enable[@]} -gt 0 ]; then
        "$tree/scripts/config" --file "$tree/.config" "${enable[@]}"
    fi
    "${LLVM_MAKE[@]}" -C "$tree" olddefconfig >&2
}

# Set MAKE_TREE to the make command the tree's configuration was made with:
# LLVM=-19 for clang (what configure uses), plain make for GCC.  Any other
# compiler would make kbuild silently reconfigure the user's tree, so a
# mismatch stops here with the command to run instead.
choose_make() {
    local expected compiler found
    expected=$(config_value CC_VERSION_TEXT | sed 's/^"//; s/"$//')
    if [ "$(config_value CC_IS_CLANG)" = y ]; then
        MAKE_TREE=("${LLVM_MAKE[@]}") compiler=clang-19
    else
        MAKE_TREE=(make) compiler=gcc
    fi
    found=$("$compiler" --version 2>/dev/null | head -1) || true
    [ "$found" = "$expected" ] ||
        die "$tree/.config was made with \"$expected\", but ${MAKE_TREE[*]}" \
            "would use $compiler (\"${found:-not found}\"); prepare the tree" \
            "with the compiler it was configured with, e.g." \
            "make -C $tree LLVM=<your LLVM setting> prepare, and run again"
}

# True when the headers every TU includes exist and are newer than .config.
prepared() {
    local header
    for header in "${PREPARED_HEADERS[@]}"; do
        [ "$tree/$header" -nt "$tree/.config" ] || return 1
    done
}

prepare() {
    log "${MAKE_TREE[*]} -j$(nproc) prepare"
    "${MAKE_TREE[@]}" -C "$tree" -j"$(nproc)" prepare >&2
}

# kernel-compdb --generate also has kbuild make the generated files (headers,
# sources) that the database's TUs need and "make prepare" does not make.
compdb() {
    log "kernel-compdb over the whole tree"
    "$COMPDB" -C "$tree" --generate -o "$tree/compile_commands.json" >&2
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

# Print the tree's kernel version (e.g. 6.12.118), as kbuild states it.
kernel_version() {
    make -s -C "$1" kernelversion 2>/dev/null ||
        die "$1/Makefile: cannot read the kernel version (make kernelversion)"
}

main() {
    local work=${FPUTCHECK_WORK:-/var/tmp/fputcheck} user_tree='' version=''
    while [ $# -gt 0 ]; do
        case $1 in
            --tree) [ $# -ge 2 ] || die "--tree needs a directory"
                    user_tree=$2; shift 2 ;;
            --version) [ $# -ge 2 ] || die "--version needs a version"
                       version=$2; shift 2 ;;
            -h|--help) usage; exit 0 ;;
            *) die "unknown argument: $1 (see --help)" ;;
        esac
    done
    [ -z "$user_tree" ] || [ -z "$version" ] ||
        die "--version and --tree exclude each other"
    version=${version:-$DEFAULT_VERSION}
    [[ " ${VERSIONS[*]} " == *" $version "* ]] ||
        die "no Debian source package for Linux $version; choose one of" \
            "${VERSIONS[*]}, or use --tree DIR for another tree"

    if [ -n "$user_tree" ]; then
        ensure_packages "${BUILD_PACKAGES[@]}"
        [ -f "$user_tree/Makefile" ] || die "no kernel tree at $user_tree" \
            "($user_tree/Makefile not found)"
        tree=$(cd "$user_tree" && pwd)
    else
        ensure_packages "linux-source-$version" "${BUILD_PACKAGES[@]}"
        tree=$work/linux-source-$version
        if [ ! -f "$tree/Makefile" ]; then
            time_step unpack unpack_tree "$work" "$tree" \
                "/usr/src/linux-source-$version.tar.xz"
        fi
    fi
    local kver stamps=$tree/.fputcheck-stamps
    kver=$(kernel_version "$tree")
    log "Linux $kver in $tree"
    mkdir -p "$stamps"

    # The configuration stamp records the option list, so a changed list
    # re-runs the configuration.  A user's configured tree keeps its
    # configuration; it is only prepared.
    if [ -n "$user_tree" ] && [ -f "$tree/.config" ] &&
            [ ! -e "$stamps/config" ]; then
        log "using the existing configuration of $tree"
    elif [ ! -f "$tree/.config" ] ||
            [ "$(cat "$stamps/config" 2>/dev/null)" != "${OPTIONS[*]}" ]; then
        time_step configure configure
        echo "${OPTIONS[*]}" > "$stamps/config"
    fi
    verify_options
    # The prepare stamp tells the database step that the headers changed.
    if ! prepared; then
        choose_make
        time_step prepare prepare
        touch "$stamps/prepare"
    elif [ ! -e "$stamps/prepare" ]; then
        touch "$stamps/prepare"
    fi

    if ! fresh "$tree/compile_commands.json" "$tree/.config" "$COMPDB" \
            "$REPO/compile_commands-gen/gcc-only-flags.txt" \
            "$stamps/prepare"; then
        time_step kernel-compdb compdb
    else
        log "$tree/compile_commands.json is up to date"
    fi
    echo "$tree"
}

# Sourced (by the tests) it only defines the functions.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    main "$@"
fi
