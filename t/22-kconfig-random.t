#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Kiln's conf against Linux 6.1's conf and against kconfig-frontends 4.11
# (--legacy) on random Kconfig trees and configurations: the TAP wraps
# support/testing/kconfig-random (see its --help), and checks that the
# tester itself finds and minimises a difference planted in a wrapped conf.
# Tier: test. Cost: about 45 s of CPU, 25 s on 2 idle CPUs (40 modern and
# 40 legacy trees of about 21 conf pairs each; 0.64 s of CPU a modern tree,
# 0.17 s a legacy one, most of it starting processes). In the full tier
# 10,000 modern and 2,000 legacy trees: about 1.9 h of CPU, 57 min on 2
# idle CPUs.
#
# Environment: KILN_TEST_TIER (full: the full counts), KILN_RANDOM_SEEDS and
# KILN_RANDOM_LEGACY_SEEDS (override the counts), KILN_CONF, KILN_TEST_CACHE.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
tester=$top/support/testing/kconfig-random
kiln_conf=${KILN_CONF:-$top/support/kconfig/build/conf}
if [ "${KILN_TEST_TIER:-test}" = full ]; then
	modern=${KILN_RANDOM_SEEDS:-10000}
	legacy=${KILN_RANDOM_LEGACY_SEEDS:-2000}
else
	modern=${KILN_RANDOM_SEEDS:-40}
	legacy=${KILN_RANDOM_LEGACY_SEEDS:-40}
fi

# shellcheck source=../support/testing/tap.sh
. "$top/support/testing/tap.sh"

if [ ! -x "$kiln_conf" ]; then
	not_ok "Kiln's conf is built"
	echo "# not found: $kiln_conf; build it first (make kconfig) or set KILN_CONF"
	tap_done
	exit 1
fi
for prepare in linux-kconfig kconfig-frontends; do
	if ! out=$("$top/support/testing/$prepare" prepare 2>&1); then
		not_ok "support/testing/$prepare prepare"
		printf '%s\n' "$out" | sed 's/^/# /'
		tap_done
		exit 1
	fi
done

tmp=$(mktemp -d /tmp/kiln-t22.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

# run NAME ARGS...: the tester on a set of seeds; differences shown
run() {
	local name=$1 log=$tmp/$1.log out=$top/output/kconfig-random-$1
	shift
	rm -rf "$out"
	if "$tester" --jobs 2 --reproducers "$out" "$@" >"$log" 2>&1; then
		ok "$(tail -n 1 "$log" | sed 's/^# //; s/;.*//'): $name trees agree"
		return 0
	fi
	not_ok "$name trees agree"
	grep -v ': same (' "$log" | head -n 40 | sed 's/^/# /'
}

run modern --seeds "$modern"
run legacy --legacy --seeds "$legacy"

# The tester finds a planted difference and minimises the tree around it:
# a conf that adds a line to .config in alldefconfig when the tree has a
# menuconfig.
cat >"$tmp/planted-conf" <<EOF
#!/bin/sh
status=0
"$kiln_conf" "\$@" || status=\$?
if [ "\$1" = --alldefconfig ] && grep -q '^menuconfig' "\$srctree/Kconfig"; then
	echo '# planted' >>.config
fi
exit \$status
EOF
chmod +x "$tmp/planted-conf"
seed=
for s in 1 2 3 4 5 6 7 8; do
	if KILN_CONF="$tmp/planted-conf" "$tester" --seeds 1 --seed-start "$s" \
		--keep "$tmp/planted" >"$tmp/planted.log" 2>&1; then
		continue
	fi
	seed=$s
	break
done
if [ -z "$seed" ]; then
	not_ok "a planted difference is found"
else
	ok "a planted difference is found (seed $seed)"
	check "it is minimised to the menuconfig line alone" \
		test "$(grep -c . "$tmp/planted/seed-$seed/Kconfig")" -le 2
	tap_log=$tmp/planted/seed-$seed/Kconfig
	check "the reproducer shows the difference" \
		grep -q '^+# planted' "$tmp/planted/seed-$seed/README"
	tap_log=
fi
tap_done
