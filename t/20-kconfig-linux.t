#!/bin/bash
# Kiln's conf against Linux 6.1's own conf on the Linux 6.1 tree.
# Tier: test. Cost: about 1.5 min on 2 CPUs (the tree extracted, Linux's conf
# built, then a representative subset: the defconfigs of 6 architectures
# chosen for their different Kconfig shapes, every all*config mode on x86
# and arm64, 4 seeded randconfigs); in make test-full, every architecture's
# defconfig and 8 seeds: about 3 min.
#
# Prepares (or reuses) the yardstick with support/testing/linux-kconfig,
# then passes the TAP of support/testing/kconfig-compare through. Failure
# diagnostics and the per-mode scores go to stderr, so a quiet prove shows
# them.
# Environment: KILN_CONF (Kiln's conf binary), KILN_TEST_CACHE (cache root),
# KILN_KCONFIG_COMPARE_ARGS (extra arguments, e.g. "--seeds 2 --jobs 4").
set -eu

repo=$(cd "$(dirname "$0")/.." && pwd)
kiln_conf=${KILN_CONF:-$repo/support/kconfig/build/conf}

# fail NAME DIAGNOSTIC...: one failed test, then stop.
fail() {
	echo "1..1"
	echo "not ok 1 - $1"
	shift
	printf '%s\n' "$@" | sed 's/^/# /' >&2
	exit 1
}

if [ ! -x "$kiln_conf" ]; then
	fail "Kiln's conf is built" \
		"not found: $kiln_conf" \
		"build it first (make test builds support/kconfig), or point KILN_CONF at it"
fi

if ! prepared=$("$repo/support/testing/linux-kconfig" prepare 2>&1); then
	fail "Linux's conf is prepared (support/testing/linux-kconfig prepare)" "$prepared"
fi
printf '%s\n' "$prepared" | sed 's/^/# /'

# make test: a representative subset (x86 and arm64 are the boards'; arm,
# riscv, powerpc and um for their own Kconfig shapes); make test-full: all
if [ "${KILN_TEST_TIER:-test}" = full ]; then
	tier_args=()
else
	tier_args=(--defconfig-archs "x86 arm64 arm riscv powerpc um" --seeds 4)
fi
read -r -a extra_args <<<"${KILN_KCONFIG_COMPARE_ARGS:-}"
export KILN_CONF=$kiln_conf
exec "$repo/support/testing/kconfig-compare" --stderr-diag "${tier_args[@]}" "${extra_args[@]}"
