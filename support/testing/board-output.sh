# SPDX-License-Identifier: GPL-2.0-or-later
#
# The build of a QEMU board the base-system and boot tests share, in
# output/test-cache/base-ARCH: configured from the board's defconfig with
# ccache in the test cache.  Source it.
# shellcheck shell=bash

board_top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

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
