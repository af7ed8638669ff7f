#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The build core on the small packages of support/testing/ext-test (no
# kernel): configuration targets, O=, external trees, the per-package
# goals, rebuild tracking (what rebuilds and what does not), removal of a
# disabled package, make -j2, builds killed with SIGKILL (while Kiln
# compiles its own tools too), two makes in one output folder, paths with
# spaces, isolation, the information goals, the target's clean-up, a
# board's post-image script without a kernel, and mistakes in
# _DEPENDENCIES.  Everything runs on a copy of the test tree in a
# temporary folder.
# Tier: test. Cost: about 95 s (small packages only; one real download from
# the Debian archive).
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d /tmp/kiln-t30.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
ext=$tmp/ext
cp -a "$top/support/testing/ext-test" "$ext"
out=$tmp/out
log=$tmp/make.log
# downloads are shared between test runs
export KILN_DL_DIR=$top/output/test-cache/dl
mkdir -p "$KILN_DL_DIR"
unset KILN_EXTERNAL O V MAKEFLAGS

# shellcheck source=../support/testing/tap.sh
. "$top/support/testing/tap.sh"
tap_log=$log
kmake() { # make in the output folder, output in $log
	make --no-print-directory -C "$out" "$@" >"$log" 2>&1
}
steps() { # the package steps the last make ran: "pkg step" per line (not the stages)
	sed -n 's/^>>> \([^ ]*\) *[^ ]* *\([a-z]*\) .*[0-9]s$/\1 \2/p' "$log" | grep -v '^target \|^images ' | sort -u
}
rebuilt() { # the packages the last make ran a step of
	steps | cut -d' ' -f1 | sort -u | tr '\n' ' ' | sed 's/ $//'
}
set_option() { # set_option NAME VALUE|n
	sed -i "/^KILN_$1=/d; /^# KILN_$1 is not set/d" "$out/.config"
	if [ "$2" = n ]; then echo "# KILN_$1 is not set" >>"$out/.config"; else echo "KILN_$1=$2" >>"$out/.config"; fi
}
configure_opts_documented() { # each NAME= of TARGET_CONFIGURE_OPTS is in its row of the docs
	local names row v
	names=$(sed -n '/^TARGET_CONFIGURE_OPTS = /,/[^\\]$/p' "$top/toolchain/toolchain.mk" | grep -o '[A-Z]*="' | tr -d '="')
	# shellcheck disable=SC2016 # Markdown backquotes, not shell
	row=$(grep '^| `TARGET_CONFIGURE_OPTS` |' "$top/docs/adding-packages.md")
	[ -n "$names" ] || return 1
	for v in $names; do
		case $row in *"\`$v="* | *" $v="*) ;; *) echo "# $v= is not in docs/adding-packages.md" >&2; return 1 ;; esac
	done
}
stamps_listing() {
	find "$out/build" "$out/images" -name '.stamp_*' -o -name 'rootfs.tar' | sort | xargs stat -c '%n %Y.%y'
}

# ---- configuration ----------------------------------------------------------

make -C "$top" O="$out" KILN_EXTERNAL="$ext" kiln_test_defconfig >"$log" 2>&1
check "defconfig from an external tree writes .config" grep -q '^KILN_PACKAGE_APP_BAR=y' "$out/.config"
check "the output folder gets a Makefile" test -f "$out/Makefile"
check "the external tree is remembered" grep -q "$ext" "$out/.kiln/external.mk"
kmake list-defconfigs
check "list-defconfigs names the external tree's defconfig" grep -q 'kiln_test_defconfig *Kiln.s test packages' "$log"
cp "$ext/configs/kiln_test_defconfig" "$tmp/defconfig.orig"
: >"$ext/configs/kiln_test_defconfig"
kmake savedefconfig
check "savedefconfig writes back to the defconfig it came from, byte for byte" \
	cmp "$tmp/defconfig.orig" "$ext/configs/kiln_test_defconfig"
kmake savedefconfig KILN_DEFCONFIG="$tmp/elsewhere_defconfig"
check "savedefconfig to another file gives the same file" cmp "$tmp/defconfig.orig" "$tmp/elsewhere_defconfig"
if kmake no_such_defconfig; then not_ok "an unknown defconfig fails"; else
	check "an unknown defconfig fails and says where it looked" grep -q 'no no_such_defconfig in' "$log"
