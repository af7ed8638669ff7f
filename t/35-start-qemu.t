#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# start-qemu.sh as the boards' post-image scripts write it, without
# booting (--dry-run prints the QEMU command): the modes, the disk choice
# (an explicit --rootfs wins, else the folder's own rootfs.img; the
# -drive id=disk0 argument replaced, or inserted after its device when the
# machine has none), arguments after --, a folder copied elsewhere, the
# errors; and `make run`'s own messages.  The boot tests (t/5x) run it for
# real.
# Tier: test. Cost: under 1 s (no boot).
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d /tmp/kiln-t35.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

# shellcheck source=../support/testing/tap.sh
. "$top/support/testing/tap.sh"
tap_log=$tmp/log

# images FOLDER ARCH [FILES...]: a folder of fake images, start-qemu.sh
# written by that board's own post-image script
images() {
	local dir=$1 arch=$2 kernel
	shift 2
	mkdir -p "$dir"
	case $arch in x86_64) kernel=bzImage ;; aarch64) kernel=Image.gz ;; esac
	for f in "$kernel" "$@"; do echo "fake $f" >"$dir/$f"; done
	printf 'KILN_LINUX_KERNEL_IMAGE_NAME="%s"\n' "$kernel" >"$tmp/config"
	KILN_TOP=$top KILN_CONFIG=$tmp/config "$top/board/qemu/$arch/post-image.sh" "$dir" >"$tap_log" 2>&1
}
# qemu_cmd FOLDER ARGS...: the command start-qemu.sh would run, one word a line
qemu_cmd() {
	local dir=$1
	shift
	"$dir/start-qemu.sh" --dry-run "$@" >"$tap_log" 2>&1 || return 1
	# the words, as bash reads them back
	eval "set -- $(cat "$tap_log")"
	printf '%s\n' "$@"
}
# after WORD: the word that follows WORD in the last command
after() { awk -v w="$1" 'found { print; exit } $0 == w { found = 1 }' "$tmp/cmd"; }

a=$tmp/x86
images "$a" x86_64 rootfs.cpio.gz rootfs.img
check "the x86_64 board's post-image script writes start-qemu.sh" test -x "$a/start-qemu.sh"
check "it is shellcheck clean" sh -c "! command -v shellcheck >/dev/null || shellcheck '$a/start-qemu.sh'"

qemu_cmd "$a" >"$tmp/cmd"
check "initramfs by default: qemu-system-x86_64 -M q35" sh -c "head -n 1 '$tmp/cmd' | grep -qx qemu-system-x86_64 && grep -qx q35 '$tmp/cmd'"
check "the kernel and the initramfs next to the script" \
	test "$(after -kernel)|$(after -initrd)" = "$a/bzImage|$a/rootfs.cpio.gz"
check "the command line: the serial console" test "$(after -append)" = "console=ttyS0"
check "user-mode networking on virtio-net" sh -c "grep -qx 'user,id=net0' '$tmp/cmd' && grep -qx 'virtio-net-pci,netdev=net0' '$tmp/cmd'"
check "the folder's rootfs.img is attached as disk0" test "$(after -drive)" = "id=disk0,if=none,format=raw,file=$a/rootfs.img"
check "only one -drive" test "$(grep -cx -- -drive "$tmp/cmd")" = 1

qemu_cmd "$a" --disk >"$tmp/cmd"
check "--disk: root=/dev/vda, read-write" test "$(after -append)" = "root=/dev/vda rw console=ttyS0"
check "--disk: no initramfs" sh -c "! grep -qx -- -initrd '$tmp/cmd'"

echo other >"$tmp/my,disk.img"
qemu_cmd "$a" --disk --rootfs "$tmp/my,disk.img" >"$tmp/cmd"
check "--rootfs wins over the folder's image (a comma in the path doubled for QEMU)" \
	test "$(after -drive)" = "id=disk0,if=none,format=raw,file=$tmp/my,,disk.img"
(cd "$tmp" && qemu_cmd "$a" --rootfs=my,disk.img) >"$tmp/cmd"
check "--rootfs=PATH relative to where it is run" test "$(after -drive)" = "id=disk0,if=none,format=raw,file=$tmp/my,,disk.img"
if qemu_cmd "$a" --rootfs "$tmp/none.img" >/dev/null; then not_ok "--rootfs of a missing file fails"; else
	check "--rootfs of a missing file fails, naming it" grep -q -- "--rootfs $tmp/none.img: no such file" "$tap_log"
fi

qemu_cmd "$a" --append "quiet loglevel=3" -- -m 512 -snapshot >"$tmp/cmd"
check "--append adds to the command line" test "$(after -append)" = "console=ttyS0 quiet loglevel=3"
check "arguments after -- go to QEMU, last" test "$(tail -n 3 "$tmp/cmd" | tr '\n' ' ')" = "-m 512 -snapshot "

cp -a "$a" "$tmp/copied"
qemu_cmd "$tmp/copied" >"$tmp/cmd"
check "a copy of the folder boots its own files" \
	test "$(after -kernel)|$(after -drive)" = "$tmp/copied/bzImage|id=disk0,if=none,format=raw,file=$tmp/copied/rootfs.img"

