#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# kiln-sig and kiln-tree (support/tools/) on their own, built with
# AddressSanitizer and UBSan: signatures (what changes them, what does not,
# no host paths in them), interrupted steps, dependency errors, and tree
# assembly (hard links, conflicts, the swap).
# Tier: test. Cost: about 6 s.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d /tmp/kiln-t33.XXXXXX)
trap 'umount "$tmp/full" 2>/dev/null; rm -rf "$tmp"' EXIT
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1

# shellcheck source=../support/testing/tap.sh
. "$top/support/testing/tap.sh"

make -s -C "$top/support/tools" O="$tmp/bin" SANITIZE=1 >"$tmp/build.log" 2>&1 ||
	{ cat "$tmp/build.log"; echo "1..0 # the tools do not build"; exit 1; }
sig=$tmp/bin/kiln-sig
tree=$tmp/bin/kiln-tree

# A Kiln-like tree: $1 is its root.  Packages "lib" and "app" (app needs lib).
make_tree() {
	mkdir -p "$1/package/lib" "$1/package/app" "$1/package/infra"
	# shellcheck disable=SC2016 # Make syntax, not shell
	printf '%s\n' 'LIB_VERSION = 1.0' 'LIB_OPTS = --mode=$(KILN_LIB_MODE) # not $(KILN_OTHER)' >"$1/package/lib/lib.mk"
	echo 'sha256  0000  lib-1.0.tar.gz' >"$1/package/lib/lib.hash"
	echo 'APP_VERSION = 2' >"$1/package/app/app.mk"
	echo 'generic infrastructure' >"$1/package/infra/pkg-generic.mk"
}
write_config() { # output folder, config lines...
	local out=$1
	shift
	mkdir -p "$out"
	printf '%s\n' "$@" >"$out/.config"
}
write_manifest() { # root, output folder
	cat >"$2/manifest" <<-EOF
	kiln-manifest 1
	top $1
	config $2/.config
	output $2
	package lib
	version 1.0
	kind target
	recipe-dir $1/package/lib
	infra $1/package/infra/pkg-generic.mk
	depends
	symbols KILN_PACKAGE_LIB KILN_LIB_MODE
	symbol-prefixes KILN_PACKAGE_LIB_
	declare-in LIB_CONFIG_SYMBOLS
	resumable no
	end
	 package app
	version 2
	kind target
	recipe-dir $1/package/app
	infra $1/package/infra/pkg-generic.mk
	depends lib
	symbols KILN_PACKAGE_APP
	symbol-prefixes KILN_PACKAGE_APP_
	declare-in APP_CONFIG_SYMBOLS
	resumable yes
	end
	stage images
	members lib app
	symbol-prefixes KILN_FS_
	end
	EOF
}
signature() { cat "$out/build/$1/.kiln/signature"; }
lacks() { # lacks PATTERN FILE...: the files exist and none matches
	local pattern=$1
	shift
	ls "$@" >/dev/null && ! grep -q "$pattern" "$@"
}

root=$tmp/a
out=$tmp/out-a
make_tree "$root"
write_config "$out" KILN_PACKAGE_LIB=y KILN_PACKAGE_APP=y KILN_PACKAGE_LIB_OPT=y \
	KILN_LIB_MODE=fast KILN_FS_SIZE=10 '# KILN_PACKAGE_APP_EXTRA is not set' KILN_OTHER=1
write_manifest "$root" "$out"
check "kiln-sig runs" "$sig" "$out/manifest"
check "it writes signatures, inputs and dependency closures" \
	test -s "$out/build/app/.kiln/signature" -a -s "$out/build/app/.kiln/inputs" \
	-a "$(cat "$out/build/app/.kiln/deps")" = lib
check "file digests are SHA-256" \
	grep -qx "file lib.mk $(sha256sum <"$root/package/lib/lib.mk" | cut -d' ' -f1)" "$out/build/lib/.kiln/inputs"