fi
if make -C "$top" O="$tmp/empty" all >"$log" 2>&1; then not_ok "make without a configuration fails"; else
	check "make without a configuration says how to start" grep -q "make <board>_defconfig" "$log"
fi

# paths with spaces (O=, Kiln's own folder): refused before anything is made
listing() { find "$tmp" -path "$log" -prune -o -print | sort; }
mkdir "$tmp/kiln tree"
tar -C "$top" --exclude=./output --exclude=./dl --exclude=./.git -cf - . | tar -xf - -C "$tmp/kiln tree"
listing >"$tmp/listing.before"
if make -C "$top" O="$tmp/with space" KILN_EXTERNAL="$ext" kiln_test_defconfig >"$log" 2>&1; then
	not_ok "an output folder with a space in its path is refused"
else
	check "an output folder with a space in its path is refused, saying so" \
		grep -q "Kiln: the output folder '$tmp/with space' has a space in its path, which Kiln does not support" "$log"
fi
if make -C "$tmp/kiln tree" O="$tmp/out-sp" kiln_test_defconfig >"$log" 2>&1; then
	not_ok "Kiln's folder with a space in its path is refused"
else
	check "Kiln's folder with a space in its path is refused, saying so" \
		grep -q "Kiln: Kiln's Makefile '$tmp/kiln tree/Makefile' has a space in its path" "$log"
fi
if (cd "$tmp" && make -f "$tmp/kiln tree/Makefile" O="$tmp/out-sp" kiln_test_defconfig) >"$log" 2>&1; then
	not_ok "Kiln's folder with a space in its path is refused (make -f)"
else
	check "Kiln's folder with a space in its path is refused (make -f), saying so" \
		grep -q "Kiln: Kiln's Makefile '$tmp/kiln tree/Makefile' has a space in its path" "$log"
fi
check "and nothing was created, here or in Kiln's folder" cmp -s "$tmp/listing.before" <(listing)
check "nor in this Kiln folder" test ! -e "$top/space"
rm -rf "$tmp/kiln tree"

# configuration goals never read a recipe
mkdir -p "$ext/package/zz-broken"
# shellcheck disable=SC2016 # Make syntax, not shell
echo '$(error the recipe was read)' >"$ext/package/zz-broken/zz-broken.mk"
if kmake olddefconfig; then ok "configuration goals do not read recipes"; else not_ok "configuration goals do not read recipes"; fi
if kmake list-packages; then not_ok "build goals read recipes"; else
	check "build goals read recipes" grep -q 'the recipe was read' "$log"
fi
rm -r "$ext/package/zz-broken"
kmake help
check "make help lists the targets" grep -q 'savedefconfig' "$log"

# ---- a complete build ---------------------------------------------------------

# (under a user's umask of 077: Kiln's steps use 022, so the image's modes
# do not depend on who builds it)
if (umask 077 && kmake); then ok "complete build (umask 077)"; else not_ok "complete build (umask 077)"; fi
check "every enabled package ran its steps" test "$(rebuilt)" = "app-bar app-baz autodemo host-mkgreeting kconfdemo libfoo"
check "the target holds the programs" test -x "$out/target/usr/bin/bar" -a -x "$out/target/usr/bin/baz"
check "app-bar runs, with its patch and its option" test "$("$out/target/usr/bin/bar")" = "hi, hello from libfoo (patched)"
check "autotools-package passed the configure options" test "$("$out/target/usr/bin/autodemo")" = "AUTODEMO"
check "docs/adding-packages.md names every variable TARGET_CONFIGURE_OPTS sets" configure_opts_documented
check "kconfig-package resolved base and fragment" grep -qx 'CONFIG_SOUND=y' "$out/target/etc/kconfdemo.txt"
check "kconfig-package warns about the fragment line that did not survive" grep -q "kconfdemo: warning: .*fragment.config:2: 'CONFIG_LOUD=y' did not survive: " "$log"
check "host packages are not in the target" test ! -e "$out/target/bin/mkgreeting" -a -x "$out/host/bin/mkgreeting"
check "headers are in staging, not in the target" test -f "$out/staging/usr/include/foo.h" -a ! -e "$out/target/usr/include"
check "a per-step log exists" test -s "$out/logs/app-bar/build.log"
check "a recipe's service file is in /etc/pideisn/services (_PIDEISN_SERVICES)" \
	test "$(stat -c %a "$out/target/etc/pideisn/services/bar" 2>&1)" = 644
