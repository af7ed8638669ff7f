// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * PID 1 after boot (see run.h): signals arrive through a signalfd in the
 * event loop.  SIGCHLD reaps every child there is (waitpid until none is
 * left), the service's or an orphan's; the others ask for a shutdown.
 */
#include "run.h"
#include "control.h"
#include "log.h"
#include "loop.h"
#include "shutdown.h"
#include "supervisor.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/prctl.h>
#include <sys/reboot.h>
#include <sys/signalfd.h>
#include <sys/wait.h>
#include <unistd.h>

#define RUN_MAX_HOOKS	8

static void (*hooks[RUN_MAX_HOOKS])(void);
static unsigned hook_count;
static struct loop_watch signals = { .fd = -1 };

void run_options_default(struct run_options *o)
{
	o->services_dir = "/etc/pideisn/services";
	o->control_path = CONTROL_PATH;
	o->may_kill_all = 1;
	o->may_unmount = 1;
	o->may_reboot = 1;
	o->kill_grace_ms = 2000;
}

void run_at_shutdown(void (*fn)(void))
{
	if (hook_count < RUN_MAX_HOOKS)
		hooks[hook_count++] = fn;
	else
		log_error("more than %d shutdown functions; one is dropped", RUN_MAX_HOOKS);
}

void run_network_ready(void)
{
	supervisor_network_ready();
}

static void reap(void)
{
	for (;;) {
		int status;
		pid_t pid = waitpid(-1, &status, WNOHANG);

		if (pid > 0) {
			supervisor_child_exited(pid, status);
			continue;
		}
		if (pid < 0 && errno == EINTR)
			continue;
		if (pid < 0 && errno == ECHILD)
			shutdown_no_children();
		return;
	}
}

static void on_signal(struct loop_watch *w, unsigned events)
{
	struct signalfd_siginfo si;

	(void)events;
	while (read(w->fd, &si, sizeof(si)) == (ssize_t)sizeof(si)) {
		switch (si.ssi_signo) {
		case SIGCHLD:
			reap();
			break;
		case SIGTERM: case SIGUSR2:
			shutdown_request(RUN_POWEROFF);
			break;
		case SIGINT:
			shutdown_request(RUN_REBOOT);
			break;
		case SIGUSR1:
			shutdown_request(RUN_HALT);
			break;
		}
	}
}

static int watch_signals(void)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGUSR2);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGUSR1);
	signal(SIGPIPE, SIG_IGN);	/* a client gone: write() says EPIPE */
	if (sigprocmask(SIG_BLOCK, &set, NULL) < 0)
		return -1;
	signals.fd = signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK);
	signals.ready = on_signal;
	if (signals.fd < 0 || loop_watch(&signals, EPOLLIN) < 0)
		return -1;
	return 0;
}

int run(const struct run_options *o)
{
	if (watch_signals() < 0) {
		log_error("cannot watch signals: %s", strerror(errno));
		return -1;
	}
	if (getpid() == 1 && o->may_reboot)
		reboot(RB_DISABLE_CAD);		/* Ctrl-Alt-Del: SIGINT, a clean reboot */
	else if (getpid() != 1)
		prctl(PR_SET_CHILD_SUBREAPER, 1);	/* orphans come to us, as to PID 1 */
	shutdown_setup(o, hooks, hook_count);
	control_start(o->control_path);
	supervisor_load(o->services_dir);
	supervisor_kick();
	reap();		/* children that ended before the signalfd */
	for (;;) {
		if (loop_run_once() < 0) {
			log_error("the event loop broke: %s", strerror(errno));
			return -1;
		}
		if (shutdown_finished())
			return (int)shutdown_finished();
	}
}
