#!/bin/sh
# The errors suite again with Kiln's conf built under AddressSanitizer and
# UBSan (make kconfig-san): a memory error or undefined behaviour aborts
# conf and fails the case.
# Tier: test. Cost: under 1 s.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
KILN_CONF=$here/../support/kconfig/build-san/conf
export KILN_CONF
exec "$here/../support/kconfig/tests/run-errors" "$@"