check "the image lists the files" sh -c "tar tf '$out/images/rootfs.tar' | grep -qx './usr/bin/bar-link'"
check "the umask did not reach the image: / and /etc are 0755" \
	sh -c "tar tvf '$out/images/rootfs.tar' | grep -E ' \./(etc/)?\$' | grep -c '^drwxr-xr-x' | grep -qx 2"

# ---- 1. a no-op ---------------------------------------------------------------

stamps_listing >"$tmp/stamps.before"
kmake
check "a no-op make runs no step" test -z "$(rebuilt)"
stamps_listing >"$tmp/stamps.after"
check "stamps and images keep their times" cmp -s "$tmp/stamps.before" "$tmp/stamps.after"
check "a no-op make prints nothing" test ! -s "$log"

# ---- 2. what rebuilds --------------------------------------------------------------

set_option PACKAGE_APP_BAR_GREETING '"yo"'
kmake
check "a sub-option rebuilds that package only" test "$(rebuilt)" = "app-bar"
check "and says why" grep -q 'app-bar: inputs changed: config KILN_PACKAGE_APP_BAR_GREETING changed' "$log"
check "the new option is in the target" test "$("$out/target/usr/bin/bar")" = "yo, hello from libfoo (patched)"
check "the images were made again" grep -q 'images: .*rootfs.tar' "$log"

echo '# a comment' >>"$ext/package/libfoo/libfoo.mk"
kmake
check "a recipe change rebuilds the package and what depends on it" test "$(rebuilt)" = "app-bar libfoo"

# Options a package is made of are declared, not found by a grep: another
# package's option named in a comment does not make it an input.
echo '# unlike app-bar, no KILN_PACKAGE_APP_BAR_GREETING here' >>"$ext/package/app-baz/app-baz.mk"
kmake
set_option PACKAGE_APP_BAR_GREETING '"hey"'
kmake
check "an option named in another recipe's comment rebuilds only its own package" test "$(rebuilt)" = "app-bar"
# shellcheck disable=SC2016 # Make syntax, not shell
echo 'APP_BAZ_GREETING = $(KILN_PACKAGE_APP_BAR_GREETING)' >>"$ext/package/app-baz/app-baz.mk"
if kmake; then not_ok "an option read by a recipe that does not declare it is an error"; else
	check "an option read by a recipe that does not declare it is an error, with the line and the fix" \
		grep -q "app-baz.mk:[0-9]*: app-baz reads KILN_PACKAGE_APP_BAR_GREETING, which it does not declare: add it to APP_BAZ_CONFIG_SYMBOLS" "$log"
fi
echo 'APP_BAZ_CONFIG_SYMBOLS = KILN_PACKAGE_APP_BAR_GREETING' >>"$ext/package/app-baz/app-baz.mk"
kmake
check "declared, it is an input of that package too" grep -q 'config KILN_PACKAGE_APP_BAR_GREETING "hey"' "$out/build/app-baz/.kiln/inputs"
sed -i '/APP_BAZ_GREETING\|APP_BAZ_CONFIG_SYMBOLS/d' "$ext/package/app-baz/app-baz.mk"
set_option PACKAGE_APP_BAR_GREETING '"yo"'
kmake

sed -i 's/(patched)/(patched twice)/' "$ext/package/app-bar/0001-say-patched.patch"
kmake
check "a patch change rebuilds that package" test "$(rebuilt)" = "app-bar"
check "with the new patch" test "$("$out/target/usr/bin/bar")" = "yo, hello from libfoo (patched twice)"

sed -i 's/hello from libfoo/hello from libfoo 1.1/' "$ext/package/libfoo/src/foo.c"
kmake
check "a source change rebuilds the package and its dependents" test "$(rebuilt)" = "app-bar libfoo"
check "with the new source" test "$("$out/target/usr/bin/bar")" = "yo, hello from libfoo 1.1 (patched twice)"
kmake
check "and then nothing" test -z "$(rebuilt)"
set_option BACKUP_SITE '"http://127.0.0.1:1/mirror"'
kmake
check "a download option rebuilds nothing" test -z "$(rebuilt)"

# ---- 3. disabling a package ------------------------------------------------------

