#!/bin/sh
# Golden comparison of Kiln's Kconfig engine with Linux's conf; the TAP
# comes from support/kconfig/tests/run-golden (see its --help).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
exec "$here/../support/kconfig/tests/run-golden" "$@"
