#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The kernel's release is written once, in linux/Config.in
# (LINUX_LATEST_6_1 := ...): no recipe or script writes it again, both hash
# files list its tarballs, and every 6.1.x release the docs and readmes
# quote is that one, except the older releases they name as examples and
# Debian's linux-source-6.1 (the Kconfig yardstick, another thing).
# Tier: test. Cost: under 1 s (reads text files).
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kiln-t16.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# shellcheck source=../support/testing/tap.sh
. "$top/support/testing/tap.sh"
tap_log=$tmp/log

# Older releases the docs quote on purpose (a custom version, the hashes
# listed already): they must be in linux/linux.hash.
examples='6.1.176 6.1.177'

release=$(sed -n 's/^LINUX_LATEST_6_1 := \(.*\)$/\1/p' "$top/linux/Config.in")
named_once() {
	[[ $release =~ ^6\.1\.[0-9]+$ ]] && [ "$(grep -cF "$release" "$top/linux/Config.in")" -eq 1 ]
}
check "linux/Config.in names the release once: LINUX_LATEST_6_1 := 6.1.N" named_once

# what writes the release but the source, the hash files and the docs
grep -rIlF --exclude-dir=.git --exclude-dir=output --exclude-dir=dl \
	--exclude='*.hash' --exclude='*.md' --exclude='readme*' --exclude='README*' \
	-e "$release" "$top" | sed "s|^$top/||" | grep -vx 'linux/Config.in' >"$tap_log" || true
check "no recipe, script or test writes $release again" test ! -s "$tap_log"

hash_lists() { # hash_lists FILE VERSION: upstream's tarball and Debian's repack
	grep -E ' linux[-_]' "$top/$1" >"$tap_log" || true
	grep -q " linux-$2\.tar\.xz\$" "$top/$1" && grep -q " linux_$2\.orig\.tar\.xz\$" "$top/$1"
}
check "linux/linux.hash lists linux-$release.tar.xz and Debian's repack" \
	hash_lists linux/linux.hash "$release"
check "linux-headers.hash lists linux-$release.tar.xz and Debian's repack" \
	hash_lists toolchain/linux-headers/linux-headers.hash "$release"
: >"$tap_log"
for v in $examples; do
	grep -q " linux-$v\.tar\.xz\$" "$top/linux/linux.hash" || echo "$v" >>"$tap_log"
done
check "the examples the docs quote ($examples) are in linux/linux.hash" test ! -s "$tap_log"

# quotes FILE...: "file:line: version" for each 6.1.x quote that is not
# the release nor an example
quotes() {
	local hit file line text v
	grep -nHE '6\.1\.[0-9]+' "$@" | while IFS= read -r hit; do
		file=${hit%%:*}
		line=${hit#*:}
		text=${line#*:}
		line=${line%%:*}
		case $text in *linux-source*) continue ;; esac
		while [[ $text =~ 6\.1\.[0-9]+ ]]; do
			v=${BASH_REMATCH[0]}
			text=${text#*"$v"}
			case " $release $examples " in *" $v "*) continue ;; esac
			echo "${file#"$top"/}:$line: $v"
		done
	done
}
mapfile -d '' docs < <(find "$top" \( -name .git -o -path "$top/output" -o -path "$top/dl" \) -prune \
	-o -type f \( -name '*.md' -o -iname 'readme*' \) -print0)
quotes "${docs[@]}" >"$tap_log"
check "the docs and readmes quote $release, not another 6.1 release" test ! -s "$tap_log"

tap_done
