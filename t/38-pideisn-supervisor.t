#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# pideisn's supervisor, control socket and shutdown on the host, for
# real: tests/run-harness calls run() as PID 1 of a new PID namespace
# (unshare --pid --fork --mount-proc, in a private mount namespace), with
# its services and control socket in a temporary folder.  Mounts are
# never touched (the harness turns unmounting off); the end is the real
# reboot(2), which in a PID namespace only ends it (the parent sees the
# harness killed by SIGINT for poweroff and halt, SIGHUP for reboot).
# Needs root (namespaces, setuid to nobody), python3 for raw requests.
# Tier: test. Cost: about 25 s (a small build, then two namespace runs
# of a few seconds).
# The checks are strings that check evals when it runs them; rc is read there.
# shellcheck disable=SC2016,SC2034
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
src=$top/package/pideisn/src
tmp=$(mktemp -d /tmp/kiln-t38.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
chmod 755 "$tmp"	# the nobody service writes its output through pideisn, but reads nothing here

# shellcheck source=../support/testing/tap.sh
. "$top/support/testing/tap.sh"

if [ "$(id -u)" != 0 ] || ! command -v unshare >/dev/null || ! command -v python3 >/dev/null; then
	tap_skip "needs root, unshare and python3 (PID namespaces, a service run as nobody)"
	tap_done
	exit
fi

tap_log=$tmp/build.log
if ! make -s -C "$src" O="$tmp/build" SANITIZE="${KILN_PIDEISN_SANITIZE:-1}" \
	"$tmp/build/run-harness" "$tmp/build/pideisn-control" >"$tap_log" 2>&1; then
	not_ok "build of the harness (-Wall -Wextra -Werror, ASan+UBSan)"
	tap_done
	exit
fi
ok "build of the harness (-Wall -Wextra -Werror, ASan+UBSan)"
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
ctl=$tmp/build/pideisn-control
ln -s pideisn-control "$tmp/build/poweroff"
ln -s pideisn-control "$tmp/build/reboot"

# service NAME LINES...: a service file
service() {
	local name=$1
	shift
	printf '%s\n' "$@" >"$tmp/svc/$name"
}

# sh SCRIPT: a command line running SCRIPT with /bin/sh
sh_command() {
	printf "command = /bin/sh -c '%s'" "$1"
}

# start_harness DIR LOG [NETWORK-MS]: run-harness in a namespace, in the background
start_harness() {
	(
		set +e
		unshare --pid --fork --mount-proc --mount --propagation private \
			"$tmp/build/run-harness" "$1" "$tmp/control" ${3:+"$3"} >"$2" 2>&1
		echo $? >"$tmp/status"
	) 2>/dev/null &	# bash's own "Hangup" when the namespace ends
	harness=$!
}

# wait_for FILE TEXT [SECONDS]: until FILE has a line with TEXT
wait_for() {
	local i
	for ((i = 0; i < ${3:-10} * 20; i++)); do
		grep -qF -- "$2" "$1" 2>/dev/null && return 0
		sleep 0.05
	done
	return 1
}

# control ARGS...: the control command; its output in $tmp/out, status in $rc
control() {
	rc=0
	PIDEISN_CONTROL=$tmp/control "$@" >"$tmp/out" 2>&1 || rc=$?
}

# raw PYTHON-BYTES: send the bytes (a Python expression) on the socket, print the answer
raw() {
	python3 -c '
import socket, sys
s = socket.socket(socket.AF_UNIX)
s.connect(sys.argv[1])
s.sendall(eval(sys.argv[2]))
print(s.recv(4096).decode(), end="")' "$tmp/control" "$1"
}

# before FILE A B: A's first line comes before B's in FILE
before() {
	local a b
	a=$(grep -nF -- "$2" "$1" | head -n 1 | cut -d: -f1)
	b=$(grep -nF -- "$3" "$1" | head -n 1 | cut -d: -f1)
	[ -n "$a" ] && [ -n "$b" ] && [ "$a" -lt "$b" ]
}

t=$tmp/trace
mkdir "$tmp/svc"
service first "type = oneshot" "$(sh_command "echo start first >>$t; sleep 0.3")"
service second "requires = first" "ready = fd:4" \
	"$(sh_command "echo start second >>$t; trap \"echo stop second >>$t; exit 0\" TERM; sleep 0.3; echo >&4; while :; do sleep 0.05; done")"
service third "after = second" "ready = file:$tmp/third.ready" \
	"$(sh_command "echo start third >>$t; trap \"echo stop third >>$t; exit 0\" TERM; sleep 0.3; echo ready third >>$t; touch $tmp/third.ready; while :; do sleep 0.05; done")"
service fourth "after = third" \
	"$(sh_command "echo start fourth >>$t; trap \"echo stop fourth >>$t; exit 0\" TERM; while :; do sleep 0.05; done")"
