# SPDX-License-Identifier: GPL-2.0-or-later
#
# A guest's serial console, driven from a script: QEMU (through a
# start-qemu.sh) runs in the background with its console in a file and its
# input from a FIFO.  Source it; set console_dir (a scratch folder) first.
#   console_start SCRIPT ARGS...  start it; $started is the time (µs)
#   send LINE                     type a line
#   wait_for TEXT SECONDS         until the console shows TEXT
#   ask COMMAND                   run a shell command, its output in $answer
#                                 (without the lines of pideisn's messages,
#                                 which the kernel may print meanwhile)
# shellcheck shell=bash disable=SC2034 # (started, answer, tap_log: read by the sourcing script)

console_dir=${console_dir:-/tmp}
console_log=$console_dir/console.log
command_timeout=${command_timeout:-60}
# how often wait_for looks at the console, in seconds: a benchmark that
# times what it waits for looks more often
console_poll=${console_poll:-0.2}
qemu_pid=''
started=0

console_start() {
	rm -f "$console_dir/in"
	mkfifo "$console_dir/in"
	console_log=$console_dir/console.log
	: >"$console_log"
	"$@" <"$console_dir/in" >"$console_log" 2>&1 &
	qemu_pid=$!
	exec 3>"$console_dir/in"
	started=${EPOCHREALTIME/./}
}

send() { printf '%s\n' "$1" >&3; }

# wait_for TEXT SECONDS: until the console shows TEXT (a fixed string);
# fails when the time is up or QEMU has ended
wait_for() {
	local deadline=$((SECONDS + $2))
	until grep -qF -- "$1" "$console_log"; do
		if [ "$SECONDS" -ge "$deadline" ] || ! kill -0 "$qemu_pid" 2>/dev/null; then
			tap_log=$console_log
			return 1
		fi
		sleep "$console_poll"
	done
}

# ask COMMAND: its output on the console, in $answer, taken between two
# markers the typed line itself does not contain
marks=0
answer=''
ask() {
	marks=$((marks + 1))
	answer=''
	send "echo KILN-BEGIN-\$((1000 + $marks)); $1; echo KILN-END-\$((1000 + $marks))"
	wait_for "KILN-END-$((1000 + marks))" "$command_timeout" || return 1
	answer=$(tr -d '\r' <"$console_log" | sed -n "/^KILN-BEGIN-$((1000 + marks))\$/,/^KILN-END-$((1000 + marks))\$/p" |
		sed '1d;$d' | { grep -v '^pideisn: ' || true; })
}
