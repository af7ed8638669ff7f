// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * run() on the host, for t/38: the supervisor, the control socket and
 * the shutdown of pideisn, as PID 1 of a PID namespace of their own
 * (unshare --pid --fork --mount-proc --mount).  Mounts are never
 * touched; the end is the real reboot(2), which in such a namespace
 * only ends it.
 *   run-harness SERVICES-DIR CONTROL-SOCKET [NETWORK-READY-AFTER-MS]
 * Refuses to run outside a PID namespace: there kill(-1) and reboot(2)
 * would reach the host.
 */
#include "../log.h"
#include "../loop.h"
#include "../run.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define INITIAL_PID_NAMESPACE	"pid:[4026531836]"	/* the kernel's PROC_PID_INIT_INO */

static struct loop_timer network_timer;

static void on_network(struct loop_timer *t)
{
	(void)t;
	log_info("network configured (the harness says so)");
	run_network_ready();
}

static void shutdown_hook(void)
{
	log_info("harness: the shutdown hook ran");
}

static int in_own_pid_namespace(void)
{
	char link[64];
	ssize_t n = readlink("/proc/self/ns/pid", link, sizeof(link) - 1);

	if (getpid() != 1 || n <= 0)
		return 0;
	link[n] = '\0';
	return strcmp(link, INITIAL_PID_NAMESPACE) != 0;
}

int main(int argc, char **argv)
{
	struct run_options o;

	if (argc < 3 || argc > 4) {
		fprintf(stderr, "usage: %s SERVICES-DIR CONTROL-SOCKET [NETWORK-MS]\n", argv[0]);
		return 2;
	}
	if (!in_own_pid_namespace()) {
		fprintf(stderr, "%s: not PID 1 of a PID namespace of its own (unshare --pid --fork "
			"--mount-proc); refusing\n", argv[0]);
		return 2;
	}
	log_setup(-1, 0, 0);
	if (loop_init() < 0)
		return 1;
	run_options_default(&o);
	o.services_dir = argv[1];
	o.control_path = argv[2];
	o.may_unmount = 0;	/* NEVER: a remount of a bind mount reaches the host's */
	o.kill_grace_ms = 1000;
	run_at_shutdown(shutdown_hook);
	if (argc == 4) {
		network_timer.fire = on_network;
		loop_timer_set(&network_timer, strtoul(argv[3], NULL, 10));
	}
	return run(&o) < 0 ? 1 : 0;
}