set_option PACKAGE_APP_BAZ n
kmake
check "disabling a package rebuilds nothing" test -z "$(rebuilt)"
check "its files left the target" test ! -e "$out/target/usr/bin/baz" -a ! -e "$out/target/var/lib/baz"
check "and the image" sh -c "! tar tf '$out/images/rootfs.tar' | grep -q baz"
set_option PACKAGE_APP_BAZ y
kmake
check "enabling it again builds nothing (its trees were kept)" test -z "$(rebuilt)"
check "and it is back" test -x "$out/target/usr/bin/baz"

# ---- 6. isolation ------------------------------------------------------------------

set_option PACKAGE_APP_SNEAKY y
if kmake app-sneaky; then not_ok "an undeclared library is not found"; else
	check "an undeclared library is not found" grep -q 'foo.h: No such file' "$log"
	check "the failure shows the log's last lines and its path" grep -q '>>> full log: .*app-sneaky/build.log' "$log"
fi
set_option PACKAGE_APP_SNEAKY n

# ---- host variants --------------------------------------------------------------

set_option PACKAGE_HOST_AUTODEMO y
kmake
check "host-autotools-package builds for the host" test "$(rebuilt)" = "host-autodemo"
check "and installs into output/host" test "$("$out/host/bin/autodemo")" = "autodemo"
check "not into the target" test "$(find "$out/target" -name autodemo)" = "$out/target/usr/bin/autodemo"
set_option PACKAGE_HOST_AUTODEMO n
kmake
check "disabled again, it leaves output/host" test ! -e "$out/host/bin/autodemo"

# ---- the target's clean-up; a board's post-image script without a kernel -----------

set_option PACKAGE_LIBDEV y
set_option ROOTFS_POST_IMAGE_SCRIPT '"board/qemu/x86_64/post-image.sh"'
if kmake; then ok "a build without a kernel runs the board's post-image script"; else
	not_ok "a build without a kernel runs the board's post-image script"
fi
check "headers, static libraries, .la, pkg-config, aclocal, man and info files leave the target" sh -c "
	cd '$out/target/usr' && ! ls -d include lib/libdev.a lib/libdev.la lib/pkgconfig share/pkgconfig \
		share/aclocal share/man share/info 2>/dev/null | grep -q ."
check "the package's other files stay" test -f "$out/target/usr/lib/libdev.so.1" -a -f "$out/target/usr/share/libdev/data"
check "staging keeps the development files" test -f "$out/staging/usr/include/dev/more.h" -a -f "$out/staging/usr/lib/libdev.la"
check "the images line gives the target's size after and before the clean-up" \
	grep -Eq '^>>> images: .*\(rootfs\.tar; target [0-9.]+ KiB, [0-9.]+ KiB before clean-up\)$' "$log"
check "no kernel: the board's post-image script writes no start-qemu.sh, and the images are made" \
	test ! -e "$out/images/start-qemu.sh" -a -f "$out/images/rootfs.tar"
check "and says why on the console" \
	grep -q "^>>> images: warning: start-qemu.sh not written: this configuration builds no kernel (KILN_LINUX_KERNEL is off" "$log"
set_option ROOTFS_KEEP_DEVELOPMENT_FILES y
kmake || true
check "KILN_ROOTFS_KEEP_DEVELOPMENT_FILES keeps them" \
	test -f "$out/target/usr/include/dev.h" -a -f "$out/target/usr/lib/libdev.a" -a -f "$out/target/usr/share/man/man3/dev.3"
set_option ROOTFS_KEEP_DEVELOPMENT_FILES n
set_option ROOTFS_POST_IMAGE_SCRIPT '""'
set_option PACKAGE_LIBDEV n
kmake

# ---- per-package goals and information --------------------------------------------

kmake app-bar-show-depends
check "show-depends" test "$(cat "$log")" = "host-mkgreeting libfoo"
kmake libfoo-show-rdepends
check "show-rdepends" test "$(cat "$log")" = "app-bar"
kmake show-info
check "show-info is JSON with licenses and dependencies" python3 -c '
import json, sys
info = {p["name"]: p for p in json.load(open(sys.argv[1]))}
assert info["app-bar"]["license"] == "MIT", info["app-bar"]
assert info["app-bar"]["dependencies"] == ["host-mkgreeting", "libfoo"]
assert info["app-bar"]["version"] == "2.1"
' "$out/.kiln/show-info.json"
kmake graph-depends
check "graph-depends writes a dot graph" grep -q '"app-bar" -> "libfoo"' "$out/graphs/graph-depends.dot"
kmake legal-info
check "legal-info collects license texts and sources" \
	test -f "$out/legal-info/licenses/app-bar/LICENSE" -a -f "$out/legal-info/sources/app-bar/app-bar-2.1.tar.gz"
