#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The companion tools: kconfig merge, diff and tweak, with good and bad
# input, on support/kconfig/tests/tools; under their installed names
# (kconfig-merge, ...); and `make install`.  Every test runs with the
# plain build and, when it exists, with the sanitizer build.
# Environment: KILN_KCONFIG_TOOL (one binary to test instead).
# Tier: test. Cost: about 1 s.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
data=$top/support/kconfig/tests/tools
tmp=$(mktemp -d /tmp/kiln-t15.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

# shellcheck source=../support/testing/tap.sh
. "$top/support/testing/tap.sh"

if [ -n "${KILN_KCONFIG_TOOL:-}" ]; then
	binaries=$KILN_KCONFIG_TOOL
else
	binaries=$top/support/kconfig/build/kconfig
	if [ -x "$top/support/kconfig/build-san/kconfig" ]; then
		binaries="$binaries $top/support/kconfig/build-san/kconfig"
	fi
fi

# same FILE TEXT: FILE holds exactly TEXT (and a final newline)
same() {
	printf '%s\n' "$2" | diff -u - "$1" | sed 's/^/# /' >&2
	printf '%s\n' "$2" | cmp -s - "$1"
}

# status EXPECTED COMMAND...: COMMAND exits with EXPECTED; output in out, err
status() {
	local want=$1 got=0
	shift
	"$@" >out 2>err || got=$?
	if [ "$got" != "$want" ]; then
		echo "# exit status $got, expected $want; stderr:" >&2
		sed 's/^/#   /' err >&2
		return 1
	fi
}

suite() {
	local kc=$1 tag=$2
	rm -rf "$tmp/w"
	mkdir -p "$tmp/w"
	cd "$tmp/w"
	cp "$data"/* .

	# ---- merge ----
	check "$tag merge: every value of a good fragment survives (status 0, no message)" \
		status 0 "$kc" merge -k Kconfig -o good.config base.config good.fragment
	check "$tag merge: nothing on stderr for a clean merge" test ! -s err
	check "$tag merge: the result is resolved, a choice takes the fragment's member" same good.config '#
# Automatically generated file; DO NOT EDIT.
# Tools test
#
CONFIG_MODULES=y
CONFIG_NET=y
CONFIG_WIFI=m
CONFIG_PCI=y
CONFIG_USB=m
CONFIG_USB_STORAGE=m
CONFIG_CRYPTO=y
# CONFIG_TLS is not set
CONFIG_HOSTNAME="board \"x\""
CONFIG_JOBS=8
CONFIG_BASE_ADDR=0x1000
# CONFIG_INIT_BUSYBOX is not set
CONFIG_INIT_PIDEISN=y
# CONFIG_INIT_SYSTEMD is not set
# CONFIG_DEBUG is not set'
	check "$tag merge: lost values give status 2, the result is still written" \
		status 2 "$kc" merge -k Kconfig -o lost.config base.config lost.fragment
	check "$tag merge: each lost value named with file:line and its reason" same err \
"lost.fragment:2: 'CONFIG_WIFI=y' did not survive: depends on PCI [=n]
lost.fragment:3: '# CONFIG_CRYPTO is not set' did not survive: selected by TLS [=y] (Kconfig:33)
lost.fragment:5: 'CONFIG_DEBUG=y' did not survive: depends on !TLS [=y]
lost.fragment:6: 'CONFIG_JOBS=100' did not survive: 100 is outside the range 1..64 (Kconfig:41)
lost.fragment:7: 'CONFIG_NO_SUCH_THING=y' did not survive: unknown symbol: no Kconfig file defines it
lost.fragment:8: 'CONFIG_USB_STORAGE=y' did not survive: can be m at most: depends on USB [=m]
lost.fragment:9: 'CONFIG_BASE_ADDR=0xZZ' did not survive: not a hexadecimal number
lost.fragment:10: 'CONFIG_PCI=maybe' did not survive: a bool takes y or n
kconfig merge: 8 of 9 requested values did not survive; lost.config is written"
	check "$tag merge: a lost value leaves the resolved value" grep -qx 'CONFIG_JOBS=4' lost.config
	check "$tag merge: --lost-ok exits 0 and still reports" \
		status 0 "$kc" merge --lost-ok -k Kconfig -o lost2.config base.config lost.fragment
	check "$tag merge: --lost-ok gives the same file" cmp lost.config lost2.config
	printf 'CONFIG_USB=y\n' >y.fragment
	printf 'CONFIG_USB=m\n' >m.fragment
	"$kc" merge -k Kconfig -o later.config base.config y.fragment m.fragment
	check "$tag merge: the last fragment wins" grep -qx 'CONFIG_USB=m' later.config
	"$kc" merge -y -k Kconfig -o y.config base.config y.fragment m.fragment
	check "$tag merge -y: a y is not lowered to m" grep -qx 'CONFIG_USB=y' y.config
	"$kc" merge -r -k Kconfig -o r.config base.config good.fragment y.fragment y.fragment 2>err
	check "$tag merge -r: a repeated value is noted with both places" \
		grep -qx "y.fragment:1: note: 'CONFIG_USB=y' is redundant: y.fragment:1 already sets it" err
	printf 'CONFIG_NET=y\n' >net.fragment
	"$kc" merge -n -k Kconfig -o n.config net.fragment
	check "$tag merge -n: what no input sets is n" grep -qx '# CONFIG_MODULES is not set' n.config
	"$kc" merge -k Kconfig -o d.config net.fragment
	check "$tag merge: without -n, what no input sets takes its default" grep -qx 'CONFIG_MODULES=y' d.config
	check "$tag merge -m: merged as text, in place, new values at the end" \
		status 0 "$kc" merge -m -o text.config base.config y.fragment net.fragment good.fragment
	check "$tag merge -m: the text" same text.config 'CONFIG_MODULES=y
CONFIG_NET=y
CONFIG_PCI=y
CONFIG_USB=y
CONFIG_USB_STORAGE=m
CONFIG_CRYPTO=y
# CONFIG_TLS is not set
CONFIG_HOSTNAME="board \"x\""
CONFIG_JOBS=8
CONFIG_BASE_ADDR=0x1000
CONFIG_INIT_BUSYBOX=y
# CONFIG_DEBUG is not set
CONFIG_WIFI=m
CONFIG_INIT_PIDEISN=y'
	mkdir -p outdir
	"$kc" merge -k Kconfig -O outdir base.config good.fragment
	check "$tag merge -O DIR writes DIR/.config" cmp good.config outdir/.config
	sed 's/^CONFIG_/KILN_/' base.config >kiln-base.config
	printf 'KILN_PCI=y\nKILN_WIFI=y\n' >kiln.fragment
	CONFIG_=KILN_ "$kc" merge -k Kconfig -o kiln.config kiln-base.config kiln.fragment 2>err || true
	check "$tag merge: the prefix comes from CONFIG_ (KILN_)" grep -qx 'KILN_WIFI=y' kiln.config
	"$kc" merge --prefix KILN_ -k Kconfig -o kiln2.config kiln-base.config kiln.fragment
	check "$tag merge --prefix gives the same" cmp kiln.config kiln2.config
	printf 'CONFIG_PCI=y\nPCI=y\nCONFIG_bad-name=y\n' >odd.fragment
	"$kc" merge -k Kconfig -o odd.config base.config odd.fragment 2>err || true
	check "$tag merge: a line that is no assignment is named with file:line" \
		grep -q "^odd.fragment:2: warning: not a configuration line, ignored: 'PCI=y' (expected CONFIG_NAME=value" err
	check "$tag merge: a bad symbol name is named with file:line" \
		grep -q "^odd.fragment:3: warning: 'bad-name' is not a symbol name" err
	check "$tag merge: a missing input is an error (status 1)" \
		status 1 "$kc" merge -k Kconfig -o x.config base.config no-such.fragment
	check "$tag merge: ... that names the file" grep -q "cannot read 'no-such.fragment'" err
	check "$tag merge: no file written after an error" test ! -e x.config
	mkdir -p empty
	check "$tag merge: no Kconfig tree is an error" \
		status 1 sh -c "cd empty && '$kc' merge ../base.config"
	check "$tag merge: ... that says what to do" grep -q 'name it with -k, or merge as text with -m' err
	check "$tag merge: no arguments is an error with a hint" status 1 "$kc" merge -k Kconfig
	check "$tag merge: ... naming what is missing" grep -q 'give the base configuration' err
	printf 'config BROKEN\n\tdependz on X\n' >Broken
	check "$tag merge: a broken Kconfig stops with status 1" \
		status 1 "$kc" merge -k Broken -o b.config base.config
	check "$tag merge: ... with the Kconfig error at file:line" grep -q "^Broken:2: error: unknown attribute or statement 'dependz'" err

	# ---- diff ----
	check "$tag diff: different configurations give status 1" status 1 "$kc" diff good.config lost.config
	check "$tag diff: removed, changed, added, each sorted" same out '-DEBUG n
-WIFI m
 HOSTNAME "board \"x\"" -> "kiln"
 INIT_BUSYBOX n -> y
 INIT_PIDEISN y -> n
 JOBS 8 -> 4
 PCI y -> n
 TLS n -> y'
	check "$tag diff -m: the new side as a fragment" status 1 "$kc" diff -m good.config lost.config
	check "$tag diff -m: the fragment" same out '# CONFIG_DEBUG was removed
# CONFIG_WIFI was removed
CONFIG_HOSTNAME="kiln"
CONFIG_INIT_BUSYBOX=y
# CONFIG_INIT_PIDEISN is not set
CONFIG_JOBS=4
# CONFIG_PCI is not set
CONFIG_TLS=y'
	check "$tag diff: the same configuration gives status 0 and no output" \
		status 0 "$kc" diff good.config good.config
	check "$tag diff: ... silently" test ! -s out
	cp good.config .config
	cp lost.config .config.old
	check "$tag diff: without arguments, .config.old and .config" status 1 "$kc" diff
	check "$tag diff: ... in that order" grep -qx '+WIFI m' out
	printf 'CONFIG_PCI=y\nCONFIG_WIFI=m\nCONFIG_USB_STORAGE=m\nCONFIG_CRYPTO=y\nCONFIG_HOSTNAME="board \\"x\\""\nCONFIG_JOBS=8\nCONFIG_INIT_PIDEISN=y\n' >minimal.defconfig
	check "$tag diff -k: a defconfig and the full configuration it gives are the same" \
		status 0 "$kc" diff -k Kconfig minimal.defconfig good.config
	check "$tag diff: as text they differ" status 1 "$kc" diff minimal.defconfig good.config
	printf 'CONFIG_PCI=y\nCONFIG_NOT_THERE=y\n' >unknown.config
	"$kc" diff -k Kconfig good.config unknown.config >out 2>err || true
	check "$tag diff -k: an unknown symbol is named with file:line" \
		grep -q '^unknown.config:2: warning: unknown symbol CONFIG_NOT_THERE' err
	printf 'CONFIG_A=y\nCONFIG_A=n\n' >dup.config
	check "$tag diff: a symbol set twice: the last value counts" status 1 "$kc" diff good.config dup.config
	check "$tag diff: ... with a warning naming both lines" \
		grep -q '^dup.config:1: warning: CONFIG_A is set again at line 2; the last value counts' err
	check "$tag diff: a missing file gives status 2" status 2 "$kc" diff good.config missing.config
	check "$tag diff: ... naming it" grep -q "cannot read 'missing.config'" err
	check "$tag diff: one argument is refused (status 2)" status 2 "$kc" diff good.config
	check "$tag diff: ... saying what to give" grep -q 'give two configurations' err

	# ---- tweak ----
	cp base.config t.config
	check "$tag tweak: a series of commands" status 0 "$kc" tweak --file t.config \
		-e pci --disable NET -m config_wifi --set-str HOSTNAME 'a "b"' --set-val JOBS 9 \
		-u DEBUG -E USB NEW_AFTER_USB --set BASE_ADDR 0x2000 -d NEW_AT_END
	check "$tag tweak: the file afterwards" same t.config 'CONFIG_MODULES=y
# CONFIG_NET is not set
CONFIG_PCI=y
CONFIG_USB=m
CONFIG_NEW_AFTER_USB=y
# CONFIG_USB_STORAGE is not set
CONFIG_CRYPTO=y
# CONFIG_TLS is not set
CONFIG_HOSTNAME="a \"b\""
CONFIG_JOBS=9
CONFIG_BASE_ADDR=0x2000
CONFIG_INIT_BUSYBOX=y
CONFIG_WIFI=m
# CONFIG_NEW_AT_END is not set'
	"$kc" tweak --file t.config -s HOSTNAME --get net -s CONFIG_WIFI -s JOBS -s nothing >out
	check "$tag tweak --state: value (strings unquoted), n, m, undef" same out 'a "b"
n
m
9
undef'
	cp t.config t.before
	touch -d '2000-01-01' t.config
	"$kc" tweak --file t.config -e PCI -m WIFI
	check "$tag tweak: nothing changed, the file is left alone" \
		test "$(stat -c %Y t.config)" = "$(date -d 2000-01-01 +%s)"
	printf 'CONFIG_X=y\n# CONFIG_X is not set\n' >dups.config
	"$kc" tweak --file dups.config -s X >out 2>err
	check "$tag tweak --state: a symbol set twice, the last counts" same out n
	check "$tag tweak --state: ... with a warning at file:line" \
		grep -q '^dups.config:1: warning: CONFIG_X is set again at line 2' err
	"$kc" tweak --file dups.config -m X
	check "$tag tweak: a symbol set twice has every line changed" same dups.config 'CONFIG_X=m
CONFIG_X=m'
	"$kc" tweak --file new.config --enable A -k --module lower
	check "$tag tweak: a missing file is created; -k keeps the case" same new.config 'CONFIG_A=y
CONFIG_lower=m'
	KCONFIG_CONFIG=env.config "$kc" tweak -e FROM_ENV
	check "$tag tweak: the file defaults to KCONFIG_CONFIG" grep -qx 'CONFIG_FROM_ENV=y' env.config
	"$kc" tweak --prefix KILN_ --file kiln.tweak -e KILN_FOO --set-val BAR 3
	check "$tag tweak --prefix: KILN_" same kiln.tweak 'KILN_FOO=y
KILN_BAR=3'
	check "$tag tweak: no command is an error" status 1 "$kc" tweak --file t.config
	check "$tag tweak: ... with an example" grep -q "say what to do, e.g. '--enable NAME'" err
	check "$tag tweak: a command without its name is an error" status 1 "$kc" tweak --file t.config --enable
	check "$tag tweak: ... naming the command" grep -q "'--enable' needs a symbol name" err
	check "$tag tweak: a word that is no command is refused" status 1 "$kc" tweak --file t.config enable X
	check "$tag tweak: ... with a hint" grep -q "'enable' is not a command; commands start with '-'" err
	check "$tag tweak: a bad symbol name is refused" status 1 "$kc" tweak --file t.config -e 'A-B'
	check "$tag tweak: --state on a missing file is an error" status 1 "$kc" tweak --file nope.config -s A
	check "$tag tweak: --set-val with an empty value is refused" status 1 "$kc" tweak --file t.config --set-val A ''
	check "$tag tweak: after errors the file is unchanged" same t.config "$(cat t.before)"

	# ---- installed names ----
	mkdir -p bin
	for name in merge diff tweak; do ln -sf "$kc" "bin/kconfig-$name"; done
	check "$tag kconfig-tweak runs tweak" status 0 bin/kconfig-tweak --file t.config -s PCI
	check "$tag kconfig-tweak: ... and names itself in messages" sh -c \
		"bin/kconfig-tweak --file t.config 2>&1 | grep -q '^kconfig-tweak: no command'"
	check "$tag kconfig-diff runs diff" status 1 bin/kconfig-diff good.config lost.config
	check "$tag kconfig-merge runs merge" status 0 bin/kconfig-merge -k Kconfig -o m.config base.config good.fragment
	check "$tag kconfig-merge gives the same result" cmp good.config m.config
	check "$tag an unknown command is refused" status 1 "$kc" frobnicate
	check "$tag ... naming the commands" grep -q "unknown command 'frobnicate': use merge, diff or tweak" err
	cd "$top"
}

for kc in $binaries; do
	case $kc in
	*build-san*) tag="[san]" ;;
	*) tag="[plain]" ;;
	esac
	if [ ! -x "$kc" ]; then
		not_ok "$tag $kc is built (make -C support/kconfig)"
		continue
	fi
	suite "$kc" "$tag"
done

# make install: the programs under kconfig-frontends' names
first=${binaries%% *}
sanitize=
case $first in *-san/*) sanitize=SANITIZE=1 ;; esac
if make -s -C "$top/support/kconfig" $sanitize O="$(dirname "$first")" install PREFIX="$tmp/inst" \
	>"$tmp/install.log" 2>&1; then
	ok "make install PREFIX=..."
else
	tap_log=$tmp/install.log not_ok "make install PREFIX=..."
fi
for name in kconfig kconfig-conf kconfig-mconf kconfig-merge kconfig-diff kconfig-tweak; do
	check "installed: bin/$name" test -x "$tmp/inst/bin/$name"
done
check "installed: kconfig-merge is a link to kconfig" test "$(readlink "$tmp/inst/bin/kconfig-merge")" = kconfig
tap_done
