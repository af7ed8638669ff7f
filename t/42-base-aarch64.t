#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The base system for aarch64 (configs/qemu_aarch64_defconfig), its programs
# run under qemu-aarch64: support/testing/base-system-test.
exec "$(dirname "$0")/../support/testing/base-system-test" aarch64
