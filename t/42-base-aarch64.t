#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The base system for aarch64 (configs/qemu_aarch64_defconfig), built for
# real into the shared board build, its programs run under qemu-aarch64:
# support/testing/base-system-test.
# Tier: test. Cost: about 15 min on 2 CPUs, most of it the kernel (the one
# aarch64 kernel of make test: every later test reuses this build).
exec "$(dirname "$0")/../support/testing/base-system-test" aarch64
