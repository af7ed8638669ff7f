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

# board_configure OUT ARCH: afresh (an earlier run may have stopped with
# options of its own set)
board_configure() {
	make --no-print-directory -C "$board_top" O="$1" "qemu_${2}_defconfig" &&
		printf 'KILN_CCACHE=y\nKILN_CCACHE_DIR="%s"\n' "$board_top/output/test-cache/ccache" >>"$1/.config" &&
		make --no-print-directory -C "$1" olddefconfig
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
