#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# qemu_x86_64_defconfig with BusyBox init instead of pideisn (the other
# choice of the System menu), booted in QEMU in each mode: the checks of
# support/testing/boot-test that do not concern pideisn.
# Tier: test. Cost: about 4.5 min on 2 CPUs (a build of its own, the kernel
# from the shared compiler cache, and two boots).
KILN_BOOT_TEST_INIT=busybox exec "$(dirname "$0")/../support/testing/boot-test" x86_64
