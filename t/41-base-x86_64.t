#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The base system for x86_64 (configs/qemu_x86_64_defconfig), built for real
# into the shared board build: support/testing/base-system-test.
# Tier: test. Cost: about 20 min on 2 CPUs, most of it the kernel (the one
# x86_64 kernel of make test: every later test reuses this build).
exec "$(dirname "$0")/../support/testing/base-system-test" x86_64
