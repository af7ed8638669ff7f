// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The supervisor at work (see supervisor.h).  Each service is a unit
 * with a state; every change calls supervisor_kick(), which walks the
 * units in dependency order and starts those whose turn it is.  A unit
 * may start when each service it is after is ready (running and ready,
 * or a oneshot that ended well), stopped or failed, and each service it
 * requires is ready; a required service that failed fails it.
 */
#include "unit.h"
#include "fmt.h"
#include "log.h"
#include "restart.h"
#include "spawn.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stddef.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *const state_names[] = {
	[UNIT_WAITING] = "waiting", [UNIT_STARTING] = "starting", [UNIT_RUNNING] = "running",
	[UNIT_DONE] = "done", [UNIT_BACKOFF] = "backoff", [UNIT_STOPPING] = "stopping",
	[UNIT_STOPPED] = "stopped", [UNIT_FAILED] = "failed",
};

static int network_ready, stopping_all;
static void (*all_stopped)(void);

void unit_set_state(struct unit *u, enum unit_state state)
{
	u->state = state;
	u->since_ms = loop_now_ms();
}

static int is_ready(const struct unit *u)
{
	return u->state == UNIT_RUNNING || u->state == UNIT_DONE;
}

static int is_over(const struct unit *u)
{
	return u->state == UNIT_STOPPED || u->state == UNIT_FAILED;
}

/* Starting --------------------------------------------------------------- */

enum verdict { GO, WAIT, FAIL };

/* may u start now?  On FAIL, *culprit is the required service that failed */
static enum verdict may_start(const struct unit *u, const struct unit **culprit)
{
	enum verdict v = GO;

	if (u->svc.network == NETWORK_WAIT && !network_ready)
		v = WAIT;
	for (unsigned i = 0; i < u->deps.count; i++) {
		const struct unit *dep = units[u->deps.on[i]];

		if (u->required[i] && dep->state == UNIT_FAILED) {
			*culprit = dep;
			return FAIL;
		}
		if (!is_ready(dep) && (u->required[i] || !is_over(dep)))
			v = WAIT;
	}
	return v;
}

static void became_ready(struct unit *u)
{
	unit_set_state(u, UNIT_RUNNING);
	if (u->svc.ready != READY_START)
		log_info("service %s is ready", u->svc.name);
	supervisor_kick();
}

static void on_ready(struct ready_watch *r)
{
	struct unit *u = (struct unit *)((char *)r - offsetof(struct unit, ready));

	if (u->state == UNIT_STARTING)
		became_ready(u);
}

static int open_null(void)
{
	return open("/dev/null", O_RDWR | O_CLOEXEC | O_NOCTTY);
}

/* the descriptors of the plan; the /dev/null one to close after the fork */
static int plan_io(struct unit *u, struct spawn_plan *plan)
{
	int null = -1;

	plan->input = -1;
	plan->output = -1;
	if (u->svc.input == INPUT_NULL || u->svc.output == OUTPUT_NULL)
		null = open_null();
	if (u->svc.input == INPUT_NULL)
		plan->input = null;
	if (u->svc.output == OUTPUT_NULL)
		plan->output = null;
	if (u->svc.output == OUTPUT_FILE &&
	    logfile_open(&u->log, u->svc.output_path, u->svc.rotate_bytes) == 0)
		plan->output = u->log.pipe_write;	/* else the console, said in the log */
	return null;
}

static void start_unit(struct unit *u)
{
	struct spawn_plan plan = { .argv = u->svc.argv, .envp = u->envp,
				   .workdir = u->svc.workdir, .ready_target = u->svc.ready_fd };
	struct identity id;
	char why[SPAWN_WHY_MAX];
	int null, ready_ok;

	if ((u->svc.user || u->svc.group) &&
	    identity_lookup(&id, u->svc.user, u->svc.group, why) < 0) {
		log_error("service %s: %s; it will not start", u->svc.name, why);
		unit_set_state(u, UNIT_FAILED);
		return;
	}
	plan.identity = u->svc.user || u->svc.group ? &id : NULL;
	null = plan_io(u, &plan);
	/* a oneshot is ready when it ends well, whatever ready says */
	plan.ready_fd = -1;
	ready_ok = u->svc.type == SERVICE_ONESHOT ||
		   ready_prepare(&u->ready, &u->svc, &plan.ready_fd) == 0;
	u->ready.ready = on_ready;
	u->pid = spawn(&plan, why);
	ready_spawned(&u->ready);
	if (null >= 0)
		close(null);
	if (u->pid < 0) {
		u->pid = 0;
		log_error("service %s: %s", u->svc.name, why);
		ready_cancel(&u->ready);
		unit_set_state(u, UNIT_FAILED);
		return;
	}
	if (why[0])
		log_error("service %s: %s", u->svc.name, why);
	u->run_start_ms = loop_now_ms();
	unit_set_state(u, UNIT_STARTING);
	log_info("service %s started (pid %d)", u->svc.name, (int)u->pid);
	if (u->svc.type == SERVICE_DAEMON && (u->svc.ready == READY_START || !ready_ok))
		became_ready(u);
}