check "legal-info writes a manifest" grep -q '"app-bar","2.1","MIT"' "$out/legal-info/manifest.csv"
check "no line of the manifest ends in a space" sh -c "! grep -q ' \$' '$out/legal-info/manifest.csv'"
kmake kconfdemo-savedefconfig
check "<pkg>-savedefconfig for a kconfig package" grep -qx 'CONFIG_SOUND=y' "$out/build/kconfdemo/defconfig"
kmake kconfdemo-update-defconfig
check "<pkg>-update-defconfig writes its configuration file" \
	test "$(cat "$ext/package/kconfdemo/kconfdemo.config")" = "$(printf 'CONFIG_COLOR=y\nCONFIG_SOUND=y\nCONFIG_NAME="demo"')"
kmake
check "which rebuilds that package" test "$(rebuilt)" = "kconfdemo"
kmake app-baz-rebuild
check "<pkg>-rebuild runs build and install again" test "$(steps | tr '\n' ,)" = "app-baz build,app-baz install,"
kmake app-baz-dirclean
check "<pkg>-dirclean removes its folders" test ! -e "$out/build/app-baz" -a ! -e "$out/per-package/app-baz"
kmake app-baz-configure
check "<pkg>-configure stops after configure" test "$(grep '^>>>' "$log" | tail -n 1 | awk '{print $2, $4}')" = "app-baz configure"
kmake V=1 app-baz
check "V=1 shows the commands" grep -q 'install -D -m 0755 .*/baz' "$log"
if kmake libfoo-nothing 2>/dev/null; then not_ok "an unknown goal fails"; else ok "an unknown goal fails"; fi

# ---- 4. make -j2, and 5. SIGKILL at several points ---------------------------------

reset_build() { # all but build/kiln-*: Kiln's tools, the configuration, the stages' folder
	find "$out/build" -mindepth 1 -maxdepth 1 ! -name 'kiln-*' -exec rm -rf {} +
	rm -rf "$out/per-package" "$out/target" "$out/images" "$out/logs" \
		"$out/staging" "$out/host" "$out/.kiln/stage-"*
}
tree_digest() {
	(cd "$out/target" && find . -printf '%p %y %m %l\n' | sort && find . -type f | sort | xargs sha256sum)
	sha256sum <"$out/images/rootfs.tar"
}
reset_build
start=$(date +%s%N)
kmake
full_ms=$((($(date +%s%N) - start) / 1000000))
tree_digest >"$tmp/serial"
reset_build
export KILN_TEST_BUILD_DELAY=2
kmake -j2
unset KILN_TEST_BUILD_DELAY
tree_digest >"$tmp/parallel"
check "make -j2 gives the same target and image as a serial build" cmp -s "$tmp/serial" "$tmp/parallel"
check "make -j2 ran other steps while app-baz was building" \
	test "$(sed -n '/app-baz .*configure/,/app-baz .*build/p' "$log" | grep -vc app-baz)" -gt 0

# kill points spread over a whole build: 10%, 25%, ... 90% of its time
for percent in 10 25 40 55 70 85 95; do
	delay=$(printf '%d.%03d' $((full_ms * percent / 100 / 1000)) $((full_ms * percent / 100 % 1000)))
	reset_build
	setsid make -C "$out" >"$log" 2>&1 &
	pid=$!
	sleep "$delay"
	kill -KILL -- -"$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
	interrupted=$(sed -n 's/^>>> \([^ ]*\) .*$/\1/p' "$log" | tail -n 1)
	if kmake; then
		tree_digest >"$tmp/killed"
		check "killed after ${delay}s (last step line: ${interrupted:-none}), re-run gives the same result" \
			cmp -s "$tmp/serial" "$tmp/killed"
	else
		not_ok "killed after ${delay}s, the re-run succeeds"
	fi
done

