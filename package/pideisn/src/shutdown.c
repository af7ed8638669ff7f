// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The shutdown's steps (see shutdown.h).  The waits (services stopping,
 * the grace before SIGKILL) are timers and reaper events: pideisn goes
 * on reaping all along, so that a process that ends is gone at once.
 */
#include "shutdown.h"
#include "control.h"
#include "log.h"
#include "loop.h"
#include "supervisor.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/reboot.h>
#include <unistd.h>

#define KILL_WAIT_MS	1000	/* after SIGKILL, for the kernel to end them */

enum step { STEP_RUNNING, STEP_SERVICES, STEP_TERM, STEP_KILL, STEP_DONE };

static const struct run_options *options;
static void (*const *hooks)(void);
static unsigned hook_count;
static enum step step;
static enum run_end asked;
static struct loop_timer timer;

static const char *const end_names[] = {
	[RUN_POWEROFF] = "power off", [RUN_REBOOT] = "reboot", [RUN_HALT] = "halt",
};

void shutdown_setup(const struct run_options *o, void (*const *fns)(void), unsigned count)
{
	options = o;
	hooks = fns;
	hook_count = count;
}

static int reboot_command(enum run_end end)
{
	if (end == RUN_REBOOT)
		return RB_AUTOBOOT;
	return end == RUN_HALT ? RB_HALT_SYSTEM : RB_POWER_OFF;
}

static void final_steps(void)
{
	step = STEP_DONE;
	loop_timer_stop(&timer);
	for (unsigned i = 0; i < hook_count; i++)
		hooks[i]();
	log_info("syncing file systems");
	sync();
	if (options->may_unmount)
		shutdown_unmount_all();
	if (!options->may_reboot)
		return;
	log_info("%s", end_names[asked]);
	reboot(reboot_command(asked));
	log_error("reboot(2) failed: %s; the system stays up, halted", strerror(errno));
}

/* kill(-1) spares PID 1; anywhere else it would hit every process of the user */
static int may_kill_all(void)
{
	return options->may_kill_all && getpid() == 1;
}

static void on_timer(struct loop_timer *t);

static void signal_everyone(int sig, enum step next, unsigned wait_ms)
{
	step = next;
	if (!may_kill_all() || (kill(-1, sig) < 0 && errno == ESRCH)) {
		if (next == STEP_TERM)
			signal_everyone(SIGKILL, STEP_KILL, KILL_WAIT_MS);
		else
			final_steps();
		return;
	}
	log_info("sending %s to every process left", sig == SIGTERM ? "SIGTERM" : "SIGKILL");
	timer.fire = on_timer;
	loop_timer_set(&timer, wait_ms);
}

static void on_timer(struct loop_timer *t)
{
	(void)t;
	if (step == STEP_TERM)
		signal_everyone(SIGKILL, STEP_KILL, KILL_WAIT_MS);
	else if (step == STEP_KILL)
		final_steps();
}

void shutdown_no_children(void)
{
	if (step == STEP_TERM || step == STEP_KILL)
		final_steps();
}

static void services_stopped(void)
{
	log_info("services stopped");
	signal_everyone(SIGTERM, STEP_TERM, options->kill_grace_ms);
}

void shutdown_request(enum run_end end)
{
	if (step != STEP_RUNNING) {
		log_info("already shutting down; %s ignored", end_names[end]);
		return;
	}
	asked = end;
	step = STEP_SERVICES;
	log_info("shutting down to %s: stopping services", end_names[end]);
	control_stop();
	supervisor_stop_all(services_stopped);
}

enum run_end shutdown_finished(void)
{
	return step == STEP_DONE ? asked : 0;
}
