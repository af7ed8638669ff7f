#!/bin/bash
# Replays the fuzz corpus (support/kconfig/fuzz/corpus) through the fuzz
# target built with AddressSanitizer and UBSan: every input must end by
# itself, within the time limit, with status 0 (accepted) or 1 (reported
# errors); a crash, a sanitizer report or a hang fails.
# Tier: test. Cost: about 7 s (616 inputs).
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
target=$repo/support/kconfig/build-san/fuzz-kconfig
corpus=$repo/support/kconfig/fuzz/corpus
echo "1..1"
if [ ! -x "$target" ]; then
	echo "not ok 1 - $target is missing: run 'make kconfig-san'"
	exit 0
fi
scratch=$(mktemp -d "${TMPDIR:-/tmp}/kiln-replay.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
total=0 bad=0
for input in "$corpus"/*; do
	total=$((total + 1))
	status=0
	KILN_FUZZ_DIR=$scratch timeout 20 "$target" "$input" >/dev/null 2>"$scratch.err" || status=$?
	if [ "$status" -gt 1 ]; then
		bad=$((bad + 1))
		echo "# $(basename "$input"): exit status $status"
		sed 's/^/#   /' "$scratch.err" | tail -n 15
	fi
done
rm -f "$scratch.err"
if [ "$bad" -eq 0 ]; then
	echo "ok 1 - $total corpus inputs replayed under ASan+UBSan"
else
	echo "not ok 1 - $bad of $total corpus inputs crashed or hung"
fi