check "the package's own options are inputs" grep -qx 'config KILN_PACKAGE_LIB_OPT y' "$out/build/lib/.kiln/inputs"
check "options the recipe declares are inputs" grep -qx 'config KILN_LIB_MODE fast' "$out/build/lib/.kiln/inputs"
check "'is not set' is an input too" grep -qx 'config KILN_PACKAGE_APP_EXTRA is-not-set' "$out/build/app/.kiln/inputs"
check "other options are not, even when a comment of the recipe names them" lacks KILN_OTHER "$out/build/lib/.kiln/inputs"
check "a dependency's signature is an input" grep -qx "depends lib $(signature lib)" "$out/build/app/.kiln/inputs"
check "stages get a signature" test -s "$out/.kiln/stage-images.signature"
check "no absolute path in any input list" \
	lacks "$tmp" "$out/build/lib/.kiln/inputs" "$out/build/app/.kiln/inputs" "$out/.kiln/stage-images.inputs"

# the same tree elsewhere gives the same signatures
root_b=$tmp/b
out_b=$tmp/elsewhere/out-b
make_tree "$root_b"
write_config "$out_b" KILN_PACKAGE_LIB=y KILN_PACKAGE_APP=y KILN_PACKAGE_LIB_OPT=y \
	KILN_LIB_MODE=fast KILN_FS_SIZE=10 '# KILN_PACKAGE_APP_EXTRA is not set' KILN_OTHER=1
write_manifest "$root_b" "$out_b"
"$sig" "$out_b/manifest"
check "the same inputs in other folders give the same signature" \
	test "$(cat "$out_b/build/app/.kiln/signature")" = "$(signature app)"

before_lib=$(signature lib)
before_app=$(signature app)
mtime() { stat -c %Y.%y "$1"; }
stamp_time=$(mtime "$out/build/app/.kiln/signature")
sleep 0.05
touch "$root/package/lib/lib.mk"
"$sig" "$out/manifest" 2>"$tmp/err"
check "a touched file changes nothing" test "$(signature lib)" = "$before_lib"
check "an unchanged signature file keeps its time" test "$(mtime "$out/build/app/.kiln/signature")" = "$stamp_time"
check "and nothing is reported" test ! -s "$tmp/err"

sed -i 's/KILN_OTHER=1/KILN_OTHER=2/' "$out/.config"
"$sig" "$out/manifest"
check "an option no package reads changes nothing" test "$(signature app)" = "$before_app"

sed -i 's/KILN_LIB_MODE=fast/KILN_LIB_MODE=small/' "$out/.config"
"$sig" "$out/manifest" 2>"$tmp/err"
check "an option the recipe reads changes its signature" test "$(signature lib)" != "$before_lib"
check "and its dependents'" test "$(signature app)" != "$before_app"
check "the change is explained" grep -qx '>>> lib: inputs changed: config KILN_LIB_MODE changed' "$tmp/err"
check "for the dependent too" grep -qx '>>> app: inputs changed: depends lib changed' "$tmp/err"

# an option read but not declared: an error naming the line and the fix
cp "$root/package/app/app.mk" "$tmp/app.mk.saved"
# shellcheck disable=SC2016 # Make syntax, not shell
printf '%s\n' '# the size: $(KILN_FS_SIZE), in a comment' 'APP_OPTS = size=$(KILN_FS_SIZE)' >>"$root/package/app/app.mk"
before_app=$(signature app)
if "$sig" "$out/manifest" 2>"$tmp/err"; then not_ok "an option read but not declared is an error"; else
	check "an option read but not declared is an error naming the line (not the comment's) and the fix" \
		grep -q 'package/app/app.mk:3: app reads KILN_FS_SIZE, which it does not declare: add it to APP_CONFIG_SYMBOLS' "$tmp/err"
fi
check "and no signature changed" test "$(signature app)" = "$before_app"
cp "$tmp/app.mk.saved" "$root/package/app/app.mk"
"$sig" "$out/manifest" 2>"$tmp/err"

