/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Readiness of a service (ready.c): "ready = file:PATH" is noticed
 * through inotify on PATH's folder, "ready = fd:N" through a pipe whose
 * write end the service gets as descriptor N.  No polling.
 */
#ifndef PIDEISN_READY_H
#define PIDEISN_READY_H

#include "loop.h"
#include "service.h"

struct ready_watch {
	void (*ready)(struct ready_watch *r);	/* called once per run */
	/* ready.c's own */
	const char *path;		/* file: */
	int child_fd;			/* fd: the pipe's write end, until spawned */
	struct loop_watch pipe;		/* fd: the read end */
	struct ready_watch *next;	/* file: the list of those waiting */
	int waiting;
};

/*
 * Before a run of svc: for file:, remove a PATH left from before and
 * watch its folder; for fd:, make the pipe (*child_fd: the write end,
 * -1 otherwise).  0, or -1 (logged): the service then counts as ready
 * at once, so that boot goes on.
 */
int ready_prepare(struct ready_watch *r, const struct service *svc, int *child_fd);
/* After the fork: the pipe's write end is the child's alone. */
void ready_spawned(struct ready_watch *r);
/* The run ended, or the service is ready: stop watching. */
void ready_cancel(struct ready_watch *r);

#endif
