#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# qemu_x86_64_defconfig booted in QEMU (TCG) in each mode, checked on the serial console.
exec "$(dirname "$0")/../support/testing/boot-test" x86_64
