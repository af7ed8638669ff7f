#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# pideisn's parsers, DHCP codec and supervisor logic on the host
# (package/pideisn/src): the unit tests built plain and under AddressSanitizer and UBSan, the
# corpora replayed under the sanitizers, then each libFuzzer target run
# from its corpus (new inputs go to a scratch folder): in the test tier
# 100,000 inputs from the fixed seed 1, so that CI gives the same verdict
# on the same commit; in the full tier 120 s each from a random seed.
# Environment: KILN_PIDEISN_FUZZ_SECONDS (full tier, default 120) per
# fuzz target.
# Tier: test. Cost: about 35 s (three small builds,
# then 4 x about 3 s of fuzzing); 8 more minutes in full.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
src=$top/package/pideisn/src
tmp=$(mktemp -d /tmp/kiln-t36.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
if [ "${KILN_TEST_TIER:-test}" = full ]; then
	fuzz_limit="-max_total_time=${KILN_PIDEISN_FUZZ_SECONDS:-120}"
	fuzz_what="for ${KILN_PIDEISN_FUZZ_SECONDS:-120} s"
else
	fuzz_limit="-seed=1 -runs=100000"
	fuzz_what="on 100000 inputs from seed 1"
fi
units="test-dhcp test-cmdline test-ipconfig test-service test-rootdev test-supervisor test-control test-net-config test-dhcp-lease test-fmt test-passwd"
targets="dhcp service cmdline control passwd"

# shellcheck source=../support/testing/tap.sh
. "$top/support/testing/tap.sh"

# logged COMMAND...: COMMAND with its output in $tap_log
logged() {
	"$@" >"$tap_log" 2>&1
}

# build NAME MAKE-ARGS...: one make of src, logged
build() {
	local name=$1
	shift
	tap_log=$tmp/$name.log
	check "$name build (-Wall -Wextra -Werror)" logged make -s -C "$src" "$@"
}

# units DIR WHAT: each unit test of DIR passes
run_units() {
	local dir=$1 what=$2 unit
	for unit in $units; do
		tap_log=$tmp/$unit.out
		if "$dir/$unit" >"$tmp/$unit.out" 2>&1; then
			ok "$unit $what: $(grep -c '^ok' "$tmp/$unit.out") checks"
		else
			grep -v '^ok' "$tmp/$unit.out" >"$tmp/$unit.fail" || true
			tap_log=$tmp/$unit.fail
			not_ok "$unit $what"
		fi
	done
}

build plain O="$tmp/plain"
run_units "$tmp/plain" plain
build sanitizers O="$tmp/san" SANITIZE=1
run_units "$tmp/san" "under ASan+UBSan"

for target in $targets; do
	tap_log=$tmp/replay-$target.log
	check "the $target corpus replayed under ASan+UBSan" \
		logged "$tmp/san/fuzz-$target" "$src/fuzz/corpus/$target"/*
done

if ! command -v "${FUZZ_CC:-clang}" >/dev/null; then
	for target in $targets; do tap_skip "fuzz-$target: no clang (support/dependencies/install-debian)"; done
	tap_done
	exit
fi
build libfuzzer fuzz FUZZ_O="$tmp/fuzz"
for target in $targets; do
	mkdir "$tmp/new-$target"
	tap_log=$tmp/fuzz-$target.log
	# shellcheck disable=SC2086 # fuzz_limit is one or two options
	check "fuzz-$target $fuzz_what: no crash, leak, hang or sanitizer report" \
		logged nice "$tmp/fuzz/fuzz-$target" $fuzz_limit -timeout=10 \
		-artifact_prefix="$tmp/" "$tmp/new-$target" "$src/fuzz/corpus/$target"
done
tap_done