b=$tmp/nodisk
images "$b" x86_64 rootfs.cpio.gz
qemu_cmd "$b" >"$tmp/cmd"
check "no rootfs.img: no drive and no disk device" sh -c "! grep -q disk0 '$tmp/cmd'"
if qemu_cmd "$b" --disk >/dev/null; then not_ok "--disk without a disk image fails"; else
	check "--disk without a disk image fails and says what to do" grep -q -- "--disk needs a disk image: .* give one with --rootfs PATH" "$tap_log"
fi
qemu_cmd "$b" --rootfs "$tmp/my,disk.img" >"$tmp/cmd"
check "and with --rootfs the device comes back with its drive" \
	sh -c "grep -qx 'virtio-blk-pci,drive=disk0' '$tmp/cmd' && grep -qx 'id=disk0,if=none,format=raw,file=$tmp/my,,disk.img' '$tmp/cmd'"
if qemu_cmd "$b" --uki >/dev/null; then not_ok "--uki without a UKI fails"; else
	check "--uki without a UKI fails, saying so" grep -q -- "--uki: there is no Unified Kernel Image" "$tap_log"
fi

# --uki: the UKI on its ESP image, through the board's UEFI firmware
u=$tmp/uki
images "$u" x86_64 rootfs.cpio.gz rootfs.img kiln.efi esp.img
qemu_cmd "$u" --uki >"$tmp/cmd"
check "--uki: OVMF's code read-only, its variables in a copy next to the script" sh -c \
	"grep -qx 'if=pflash,format=raw,readonly=on,file=/usr/share/OVMF/OVMF_CODE_4M.fd' '$tmp/cmd' &&
	grep -qx 'if=pflash,format=raw,file=$u/efi-vars.fd' '$tmp/cmd'"
check "--uki: the ESP image as a read-only disk the firmware boots first" sh -c \
	"grep -qx 'virtio-blk-pci,drive=esp,bootindex=0' '$tmp/cmd' &&
	grep -qx 'id=esp,if=none,format=raw,readonly=on,file=$u/esp.img' '$tmp/cmd'"
check "--uki: no -kernel, -initrd or -append (the UKI holds them)" sh -c "! grep -qx -- '-kernel\|-initrd\|-append' '$tmp/cmd'"
check "--uki: rootfs.img is still disk0, before the ESP (/dev/vda in the guest)" \
	test "$(grep -n 'drive=disk0\|drive=esp' "$tmp/cmd" | cut -d: -f2 | tr '\n' ' ')" = "virtio-blk-pci,drive=disk0 virtio-blk-pci,drive=esp,bootindex=0 "
check "--dry-run copies no variable store" test ! -e "$u/efi-vars.fd"
if qemu_cmd "$u" --uki --append quiet >/dev/null; then not_ok "--uki with --append fails"; else
	check "--uki with --append fails, naming the option to change" grep -q "KILN_ROOTFS_UKI_CMDLINE" "$tap_log"
fi
rm "$u/esp.img"
images "$u" x86_64 rootfs.cpio.gz rootfs.img kiln.efi
if qemu_cmd "$u" --uki >/dev/null; then not_ok "--uki without esp.img fails"; else
	check "--uki without esp.img fails, naming the option" grep -q "KILN_ROOTFS_UKI_ESP makes esp.img" "$tap_log"
fi
v=$tmp/uki-aarch64
images "$v" aarch64 rootfs.cpio.gz kiln.efi esp.img
qemu_cmd "$v" --uki >"$tmp/cmd"
check "--uki on aarch64: AAVMF's code and a copy of its variables" sh -c \
	"grep -qx 'if=pflash,format=raw,readonly=on,file=/usr/share/AAVMF/AAVMF_CODE.fd' '$tmp/cmd' &&
	grep -qx 'if=pflash,format=raw,file=$v/efi-vars.fd' '$tmp/cmd'"

# A machine description without a -drive (as in the seed): inserted after
# the device that names disk0; without that device either: both appended.
c=$tmp/custom
mkdir -p "$c"
echo k >"$c/Image"
echo i >"$c/rootfs.cpio.gz"
echo d >"$c/rootfs.img"
"$top/support/scripts/write-start-qemu" "$c" --qemu qemu-system-aarch64 --package qemu-system-arm \
	--kernel Image --console ttyAMA0 -- -M virt -device virtio-blk-device,drive=disk0 -smp 1 >"$tap_log" 2>&1
qemu_cmd "$c" >"$tmp/cmd"
check "no -drive in the machine: inserted right after its device" \
	test "$(after virtio-blk-device,drive=disk0)|$(after -drive)" = "-drive|id=disk0,if=none,format=raw,file=$c/rootfs.img"
"$top/support/scripts/write-start-qemu" "$c" --qemu qemu-system-aarch64 --package qemu-system-arm \
	--kernel Image --console ttyAMA0 -- -M virt >"$tap_log" 2>&1
qemu_cmd "$c" >"$tmp/cmd"
check "no disk device either: a virtio-blk-pci device and its drive are added" \
	sh -c "grep -qx 'virtio-blk-pci,drive=disk0' '$tmp/cmd' && test \"\$(grep -cx -- -drive '$tmp/cmd')\" = 1"
