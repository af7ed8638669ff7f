#!/bin/sh
# Post-image script of the QEMU aarch64 board: writes start-qemu.sh into the
# images folder ($1) for QEMU's virt machine with a Cortex-A57, with virtio
# disk, network and random number generator on PCI, and UEFI firmware
# (AAVMF) for --uki.
set -eu
exec "$KILN_TOP/support/scripts/write-start-qemu" "$1" --name qemu_aarch64 \
	--qemu qemu-system-aarch64 --package qemu-system-arm \
	--console ttyAMA0 \
	--efi-code /usr/share/AAVMF/AAVMF_CODE.fd --efi-vars /usr/share/AAVMF/AAVMF_VARS.fd --efi-package qemu-efi-aarch64 -- \
	-M virt -cpu cortex-a57 -m 256 -smp 2 -nographic \
	-netdev user,id=net0 -device virtio-net-pci,netdev=net0 \
	-object rng-random,id=rng0,filename=/dev/urandom -device virtio-rng-pci,rng=rng0 \
	-device virtio-blk-pci,drive=disk0 -drive id=disk0,if=none,format=raw,file=rootfs.img
