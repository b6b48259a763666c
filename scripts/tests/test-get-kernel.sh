#!/bin/bash
# Tests of scripts/get-kernel.sh's option handling on a fake tree (a Kconfig
# file, a fake scripts/config and a fake make): no kernel tree, no packages,
# a second or so.  Run by ctest (get-kernel-options).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SCRIPT=$HERE/../get-kernel.sh
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
failures=0

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# expect_in TEXT NEEDLE: TEXT contains NEEDLE.
expect_in() {
    [[ $1 == *"$2"* ]] || fail "expected \"$2\" in:"$'\n'"$1"
}

expect_not_in() {
    [[ $1 != *"$2"* ]] || fail "did not expect \"$2\" in:"$'\n'"$1"
}

# A tree whose Kconfig knows every option but IOMMUFD, and whose
# olddefconfig drops BLK_DEV_DM (as an unmet dependency would).
make_fake_tree() {
    local tree=$1
    mkdir -p "$tree/scripts" "$tree/drivers/md" "$TMP/bin"
    cat > "$tree/Kconfig" <<'KCONFIG'
config NETFS_SUPPORT
	tristate "netfs"
config FSCACHE
	bool
config CACHEFILES
	tristate "cachefiles"
config CACHEFILES_ONDEMAND
	bool "ondemand"
config NFSD
	tristate "nfsd"
config BSD_PROCESS_ACCT
	bool "acct"
config BPF_SYSCALL
	bool "bpf"
config AUTOFS_FS
	tristate "autofs"
# config IOMMUFD is only mentioned in a comment here
config IOMMUFD_TEST
	bool "not IOMMUFD itself"
KCONFIG
    printf 'menuconfig MD\n\tbool "md"\nif MD\nconfig BLK_DEV_DM\n\ttristate\nendif\n' \
        > "$tree/drivers/md/Kconfig"
    # scripts/config --file F --enable A --enable B...: appends A=y.
    cat > "$tree/scripts/config" <<'CONFIG'
#!/bin/sh
file=$2; shift 2
echo "config $*" >> "$FAKE_LOG"
while [ $# -gt 0 ]; do echo "CONFIG_$2=y" >> "$file"; shift 2; done
CONFIG
    chmod +x "$tree/scripts/config"
    cat > "$TMP/bin/make" <<'MAKE'
#!/bin/sh
echo "make $*" >> "$FAKE_LOG"
for tree; do :; done
case " $* " in
*" defconfig "*) dir=$(echo "$*" | sed 's/.*-C \([^ ]*\).*/\1/')
                 echo 'CONFIG_CC_IS_CLANG=y' > "$dir/.config" ;;
*" olddefconfig "*) dir=$(echo "$*" | sed 's/.*-C \([^ ]*\).*/\1/')
                    sed -i '/^CONFIG_BLK_DEV_DM=/d' "$dir/.config" ;;
esac
MAKE
    chmod +x "$TMP/bin/make"
}

test_unknown_option_is_a_note() {
    local err
    tree=$TMP/linux
    make_fake_tree "$tree"
    export FAKE_LOG=$TMP/log
    err=$( (PATH=$TMP/bin:$PATH; configure && verify_options) 2>&1) ||
        fail "configure/verify_options failed: $err"
    expect_in "$err" "note: CONFIG_IOMMUFD is not an option of this tree"
    expect_in "$err" "warning: CONFIG_BLK_DEV_DM is not enabled in $tree/.config"
    expect_in "$err" "CONFIG_NFSD=y (built in)"
    expect_in "$err" "CONFIG_MD=y (built in)"
    expect_not_in "$err" "error"
    expect_in "$(cat "$FAKE_LOG")" "make LLVM=-19 -C $tree defconfig"
    expect_in "$(cat "$FAKE_LOG")" "--enable NFSD"
    expect_not_in "$(cat "$FAKE_LOG")" "--enable IOMMUFD"
}

test_known_options_reads_every_kconfig() {
    local known
    tree=$TMP/linux
    known=$(known_options | tr '\n' ' ')
    expect_in "$known" "BLK_DEV_DM "
    expect_in "$known" "MD "
    expect_not_in "$known" "IOMMUFD "
}

test_unknown_version_is_refused() {
    local err status=0
    err=$(bash "$SCRIPT" --version 5.10 2>&1) || status=$?
    [ "$status" -eq 1 ] || fail "--version 5.10 exited $status"
    expect_in "$err" "no Debian source package for Linux 5.10; choose one of 6.1 6.12"
}

test_other_compiler_is_refused() {
    local err status=0
    tree=$TMP/linux
    echo 'CONFIG_CC_VERSION_TEXT="clang version 14.0.6"' >> "$tree/.config"
    err=$(choose_make 2>&1) || status=$?
    [ "$status" -eq 1 ] || fail "choose_make exited $status"
    expect_in "$err" "$tree/.config was made with \"clang version 14.0.6\""
    expect_in "$err" "make -C $tree LLVM=<your LLVM setting> prepare"
}

# shellcheck source=../get-kernel.sh
source "$SCRIPT"
for test in test_unknown_option_is_a_note test_known_options_reads_every_kconfig \
            test_unknown_version_is_refused test_other_compiler_is_refused; do
    echo "== $test"
    "$test"
done
if [ "$failures" -ne 0 ]; then
    echo "$failures failure(s)" >&2
    exit 1
fi
echo "all get-kernel.sh tests passed"
