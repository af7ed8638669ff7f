/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * /etc/passwd and /etc/group, read by pideisn itself: musl's getpwnam,
 * getgrnam and getgrouplist bring stdio, getline and the nscd client,
 * about 12 KiB of a program that must stay under 128 KiB.  The parsers
 * work on a file's text in memory (NUL-ended) and allocate nothing.
 *
 * The formats are musl's: "name:password:uid:gid:gecos:home:shell" and
 * "name:password:gid:member,member,...".  A line with fewer fields, or a
 * uid or gid that is not a decimal number, is skipped as libc skips it.
 */
#ifndef PIDEISN_PASSWD_H
#define PIDEISN_PASSWD_H

#include <stddef.h>
#include <sys/types.h>

#define PASSWD_PATH		"/etc/passwd"
#define GROUP_PATH		"/etc/group"
/* a larger file is refused (a small system's are a few hundred bytes) */
#define PASSWD_FILE_MAX		(32 * 1024)
#define PASSWD_NAME_MAX		256

struct passwd_user {
	char name[PASSWD_NAME_MAX];
	uid_t uid;
	gid_t gid;
};

/* The first user of passwd named name: 0, or -1 when there is none. */
int passwd_by_name(const char *passwd, const char *name, struct passwd_user *out);

/* The first user of passwd with this uid: 0, or -1. */
int passwd_by_uid(const char *passwd, uid_t uid, struct passwd_user *out);

/* The gid of the first group of group named name: 0, or -1. */
int passwd_group_by_name(const char *group, const char *name, gid_t *gid);

/*
 * getgrouplist's answer: primary first, then the gid of every group
 * that lists user among its members, in the file's order.  The number
 * of groups, or -1 when there are more than max (groups then holds the
 * first max).
 */
int passwd_user_groups(const char *group, const char *user, gid_t primary, gid_t *groups,
		       int max);

/*
 * The whole of the file at path into text (size bytes, NUL-ended): 0;
 * -1 when it cannot be read or is longer than size - 1 bytes (errno:
 * EFBIG), or 1 when it does not exist (no users: not an error).
 */
int passwd_read_file(const char *path, char *text, size_t size);

#endif
