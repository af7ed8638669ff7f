#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# kiln-rootfs (support/tools/) built with AddressSanitizer and UBSan (leaks
# included), run as a build runs it: as an ordinary user, with device
# tables under fakeroot (-s records, -i reads back).  Users tables: passwd,
# group and shadow lines, automatic ids, password hashes checked with
# crypt(3) and openssl, home folders and their owners, hard-linked account
# files.  Device tables: folders, nodes, series, fifos, owners by the
# target's names, symbolic links that must not lead out.  The password
# subcommand.  Errors: file:line, a hint, exit status 1.
# Tier: test. Cost: about 8 s.
# shellcheck disable=SC2016 # '$6$...' is crypt(3) syntax, not an expansion
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
self=$top/t/$(basename "$0")

# Kiln builds images as an ordinary user: so does this test, even under root.
if [ "$(id -u)" = 0 ] && [ -z "${KILN_T34_UNPRIVILEGED:-}" ] &&
	setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
	KILN_T34_UNPRIVILEGED=1 exec setpriv --reuid=65534 --regid=65534 --clear-groups -- "$self"
fi

# shellcheck source=../support/testing/tap.sh
. "$top/support/testing/tap.sh"

if ! command -v fakeroot >/dev/null; then
	echo "1..0 # SKIP fakeroot is not installed"
	exit 0
