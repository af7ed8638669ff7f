// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Users and groups of services (see spawn.h), through libc's getpwnam,
 * getgrnam and getgrouplist: with musl they read /etc/passwd and
 * /etc/group, nothing else.  A name that is not there refuses the start.
 */
#include "spawn.h"
#include "fmt.h"

#include <grp.h>
#include <pwd.h>
#include <stdlib.h>

static int number_of(const char *text, unsigned long *out)
{
	char *end;

	if (text[0] < '0' || text[0] > '9')
		return -1;
	*out = strtoul(text, &end, 10);
	return *end || *out > 0x7fffffffUL ? -1 : 0;
}

static int lookup_user(struct identity *id, const char *user, char why[SPAWN_WHY_MAX])
{
	struct passwd *pw = getpwnam(user);
	unsigned long n;

	if (!pw && number_of(user, &n) == 0)
		pw = getpwuid((uid_t)n);
	if (pw) {
		id->uid = pw->pw_uid;
		id->gid = pw->pw_gid;
		id->group_count = SPAWN_MAX_GROUPS;
		if (getgrouplist(pw->pw_name, pw->pw_gid, id->groups, &id->group_count) < 0)
			id->group_count = 0;	/* too many: the primary group alone */
		return 0;
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
	struct group *gr = getgrnam(group);
	unsigned long n;

	if (gr) {
		id->gid = gr->gr_gid;
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