# Kiln's own tools are compiled by every first build and every build after
# 'make clean'.  A cc that stops at one of their objects or programs
# (build/$KILN_TEST_STOP_AT), having created it empty as the assembler and
# the linker do, for as long as the file $KILN_TEST_STOPPED exists:
cat >"$tmp/stopping-cc" <<'EOF'
#!/bin/sh
for arg; do [ "${prev:-}" = -o ] && out=$arg; prev=$arg; done
case ${out:-} in
*/"$KILN_TEST_STOP_AT" | */"$KILN_TEST_STOP_AT".tmp)
	: >"$out" && echo "$out" >"$KILN_TEST_STOPPED"
	while [ -e "$KILN_TEST_STOPPED" ]; do sleep 0.1; done
	;;
esac
exec cc "$@"
EOF
chmod +x "$tmp/stopping-cc"
make_stopped_at() { # make_stopped_at FILE: a make that must compile FILE's folder again
	# (build/kiln-config too: conf is needed), in the background (its pid in $pid,
	# its output in $log.stopped), stopped at build/FILE
	rm -rf "$out/build/${1%%/*}" "$out/build/kiln-config" "$tmp/stopped"
	CC=$tmp/stopping-cc KILN_TEST_STOP_AT=$1 KILN_TEST_STOPPED=$tmp/stopped \
		setsid make -C "$out" >"$log.stopped" 2>&1 &
	pid=$!
	for _ in $(seq 600); do
		[ -s "$tmp/stopped" ] && return 0
		sleep 0.1
	done
	return 1
}

# killed there, the next make compiles that file again
for stop_at in kiln-kconfig/parser.o kiln-tools/kiln-sig; do
	if make_stopped_at "$stop_at"; then stopped=yes; else stopped=; fi
	kill -KILL -- -"$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
	if [ -z "$stopped" ]; then
		not_ok "killed while Kiln builds $stop_at: the build never wrote it"
	elif kmake; then
		tree_digest >"$tmp/killed"
		check "killed while Kiln builds $stop_at (left empty), re-run gives the same result" \
			cmp -s "$tmp/serial" "$tmp/killed"
	else
		not_ok "killed while Kiln builds $stop_at (left empty), the re-run succeeds"
	fi
done

# two makes in one output folder: the second is refused, naming the first,
# and another output folder can be used meanwhile
if make_stopped_at kiln-tools/kiln-sig; then
	first=$pid
	if kmake; then not_ok "a second make in the same output folder is refused"; else
		check "a second make in the same output folder is refused, naming the first" \
			grep -q "^Kiln: another make is using $out (pid [0-9]*: make all, since .*): wait for it to end" "$log"
	fi
	if kmake olddefconfig; then not_ok "so is a configuration goal"; else
		check "so is a configuration goal" grep -q "^Kiln: another make is using $out " "$log"
	fi
	if make -C "$top" O="$tmp/out-other" KILN_EXTERNAL="$ext" kiln_test_defconfig >"$log" 2>&1; then
		ok "meanwhile a make in another output folder works"
	else
		not_ok "meanwhile a make in another output folder works"
	fi
	rm -f "$tmp/stopped"
	if wait "$first"; then
		tree_digest >"$tmp/raced"
		check "the first make goes on to the same result" cmp -s "$tmp/serial" "$tmp/raced"
	else
		tap_log=$log.stopped not_ok "the first make goes on to the same result"
	fi
else
	kill -KILL -- -"$pid" 2>/dev/null || true
	not_ok "two makes in one output folder: the first never reached Kiln's tools"
fi

# kill in the middle of a step: the next build notices and starts it again
reset_build
kmake libfoo host-mkgreeting
export KILN_TEST_BUILD_DELAY=30
setsid make -C "$out" app-baz >"$log" 2>&1 &
pid=$!
for _ in $(seq 50); do
	[ -f "$out/build/app-baz/.kiln/running" ] && grep -q build "$out/build/app-baz/.kiln/running" 2>/dev/null && break
	sleep 0.1
done
kill -KILL -- -"$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
unset KILN_TEST_BUILD_DELAY
kmake
check "a step killed half-way is noticed" grep -q "app-baz: the last build was interrupted during 'build'; starting again from extract" "$log"
check "and the package starts again from extract" test "$(steps | grep app-baz | tr '\n' ,)" = "app-baz build,app-baz configure,app-baz extract,app-baz install,"
tree_digest >"$tmp/killed"
check "and the result is the same" cmp -s "$tmp/serial" "$tmp/killed"

