/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The supervisor's own view of a service (supervisor.c runs them,
 * supervisor-load.c reads them): not for the rest of pideisn, which
 * goes through supervisor.h.
 */
#ifndef PIDEISN_UNIT_H
#define PIDEISN_UNIT_H

#include "depends.h"
#include "logfile.h"
#include "loop.h"
#include "ready.h"
#include "service.h"
#include "supervisor.h"

#include <stdint.h>
#include <sys/types.h>

enum unit_state {
	UNIT_WAITING,		/* for its dependencies or the network */
	UNIT_STARTING,		/* running, not ready yet */
	UNIT_RUNNING,		/* running and ready */
	UNIT_DONE,		/* a oneshot that ended well */
	UNIT_BACKOFF,		/* waiting to be restarted */
	UNIT_STOPPING,		/* sent its stop signal */
	UNIT_STOPPED,
	UNIT_FAILED,
};

struct unit {
	struct service svc;
	enum unit_state state;
	pid_t pid;
	unsigned restarts, failures;
	uint64_t since_ms, run_start_ms;
	int exited, last_status;	/* the last run's wait status */
	int want_stop, start_after_stop;
	struct depends_node deps;
	unsigned char required[DEPENDS_MAX_EDGES];
	char *envp[SERVICE_MAX_ENV + 2];
	struct loop_timer restart_timer, kill_timer;
	struct logfile log;
	struct ready_watch ready;
};

extern struct unit *units[SUPERVISOR_MAX_SERVICES];
extern unsigned unit_count;
extern unsigned unit_order[SUPERVISOR_MAX_SERVICES];	/* dependency order */

void unit_set_state(struct unit *u, enum unit_state state);

#endif
