#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Kiln's conf in the legacy dialect (--legacy) against kconfig-frontends'
# kconfig-conf (Linux 4.11, Debian's package), on BusyBox 1.35.0's
# Config.in tree and on support/kconfig/tests/legacy (option env,
# defconfig_list, modules, allnoconfig_y, $SYMBOL in source and mainmenu,
# unquoted source, ---help---, literal $(...)).
# Tier: test. Cost: about 15 s (BusyBox's source from the Debian archive the
# first time).
#
# Modes: alldefconfig, allyesconfig, allnoconfig; olddefconfig on seeded
# random configurations (kconfig-conf --randconfig with KCONFIG_SEED, as
# written and with a seeded share of their lines dropped or flipped) and
# from the defconfig_list; defconfig of configs/*.config; savedefconfig of
# every result; silentoldconfig
# of the random configurations with stdin at its end; listnewconfig of
# the altered ones.  A case is
# identical when the exit status, stdout, the configuration written and
# the list of files left behind are byte for byte the same (for
# silentoldconfig, see sync_summary).  One test per
# mode reports identical/total; each difference is shown as a diff.
# Environment: KILN_CONF (Kiln's conf), KILN_TEST_CACHE (cache root),
# KILN_LEGACY_SEEDS (random configurations per tree, default 8).
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
kiln_conf=${KILN_CONF:-$top/support/kconfig/build/conf}
seeds=${KILN_LEGACY_SEEDS:-8}
legacy_tree=$top/support/kconfig/tests/legacy

# shellcheck source=../support/testing/tap.sh
. "$top/support/testing/tap.sh"

if [ ! -x "$kiln_conf" ]; then
	not_ok "Kiln's conf is built"
	echo "# not found: $kiln_conf; build it first (make -C support/kconfig) or set KILN_CONF"
	tap_done
	exit 1
fi
if ! prepared=$("$top/support/testing/kconfig-frontends" prepare 2>&1); then
	not_ok "kconfig-frontends and BusyBox are prepared (support/testing/kconfig-frontends prepare)"
	printf '%s\n' "$prepared" | sed 's/^/# /'
	tap_done
	exit 1
fi
printf '%s\n' "$prepared" | sed 's/^/# /'
cache=$("$top/support/testing/kconfig-frontends" path)
kf_conf=$cache/kconfig-conf
busybox_tree=$cache/busybox

tmp=$(mktemp -d /tmp/kiln-t21.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
started=$SECONDS

declare -A total identical
modes="alldefconfig allyesconfig allnoconfig olddefconfig defconfig listnewconfig savedefconfig silentoldconfig"
for mode in $modes; do
	total[$mode]=0
	identical[$mode]=0
done
diffs=$tmp/diffs
: >"$diffs"

# run WHO DIR TREE TOP INPUT ARGS...: one conf run in a fresh DIR, with
# INPUT (or nothing when empty) as .config
run() {
	local who=$1 dir=$2 tree=$3 top_file=$4 input=$5 conf
	shift 5
	mkdir -p "$dir"
	[ -z "$input" ] || cp "$input" "$dir/.config"
	if [ "$who" = kf ]; then conf=("$kf_conf"); else conf=("$kiln_conf" --legacy); fi
	(
		cd "$dir"
		status=0
		env srctree="$tree" LEGACY_ARCH=x86 LEGACY_TITLE="Legacy test" \
			"${conf[@]}" "$@" "$tree/$top_file" >../"$who".stdout 2>../"$who".stderr ||
			status=$?
		echo "$status" >../"$who".status
	)
}

# summary DIR: what a run leaves behind, to compare
summary() {
	local dir=$1 f
	echo "status $(cat "$dir.status")"
	echo "--- stdout"
	cat "$dir.stdout"
	echo "--- files"
	(cd "$dir" && find . -type f | sort)
	for f in .config defconfig; do
		if [ -f "$dir/$f" ]; then
			echo "--- $f"
			cat "$dir/$f"
		fi
	done
}

# case MODE NAME TREE TOP INPUT ARGS...: run both, count, keep the results
# in $tmp/NAME/{kf,kiln}
compare() {
	local mode=$1 name=$2 tree=$3 top_file=$4 input=$5
	shift 5
	local d=$tmp/$name
	rm -rf "$d"
	mkdir -p "$d"
	run kf "$d/kf" "$tree" "$top_file" "$input" "$@"
	run kiln "$d/kiln" "$tree" "$top_file" "$input" "$@"
	summary "$d/kf" >"$d/kf.summary"
	summary "$d/kiln" >"$d/kiln.summary"
	total[$mode]=$((total[$mode] + 1))
	if cmp -s "$d/kf.summary" "$d/kiln.summary"; then
		identical[$mode]=$((identical[$mode] + 1))
	else
		{
			echo "$mode $name differs (kconfig-conf: ---, Kiln: +++):"
			diff -u "$d/kf.summary" "$d/kiln.summary" | sed -n '3,40p'
			echo "kconfig-conf's stderr:"
			head -n 5 "$d/kf.stderr"
			echo "Kiln's stderr:"
			head -n 5 "$d/kiln.stderr"
		} >>"$diffs"
	fi
}

# savedefconfig NAME TREE TOP CONFIG: the minimal configuration of CONFIG
savedefconfig() {
	compare savedefconfig "save-$1" "$2" "$3" "$4" --savedefconfig defconfig
}

# random_configs TREE TOP PREFIX: $tmp/PREFIX.N (N = 1..seeds) written by
# kconfig-conf --randconfig, and $tmp/PREFIX.N.mutated with a seeded fifth
# of the lines dropped and a seventh flipped
random_configs() {
	local tree=$1 top_file=$2 prefix=$3 seed
	for seed in $(seq 1 "$seeds"); do
		rm -rf "$tmp/rand"
		mkdir -p "$tmp/rand"
		(cd "$tmp/rand" && KCONFIG_SEED=$seed srctree=$tree LEGACY_ARCH=x86 \
			LEGACY_TITLE="Legacy test" "$kf_conf" --randconfig "$tree/$top_file" >/dev/null 2>&1)
		cp "$tmp/rand/.config" "$tmp/$prefix.$seed"
		awk -v seed="$seed" 'BEGIN { srand(seed) }
			/^CONFIG_|^# CONFIG_/ {
				r = rand()
				if (r < 0.2) next
				if (r < 0.34) {
					if ($0 ~ /=y$/) { sub(/=y$/, "=n") }
					else if ($0 ~ /is not set$/) { print $2 "=y"; next }
				}
			}
			{ print }' "$tmp/$prefix.$seed" >"$tmp/$prefix.$seed.mutated"
	done
}

