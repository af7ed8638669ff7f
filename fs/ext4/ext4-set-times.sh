#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# ext4-set-times.sh IMAGE ROOTFS EPOCH
#
# Sets the times mke2fs copied from ROOTFS's files, which a build cannot
# choose (change time; access time, which reading them may have updated),
# and the creation times, to EPOCH for every inode (ROOTFS's files, the
# root folder and lost+found), with debugfs.  The superblock's times come
# from E2FSPROGS_FAKE_TIME, which e2fsprogs ignores when 0: 1 then.
set -eu

if [ $# -ne 3 ]; then
	echo "usage: ext4-set-times.sh IMAGE ROOTFS EPOCH" >&2
	exit 2
fi
image=$1 rootfs=$2 epoch=$3
script=$image.debugfs

{
	{
		echo /
		echo /lost+found
		(cd "$rootfs" && find . -mindepth 1 | LC_ALL=C sort | cut -c 2-)
	} | while IFS= read -r path; do
		for field in atime ctime crtime mtime; do
			printf 'set_inode_field "%s" %s @%s\n' "$path" "$field" "$epoch"
		done
	done
} >"$script"
fake_time=$epoch
[ "$fake_time" != 0 ] || fake_time=1
E2FSPROGS_FAKE_TIME=$fake_time debugfs -w -f "$script" "$image" >"$script.log" 2>&1 || {
	cat "$script.log" >&2
	exit 1
}
if grep -v '^debugfs' "$script.log" | grep -q .; then
	echo "ext4-set-times.sh: debugfs complained:" >&2
	grep -v '^debugfs' "$script.log" >&2
	exit 1
fi
rm -f "$script" "$script.log"
