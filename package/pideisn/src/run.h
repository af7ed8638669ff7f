/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * PID 1's life after boot (run.c): the signals, the supervisor, the
 * control socket and the shutdown, all in the event loop (loop_init()
 * must have been called: main does it before net_start).
 */
#ifndef PIDEISN_RUN_H
#define PIDEISN_RUN_H

enum run_end { RUN_POWEROFF = 1, RUN_REBOOT, RUN_HALT };

struct run_options {
	const char *services_dir;	/* /etc/pideisn/services */
	const char *control_path;	/* /run/pideisn/control */
	int may_kill_all;		/* at shutdown, kill(-1): honoured in PID 1 only */
	int may_unmount;		/* unmount, or remount read-only, every file system */
	int may_reboot;			/* end with reboot(2); else run() returns */
	unsigned kill_grace_ms;		/* SIGTERM to SIGKILL for the processes left */
};

/* The defaults of PID 1: everything allowed, the paths above, 2 s of grace. */
void run_options_default(struct run_options *o);

/* fn runs at shutdown, after every process has ended (main: net_stop).  At most 8. */
void run_at_shutdown(void (*fn)(void));
/* The network counts as configured (main passes it to net_on_ready). */
void run_network_ready(void);

/*
 * Supervise until a shutdown is asked (SIGTERM or SIGUSR2: poweroff,
 * SIGINT: reboot, SIGUSR1: halt, or the control socket), then shut down.
 * With may_reboot it ends in reboot(2) and never returns; without, it
 * returns the run_end asked for.  -1 when it could not start or the event
 * loop broke (main then gives the emergency shell).
 */
int run(const struct run_options *o);

#endif