# sync_summary WHO DIR: what a --silentoldconfig run leaves that 4.11's
# and Kiln's have in common (Kiln writes Linux 6.1's autoconf.h,
# auto.conf.cmd and files per symbol; see docs/kconfig.md)
sync_summary() {
	local who=$1 dir=$2 f
	echo "status $(cat "$dir/$who.status")"
	echo "--- stdout"
	cat "$dir/$who.stdout"
	for f in .config .config.old out/auto.conf include/config/auto.conf.cmd; do
		[ -f "$dir/$who/$f" ] || continue
		echo "--- $f"
		case $f in
		*.cmd) ;;
		*) cat "$dir/$who/$f" ;;
		esac
	done
}

# silentoldconfig NAME TREE TOP INPUT: --silentoldconfig on INPUT with
# stdin at end of file (4.11 stops before asking for a new value), with
# auto.conf in a folder of its own and include/ made (4.11 needs it)
silentoldconfig() {
	local name=$1 tree=$2 top_file=$3 input=$4 d=$tmp/sync-$1 who conf
	rm -rf "$d"
	for who in kf kiln; do
		mkdir -p "$d/$who/include/config" "$d/$who/include/generated" "$d/$who/out"
		cp "$input" "$d/$who/.config"
		if [ "$who" = kf ]; then conf=("$kf_conf"); else conf=("$kiln_conf" --legacy); fi
		(
			cd "$d/$who"
			status=0
			env srctree="$tree" LEGACY_ARCH=x86 LEGACY_TITLE="Legacy test" \
				KCONFIG_AUTOCONFIG=out/auto.conf "${conf[@]}" --silentoldconfig \
				"$tree/$top_file" </dev/null >../"$who".stdout 2>../"$who".stderr ||
				status=$?
			echo "$status" >../"$who".status
		)
		sync_summary "$who" "$d" >"$d/$who.summary"
	done
	total[silentoldconfig]=$((total[silentoldconfig] + 1))
	if cmp -s "$d/kf.summary" "$d/kiln.summary"; then
		identical[silentoldconfig]=$((identical[silentoldconfig] + 1))
	else
		{
			echo "silentoldconfig $name differs (kconfig-conf: ---, Kiln: +++):"
			diff -u "$d/kf.summary" "$d/kiln.summary" | sed -n '3,40p'
			echo "Kiln's stderr:"
			head -n 5 "$d/kiln.stderr"
		} >>"$diffs"
	fi
}

# all_modes NAME TREE TOP: all*config, then savedefconfig of each result
all_modes() {
	local name=$1 tree=$2 top_file=$3 mode
	for mode in alldefconfig allyesconfig allnoconfig; do
		compare "$mode" "$name-$mode" "$tree" "$top_file" "" --"$mode"
		if [ -f "$tmp/$name-$mode/kf/.config" ]; then
			savedefconfig "$name-$mode" "$tree" "$top_file" "$tmp/$name-$mode/kf/.config"
		fi
	done
}

