// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * net.c on the host, for t/37: loop.c and the network of the current
 * network namespace, configured as pideisn does at boot; pideisn's
 * messages on stderr.  SIGTERM or SIGINT stops it as shutdown does
 * (net_stop: the leases released), then it exits.
 *
 *   net-run [-c 'kernel command line'] [-r resolv.conf] [-i ip-file]
 *           [-t ready-timeout-ms]
 */
#include "../cmdline.h"
#include "../log.h"
#include "../loop.h"
#include "../net.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/signalfd.h>
#include <unistd.h>

static int stopped;

static void ready(void)
{
	log_info("net-run: the ready callback ran");
}

static void signalled(struct loop_watch *w, unsigned events)
{
	struct signalfd_siginfo info;

	(void)events;
	if (read(w->fd, &info, sizeof(info)) != sizeof(info))
		return;
	log_info("net-run: signal %u: stopping", info.ssi_signo);
	net_stop();
	stopped = 1;
}

static int watch_signals(struct loop_watch *w)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	if (sigprocmask(SIG_BLOCK, &set, NULL))
		return -1;
	w->fd = signalfd(-1, &set, SFD_CLOEXEC);
	w->ready = signalled;
	return w->fd < 0 ? -1 : loop_watch(w, EPOLLIN);
}

int main(int argc, char **argv)
{
	static char text[4096];
	struct net_settings settings = { 0 };
	struct cmdline cl = { 0 };
	char error[CMDLINE_ERROR_MAX];
	struct loop_watch signals;
	int opt;

	while ((opt = getopt(argc, argv, "c:r:i:t:")) != -1) {
		switch (opt) {
		case 'c':
			snprintf(text, sizeof(text), "%s", optarg);
			if (cmdline_parse(&cl, text, error))
				fprintf(stderr, "net-run: -c: %s\n", error);
			break;
		case 'r':
			settings.resolv_path = optarg;
			break;
		case 'i':
			settings.ip_file = optarg;
			break;
		case 't':
			settings.ready_timeout_ms = (unsigned)strtoul(optarg, NULL, 10);
			break;
		default:
			fprintf(stderr, "usage: net-run [-c cmdline] [-r resolv.conf] [-i ip-file] [-t ms]\n");
			return 2;
		}
	}
	log_setup(-1, 0, 0);
	if (loop_init() || watch_signals(&signals)) {
		perror("net-run: loop");
		return 1;
	}
	net_use_settings(&settings);
	net_start(&cl);
	net_on_ready(ready);
	while (!stopped)
		if (loop_run_once())
			return 1;
	return 0;
}
