# SPDX-License-Identifier: GPL-2.0-or-later
#
# TAP helpers for the t/*.t shell tests and the runners they call: source
# it, report with ok, not_ok, check or tap_skip, end with tap_done.  After
# a failure, the last 30 lines of the file named by $tap_log (when set) are
# shown as diagnostics.  Only shell builtins, but for that tail: runners
# that avoid forks (support/kconfig/tests/lib.sh) use them too.
#
# The plan comes last, from tap_done, unless tap_plan gave it first.
# Results made out of order (each in a subshell of its own) are numbered
# with tap_number.
# shellcheck shell=bash

tap_count=0
tap_failed=0
tap_planned=
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

# tap_skip WHY: a test that cannot run here
tap_skip() {
	tap_count=$((tap_count + 1))
	echo "ok $tap_count # skip $1"
}

# tap_diag LINE...: each line as a diagnostic ("# LINE")
tap_diag() {
	[ $# -eq 0 ] || printf '# %s\n' "$@"
}

# tap_number N: the next result is test N
tap_number() {
	tap_count=$(($1 - 1))
}

# tap_plan N: the plan, first
tap_plan() {
	tap_planned=$1
	echo "1..$1"
}

# tap_abort NAME [LINE...]: before any result, when nothing can be tested
# (a tool is missing): one failed test, NAME, with the lines as
# diagnostics, and exit 1
tap_abort() {
	tap_plan 1
	not_ok "$1"
	shift
	tap_diag "$@"
	exit 1
}

# The plan (unless tap_plan gave it), and the exit status: 0 when nothing
# failed.
tap_done() {
	[ -n "$tap_planned" ] || echo "1..$tap_count"
	[ "$tap_failed" -eq 0 ]
}
