#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Two clean builds of configs/qemu_x86_64_defconfig, the kernel included,
# give the same images: support/testing/reproducible-test.
# Tier: full. Cost: about 20 min on 2 CPUs (a second complete build without
# ccache).
exec "$(dirname "$0")/../support/testing/reproducible-test" x86_64