if "$top/support/scripts/write-start-qemu" "$tmp/empty-nonexistent" --qemu q --package p --kernel k --console c >"$tap_log" 2>&1; then
	not_ok "write-start-qemu refuses a missing folder"
else
	check "write-start-qemu refuses a missing folder" grep -q 'is not a folder' "$tap_log"
fi
mkdir -p "$tmp/nokernel"
if "$top/support/scripts/write-start-qemu" "$tmp/nokernel" --qemu q --package p --kernel bzImage --console c >"$tap_log" 2>&1; then
	not_ok "write-start-qemu refuses a folder without the kernel"
else
	check "write-start-qemu refuses a folder without the kernel, naming the option" grep -q 'is the kernel enabled (KILN_LINUX_KERNEL)' "$tap_log"
fi
printf '# KILN_LINUX_KERNEL is not set\n' >"$tmp/nokernel.config"
echo old >"$tmp/nokernel/start-qemu.sh"
if KILN_TOP=$top KILN_CONFIG=$tmp/nokernel.config KILN_WARNINGS=$tmp/warnings \
	"$top/board/qemu/x86_64/post-image.sh" "$tmp/nokernel" >"$tap_log" 2>&1; then
	check "a configuration without a kernel: the board's script succeeds, without start-qemu.sh" \
		test ! -e "$tmp/nokernel/start-qemu.sh"
	check "and says why, for the console" grep -q '^start-qemu.sh not written: this configuration builds no kernel' "$tmp/warnings"
else
	not_ok "a configuration without a kernel: the board's post-image script succeeds"
fi

d=$tmp/arm
images "$d" aarch64 rootfs.cpio.gz rootfs.img
qemu_cmd "$d" >"$tmp/cmd"
check "aarch64: qemu-system-aarch64 -M virt -cpu cortex-a57, console ttyAMA0" \
	sh -c "head -n 1 '$tmp/cmd' | grep -qx qemu-system-aarch64 && grep -qx virt '$tmp/cmd' && grep -qx cortex-a57 '$tmp/cmd' && test \"\$(awk 'f { print; exit } \$0 == \"-append\" { f = 1 }' '$tmp/cmd')\" = console=ttyAMA0"
check "aarch64: the kernel is Image.gz" test "$(after -kernel)" = "$d/Image.gz"

"$a/start-qemu.sh" --help >"$tap_log" 2>&1
check "--help tells the modes and the options" sh -c "grep -q -- '--initramfs' '$tap_log' && grep -q -- '--disk' '$tap_log' && grep -q -- '--rootfs PATH' '$tap_log' && grep -q 'Ctrl-A X' '$tap_log'"
if "$a/start-qemu.sh" --bogus >"$tap_log" 2>&1; then not_ok "an unknown option fails"; else
	check "an unknown option fails, pointing to -- for QEMU's" grep -q "unknown option '--bogus' (--help lists them; QEMU's own options go after --)" "$tap_log"
fi
if QEMU=kiln-no-such-qemu "$a/start-qemu.sh" >"$tap_log" 2>&1; then not_ok "a missing QEMU fails"; else
	check "a missing QEMU binary fails, naming the Debian package" grep -q 'kiln-no-such-qemu is not installed (on Debian: apt-get install qemu-system-x86)' "$tap_log"
fi

# make run
if make --no-print-directory -C "$top" O="$tmp/out" run >"$tap_log" 2>&1; then not_ok "make run without images fails"; else
	check "make run without images fails and says what to do" grep -q "start-qemu.sh is missing: build the images first ('make')" "$tap_log"
fi
printf '# KILN_LINUX_KERNEL is not set\n' >"$tmp/out/.config"
if make --no-print-directory -C "$top" O="$tmp/out" run >"$tap_log" 2>&1; then not_ok "make run without a kernel fails"; else
	check "make run in a configuration without a kernel says so and how to turn it on" \
		grep -q "nothing to run: this configuration builds no kernel (KILN_LINUX_KERNEL is off); turn on 'Linux kernel'" "$tap_log"
fi
rm "$tmp/out/.config"
mkdir -p "$tmp/out/images"
cp -a "$a/." "$tmp/out/images/"
if make --no-print-directory -C "$top" O="$tmp/out" run RUN_MODE=floppy >"$tap_log" 2>&1; then not_ok "make run RUN_MODE=floppy fails"; else
	check "make run with an unknown RUN_MODE fails" grep -q 'RUN_MODE=floppy: use initramfs, disk or uki' "$tap_log"
fi
QEMU='echo' make --no-print-directory -C "$top" O="$tmp/out" run RUN_MODE=disk ROOTFS="$tmp/my,disk.img" QEMU_ARGS="-m 1G" >"$tap_log" 2>&1 || true
check "make run passes RUN_MODE, ROOTFS and QEMU_ARGS on" \
	grep -q "file=$tmp/my,,disk.img.* root=/dev/vda rw console=ttyS0 -m 1G$" "$tap_log"

tap_done
