#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The base system for x86_64 (configs/qemu_x86_64_defconfig), with the check
# that two clean builds give the same images: support/testing/base-system-test.
exec "$(dirname "$0")/../support/testing/base-system-test" x86_64 --reproducible
