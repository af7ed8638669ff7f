/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Starting a service's process (spawn.c): fork, then in the child a new
 * session, the signal mask and dispositions reset, the descriptors,
 * the working folder, the groups and the user, and execve: argv and the
 * environment given, never a shell.
 */
#ifndef PIDEISN_SPAWN_H
#define PIDEISN_SPAWN_H

#include <stddef.h>
#include <sys/types.h>

#define SPAWN_MAX_GROUPS	64
#define SPAWN_WHY_MAX		320

struct identity {
	uid_t uid;
	gid_t gid;
	int group_count;
	gid_t groups[SPAWN_MAX_GROUPS];
};

struct spawn_plan {
	char *const *argv;
	char *const *envp;
	const char *workdir;
	const struct identity *identity;	/* NULL: stay root */
	int input;		/* becomes 0; -1: keep pideisn's */
	int output;		/* becomes 1 and 2; -1: keep pideisn's */
	int ready_fd;		/* becomes ready_target; -1: none */
	int ready_target;
};

/*
 * Start the process.  Its pid, or -1 when fork failed.  When the child
 * could not reach execve, why says which step failed and why (the child
 * then exits with status 127, reaped as any other).
 */
pid_t spawn(const struct spawn_plan *plan, char why[SPAWN_WHY_MAX]);

/*
 * The identity of user (a name or a number) and group (NULL: the user's
 * own): from /etc/passwd and /etc/group.  0, or -1 with why.
 */
int identity_lookup(struct identity *id, const char *user, const char *group,
		    char why[SPAWN_WHY_MAX]);

#endif