void supervisor_kick(void)
{
	const struct unit *culprit = NULL;

	if (stopping_all)
		return;
	for (unsigned i = 0; i < unit_count; i++) {
		struct unit *u = units[unit_order[i]];

		if (u->state != UNIT_WAITING)
			continue;
		switch (may_start(u, &culprit)) {
		case GO:
			start_unit(u);
			break;
		case FAIL:
			log_error("service %s not started: it requires %s, which failed",
				  u->svc.name, culprit->svc.name);
			unit_set_state(u, UNIT_FAILED);
			break;
		case WAIT:
			break;
		}
	}
}

void supervisor_network_ready(void)
{
	if (network_ready)
		return;
	network_ready = 1;
	supervisor_kick();
}

/* Ends of runs ------------------------------------------------------------ */

static void on_restart_timer(struct loop_timer *t)
{
	struct unit *u = (struct unit *)((char *)t - offsetof(struct unit, restart_timer));

	if (u->state != UNIT_BACKOFF)
		return;
	u->restarts++;
	unit_set_state(u, UNIT_WAITING);
	supervisor_kick();
}

static void describe_status(int status, char *out, size_t size)
{
	if (WIFSIGNALED(status))
		fmt_print(out, size, "killed by signal %d", WTERMSIG(status));
	else
		fmt_print(out, size, "exited with status %d", WEXITSTATUS(status));
}

static void after_run(struct unit *u, int failed, uint64_t ran_ms, const char *how)
{
	unsigned delay;

	switch (restart_decide(&u->svc, failed, ran_ms, &u->failures, &delay)) {
	case VERDICT_RESTART:
		log_info("service %s %s; restarting in %u ms", u->svc.name, how, delay);
		unit_set_state(u, UNIT_BACKOFF);
		u->restart_timer.fire = on_restart_timer;
		loop_timer_set(&u->restart_timer, delay);
		return;
	case VERDICT_GIVE_UP:
		log_error("service %s %s; %u failed runs in a row: given up (pideisn start %s tries again)",
			  u->svc.name, how, u->failures, u->svc.name);
		unit_set_state(u, UNIT_FAILED);
		return;
	case VERDICT_DONE:
		log_info("service %s %s", u->svc.name, how);
		if (!failed && u->svc.type == SERVICE_ONESHOT)
			unit_set_state(u, UNIT_DONE);
		else
			unit_set_state(u, failed ? UNIT_FAILED : UNIT_STOPPED);
	}
}

static void check_all_stopped(void);

static void unit_exited(struct unit *u, int status)
{
	int failed = !WIFEXITED(status) || WEXITSTATUS(status) != 0;
	char how[64];

	u->pid = 0;
	u->exited = 1;
	u->last_status = status;
	loop_timer_stop(&u->kill_timer);
	ready_cancel(&u->ready);
	describe_status(status, how, sizeof(how));
	if (u->want_stop || stopping_all) {
		log_info("service %s stopped (%s)", u->svc.name, how);
		u->want_stop = 0;
		unit_set_state(u, UNIT_STOPPED);
		if (u->start_after_stop && !stopping_all) {
			u->start_after_stop = 0;
			u->restarts++;
			unit_set_state(u, UNIT_WAITING);
		}
	} else {
		after_run(u, failed, loop_now_ms() - u->run_start_ms, how);
	}
	if (stopping_all)
		check_all_stopped();
	else
		supervisor_kick();
}

int supervisor_child_exited(pid_t pid, int status)
{
	for (unsigned i = 0; i < unit_count; i++) {
		if (units[i]->pid == pid) {
			unit_exited(units[i], status);
			return 1;
		}
	}
	return 0;
}

/* Stopping ---------------------------------------------------------------- */

/* the whole session of the service, or the process when it left it */
static void signal_unit(struct unit *u, int sig)
{
	if (kill(-u->pid, sig) < 0)
		kill(u->pid, sig);
}

