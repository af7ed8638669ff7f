#!/bin/sh
# Error and warning messages of Kiln's Kconfig engine; the TAP comes
# from support/kconfig/tests/run-errors (see its --help).
# Tier: test. Cost: under 1 s.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
exec "$here/../support/kconfig/tests/run-errors" "$@"