fi
tmp=$(mktemp -d /tmp/kiln-t34.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
# fakeroot preloads its library before the sanitizer runtime
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:verify_asan_link_order=0
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1

make -s -C "$top/support/tools" O="$tmp/bin" SANITIZE=1 >"$tmp/build.log" 2>&1 ||
	{ cat "$tmp/build.log"; echo "1..0 # kiln-rootfs does not build"; exit 1; }
kr=$tmp/bin/kiln-rootfs
log=$tmp/log
tap_log=$log
echo "# running as uid $(id -u)"

# A crypt(3) check of our own, independent of kiln-rootfs's code.
cat >"$tmp/verify.c" <<'EOF'
#include <crypt.h>
#include <string.h>
int main(int argc, char **argv)
{
	const char *h = argc == 3 ? crypt(argv[1], argv[2]) : NULL;

	return !(h && !strcmp(h, argv[2]));
}
EOF
cc -o "$tmp/verify" "$tmp/verify.c" -lcrypt

# run CMD...: it succeeds, and the sanitizers said nothing
run() {
	"$@" >"$log" 2>&1 && ! grep -q Sanitizer "$log"
}
# fails PATTERN CMD...: exit status 1 (not a crash), PATTERN in the message
fails() {
	local pattern=$1 status=0
	shift
	"$@" >"$log" 2>&1 || status=$?
	[ "$status" = 1 ] && grep -q -- "$pattern" "$log" && ! grep -q Sanitizer "$log"
}
has_line() { grep -qxF -- "$1" "$2"; }
field() { grep "^$1:" "$2" | cut -d: -f"$3"; }
fake_stat() { # fake_stat STATE FORMAT PATH...: stat as fakeroot recorded it
	local state=$1 format=$2
	shift 2
	fakeroot -i "$state" -- stat -c "$format" "$@"
}

# A target folder with the etc files of a skeleton.  Its disk group is not
# the host's (gid 6): owners must come from the target.
skeleton() {
	rm -rf "$1"
	mkdir -p "$1/etc" "$1/usr/bin" "$1/usr/share/data/sub" "$1/run" "$1/var"
	printf '%s\n' root:x:0:0:root:/root:/bin/sh daemon:x:1:1:daemon:/usr/sbin:/bin/false \
		nobody:x:65534:65534:nobody:/home:/bin/false >"$1/etc/passwd"
	printf '%s\n' root:x:0: daemon:x:1: wheel:x:10:root disk:x:66: dialout:x:67: \
		nogroup:x:65534: >"$1/etc/group"
	printf '%s\n' 'root::19000:0:99999:7:::' 'daemon:*:::::::' 'nobody:*:::::::' >"$1/etc/shadow"
	chmod 0600 "$1/etc/shadow"
}

# ---- users tables ----------------------------------------------------------

cat >"$tmp/users.tab" <<'EOF'
# system user, automatic ids, locked clear-text password, two extra groups
foo -1 bar -1 !=blabla /home/foo /bin/sh alpha,bravo Foo user

test 8000 wheel -1 = - /bin/sh - Test user
www 1000 www 1000 =secret /var/www - wheel,alpha
- - onlygroup -2 - - - - -
svc -2 svc -2 * - - - Service account   # a trailing comment
EOF
cat >"$tmp/pkg.tab" <<'EOF'
foo -1 bar -1 !=blabla /home/foo /bin/bash - Foo user, again
EOF

t=$tmp/target
skeleton "$t"
cp "$t/etc/passwd" "$tmp/pkg-passwd"
ln -f "$tmp/pkg-passwd" "$t/etc/passwd"	# as if from a package's tree
check "users applies two tables" run "$kr" users --target "$t" --perms-out "$tmp/perms" \
	--salt-seed board-1 "$tmp/users.tab" "$tmp/pkg.tab"
check "passwd: a fixed uid, a main group that exists, no home" has_line 'test:x:8000:10:Test user:/:/bin/sh' "$t/etc/passwd"
check "passwd: fixed ids, no shell is /bin/false" has_line 'www:x:1000:1000::/var/www:/bin/false' "$t/etc/passwd"
check "passwd: -1 takes the first free system ids, a later line changes the shell" \
	has_line 'foo:x:100:100:Foo user, again:/home/foo:/bin/bash' "$t/etc/passwd"
check "passwd: -2 takes the first free user ids" has_line 'svc:x:1001:1002:Service account:/:/bin/false' "$t/etc/passwd"
check "passwd: the skeleton's lines are kept, first" \
	test "$(head -n 3 "$t/etc/passwd")" = "$(cat "$tmp/pkg-passwd")"
check "group: members added to an existing group" has_line 'wheel:x:10:root,www' "$t/etc/group"
check "group: fixed gids come before automatic ones" has_line 'www:x:1000:' "$t/etc/group"
check "group: a group-only line" has_line 'onlygroup:x:1001:' "$t/etc/group"
check "group: missing extra groups get ids from their user's range" \
	has_line 'alpha:x:101:foo,www' "$t/etc/group"
check "group: and list their members" has_line 'bravo:x:102:foo' "$t/etc/group"
check "shadow: '=' alone is an empty password" has_line 'test::::::::' "$t/etc/shadow"
check "shadow: '*' is kept" has_line 'svc:*:::::::' "$t/etc/shadow"
check "shadow: the skeleton's ageing fields are kept" has_line 'root::19000:0:99999:7:::' "$t/etc/shadow"
www_hash=$(field www "$t/etc/shadow" 2)
foo_hash=$(field foo "$t/etc/shadow" 2)
salt=$(echo "$www_hash" | cut -d'$' -f3)
check "shadow: =secret is a SHA-512 crypt hash with a 16-character salt" \
	grep -qE '^\$6\$[./0-9A-Za-z]{16}\$[./0-9A-Za-z]{86}$' <<<"$www_hash"
check "which crypt(3) verifies" "$tmp/verify" secret "$www_hash"
check "and not for another password" test "$("$tmp/verify" Secret "$www_hash"; echo $?)" = 1
if command -v openssl >/dev/null; then
	check "openssl computes the same hash from the salt" \
		test "$(openssl passwd -6 -salt "$salt" secret)" = "$www_hash"
else
	ok "# SKIP openssl is not installed"
fi
check "shadow: !=blabla is locked" test "${foo_hash:0:4}" = '!$6$'
check "and a hash of blabla" "$tmp/verify" blabla "${foo_hash#!}"
check "shadow keeps its mode" test "$(stat -c %a "$t/etc/shadow")" = 600
check "the package tree's hard-linked passwd is untouched" \
	test "$(cat "$tmp/pkg-passwd")" = "$(head -n 3 "$t/etc/passwd")" \
	-a "$(stat -c %i "$tmp/pkg-passwd")" != "$(stat -c %i "$t/etc/passwd")"
check "no temporary file is left" test -z "$(find "$t/etc" -name '.*')"
check "home folders are made, mode 755" \
	test "$(stat -c %a "$t/home/foo") $(stat -c %a "$t/var/www")" = "755 755"
check "their owners go to the perms file, as device table lines" \
	test "$(cat "$tmp/perms")" = "$(printf '%s\n' '/var/www r -1 1000 1000 - - - - -' \
		'/home/foo r -1 100 100 - - - - -')"

inode=$(stat -c %i "$t/etc/passwd")
cp -a "$t/etc" "$tmp/etc-before"
run "$kr" users --target "$t" --perms-out "$tmp/perms2" --salt-seed board-1 "$tmp/users.tab" "$tmp/pkg.tab"
check "the same tables again change nothing" diff -r "$tmp/etc-before" "$t/etc"
check "and rewrite nothing" test "$(stat -c %i "$t/etc/passwd")" = "$inode"

t2=$tmp/target2
skeleton "$t2"
run "$kr" users --target "$t2" --perms-out "$tmp/perms-t2" --salt-seed board-1 "$tmp/users.tab" "$tmp/pkg.tab"
check "a second target gets identical files (reproducible)" diff -r "$t/etc" "$t2/etc"
skeleton "$t2"
run "$kr" users --target "$t2" --perms-out "$tmp/perms-t2" --salt-seed board-2 "$tmp/users.tab"
check "another salt seed gives another hash" test "$(field www "$t2/etc/shadow" 2)" != "$www_hash"
check "users of one seed get different salts" \
	test "$(echo "$foo_hash" | cut -d'$' -f3)" != "$salt"

skeleton "$t2"
printf '%s\n' 'root:*::' 'wheel:*::root' >"$t2/etc/gshadow"
run "$kr" users --target "$t2" --perms-out "$tmp/perms-t2" "$tmp/users.tab"
check "gshadow, when there is one, gets the new groups" has_line 'alpha:!::foo,www' "$t2/etc/gshadow"
check "and the new members" has_line 'wheel:*::root,www' "$t2/etc/gshadow"

# ---- device tables -----------------------------------------------------------

echo 'profile' >"$t/home/foo/.profile"
echo 'tool' >"$t/usr/bin/tool"
echo 'data' >"$t/usr/share/data/sub/file"
ln -s file "$t/usr/share/data/sub/link"
ln -s /run "$t/var/run"
mkdir "$tmp/outside"
ln -s "$tmp/outside" "$t/abs"
ln -s ../../../../../../../../../../tmp "$t/usr/up"
escape=kiln-t34-escape-$$
cat >"$tmp/dev.tab" <<'EOF'
# name type mode uid gid major minor start inc count

/dev d 755 0 0 - - - - -
/dev/console c 600 0 0 5 1 - - -
/dev/null c 666 root root 1 3 0 0 -
/dev/hda b 640 root disk 3 0 0 0 -
/dev/hda b 640 root disk 3 1 1 1 4
/dev/ttyS c 660 0 dialout 4 64 0 2 3
/dev/initctl p 620 foo bar - - - - -
/var/run/app d 1770 www www - - - - -
/a/b/c d 700 svc svc - - - - -
/usr/bin/tool f 4755 0 wheel - - - - -
/usr/share/data r 750 www wheel - - - - -
/etc/not-there F 644 0 0 - - - - -
/no-such-folder/file F 644 0 0 - - - - -
/abs/x d 700 0 0 - - - - -
/usr/up/ESCAPE d 700 0 0 - - - - -
EOF
sed -i "s/ESCAPE/$escape/" "$tmp/dev.tab"
state=$tmp/fakeroot.state
check "devices applies a table and the users' perms file under fakeroot" \
	run fakeroot -s "$state" -- "$kr" devices --target "$t" "$tmp/dev.tab" "$tmp/perms"
fake_stat "$state" '%n %A %u:%g %Hr,%Lr' "$t/dev" "$t"/dev/* "$t/run/app" "$t/a" "$t/a/b" "$t/a/b/c" \
	"$t/usr/bin/tool" "$t/usr/share/data" "$t/usr/share/data/sub/file" "$t/home/foo" \
	"$t/home/foo/.profile" "$t/var/www" | sed "s|^$t||" >"$tmp/listing"
tap_log=$tmp/listing
check "d: a folder" has_line '/dev drwxr-xr-x 0:0 0,0' "$tmp/listing"
check "c: a character device" has_line '/dev/console crw------- 0:0 5,1' "$tmp/listing"
check "owner names are looked up in the target" has_line '/dev/null crw-rw-rw- 0:0 1,3' "$tmp/listing"
check "b: a block device, group by the target's name (disk is 66 there)" \
	has_line '/dev/hda brw-r----- 0:66 3,0' "$tmp/listing"
check "a series: name1..name4, minors 1..4" \
	test "$(grep -c '^/dev/hda[1-4] brw-r----- 0:66 3,[1-4]$' "$tmp/listing")" = 4 \
	-a "$(grep -c '^/dev/hda4 .* 3,4$' "$tmp/listing")" = 1
check "a series with inc 2: ttyS0..2, minors 64, 66, 68" \
	test "$(grep '^/dev/ttyS' "$tmp/listing" | cut -d' ' -f1,4 | tr '\n' ' ')" = \
	"/dev/ttyS0 4,64 /dev/ttyS1 4,66 /dev/ttyS2 4,68 "
check "p: a fifo, owned by users from the users table" has_line '/dev/initctl prw--w---- 100:100 0,0' "$tmp/listing"
check "an absolute symbolic link is followed inside the target" \
	has_line '/run/app drwxrwx--T 1000:1000 0,0' "$tmp/listing"
check "d: parents made take the mode" has_line '/a/b drwx------ 0:0 0,0' "$tmp/listing"
check "d: the folder takes the owner" has_line '/a/b/c drwx------ 1001:1002 0,0' "$tmp/listing"
check "f: mode with set-uid bit after the owner" has_line '/usr/bin/tool -rwsr-xr-x 0:10 0,0' "$tmp/listing"
check "r: the folder" has_line '/usr/share/data drwxr-x--- 1000:10 0,0' "$tmp/listing"
check "r: and all below" has_line '/usr/share/data/sub/file -rwxr-x--- 1000:10 0,0' "$tmp/listing"
check "home folders belong to their users" has_line '/var/www drwxr-xr-x 1000:1000 0,0' "$tmp/listing"
check "and the files in them" has_line '/home/foo/.profile -rw-r--r-- 100:100 0,0' "$tmp/listing"
check "the link inside r is still a link" test -L "$t/usr/share/data/sub/link"
check "F: a missing file is skipped, and one in a missing folder" test ! -e "$t/etc/not-there" -a ! -e "$t/no-such-folder"
check "links out of the target lead back into it (absolute)" \
	test -d "$t$tmp/outside/x" -a ! -e "$tmp/outside/x"
check "links out of the target lead back into it (relative)" \
	test -d "$t/tmp/$escape" -a ! -e "/tmp/$escape"
if [ "$(id -u)" != 0 ]; then
	check "outside fakeroot, nothing is owned by anyone else" \
		test -z "$(find "$t" ! -user "$(id -u)" -print -quit)"
fi
tap_log=$log
check "a second run over the same tree works" \
	run fakeroot -i "$state" -s "$state" -- "$kr" devices --target "$t" "$tmp/dev.tab" "$tmp/perms"
check "and leaves the same nodes" \
	test "$(fake_stat "$state" '%A %Hr,%Lr' "$t/dev/hda2")" = "brw-r----- 3,2"

# ---- the password subcommand ---------------------------------------------------

pw() { run "$kr" password --target "$t" "$@"; }
check "password --plain" pw --user www --plain secret --salt-seed board-1
check "gives the hash the users table gave (same seed, user, password)" \
	test "$(field www "$t/etc/shadow" 2)" = "$www_hash"
pw --user www --plain other
check "which crypt(3) verifies, with the default seed" "$tmp/verify" other "$(field www "$t/etc/shadow" 2)"
pw --user www --locked
pw --user www --locked
check "--locked puts one '!' in front" test "$(field www "$t/etc/shadow" 2 | cut -c1-4)" = '!$6$'
pw --user test --hash '$6$abc$xyz' --locked
check "--hash with --locked" has_line 'test:!$6$abc$xyz:::::::' "$t/etc/shadow"
pw --user svc --empty
check "--empty" has_line 'svc::::::::' "$t/etc/shadow"
echo 'nos:y:4000:4000::/:/bin/sh' >>"$t/etc/passwd"
check "a user with no shadow line gets one" pw --user nos --empty
check "and its passwd field points to shadow" has_line 'nos:x:4000:4000::/:/bin/sh' "$t/etc/passwd"
check "an unknown user fails" fails "no user 'nope' in $t/etc/passwd" \
	"$kr" password --target "$t" --user nope --empty
check "a hash with ':' fails" fails "holds a ':'" "$kr" password --target "$t" --user www --hash 'a:b'
status=0
"$kr" password --target "$t" --user www >"$log" 2>&1 || status=$?
check "no new value is a usage error (status 2)" test "$status" = 2

# ---- errors --------------------------------------------------------------------

user_error() { # user_error PATTERN TABLE-LINE...: a table whose line 3 is wrong
	local pattern=$1
	shift
	printf '%s\n' '# header' '' "$@" >"$tmp/bad.tab"
	skeleton "$tmp/t3"
	rm -rf "$tmp/etc-t3"
	cp -a "$tmp/t3/etc" "$tmp/etc-t3"
	fails "$pattern" "$kr" users --target "$tmp/t3" --perms-out "$tmp/perms3" "$tmp/bad.tab" &&
		diff -r "$tmp/etc-t3" "$tmp/t3/etc" >/dev/null
}
check "users: too few fields (file:line, the fields)" \
	user_error "bad.tab:3: 7 fields where a users table line needs 8" 'a 1 b 2 - - -'
check "users: uid 0" user_error "bad.tab:3: bad uid '0' for 'a'" 'a 0 b 2 - - - - x'
check "users: root" user_error "bad.tab:3: a users table cannot change root" 'root 5 b 2 - - - - x'
check "users: a uid taken in the skeleton" \
	user_error "bad.tab:3: uid 1 for user 'bob' is used by user 'daemon' already (in $tmp/t3/etc/passwd)" \
	'bob 1 bob -1 - - - - x'
check "users: a uid taken by another line names that line" \
	user_error "bad.tab:4: uid 2000 for user 'y' is used by user 'x' already (from $tmp/bad.tab:3)" \
	'x 2000 x -1 - - - - x' 'y 2000 y -1 - - - - x'
check "users: a user with two uids" \
	user_error "user 'x' exists already with uid 2000 (from $tmp/bad.tab:3), not 2001; use uid 2000" \
	'x 2000 x -1 - - - - x' 'x 2001 x -1 - - - - x'
check "users: a user with two main groups" \
	user_error "user 'x' exists already with gid" 'x 2000 x -1 - - - - x' 'x 2000 other -1 - - - - x'
check "users: a group with another gid" \
	user_error "bad.tab:3: group 'wheel' exists already with gid 10" 'x 2000 wheel 11 - - - - x'
check "users: a gid used by another group" \
	user_error "gid 10 for group 'mine' is used by group 'wheel' already" 'x 2000 mine 10 - - - - x'
check "users: a ':' in a field" user_error "bad.tab:3: no field may hold a ':'" 'x -1 x -1 - - - - a:b'
check "users: a relative home" user_error "home 'home/x' must be an absolute path" 'x -1 x -1 - home/x - - x'
check "users: home '/'" user_error "home cannot be '/'" 'x -1 x -1 - / - - x'
check "users: '..' in a home" user_error "without '..'" 'x -1 x -1 - /home/../etc - - x'
check "users: an empty group in the list" user_error "empty name in the group list" 'x -1 x -1 - - - a,,b x'
check "users: a missing table" fails "cannot read the table $tmp/none" \
	"$kr" users --target "$t" --perms-out "$tmp/perms3" "$tmp/none"

device_error() { # device_error PATTERN TABLE-LINE...: line 3 of the table is wrong
	local pattern=$1
	shift
	printf '%s\n' '# header' '' "$@" >"$tmp/bad.tab"
	fails "$pattern" fakeroot -i "$state" -- "$kr" devices --target "$t" "$tmp/bad.tab"
}
check "devices: too few fields" device_error "bad.tab:3: 9 fields where a device table line needs 10" \
	'/dev/x c 600 0 0 1 2 - -'
check "devices: a host user the target does not have" \
	device_error "bad.tab:3: no user 'bin' in $t/etc/passwd" '/dev/x c 600 bin 0 1 2 - - -'
check "devices: '..' in a name" device_error "bad.tab:3: '/dev/../x' has a '..'" '/dev/../x d 755 0 0 - - - - -'
check "devices: a node in a missing folder" device_error "bad.tab:3: cannot reach the folder of /none/x.*add a 'd' line" \
	'/none/x c 600 0 0 1 1 - - -'
check "devices: f on a missing file" device_error "bad.tab:3: /etc/none is not in" '/etc/none f 644 0 0 - - - - -'
check "devices: f on a folder" device_error "bad.tab:3: /dev is a folder: use type d" '/dev f 755 0 0 - - - - -'
check "devices: a bad mode" device_error "bad.tab:3: bad mode '9z'" '/dev d 9z 0 0 - - - - -'
check "devices: mode -1 on d" device_error "bad.tab:3: mode -1 (keep the mode) is for types f, F and r" \
	'/dev d -1 0 0 - - - - -'
check "devices: an unknown type" device_error "bad.tab:3: unknown type 's'" '/dev/x s 600 0 0 - - - - -'
check "devices: a device without numbers" device_error "bad.tab:3: a device node needs a major and a minor" \
	'/dev/x c 600 0 0 - - - - -'
check "devices: a series of folders" device_error "bad.tab:3: start/inc/count make series of devices" \
	'/dev/x d 755 0 0 - - 0 1 4'
check "devices: |xattr lines" device_error "bad.tab:4: extended attributes" \
	'/usr/bin/tool f 755 0 0 - - - - -' '|xattr cap_net_raw+eip'
if [ "$(id -u)" != 0 ]; then
	printf '%s\n' '/dev/plain c 600 0 0 1 3 - - -' >"$tmp/plain.tab"
	check "devices: outside fakeroot, a node fails and says to use fakeroot" \
		fails "run kiln-rootfs devices under fakeroot" "$kr" devices --target "$t" "$tmp/plain.tab"
else
	ok "# SKIP running as root: cannot show that fakeroot is needed"
fi

tap_done
