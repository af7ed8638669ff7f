#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# menuconfig for real: the mconf binary runs in a terminal under tmux
# (80x24), keys are sent with send-keys and the screen is read with
# capture-pane.  On the test tree support/kconfig/tests/menuconfig (with
# the sanitizer build, leaks included): navigation, toggling, a refused
# value and its reason, help with the reason an entry is hidden, search
# and jump, a choice, a menuconfig entry, the minimal configuration,
# resizing to a tiny terminal and back, the question on leaving only
# after a change, the terminal given back on exit and on signals, and
# files identical to conf's.  Then `make menuconfig` on Kiln's own tree.
# Tier: test. Cost: about 5 s.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d /tmp/kiln-t40.XXXXXX)
sock=kiln-t40-$$
cleanup() {
	tmux -L "$sock" kill-server 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT
unset KILN_EXTERNAL KILN_DEFCONFIG O V MAKEFLAGS KCONFIG_CONFIG

# shellcheck source=../support/testing/tap.sh
. "$top/support/testing/tap.sh"
screen=$tmp/screen
tap_log=$screen

kdir=$top/support/kconfig
if ! { make -s -C "$kdir" build/conf build/mconf &&
	make -s -C "$kdir" SANITIZE=1 build-san/conf build-san/mconf; } >"$tmp/build.log" 2>&1; then
	cat "$tmp/build.log"
	echo "Bail out! mconf does not build"
	exit 1
fi
conf=$kdir/build/conf
mconf_san=$kdir/build-san/mconf

# The user's shell around menuconfig: a mark before, the exit status and
# the terminal modes after; the pid of the program goes to a file.
cat >"$tmp/run" <<'EOF'
#!/bin/sh
pidfile=$1
shift
trap : INT
echo "BEFORE-MENUCONFIG"
sh -c 'echo $$ >"$0"; exec "$@"' "$pidfile" "$@"
echo "EXIT=$?"
echo "MODES:$(stty -a | tr -s ' ;' '\n\n' | grep -x -E -- '-?(icanon|echo)' | tr '\n' ' ')"
echo "SHELL-DONE"
exec sleep 3600
EOF
chmod +x "$tmp/run"

# memory errors, undefined behaviour and leaks after parsing are failures
# (the engine keeps what it parsed until exit, by design)
echo 'leak:parse_kconfig' >"$tmp/lsan.supp"
san_env="ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:log_path=$tmp/asan \
LSAN_OPTIONS=suppressions=$tmp/lsan.supp UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:log_path=$tmp/ubsan"

session=
# start DIR CMD...: a new 80x24 terminal running CMD in DIR
start() {
	local dir=$1
	shift
	session=s$((${session#s} + 1))
	rm -f "$tmp/pid"
	tmux -L "$sock" -f /dev/null new-session -d -s "$session" -x 80 -y 24 -c "$dir" \
		env LC_ALL=C.UTF-8 "$tmp/run" "$tmp/pid" "$@"
}
keys() {
	tmux -L "$sock" send-keys -t "$session" "$@"
}
capture() {
	tmux -L "$sock" capture-pane -p -t "$session" >"$screen"
}
# wait_for TEXT [SECONDS]: until the screen shows TEXT
wait_for() {
	local tries=$((${2:-10} * 20))
	while [ "$tries" -gt 0 ]; do
		capture
		if grep -qF -- "$1" "$screen"; then return 0; fi
		sleep 0.05
		tries=$((tries - 1))
	done
	echo "--- waited in vain for: $1" >>"$screen"
	return 1
}
# wait_gone TEXT: until the screen no longer shows TEXT
wait_gone() {
	local tries=200
	while [ "$tries" -gt 0 ]; do
		capture
		if ! grep -qF -- "$1" "$screen"; then return 0; fi
		sleep 0.05
		tries=$((tries - 1))
	done
	echo "--- still on the screen: $1" >>"$screen"
	return 1
}
shows() {
	capture
	grep -qF -- "$1" "$screen"
}
lacks() {
	! grep -qF -- "$1" "$screen"
}
has_lines() { # has_lines FILE LINE...: FILE has every LINE
	local file=$1 line
	shift
	for line in "$@"; do
		grep -qxF -- "$line" "$file" || return 1
	done
}
# the rule under the path spans the whole width
rule_is() {
	capture
	sed -n 3p "$screen" | grep -qE "^─{$1}\$"
}
# the status line (third from the bottom)
status_says() {
	local tries=100
	while [ "$tries" -gt 0 ]; do
		capture
		if tail -n 3 "$screen" | head -n 1 | grep -qF -- "$1"; then return 0; fi
		sleep 0.05
		tries=$((tries - 1))
	done
	echo "--- the status line does not say: $1" >>"$screen"
	return 1
}
# the line under the cursor cannot be seen in text; move with search instead
go_to() { # go_to QUERY EXPECTED-RESULT-TEXT
	keys /
	wait_for "A symbol name, or words" || return 1
	keys C-u "$1" Enter
	wait_for "Search results for" || return 1
	shows "$2" || return 1
	keys Enter
	wait_gone "Search results for"
}
terminal_restored() {
	wait_for "SHELL-DONE" 20 &&
		grep -q '^MODES:icanon echo *$' "$screen" &&
		grep -q '^BEFORE-MENUCONFIG' "$screen"
}
line_of() { # line_of PATTERN FILE
	grep -n -- "$1" "$2" | head -n 1 | cut -d: -f1
}
no_sanitizer_reports() {
	! grep -l -E 'ERROR|runtime error' "$tmp"/asan.* "$tmp"/ubsan.* 2>/dev/null
}

# ---- the test tree, sanitizer build ------------------------------------------

t0=$(date +%s.%N)
tree=$tmp/tree
cp -a "$kdir/tests/menuconfig" "$tree"
mconf() {
	# shellcheck disable=SC2086 # san_env is a list of assignments
	start "$tree" env CONFIG_=KILN_ $san_env "$mconf_san" Kconfig
}
mconf
check "the menus come up at 80x24" wait_for "Menuconfig test"
check "entries show their values, new ones (NEW)" shows "[*] Base feature (NEW)"
check "the key help is on the screen" shows "? help  / search  Esc Esc back"
check "the status line names the entry under the cursor" status_says "KILN_MODULES (bool)"

keys Down Down
status_says "KILN_NEED (bool)" || :
keys y
check "y enables an entry" wait_for "[*] Needed by the gated option"
check "an entry that depends on it appears under it" wait_for "  [ ] Gated option"
keys n
check "n disables it, its dependent disappears" wait_gone "Gated option"
keys z
check "z shows hidden entries, marked" wait_for "[ ] Gated option  (hidden)"
check "the title says so" shows "[all]"
keys Down
check "the status line says why an entry is hidden" \
	status_says "KILN_GATED is hidden: depends on NEED [=n]"
keys y
check "changing a hidden entry is refused with the reason" \
	status_says "cannot change a hidden entry: depends on NEED [=n]"

keys '?'
check "? opens the help of the entry, with its prefixed name" wait_for "Help: KILN_GATED"
check "help: the type" shows "Type  : bool"
check "help: why it is hidden, naming the unmet part" shows "Hidden: depends on NEED [=n]"
check "help: where it is defined" shows "Defined at Kconfig:$(line_of 'config GATED' "$tree/Kconfig")"
check "help: its dependencies with their values" shows "Depends on: BASE [=y] && NEED [=n]"
check "help: its location" shows "Location: Needed by the gated option"
check "help: its help text" shows "Shown only when NEED is on."
keys Escape Escape
check "Esc Esc leaves the help" wait_for "[all]"
keys z
wait_gone "[all]" || :

check "search forced option goes to KILN_FORCED [=y]" go_to "forced option" "KILN_FORCED [=y]"
check "a selected entry is shown fixed" wait_for "-*- Forced option"
check "the status line names what selects it" \
	status_says "KILN_FORCED: forced to y: selected by FORCER [=y] (Kconfig:$(line_of 'select FORCED' "$tree/Kconfig"))"
keys n
check "n on a selected entry is refused with the reason" \
	status_says "KILN_FORCED cannot be n: selected by FORCER [=y]"
keys '?'
wait_for "Help: KILN_FORCED" || :
check "help: fixed, and by what" shows "Fixed : forced to y: selected by FORCER [=y]"
check "help: selected by, with values" shows "Selected by: FORCER [=y]"
keys q
wait_gone "Help: KILN_FORCED" || :

check "search KILN_WIDGETS goes to KILN_WIDGETS [=10]" go_to KILN_WIDGETS "KILN_WIDGETS [=10]"
keys Enter
check "Enter on an integer opens the input dialog with its range" \
	wait_for "KILN_WIDGETS: a decimal integer, limited to 1..100"
keys C-u abc Enter
check "a value that is not a number is refused, with the reason" \
	wait_for "'abc' is not a decimal integer"
keys C-u 300 Enter
check "a value out of range is refused, with the range and where it is" \
	wait_for "300 is outside the range 1..100 (Kconfig:$(line_of 'range 1 100' "$tree/Kconfig"))"
keys C-u 64 Enter
check "a good value is taken" wait_for "(64) Number of widgets"

keys /
wait_for "A symbol name, or words" || :
keys C-u "config_gated=y" Enter
check "search: a pasted CONFIG_NAME=value finds the symbol" wait_for "KILN_GATED [=n]  Gated option"
check "search: results say where and that the entry is hidden" shows "in: Needed by the gated option  (hidden)"
keys Enter
check "jumping to a hidden entry shows it, marked" wait_for "[ ] Gated option  (hidden)"
check "and says why it is hidden" status_says "KILN_GATED is hidden: depends on NEED [=n]"

keys /
wait_for "A symbol name, or words" || :
keys C-u "SECRET deep" Enter
check "search: several words, any case, name or prompt" wait_for "KILN_DEEP_SECRET [=n]  Deep secret feature"
check "search: the location is a menu path" shows "in: Submenu"
keys Enter
check "jumping into a submenu opens it" wait_for "Menuconfig test > Submenu"
check "the entry from another file is visible now that WIDGETS > 50" shows "[ ] Deep secret feature"
keys '?'
wait_for "Help: KILN_DEEP_SECRET" || :
check "help: file:line in a sourced file" shows "Defined at sub/Kconfig:$(line_of 'config DEEP_SECRET' "$tree/sub/Kconfig")"
keys Escape Escape
wait_for "Menuconfig test > Submenu" || :
keys Escape Escape
check "Esc Esc goes back to the parent menu" wait_gone "Menuconfig test > Submenu"

check "search sour goes to KILN_FLAVOUR_SOUR [=n]" go_to "sour" "KILN_FLAVOUR_SOUR [=n]"
check "jumping to a choice member opens the choice" wait_for "Menuconfig test > Flavour"
check "the choice shows its members as radio buttons" shows "(X) Sweet"
keys Enter
check "Enter chooses the member and goes back" wait_for "Flavour (Sour)  --->"

check "search extra features goes to KILN_EXTRAS [=n]" go_to "extra features" "KILN_EXTRAS [=n]"
keys ' '
check "Space toggles a menuconfig entry" wait_for "[*] Extra features  --->"
keys Enter
check "Enter opens it" wait_for "Menuconfig test > Extra features"
keys y
check "its entries are set there" wait_for "[*] First extra"
check "and what depends on them appears" wait_for "[ ] Second extra"
keys Escape Escape
wait_gone "Menuconfig test > Extra features" || :

check "search KILN_DRIVER goes to it" go_to KILN_DRIVER "KILN_DRIVER [=m]"
keys y
check "y sets a tristate to y" wait_for "<*> A driver"
keys m
check "m sets it to m" wait_for "<M> A driver"
keys ' '
check "Space goes from m to y" wait_for "<*> A driver"
keys ' '
check "and from y to n" wait_for "< > A driver"

keys c
check "c shows the symbol names" wait_for "Extra features  ---> (KILN_EXTRAS)"
keys c
wait_gone "(KILN_EXTRAS)" || :

keys d
check "d asks where to write the minimal configuration" wait_for "Save a minimal configuration"
keys Enter
check "and writes it" status_says "minimal configuration written to defconfig"

tmux -L "$sock" resize-window -t "$session" -x 30 -y 8
check "a tiny terminal gets a note instead of the menus" wait_for "too small"
tmux -L "$sock" resize-window -t "$session" -x 100 -y 30
check "back to a large terminal, the menus return" wait_for "Menuconfig test"
check "drawn for the new width" rule_is 100
tmux -L "$sock" resize-window -t "$session" -x 80 -y 24
wait_for "Menuconfig test" || :

keys q
check "leaving after a change asks whether to save" wait_for "changed. Save it to .config?"
keys y
check "saved on exit: the terminal is given back as it was" terminal_restored
check "menuconfig exits 0" grep -q '^EXIT=0$' "$screen"
check "the saved .config has the values set" has_lines "$tree/.config" \
	'KILN_WIDGETS=64' 'KILN_FLAVOUR_SOUR=y' 'KILN_EXTRA_ONE=y' '# KILN_NEED is not set' \
	'# KILN_DRIVER is not set'
check "auto.conf is written too" test -s "$tree/include/config/auto.conf"

# conf agrees: the .config is its fixed point, the same outputs, the same minimal config
cp -a "$tree" "$tmp/conf-copy"
rm -rf "$tmp/conf-copy/include"
(cd "$tmp/conf-copy" && CONFIG_=KILN_ "$conf" -s --olddefconfig Kconfig &&
	CONFIG_=KILN_ "$conf" --savedefconfig=defconfig.conf Kconfig) >"$tmp/conf.log" 2>&1
check "conf --olddefconfig leaves menuconfig's .config as it is" cmp "$tree/.config" "$tmp/conf-copy/.config"
check "auto.conf is the one conf writes" cmp "$tree/include/config/auto.conf" "$tmp/conf-copy/include/config/auto.conf"
check "autoconf.h is the one conf writes" \
	cmp "$tree/include/generated/autoconf.h" "$tmp/conf-copy/include/generated/autoconf.h"
check "the minimal configuration is conf's savedefconfig" cmp "$tree/defconfig" "$tmp/conf-copy/defconfig.conf"

# no change: no question
cp "$tree/.config" "$tmp/config.before"
mconf
wait_for "Menuconfig test" || :
keys q
check "leaving without a change asks nothing" wait_for "SHELL-DONE"
check "(no question was shown)" lacks "Leave menuconfig"
check ".config is untouched" cmp "$tree/.config" "$tmp/config.before"

# a change, then No
mconf
wait_for "Menuconfig test" || :
keys Down n
wait_for "[ ] Base feature" || :
keys Escape Escape
wait_for "Leave menuconfig" || :
keys n
check "answering No leaves .config as it was" wait_for "NOT saved"
check "(byte for byte)" cmp "$tree/.config" "$tmp/config.before"

# load another file, save to another file: .config stays as it was
printf 'KILN_WIDGETS=7\nKILN_NOPE=y\n' >"$tree/alt.config"
mconf
wait_for "Menuconfig test" || :
keys l
check "l asks for a file to load" wait_for "Load a configuration"
keys C-u alt.config Enter
check "loading shows the engine's warnings" wait_for "unknown symbol KILN_NOPE"
keys Enter
check "the loaded values show" wait_for "(7) Number of widgets"
keys w
check "w asks for a file to save to" wait_for "Save to another file"
keys C-u saved.config Enter
check "and saves there" status_says "configuration written to saved.config"
check "(the file has the loaded value)" has_lines "$tree/saved.config" 'KILN_WIDGETS=7'
keys q
check "leaving still asks: .config was not saved" wait_for "Leave menuconfig"
keys n
wait_for "SHELL-DONE" || :
check ".config is still as it was" cmp "$tree/.config" "$tmp/config.before"

# signals give the terminal back too
for sig in TERM HUP; do
	mconf
	wait_for "Menuconfig test" || :
	kill "-$sig" "$(cat "$tmp/pid")"
	check "SIG$sig: the terminal is given back" terminal_restored
	status=$((128 + $(kill -l "$sig")))
	check "SIG$sig: the exit status says so" grep -q "^EXIT=$status\$" "$screen"
done
mconf
wait_for "Menuconfig test" || :
keys C-c
check "Ctrl-C: the terminal is given back" terminal_restored
check "Ctrl-C: the exit status says so" grep -q '^EXIT=130$' "$screen"

check "no sanitizer report (memory, undefined behaviour, leaks)" no_sanitizer_reports
t1=$(date +%s.%N)

# ---- Kiln's own tree, through make menuconfig ----------------------------------

out=$tmp/kiln
make -C "$top" O="$out" -j4 alldefconfig >"$tmp/make.log" 2>&1
start "$top" make -C "$top" O="$out" -j4 menuconfig
check "make menuconfig builds mconf and shows Kiln's menus" wait_for "Kiln configuration" 120
check "with the .config of the output folder" shows "$out/.config - Kiln configuration"
check "search debian fallback goes to KILN_DEBIAN_FALLBACK [=y]" go_to "debian fallback" "KILN_DEBIAN_FALLBACK [=y]"
check "search finds a Kiln option in its menu" wait_for "Kiln configuration > Build options"
keys n
check "and it can be turned off" wait_for "[ ] Fall back to the Debian archive"
check "search kiln_primary_site_only goes to (hidden)" go_to "kiln_primary_site_only" "(hidden)"
check "a hidden Kiln option says why" status_says 'KILN_PRIMARY_SITE_ONLY is hidden: depends on PRIMARY_SITE [=""] != ""'
keys '?'
check "its help names the unmet dependency" wait_for 'Hidden: depends on PRIMARY_SITE [=""] != ""'
keys q
wait_gone "Help: KILN_PRIMARY_SITE_ONLY" || :
keys d
wait_for "Save a minimal configuration" || :
check "the minimal configuration goes next to .config by default" shows "$out/defconfig"
keys Enter
status_says "minimal configuration written to" || :
keys q
wait_for "Leave menuconfig" || :
keys y
check "make menuconfig saves and gives the terminal back" terminal_restored
check "the change is in .config" grep -q -x '# KILN_DEBIAN_FALLBACK is not set' "$out/.config"
cp "$out/.config" "$tmp/kiln.config"
make -C "$top" O="$out" olddefconfig >"$tmp/make.log" 2>&1
check "make olddefconfig finds nothing to change" cmp "$out/.config" "$tmp/kiln.config"
make -C "$top" O="$out" savedefconfig KILN_DEFCONFIG="$tmp/kiln_defconfig" >"$tmp/make.log" 2>&1
check "the minimal configuration is make savedefconfig's" cmp "$out/defconfig" "$tmp/kiln_defconfig"
t2=$(date +%s.%N)

awk -v a="$t0" -v b="$t1" -v c="$t2" 'BEGIN {
	printf "# test tree (sanitizer build): %.1fs, Kiln tree via make menuconfig: %.1fs\n", b - a, c - b }'
tap_done
