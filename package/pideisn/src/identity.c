// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Users and groups of services (see spawn.h), from /etc/passwd and
 * /etc/group through passwd.c (not libc's getpwnam and friends: see
 * passwd.h).  A name that is not there refuses the start.
 */
#include "spawn.h"
#include "fmt.h"
#include "passwd.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* one file at a time, in PID 1's own process: static, not on the stack */
static char file_text[PASSWD_FILE_MAX];

static int number_of(const char *text, unsigned long *out)
{
	char *end;

	if (text[0] < '0' || text[0] > '9')
		return -1;
	*out = strtoul(text, &end, 10);
	return *end || *out > 0x7fffffffUL ? -1 : 0;
}

/* path's text into file_text ("" when it does not exist); -1 with why */
static int read_table(const char *path, char why[SPAWN_WHY_MAX])
{
	int r = passwd_read_file(path, file_text, sizeof(file_text));

	if (r == 1)
		file_text[0] = '\0';
	if (r >= 0)
		return 0;
	if (errno == EFBIG)
		fmt_print(why, SPAWN_WHY_MAX, "%s is longer than %d KiB, more than pideisn reads",
			  path, PASSWD_FILE_MAX / 1024);
	else
		fmt_print(why, SPAWN_WHY_MAX, "cannot read %s: %s", path, strerror(errno));
	return -1;
}

/* the user's groups, as getgrouplist gives them; the primary alone when too many */
static int user_groups(struct identity *id, const char *name, char why[SPAWN_WHY_MAX])
{
	if (read_table(GROUP_PATH, why) < 0)
		return -1;
	id->group_count = passwd_user_groups(file_text, name, id->gid, id->groups,
					     SPAWN_MAX_GROUPS);
	if (id->group_count < 0)
		id->group_count = 0;	/* too many: the primary group alone */
	return 0;
}

static int lookup_user(struct identity *id, const char *user, char why[SPAWN_WHY_MAX])
{
	struct passwd_user pw;
	unsigned long n;
	int found;

	if (read_table(PASSWD_PATH, why) < 0)
		return -1;
	found = passwd_by_name(file_text, user, &pw) == 0 ||
		(number_of(user, &n) == 0 && passwd_by_uid(file_text, (uid_t)n, &pw) == 0);
	if (found) {
		id->uid = pw.uid;
		id->gid = pw.gid;
		return user_groups(id, pw.name, why);
	}
	if (number_of(user, &n) == 0) {
		/* a number without an entry: its own group, no others */
		id->uid = (uid_t)n;
		id->gid = (gid_t)n;
		id->group_count = 0;
		return 0;
	}
	fmt_print(why, SPAWN_WHY_MAX, "user '%s' is not in /etc/passwd; add it, or fix 'user ='",
		 user);
	return -1;
}

static int lookup_group(struct identity *id, const char *group, char why[SPAWN_WHY_MAX])
{
	gid_t gid;
	unsigned long n;

	if (read_table(GROUP_PATH, why) < 0)
		return -1;
	if (passwd_group_by_name(file_text, group, &gid) == 0) {
		id->gid = gid;
	} else if (number_of(group, &n) == 0) {
		id->gid = (gid_t)n;
	} else {
		fmt_print(why, SPAWN_WHY_MAX,
			 "group '%s' is not in /etc/group; add it, or fix 'group ='", group);
		return -1;
	}
	id->groups[0] = id->gid;
	id->group_count = 1;
	return 0;
}

int identity_lookup(struct identity *id, const char *user, const char *group,
		    char why[SPAWN_WHY_MAX])
{
	id->uid = 0;
	id->gid = 0;
	id->group_count = 0;
	if (user && lookup_user(id, user, why) < 0)
		return -1;
	if (group && lookup_group(id, group, why) < 0)
		return -1;
	return 0;
}
