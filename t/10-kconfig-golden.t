#!/bin/sh
# Golden comparison of Kiln's Kconfig engine with Linux's conf; the TAP
# comes from support/kconfig/tests/run-golden (see its --help).
# Tier: test. Cost: about 40 s (builds Linux 6.1's conf from linux-source-6.1
# the first time, then 104 cases).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
exec "$here/../support/kconfig/tests/run-golden" "$@"
