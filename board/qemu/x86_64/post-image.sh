#!/bin/sh
# Post-image script of the QEMU x86_64 board: writes start-qemu.sh into the
# images folder ($1) for QEMU's q35 machine, with virtio disk, network and
# random number generator, and UEFI firmware (OVMF) for --uki.
set -eu
exec "$KILN_TOP/support/scripts/write-start-qemu" "$1" --name qemu_x86_64 \
	--qemu qemu-system-x86_64 --package qemu-system-x86 \
	--console ttyS0 \
	--efi-code /usr/share/OVMF/OVMF_CODE_4M.fd --efi-vars /usr/share/OVMF/OVMF_VARS_4M.fd --efi-package ovmf -- \
	-M q35 -m 256 -smp 2 -nographic \
	-netdev user,id=net0 -device virtio-net-pci,netdev=net0 \
	-object rng-random,id=rng0,filename=/dev/urandom -device virtio-rng-pci,rng=rng0 \
	-device virtio-blk-pci,drive=disk0 -drive id=disk0,if=none,format=raw,file=rootfs.img
