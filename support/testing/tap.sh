# SPDX-License-Identifier: GPL-2.0-or-later
#
# TAP helpers for the t/*.t shell tests: source it, report with ok, not_ok
# or check, end with tap_done.  After a failure, the last 30 lines of the
# file named by $tap_log (when set) are shown as diagnostics.
# shellcheck shell=bash

tap_count=0
tap_failed=0
tap_log=

ok() {
	tap_count=$((tap_count + 1))
	echo "ok $tap_count - $1"
}

not_ok() {
	tap_count=$((tap_count + 1))
	tap_failed=$((tap_failed + 1))
	echo "not ok $tap_count - $1"
	if [ -n "$tap_log" ] && [ -s "$tap_log" ]; then
		tail -n 30 "$tap_log" | sed 's/^/# /'
	fi
}

# check "description" command...: ok when the command succeeds
check() {
	local what=$1
	shift
	if "$@"; then ok "$what"; else not_ok "$what"; fi
}

# The plan, and the exit status: 0 when nothing failed.
tap_done() {
	echo "1..$tap_count"
	[ "$tap_failed" -eq 0 ]
}