service crash "backoff = 100ms" "backoff-max = 2s" "limit = 4" "$(sh_command "echo crash >>$t; exit 3")"
service always "restart = always" "backoff = 300ms" "$(sh_command "echo always >>$t")"
service never "type = oneshot" "restart = never" "$(sh_command "echo never >>$t; exit 1")"
service needs-never "requires = never" "$(sh_command "echo needs-never >>$t")"
service net "network = wait" "$(sh_command "echo start net >>$t; exec sleep 1000")"
service nobody "user = nobody" "restart = never" "output = file:$tmp/id.log" "command = /usr/bin/id"
service rotated "restart = never" "output = file:$tmp/rot.log" "rotate = 1k" \
	"$(sh_command "i=0; while [ \$i -lt 300 ]; do echo line-\$i-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx; i=\$((i+1)); done")"
service bad "description = a broken one" "restart = sometimes" "command = /bin/true"
service orphan "type = oneshot" "$(sh_command "(sleep 0.3 &); echo orphan >>$t")"
# a zombie seen twice, half a second apart, is one nobody reaps
service zombies "$(sh_command "sleep 1.5; z=\$(grep -l \"^State:.*Z\" /proc/[0-9]*/status); sleep 0.5; for f in \$(grep -l \"^State:.*Z\" /proc/[0-9]*/status); do case \" \$z \" in *\" \$f \"*) echo \$f;; esac; done >$tmp/z; mv $tmp/z $tmp/zombies; exec sleep 1000")"
service stubborn "stop-timeout = 500ms" "$(sh_command "trap \"\" TERM; while :; do sleep 0.05; done")"
service escaped "type = oneshot" "$(sh_command "setsid sh -c \"trap \\\"\\\" TERM; exec sleep 1000\" & echo escaped >>$t")"
service toggle "command = /bin/sleep 1000"

start_harness "$tmp/svc" "$tmp/log" 1500
tap_log=$tmp/log
check "the harness is up: its control socket answers" wait_for "$tmp/log" "service toggle started"
wait_for "$tmp/log" "service zombies" 5 || true
for ((i = 0; i < 100; i++)); do [ -e "$tmp/zombies" ] && break; sleep 0.05; done
wait_for "$tmp/log" "crash exited with status 3; 4 failed runs" 5 || true
sleep 0.5

check "a malformed file is reported with file:line, and skipped" \
	grep -qF "$tmp/svc/bad:2: restart: 'sometimes' is not one of" "$tmp/log"
check "the others started" grep -qF "service toggle started" "$tmp/log"
check "dependency order: a oneshot's end, then fd: readiness, then file: readiness" \
	eval 'before "$t" "start first" "start second" && before "$t" "start second" "start third" &&
	before "$t" "ready third" "start fourth"'
check "requires: held until the oneshot ended well" \
	eval 'before "$tmp/log" "service first exited with status 0" "service second started"'
check "readiness by fd: gates its dependent" \
	eval 'before "$tmp/log" "service second is ready" "service third started"'
check "readiness by file: gates its dependent" \
	eval 'before "$tmp/log" "service third is ready" "service fourth started"'
check "network = wait: held until the network is ready" \
	eval 'before "$tmp/log" "network configured" "service net started" &&
	before "$tmp/log" "service toggle started" "network configured"'
check "a crashing service restarted with growing delays" \
	eval 'grep -q "crash exited with status 3; restarting in 100 ms" "$tmp/log" &&
	grep -q "crash exited with status 3; restarting in 200 ms" "$tmp/log" &&
	grep -q "crash exited with status 3; restarting in 400 ms" "$tmp/log"'
check "... and given up at its limit (4 runs)" \
	eval 'grep -q "crash exited with status 3; 4 failed runs in a row: given up" "$tmp/log" &&
	[ "$(grep -c "^crash$" "$t")" = 4 ]'
check "restart = always restarts a service that ended well" \
	eval '[ "$(grep -c "^always$" "$t")" -ge 2 ]'
check "restart = never: one run" eval '[ "$(grep -c "^never$" "$t")" = 1 ]'
check "a required service that failed keeps its dependent from starting" \
	eval 'grep -q "needs-never not started: it requires never, which failed" "$tmp/log" &&
	! grep -q needs-never "$t"'
check "user = nobody: the service runs as nobody" grep -q "^uid=65534(nobody) gid=65534" "$tmp/id.log"
check "output to a file rotated by size: one .1 kept, the last line in the new file" \
	eval '[ -s "$tmp/rot.log.1" ] && [ ! -e "$tmp/rot.log.2" ] &&
	grep -q line-299- "$tmp/rot.log" && [ "$(stat -c %s "$tmp/rot.log")" -le 5120 ]'
