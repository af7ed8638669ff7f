// SPDX-License-Identifier: GPL-2.0-or-later
/* passwd.c: /etc/passwd and /etc/group as musl's getpw* and getgr* read them */
#include "../passwd.h"
#include "unit.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char passwd[] =
	"root:x:0:0:root:/root:/bin/sh\n"
	"broken:x:12\n"
	"badnumber:x:1a:5:gecos:/:/bin/false\n"
	"daemon:x:1:1:daemon:/usr/sbin:/bin/false\n"
	"www:x:33:33::/var/www:\n"
	"www:x:34:34::/second:/entry\n"
	"big:x:4294967295:4294967296:::\n"
	"last:x:1000:100:no newline:/home/last:/bin/sh";

static const char group[] =
	"root:x:0:\n"
	"daemon:x:1:www\n"
	"short:x:7\n"
	"www:x:33:\n"
	"web:x:80:daemon,www,wwwx\n"
	"logs:x:81:wwwx,xwww,www\n"
	"users:x:100:last";

static void test_users(void)
{
	struct passwd_user pw;

	CHECK(passwd_by_name(passwd, "root", &pw) == 0 && pw.uid == 0 && pw.gid == 0,
	      "root: uid 0, gid 0");
	CHECK(passwd_by_name(passwd, "www", &pw) == 0 && pw.uid == 33 && pw.gid == 33,
	      "the first of two entries of a name, and empty fields");
	CHECK(passwd_by_name(passwd, "last", &pw) == 0 && pw.uid == 1000 && pw.gid == 100,
	      "the last line, without a newline");
	CHECK(passwd_by_name(passwd, "broken", &pw) == -1, "a line with too few fields is skipped");
	CHECK(passwd_by_name(passwd, "badnumber", &pw) == -1, "a uid that is not a number: skipped");
	CHECK(passwd_by_name(passwd, "big", &pw) == -1, "a gid over 2^32 - 1: skipped");
	CHECK(passwd_by_name(passwd, "ww", &pw) == -1 && passwd_by_name(passwd, "wwww", &pw) == -1,
	      "names match whole");
	CHECK(passwd_by_name(passwd, "x", &pw) == -1, "a password field is not a name");
	CHECK(passwd_by_name("", "root", &pw) == -1, "an empty file has no users");
	CHECK(passwd_by_uid(passwd, 1, &pw) == 0 && pw.gid == 1, "by uid");
	CHECK_STR(pw.name, "daemon", "by uid: the name, for the groups");
	CHECK(passwd_by_uid(passwd, 5, &pw) == -1, "no such uid");
}

static void test_groups(void)
{
	gid_t gid, groups[4];

	CHECK(passwd_group_by_name(group, "web", &gid) == 0 && gid == 80, "a group by name");
	CHECK(passwd_group_by_name(group, "short", &gid) == -1, "a line with too few fields");
	CHECK(passwd_group_by_name(group, "nobody", &gid) == -1, "no such group");
	CHECK(passwd_user_groups(group, "www", 33, groups, 4) == 4 && groups[0] == 33 &&
	      groups[1] == 1 && groups[2] == 80 && groups[3] == 81,
	      "the primary group first, then each group listing the user, in order");
	CHECK(passwd_user_groups(group, "last", 100, groups, 4) == 2 && groups[1] == 100,
	      "the primary group again when it lists the user, as getgrouplist");
	CHECK(passwd_user_groups(group, "root", 0, groups, 4) == 1, "no other group: the primary");
	CHECK(passwd_user_groups(group, "www", 33, groups, 3) == -1 && groups[2] == 80,
	      "more than max: -1, the first max kept");
	CHECK(passwd_user_groups(group, "www", 33, groups, 0) == -1, "max 0");
}

static void test_read_file(void)
{
	char path[] = "/tmp/test-passwd.XXXXXX", text[16];
	int fd = mkstemp(path);

	CHECK(fd >= 0 && write(fd, "root:x:0:0::/:\n", 15) == 15, "a temporary file");
	CHECK(passwd_read_file(path, text, sizeof(text)) == 0 && !strcmp(text, "root:x:0:0::/:\n"),
	      "a file that fits, NUL-ended");
	CHECK(passwd_read_file(path, text, 15) == -1 && errno == EFBIG,
	      "a file that does not fit: EFBIG");
	close(fd);
	unlink(path);
	CHECK(passwd_read_file(path, text, sizeof(text)) == 1, "no file: 1, not an error");
	CHECK(passwd_read_file("/dev/null/x", text, sizeof(text)) == 1, "ENOTDIR: no file either");
}

int main(void)
{
	test_users();
	test_groups();
	test_read_file();
	return unit_done();
}
