#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# pideisn's parsers and DHCP codec on the host (package/pideisn/src): the
# unit tests built plain and under AddressSanitizer and UBSan, the
# corpora replayed under the sanitizers, then each libFuzzer target run
# for a few seconds from its corpus (new inputs go to a scratch folder).
# Environment: KILN_PIDEISN_FUZZ_SECONDS (default 5) per fuzz target.
# Tier: test. Cost: about 30 s (three small builds, then 3 x 5 s of fuzzing).
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
src=$top/package/pideisn/src
tmp=$(mktemp -d /tmp/kiln-t36.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
seconds=${KILN_PIDEISN_FUZZ_SECONDS:-5}
units="test-dhcp test-cmdline test-ipconfig test-service"
targets="dhcp service cmdline"

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
	check "fuzz-$target for $seconds s: no crash, leak, hang or sanitizer report" \
		logged nice "$tmp/fuzz/fuzz-$target" -max_total_time="$seconds" -timeout=10 \
		-artifact_prefix="$tmp/" "$tmp/new-$target" "$src/fuzz/corpus/$target"
done
tap_done
