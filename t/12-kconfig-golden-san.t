#!/bin/sh
# The golden suite again with Kiln's conf built under AddressSanitizer and
# UBSan (make kconfig-san): a memory error or undefined behaviour aborts
# conf and fails the case.
# Tier: test. Cost: about 6 s (Linux's conf already built by t/10).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
KILN_CONF=$here/../support/kconfig/build-san/conf
export KILN_CONF
exec "$here/../support/kconfig/tests/run-golden" "$@"
