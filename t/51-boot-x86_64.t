#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# qemu_x86_64_defconfig booted in QEMU (TCG) in each mode (initramfs, disk,
# the UKI under UEFI firmware), then with the root switch and with a
# missing root device, checked on the serial console:
# support/testing/boot-test.
# Tier: test. Cost: about 50 s (five boots of the shared board build, one
# of them through UEFI firmware).
exec "$(dirname "$0")/../support/testing/boot-test" x86_64
