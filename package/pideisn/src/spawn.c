// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * fork and execve of a service (see spawn.h).  The child reports a
 * failure before execve through a close-on-exec pipe: the parent reads
 * it at once (end of file: the execve worked), so every failure is
 * logged by pideisn with its cause.
 */
#define _GNU_SOURCE	/* pipe2, accept4, struct ucred */
#include "spawn.h"
#include "fmt.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

struct child_failure {
	int step;
	int error;
};

enum step { STEP_SESSION, STEP_FDS, STEP_WORKDIR, STEP_GROUPS, STEP_GID, STEP_UID, STEP_EXEC };

static const char *const step_names[] = {
	[STEP_SESSION] = "start a session", [STEP_FDS] = "set up its descriptors",
	[STEP_WORKDIR] = "enter its working folder", [STEP_GROUPS] = "set its groups",
	[STEP_GID] = "set its group", [STEP_UID] = "set its user", [STEP_EXEC] = "execute",
};

static void reset_signals(void)
{
	struct sigaction dfl = { .sa_handler = SIG_DFL };
	sigset_t none;

	for (int sig = 1; sig < NSIG; sig++)
		sigaction(sig, &dfl, NULL);	/* fails harmlessly on KILL, STOP and the gaps */
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
}

/* target becomes a copy of fd, inherited by execve */
static int place(int fd, int target)
{
	if (fd == target)
		return fcntl(fd, F_SETFD, 0);
	return dup2(fd, target) < 0 ? -1 : 0;
}

static int set_descriptors(const struct spawn_plan *p)
{
	if (p->input >= 0 && place(p->input, 0) < 0)
		return -1;
	if (p->output >= 0 && (place(p->output, 1) < 0 || place(p->output, 2) < 0))
		return -1;
	if (p->ready_fd >= 0 && place(p->ready_fd, p->ready_target) < 0)
		return -1;
	return 0;
}

static int set_identity(const struct identity *id, enum step *step)
{
	*step = STEP_GROUPS;
	if (setgroups((size_t)id->group_count, id->groups) < 0)
		return -1;
	*step = STEP_GID;
	if (setgid(id->gid) < 0)
		return -1;
	*step = STEP_UID;
	return setuid(id->uid);
}

static void child(const struct spawn_plan *p, int report)
{
	struct child_failure f;
	enum step step = STEP_SESSION;

	/* keep the report pipe clear of the descriptors the service gets */
	if (report <= 255) {
		int high = fcntl(report, F_DUPFD_CLOEXEC, 256);

		if (high >= 0)
			report = high;
	}
	reset_signals();
	if (setsid() < 0)
		goto failed;
	step = STEP_FDS;
	if (set_descriptors(p) < 0)
		goto failed;
	step = STEP_WORKDIR;
	if (chdir(p->workdir ? p->workdir : "/") < 0)
		goto failed;
	if (p->identity && set_identity(p->identity, &step) < 0)
		goto failed;
	step = STEP_EXEC;
	execve(p->argv[0], p->argv, p->envp);
failed:
	f.step = step;
	f.error = errno;
	if (write(report, &f, sizeof(f)) < 0)
		_exit(127);
	_exit(127);
}

static void read_failure(int report, const struct spawn_plan *p, char why[SPAWN_WHY_MAX])
{
	struct child_failure f;
	ssize_t n;

	do
		n = read(report, &f, sizeof(f));
	while (n < 0 && errno == EINTR);
	if (n != (ssize_t)sizeof(f) || f.step < 0 || f.step > STEP_EXEC)
		return;
	fmt_print(why, SPAWN_WHY_MAX, "cannot %s%s%s: %s", step_names[f.step],
		 f.step == STEP_EXEC ? " " : "", f.step == STEP_EXEC ? p->argv[0] : "",
		 strerror(f.error));
}

pid_t spawn(const struct spawn_plan *plan, char why[SPAWN_WHY_MAX])
{
	int report[2];
	pid_t pid;

	why[0] = '\0';
	if (pipe2(report, O_CLOEXEC) < 0) {
		fmt_print(why, SPAWN_WHY_MAX, "cannot make a pipe: %s", strerror(errno));
		return -1;
	}
	pid = fork();
	if (pid == 0) {
		close(report[0]);
		child(plan, report[1]);
	}
	close(report[1]);
	if (pid < 0)
		fmt_print(why, SPAWN_WHY_MAX, "cannot fork: %s", strerror(errno));
	else
		read_failure(report[0], plan, why);
	close(report[0]);
	return pid;
}
