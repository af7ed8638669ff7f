// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * $(shell,...) commands: each distinct command runs once per process,
 * and commands found ahead of the parser (lexer_prefetch) run in
 * parallel, up to KCONFIG_JOBS at a time (default: CPUs + 1).
 *
 * The output is what Linux's conf makes of it: the first 4095 bytes,
 * trailing newlines removed, other newlines turned into spaces; the
 * exit status is ignored.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kconfig.h"

extern char **environ;

#define OUTPUT_MAX 4096

enum job_state { JOB_QUEUED, JOB_RUNNING, JOB_DONE };

struct job {
	struct job *next;
	char *cmd;
	enum job_state state;
	pid_t pid;
	int fd;
	char buf[OUTPUT_MAX];
	size_t len;
	char *out;
};

static struct job *jobs, **jobs_tail = &jobs;
static int running, max_running;

static int job_limit(void)
{
	const char *env;

	if (max_running)
		return max_running;
	env = getenv("KCONFIG_JOBS");
	if (env && atoi(env) > 0) {
		max_running = atoi(env);
	} else {
		long n = sysconf(_SC_NPROCESSORS_ONLN);

		max_running = n > 0 ? (int)n + 1 : 2;
	}
	return max_running;
}

static struct job *find(const char *cmd)
{
	for (struct job *j = jobs; j; j = j->next)
		if (!strcmp(j->cmd, cmd))
			return j;
	return NULL;
}

static struct job *add(const char *cmd)
{
	struct job *j = xcalloc(1, sizeof(*j));

	j->cmd = xstrdup(cmd);
	j->fd = -1;
	*jobs_tail = j;
	jobs_tail = &j->next;
	return j;
}

static void start(struct job *j)
{
	char *argv[] = { "sh", "-c", j->cmd, NULL };
	posix_spawn_file_actions_t actions;
	int fds[2], err;

	fflush(stdout);
	fflush(stderr);
	if (pipe2(fds, O_CLOEXEC))
		kc_fatal(macro_file, macro_line, "cannot run shell command '%s': %s",
			 j->cmd, strerror(errno));
	/* posix_spawn, not fork: no copy of a large parser's page tables */
	posix_spawn_file_actions_init(&actions);
	posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
	err = posix_spawn(&j->pid, "/bin/sh", &actions, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&actions);
	if (err)
		kc_fatal(macro_file, macro_line, "cannot run shell command '%s': %s",
			 j->cmd, strerror(err));
	close(fds[1]);
	j->fd = fds[0];
	j->state = JOB_RUNNING;
	running++;
}

static void finish(struct job *j)
{
	size_t n = j->len;
	int status;

	close(j->fd);
	j->fd = -1;
	while (waitpid(j->pid, &status, 0) < 0 && errno == EINTR)
		;
	if (n == OUTPUT_MAX)
		n--;
	while (n > 0 && j->buf[n - 1] == '\n')
		n--;
	for (size_t i = 0; i < n; i++)
		if (j->buf[i] == '\n')
			j->buf[i] = ' ';
	j->out = xstrndup(j->buf, n);
	j->state = JOB_DONE;
	running--;
}

static void start_queued(void)
{
	for (struct job *j = jobs; j && running < job_limit(); j = j->next)
		if (j->state == JOB_QUEUED)
			start(j);
}

/* read what the running commands print, until `until` is done */
static void pump(struct job *until)
{
	struct pollfd pfd[64];
	struct job *owner[64];

	while (until->state != JOB_DONE) {
		int n = 0;

		for (struct job *j = jobs; j && n < 64; j = j->next) {
			if (j->state != JOB_RUNNING)
				continue;
			pfd[n].fd = j->fd;
			pfd[n].events = POLLIN;
			owner[n++] = j;
		}
		if (poll(pfd, n, -1) < 0) {
			if (errno == EINTR)
				continue;
			kc_fatal(macro_file, macro_line, "poll: %s", strerror(errno));
		}
		for (int i = 0; i < n; i++) {
			struct job *j = owner[i];
			char sink[4096];
			ssize_t got;

			if (!pfd[i].revents)
				continue;
			if (j->len < OUTPUT_MAX)
				got = read(j->fd, j->buf + j->len, OUTPUT_MAX - j->len);
			else
				got = read(j->fd, sink, sizeof(sink));
			if (got < 0 && errno == EINTR)
				continue;
			if (got <= 0) {
				finish(j);
				continue;
			}
			if (j->len < OUTPUT_MAX)
				j->len += got;
		}
		start_queued();
	}
}

char *shell_output(const char *cmd, bool lookahead)
{
	struct job *j = find(cmd);

	if (!j && lookahead && macro_prefetch_hook && job_limit() > 1) {
		macro_prefetch_hook();
		j = find(cmd);
	}
	if (!j)
		j = add(cmd);
	if (j->state == JOB_QUEUED)
		start(j);
	pump(j);
	return xstrdup(j->out);
}

const char *shell_try_output(const char *cmd)
{
	struct job *j = find(cmd);

	if (!j) {
		j = add(cmd);
		start_queued();
	}
	return j->state == JOB_DONE ? j->out : NULL;
}

int shell_pending(void)
{
	int n = 0;

	for (struct job *j = jobs; j; j = j->next)
		n += j->state == JOB_QUEUED;
	return n;
}

void shell_wait_all(void)
{
	for (struct job *j = jobs; j; j = j->next) {
		if (j->state == JOB_QUEUED) {
			/* never needed: never run */
			j->state = JOB_DONE;
			j->out = xstrdup("");
		}
		else if (j->state == JOB_RUNNING)
			pump(j);
	}
}