check "orphans reaped: no zombie left in the namespace" \
	eval 'grep -q "^orphan$" "$t" && [ -e "$tmp/zombies" ] && [ ! -s "$tmp/zombies" ]'

control "$ctl" status
check "pideisn status: every service, with state, pid, restarts, since, last exit" \
	eval '[ $rc = 0 ] && grep -q "^crash failed pid=0 restarts=3 since=[0-9.]*s last=exit:3$" "$tmp/out" &&
	grep -q "^toggle running pid=[1-9][0-9]* restarts=0 " "$tmp/out" &&
	grep -q "^first done pid=0 .* last=exit:0$" "$tmp/out"'
control "$ctl" status nosuch
check "status of an unknown service: exit 1 and the reason" \
	eval '[ $rc = 1 ] && grep -q "no such service" "$tmp/out"'
control "$ctl" stop toggle
wait_for "$tmp/log" "service toggle stopped" 3 || true
control "$ctl" status toggle
check "stop NAME" grep -q "^toggle stopped pid=0 .*last=signal:15" "$tmp/out"
control "$ctl" start toggle
control "$ctl" restart toggle
wait_for "$tmp/log" "service toggle stopped" 3 || true
sleep 0.3
control "$ctl" status toggle
check "start NAME, then restart NAME" grep -q "^toggle running pid=[1-9][0-9]* restarts=1 " "$tmp/out"
control "$ctl" bogus
check "a wrong command: usage and exit 2" eval '[ $rc = 2 ] && grep -q usage "$tmp/out"'
control setpriv --reuid=65534 --regid=65534 --clear-groups "$ctl" status
check "a non-root client is refused (the socket's folder is 0700)" \
	eval '[ $rc = 3 ] && grep -q "permission denied" "$tmp/out"'
control setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=+dac_override \
	--ambient-caps=+dac_override "$ctl" status
check "... and through the folder, by SO_PEERCRED" \
	eval '[ $rc = 1 ] && grep -q "only root may control pideisn" "$tmp/out"'
check "a garbage request: an error answer" \
	eval 'raw "b\"\\x01\\x02 x\\n\"" | grep -q "^error expected one line of printable text"'
check "an oversized request: an error answer" \
	eval 'raw "b\"a\" * 300" | grep -q "^error request too long"'
control "$ctl" status first
check "the daemon is still fine after them" eval '[ $rc = 0 ] && grep -q "^first done" "$tmp/out"'

control "$tmp/build/poweroff"
check "poweroff (argv[0]) through the socket" eval '[ $rc = 0 ]'
wait "$harness" || true
check "the namespace ended by reboot(2): the harness killed by SIGINT (poweroff)" \
	eval '[ "$(cat "$tmp/status")" = 130 ]'
check "shutdown: services stopped dependents first" \
	eval 'before "$t" "stop fourth" "stop third" && before "$t" "stop third" "stop second"'
check "stop-timeout, then SIGKILL for a service ignoring SIGTERM" \
	grep -q "service stubborn did not stop within 500 ms of SIGTERM: SIGKILL" "$tmp/log"
check "then every process left: SIGTERM, a grace, SIGKILL" \
	eval 'before "$tmp/log" "services stopped" "sending SIGTERM to every process left" &&
	before "$tmp/log" "sending SIGTERM to every process left" "sending SIGKILL to every process left"'
check "the run_at_shutdown functions, sync, then power off" \
	eval 'before "$tmp/log" "sending SIGKILL" "the shutdown hook ran" &&
	before "$tmp/log" "the shutdown hook ran" "syncing file systems" &&
	before "$tmp/log" "syncing file systems" "pideisn: power off"'

# a second run: reboot, and a signal during the shutdown
mkdir "$tmp/svc2"
rm -f "$tmp/status"
printf '%s\n' "stop-timeout = 1s" "$(sh_command "trap \"\" TERM; while :; do sleep 0.05; done")" \
	>"$tmp/svc2/slow"
start_harness "$tmp/svc2" "$tmp/log2"
tap_log=$tmp/log2
wait_for "$tmp/log2" "service slow started" || true
control "$tmp/build/reboot"
wait_for "$tmp/log2" "stopping service slow" || true
kill -TERM "$(pgrep -P "$(pgrep -P "$harness")")" 2>/dev/null || true
wait "$harness" || true
check "a second request during the shutdown is ignored" \
	grep -q "already shutting down; power off ignored" "$tmp/log2"
check "reboot: the harness killed by SIGHUP" eval '[ "$(cat "$tmp/status")" = 129 ]'
control "$ctl" status
check "no pideisn to ask: exit 3 and why" \
	eval '[ $rc = 3 ] && grep -q "pideisn is not running" "$tmp/out"'
tap_done