# olddefconfig_random NAME TREE TOP
olddefconfig_random() {
	local name=$1 tree=$2 top_file=$3 seed variant
	random_configs "$tree" "$top_file" "$name-rand"
	for seed in $(seq 1 "$seeds"); do
		for variant in "" .mutated; do
			compare olddefconfig "$name-old-$seed$variant" "$tree" "$top_file" \
				"$tmp/$name-rand.$seed$variant" --olddefconfig
		done
		compare listnewconfig "$name-new-$seed" "$tree" "$top_file" \
			"$tmp/$name-rand.$seed.mutated" --listnewconfig
		savedefconfig "$name-rand-$seed" "$tree" "$top_file" "$tmp/$name-rand.$seed"
		for variant in "" .mutated; do
			silentoldconfig "$name-$seed$variant" "$tree" "$top_file" \
				"$tmp/$name-rand.$seed$variant"
		done
	done
}

all_modes busybox "$busybox_tree" Config.in
olddefconfig_random busybox "$busybox_tree" Config.in
all_modes legacy "$legacy_tree" Config.in
all_modes legacy-plain "$legacy_tree" plain.in
olddefconfig_random legacy "$legacy_tree" Config.in
# no .config: the first file of the defconfig_list that exists
compare olddefconfig legacy-defconfig-list "$legacy_tree" Config.in "" --olddefconfig
savedefconfig legacy-defconfig-list "$legacy_tree" Config.in "$tmp/legacy-defconfig-list/kf/.config"
# --defconfig of the files in configs/ (choice-conflict.config: a member
# at y, then one at m, of a tristate choice)
for f in "$legacy_tree"/configs/*.config; do
	name=legacy-defconfig-$(basename "$f" .config)
	compare defconfig "$name" "$legacy_tree" Config.in "" --defconfig="$f"
	savedefconfig "$name" "$legacy_tree" Config.in "$tmp/$name/kf/.config"
done

# --silentoldconfig that rewrites .config (an unknown symbol dropped):
# 4.11 says so on stdout; and one that must ask (a tristate choice of one
# member) and then writes that member to auto.conf too
printf 'CONFIG_NOT_IN_ANY_KCONFIG=y\n' >"$tmp/unknown.config"
cat "$tmp/legacy-rand.1" "$tmp/unknown.config" >"$tmp/legacy-rand-unknown"
silentoldconfig legacy-unknown "$legacy_tree" Config.in "$tmp/legacy-rand-unknown"
: >"$tmp/empty.config"
silentoldconfig choice-one "$legacy_tree" choice-one.in "$tmp/empty.config"

for mode in $modes; do
	check "$mode: ${identical[$mode]}/${total[$mode]} identical" \
		test "${identical[$mode]}" -eq "${total[$mode]}"
done
if [ -s "$diffs" ]; then
	sed 's/^/# /' "$diffs" | head -n 200
fi
echo "# $((SECONDS - started)) s"

# ---- the dialect itself (Kiln only) -----------------------------------------

cd "$tmp"
mkdir -p dialect
cd dialect
export srctree=$legacy_tree
if "$kiln_conf" --alldefconfig "$legacy_tree/Config.in" >out 2>&1; then
	not_ok "the legacy tree is refused in Linux 6.1's dialect"
else
	check "the legacy tree is refused in Linux 6.1's dialect, with file:line" \
		grep -q "Config.in:[0-9]*: error: unknown attribute or statement 'option'" out
fi
LEGACY_ARCH=x86 KCONFIG_DIALECT=legacy "$kiln_conf" --alldefconfig "$legacy_tree/Config.in" >out 2>&1 &&
	cp .config env.config
check "KCONFIG_DIALECT=legacy selects the dialect like --legacy" \
	grep -q '^CONFIG_X86_FEATURE=y' env.config
ln -s "$kiln_conf" kconfig-conf
LEGACY_ARCH=x86 ./kconfig-conf --alldefconfig "$legacy_tree/Config.in" >out 2>&1 && cp .config named.config
check "run as kconfig-conf, conf reads the legacy dialect" cmp env.config named.config
if KCONFIG_DIALECT=4.12 "$kiln_conf" --alldefconfig "$legacy_tree/Config.in" >out 2>&1; then
	not_ok "an unknown KCONFIG_DIALECT is refused"
else
	check "an unknown KCONFIG_DIALECT is refused and the known ones named" \
		grep -q "KCONFIG_DIALECT='4.12' is not a dialect: use 'linux'" out
fi
if "$kiln_conf" --silentoldconfig "$top/support/kconfig/tests/cases/01-bool-basic/Kconfig" >out 2>&1; then
	not_ok "--silentoldconfig needs the legacy dialect"
else
	check "--silentoldconfig needs the legacy dialect and says what to use" grep -q 'use --syncconfig, or --legacy' out
fi
tap_done
