#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# qemu_aarch64_defconfig booted in QEMU (TCG) in each mode, then with the root
# switch and with a missing root device, checked on the
# serial console: support/testing/boot-test.
# Tier: test. Cost: about 30 s (four boots of the shared board build).
exec "$(dirname "$0")/../support/testing/boot-test" aarch64