/* stop-signal's signals, in the order of enum service_stop_signal */
static const struct {
	int number;
	const char *name;
} stop_signals[] = {
	{ SIGTERM, "SIGTERM" }, { SIGHUP, "SIGHUP" }, { SIGINT, "SIGINT" },
	{ SIGQUIT, "SIGQUIT" }, { SIGUSR1, "SIGUSR1" }, { SIGUSR2, "SIGUSR2" },
};

static void on_kill_timer(struct loop_timer *t)
{
	struct unit *u = (struct unit *)((char *)t - offsetof(struct unit, kill_timer));

	if (!u->pid)
		return;
	log_warn("service %s did not stop within %u ms of %s: SIGKILL", u->svc.name,
		 u->svc.stop_timeout_ms, stop_signals[u->svc.stop_signal].name);
	signal_unit(u, SIGKILL);
}

static void stop_unit(struct unit *u)
{
	loop_timer_stop(&u->restart_timer);
	if (!u->pid) {
		if (!is_over(u) && u->state != UNIT_DONE)
			unit_set_state(u, UNIT_STOPPED);
		return;
	}
	if (u->want_stop)
		return;		/* its stop signal sent already */
	u->want_stop = 1;
	unit_set_state(u, UNIT_STOPPING);
	log_info("stopping service %s (pid %d)", u->svc.name, (int)u->pid);
	signal_unit(u, stop_signals[u->svc.stop_signal].number);
	u->kill_timer.fire = on_kill_timer;
	loop_timer_set(&u->kill_timer, u->svc.stop_timeout_ms);
}

/* does a service still running depend on u? */
static int has_live_dependent(unsigned index)
{
	for (unsigned i = 0; i < unit_count; i++) {
		const struct unit *v = units[i];

		if (!v->pid)
			continue;
		for (unsigned j = 0; j < v->deps.count; j++)
			if (v->deps.on[j] == index)
				return 1;
	}
	return 0;
}

static void check_all_stopped(void)
{
	unsigned alive = 0;

	/* reverse order: dependents go first; their dependencies when they are gone */
	for (unsigned i = unit_count; i-- > 0;) {
		unsigned index = unit_order[i];
		struct unit *u = units[index];

		if (!has_live_dependent(index))
			stop_unit(u);
		alive += u->pid != 0;
	}
	if (!alive && all_stopped) {
		void (*done)(void) = all_stopped;

		all_stopped = NULL;
		done();
	}
}

void supervisor_stop_all(void (*done)(void))
{
	stopping_all = 1;
	all_stopped = done;
	check_all_stopped();
}

/* The control socket's commands -------------------------------------------- */

int supervisor_start(int index, const char **why)
{
	struct unit *u = units[index];

	if (stopping_all) {
		*why = "the system is shutting down";
		return -1;
	}
	if (u->pid) {
		*why = u->want_stop ? "it is stopping; try again when it has" : "it is running";
		return -1;
	}
	loop_timer_stop(&u->restart_timer);
	u->failures = 0;
	unit_set_state(u, UNIT_WAITING);
	supervisor_kick();
	return 0;
}

int supervisor_stop(int index, const char **why)
{
	struct unit *u = units[index];

	if (is_over(u) && !u->pid) {
		*why = "it is not running";
		return -1;
	}
	u->start_after_stop = 0;
	stop_unit(u);
	return 0;
}

int supervisor_restart(int index, const char **why)
{
	struct unit *u = units[index];

	if (!u->pid)
		return supervisor_start(index, why);
	if (stopping_all) {
		*why = "the system is shutting down";
		return -1;
	}
	stop_unit(u);
	u->start_after_stop = 1;
	u->failures = 0;
	return 0;
}

static void describe_last(const struct unit *u, char *out, size_t size)
{
	if (!u->exited)
		fmt_print(out, size, "none");
	else if (WIFSIGNALED(u->last_status))
		fmt_print(out, size, "signal:%d", WTERMSIG(u->last_status));
	else
		fmt_print(out, size, "exit:%d", WEXITSTATUS(u->last_status));
}

void supervisor_status(int index, char *line, size_t size)
{
	const struct unit *u = units[index];
	uint64_t age = loop_now_ms() - u->since_ms;
	char last[32];

	describe_last(u, last, sizeof(last));
	fmt_print(line, size, "%s %s pid=%d restarts=%u since=%llu.%llus last=%s", u->svc.name,
		 state_names[u->state], (int)u->pid, u->restarts,
		 (unsigned long long)(age / 1000), (unsigned long long)(age % 1000 / 100), last);
}
