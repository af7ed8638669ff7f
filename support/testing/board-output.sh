# SPDX-License-Identifier: GPL-2.0-or-later
#
# The builds of the QEMU boards that every test needing a kernel, an image
# or a guest shares (build once, use everywhere): output/test-cache/base-ARCH,
# configured from the board's defconfig with ccache in the test cache.  The
# base-system tests (t/41, t/42) build them first; any other test calls
# board_ensure, which builds a board only when no test has yet.  Source it.
# shellcheck shell=bash

board_top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

# board_dir ARCH: the shared build of the board
board_dir() {
	echo "$board_top/output/test-cache/base-$1"
}

# board_configure OUT ARCH [LINE...]: afresh (an earlier run may have
# stopped with options of its own set); the LINEs (KILN_...=...) go on top
# of the board's defconfig
board_configure() {
	local out=$1 arch=$2
	shift 2
	make --no-print-directory -C "$board_top" O="$out" "qemu_${arch}_defconfig" &&
		printf 'KILN_CCACHE=y\nKILN_CCACHE_DIR="%s"\n' "$board_top/output/test-cache/ccache" >>"$out/.config" &&
		{ [ $# -eq 0 ] || printf '%s\n' "$@" >>"$out/.config"; } &&
		make --no-print-directory -C "$out" olddefconfig
}

# board_make OUT [GOALS...]
board_make() {
	local out=$1
	shift
	make --no-print-directory -j"$(nproc)" -C "$out" "$@"
}

# board_ensure OUT ARCH: OUT holds a complete, up-to-date build of the
# board: a make that does nothing when it is one, else configured afresh
# and built.  Output goes to stdout.
board_ensure() {
	if [ -x "$1/images/start-qemu.sh" ] && board_make "$1"; then
		return 0
	fi
	board_configure "$1" "$2" && board_make "$1"
}

# board_variant_ensure OUT ARCH LINE...: as board_ensure, for the board
# with the LINEs on top of its defconfig (a build of its own, sharing the
# compiler cache with the others)
board_variant_ensure() {
	local out=$1
	if [ -x "$out/images/start-qemu.sh" ] && board_make "$out"; then
		return 0
	fi
	board_configure "$@" && board_make "$out"
}
