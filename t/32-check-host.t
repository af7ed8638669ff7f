#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# support/dependencies/check-host (make check): passes on this machine, and
# with a PATH that lacks some tools it fails and names their Debian
# packages in the apt-get line.
# Tier: test. Cost: under 1 s.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
check_host=$top/support/dependencies/check-host
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kiln-t32.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
out=$tmp/out

# shellcheck source=../support/testing/tap.sh
. "$top/support/testing/tap.sh"
tap_log=$out
has() { grep -q -e "$2" "$1"; }
lacks() { ! grep -q -e "$2" "$1"; }
has_word() { [[ " $1 " == *" $2 "* ]]; }
ends_with() { [[ $1 == *"$2" ]]; }

# ---- this machine --------------------------------------------------------------

rc=0
"$check_host" >"$out" 2>&1 || rc=$?
check "check-host passes on this machine" [ "$rc" -eq 0 ]
check "says all required tools are present" has "$out" '^check-host: all required host tools are present$'

rc=0
make --no-print-directory -C "$top" check >"$out" 2>&1 || rc=$?
check "make check runs it" [ "$rc" -eq 0 ]
check "make check prints its verdict" has "$out" 'all required host tools are present'

# ---- a PATH without patch and fakeroot --------------------------------------------

# every command of this machine but those two (one ln per folder: the
# earlier folders of PATH win, as they do in PATH)
bin=$tmp/bin
mkdir -p "$bin"
IFS=: read -r -a dirs <<<"$PATH:/usr/sbin:/sbin"
for ((i = ${#dirs[@]} - 1; i >= 0; i--)); do
	dir=${dirs[i]}
	[ -d "$dir" ] || continue
	tools=("$dir"/*)
	[ -e "${tools[0]}" ] || continue
	ln -sf "${tools[@]}" "$bin/"
done
rm -f "$bin/patch" "$bin/fakeroot"

rc=0
PATH=$bin "$check_host" >"$out" 2>&1 || rc=$?
check "without patch and fakeroot: exit 1" [ "$rc" -eq 1 ]
check "names patch and why" has "$out" "^check-host: missing 'patch' (Debian package patch): "
check "names fakeroot" has "$out" "^check-host: missing 'fakeroot' (Debian package fakeroot): "
check "does not claim success" lacks "$out" "all required host tools are present"
if [ -r /etc/debian_version ]; then
	line=$(grep 'apt-get install -y' "$out" | grep -v '^check-host: optional:' || true)
	check "the apt-get line installs patch" has_word "$line" patch
	check "the apt-get line installs fakeroot" has_word "$line" fakeroot
	check "the apt-get line has nothing that is present" ends_with "$line" "apt-get install -y patch fakeroot"
	check "points to install-debian" has "$out" 'support/dependencies/install-debian'
else
	for i in 1 2 3 4; do
		tap_skip "not a Debian host ($i)"
	done
fi

# ---- an old make ----------------------------------------------------------------------

rm "$bin/make"
printf '#!/bin/sh\necho "GNU Make 4.2.1"\n' >"$bin/make"
chmod +x "$bin/make"
rc=0
PATH=$bin "$check_host" >"$out" 2>&1 || rc=$?
check "GNU make 4.2.1: exit 1" [ "$rc" -eq 1 ]
check "GNU make 4.2.1: says which version it needs" has "$out" "GNU make >= 4.3 .*found 4.2.1"

tap_done