echo '# new' >"$root/package/lib/0001-fix.patch"
"$sig" "$out/manifest" 2>"$tmp/err"
check "a new patch is an added input" grep -qx '>>> lib: inputs changed: file 0001-fix.patch added' "$tmp/err"

# interrupted steps
for step in build configure extract; do
	for s in downloaded extracted patched configured built installed; do touch "$out/build/lib/.stamp_$s" "$out/build/app/.stamp_$s"; done
	echo "$step" >"$out/build/lib/.kiln/running"
	echo "$step" >"$out/build/app/.kiln/running"
	"$sig" "$out/manifest" 2>"$tmp/err"
	left_lib=$(cd "$out/build/lib" && printf '%s ' .stamp_*)
	left_app=$(cd "$out/build/app" && printf '%s ' .stamp_*)
	case $step in
	build)
		check "killed in build: a package restarts from extract" test "$left_lib" = ".stamp_downloaded "
		check "killed in build: a resumable package builds again" test "$left_app" = ".stamp_configured .stamp_downloaded .stamp_extracted .stamp_patched "
		;;
	configure)
		check "killed in configure: resumable configures again" test "$left_app" = ".stamp_downloaded .stamp_extracted .stamp_patched "
		;;
	extract)
		check "killed in extract: both extract again" test "$left_lib $left_app" = ".stamp_downloaded  .stamp_downloaded "
		;;
	esac
	check "killed in $step: the marker is gone" test ! -e "$out/build/lib/.kiln/running"
done
check "the interruption is reported" grep -q "lib: the last build was interrupted during 'extract'; running that step again" "$tmp/err"

for s in downloaded extracted patched configured built installed; do touch "$out/build/lib/.stamp_$s"; done
echo build >"$out/build/lib/.kiln/running"
flock "$out/build/lib/.kiln/running" sleep 3 &
locker=$!
sleep 0.5
"$sig" "$out/manifest" 2>"$tmp/err"
check "a step running in another make is left alone" \
	test -e "$out/build/lib/.stamp_extracted" -a -e "$out/build/lib/.kiln/running"
kill "$locker" 2>/dev/null || true
wait "$locker" 2>/dev/null || true
rm -f "$out/build/lib/.kiln/running"

# dependency errors
sed 's/^depends lib$/depends nothere/' "$out/manifest" >"$tmp/bad1"
if "$sig" "$tmp/bad1" 2>"$tmp/err"; then not_ok "an unknown dependency fails"; else
	check "an unknown dependency fails, naming it" grep -q 'needs nothere, which is not an enabled package' "$tmp/err"
fi
awk '/^package lib/ {inlib=1} inlib && /^depends$/ {print "depends app"; inlib=0; next} {print}' \
	"$out/manifest" >"$tmp/bad2"
if "$sig" "$tmp/bad2" 2>"$tmp/err"; then not_ok "a dependency cycle fails"; else
	check "a dependency cycle fails, naming the whole cycle" grep -Eq 'dependency cycle: (app -> lib -> app|lib -> app -> lib) ' "$tmp/err"
fi
printf 'not a manifest\n' >"$tmp/bad3"
if "$sig" "$tmp/bad3" 2>"$tmp/err"; then not_ok "a bad manifest fails"; else
	check "a bad manifest fails with its name and line" grep -q 'bad3:1: not a Kiln manifest' "$tmp/err"
fi

