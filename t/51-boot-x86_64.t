#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# qemu_x86_64_defconfig booted in QEMU (TCG) in each mode, checked on the
# serial console: support/testing/boot-test.
# Tier: test. Cost: about 1 min (two boots of the shared board build).
exec "$(dirname "$0")/../support/testing/boot-test" x86_64