# ---- downloads: a real tarball, through the Debian archive here -------------------

set_option PACKAGE_MUSL_SRC y
if kmake musl-src; then
	ok "a tarball package downloads (upstream unreachable: the Debian archive), checks and extracts"
	check "its source is in the download folder" test -f "$KILN_DL_DIR/musl-src/musl-1.2.3.tar.gz"
	rm -rf "$out/build/musl-src"
	kmake source
	check "make source downloads, and only that" test "$(steps)" = "musl-src download"
	rm -rf "$out/build/musl-src"
	set_option DEBIAN_FALLBACK n
	if kmake musl-src; then ok "offline: the download folder is enough"; else not_ok "offline: the download folder is enough"; fi
	set_option DEBIAN_FALLBACK y
	kmake legal-info
	check "legal-info has musl's COPYRIGHT and tarball" \
		test -f "$out/legal-info/licenses/musl-src/COPYRIGHT" -a -f "$out/legal-info/sources/musl-src/musl-1.2.3.tar.gz"
	check "with its source URL and file, and no line of the manifest ends in a space" sh -c "
		grep -q '\"https://musl.libc.org/releases/musl-1.2.3.tar.gz\",\"musl-1.2.3.tar.gz\"\$' '$out/legal-info/manifest.csv' &&
		! grep -q ' \$' '$out/legal-info/manifest.csv'"
else
	not_ok "a tarball package downloads, checks and extracts"
fi

# ---- mistakes in _DEPENDENCIES ------------------------------------------------------

cp "$ext/package/app-bar/app-bar.mk" "$tmp/app-bar.mk.orig"
sed -i 's/^APP_BAR_DEPENDENCIES = .*/& zlibx/' "$ext/package/app-bar/app-bar.mk"
if kmake; then not_ok "a dependency no recipe defines fails"; else
	check "a dependency no recipe defines fails, naming the file, the name and the variable" \
		grep -qx "Kiln: error: $ext/package/app-bar/app-bar.mk: app-bar depends on 'zlibx', which no recipe defines: check APP_BAR_DEPENDENCIES" "$log"
	check "and gives no advice to select it" sh -c "! grep -q 'select' '$log'"
fi
if kmake app-bar-show-depends; then not_ok "show-depends of a package with an unknown dependency fails"; else
	check "show-depends lists it and says that no recipe defines it" sh -c "grep -qx 'host-mkgreeting libfoo zlibx' '$log' &&
		grep -q \"app-bar depends on 'zlibx', which no recipe defines\" '$log'"
fi
cp "$tmp/app-bar.mk.orig" "$ext/package/app-bar/app-bar.mk"
echo 'LIBFOO_DEPENDENCIES = app-baz' >>"$ext/package/libfoo/libfoo.mk"
echo 'APP_BAZ_DEPENDENCIES = app-bar' >>"$ext/package/app-baz/app-baz.mk"
if kmake; then not_ok "a dependency cycle fails"; else
	check "a dependency cycle fails, naming the whole cycle" \
		grep -q 'dependency cycle: app-bar -> libfoo -> app-baz -> app-bar ' "$log"
fi
sed -i '/^LIBFOO_DEPENDENCIES\|^APP_BAZ_DEPENDENCIES/d' "$ext/package/libfoo/libfoo.mk" "$ext/package/app-baz/app-baz.mk"

# ---- a dependency that Config.in does not select --------------------------------

sed -i '/select PACKAGE_LIBFOO/d' "$ext/package/app-bar/Config.in"
printf 'KILN_PACKAGE_APP_BAR=y\n' >"$ext/configs/noselect_defconfig"
out=$tmp/out-noselect
make -C "$top" O="$out" KILN_EXTERNAL="$ext" noselect_defconfig >"$log" 2>&1
if kmake; then not_ok "a dependency that is not enabled fails"; else
	check "a dependency that is not enabled fails, saying what to add" \
		grep -q "app-bar.mk: app-bar depends on libfoo, which is not enabled: add 'select PACKAGE_LIBFOO' to app-bar's Config.in entry" "$log"
fi
# (no kconfig package here, and the build stopped before any step)
check "a build makes the kconfig tool next to conf" test -x "$out/build/kiln-kconfig/conf" -a -x "$out/build/kiln-kconfig/kconfig"

tap_done