# kiln-tree
mkdir -p "$tmp/t1/usr/bin" "$tmp/t2/usr/lib" "$tmp/t3/usr/bin" "$tmp/t4/usr/bin"
echo one >"$tmp/t1/usr/bin/one"
chmod 0755 "$tmp/t1/usr/bin/one"
ln -s one "$tmp/t1/usr/bin/uno"
echo lib >"$tmp/t2/usr/lib/libx.so"
echo one >"$tmp/t3/usr/bin/one"
chmod 0755 "$tmp/t3/usr/bin/one"
echo other >"$tmp/t4/usr/bin/one"
dest=$tmp/union
check "kiln-tree assembles" "$tree" assemble "$dest" "$tmp/t1" "$tmp/t2" "$tmp/missing"
check "with hard links" test "$(stat -c %i "$dest/usr/bin/one")" = "$(stat -c %i "$tmp/t1/usr/bin/one")"
check "symbolic links are kept" test "$(readlink "$dest/usr/bin/uno")" = one
check "both trees are there" test -f "$dest/usr/lib/libx.so"
check "the same file from two trees is fine" "$tree" assemble "$dest" "$tmp/t1" "$tmp/t3"
check "the new union replaced the old one" test ! -e "$dest/usr/lib/libx.so" -a ! -e "$dest.new" -a ! -e "$dest.old"
if "$tree" assemble "$dest" "$tmp/t1" "$tmp/t4" 2>"$tmp/err"; then not_ok "a conflict fails"; else
	check "a conflict fails naming the file and both trees" \
		grep -q "usr/bin/one is installed by both $tmp/t1 and $tmp/t4" "$tmp/err"
	check "and the old union is untouched" test -f "$dest/usr/bin/one" -a "$(cat "$dest/usr/bin/one")" = one
fi
mkdir -p "$dest.new/junk"
check "a leftover from a killed run is cleared" "$tree" assemble "$dest" "$tmp/t2"
check "the result holds only the given trees" test "$(cd "$dest" && find . -type f)" = ./usr/lib/libx.so

# a weak tree gives way; --copy copies
mkdir -p "$tmp/weak/usr/bin" "$tmp/weak/usr/sbin" "$tmp/weak/usr/lib/libx.so"
ln -s busybox "$tmp/weak/usr/bin/one"
ln -s busybox "$tmp/weak/usr/sbin/two"
echo box >"$tmp/weak/usr/bin/busybox"
check "a weak tree, given first, assembles with a conflict" \
	"$tree" assemble "$dest" "weak:$tmp/weak" "$tmp/t1" "$tmp/t2"
check "the other tree's file won" test ! -L "$dest/usr/bin/one" -a "$(cat "$dest/usr/bin/one")" = one
check "a folder of the weak tree gives way to a file" test -f "$dest/usr/lib/libx.so"
check "the weak tree's other files are there" test "$(readlink "$dest/usr/sbin/two")" = busybox -a -f "$dest/usr/bin/busybox"
check "--copy assembles" "$tree" assemble --copy "$dest" "$tmp/t1" "$tmp/t2"
check "with copies, not links" test "$(stat -c %i "$dest/usr/bin/one")" != "$(stat -c %i "$tmp/t1/usr/bin/one")"
check "modes and links kept" test -x "$dest/usr/bin/one" -a "$(readlink "$dest/usr/bin/uno")" = one
echo changed >"$dest/usr/bin/one"
check "changing the copy leaves the tree alone" test "$(cat "$tmp/t1/usr/bin/one")" = one
mkfifo "$tmp/t2/usr/lib/fifo"
if "$tree" assemble --copy "$dest" "$tmp/t2" 2>"$tmp/err"; then not_ok "a fifo in a tree is refused"; else
	check "a fifo in a tree is refused, pointing at device tables" grep -q 'through a device table' "$tmp/err"
fi
rm "$tmp/t2/usr/lib/fifo"

# a full filesystem (62 pages: the fourth 64 KB write is short): reported as
# what it is
mkdir -p "$tmp/full" "$tmp/big"
head -c 1048576 /dev/zero >"$tmp/big/file"
if [ "$(id -u)" -ne 0 ] || ! mount -t tmpfs -o size=250k kiln-t33 "$tmp/full" 2>/dev/null; then
	tap_skip "a full filesystem needs root (a 250 KB tmpfs)"
elif "$tree" assemble --copy "$tmp/full/dest" "$tmp/big" 2>"$tmp/err"; then
	not_ok "a copy onto a full filesystem fails"
else
	check "a copy onto a full filesystem fails with ENOSPC, naming the file" \
		grep -q "cannot write $tmp/full/dest.new/file: No space left on device" "$tmp/err"
fi

tap_done
