// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * pideisn: Kiln's PID 1.  As PID 1 it boots (the early mounts, the
 * console, the root switch, the host name, the network) and then spends
 * its life in run(): supervising services, reaping orphans, shutting
 * down.  As any other process it is the control command (pideisn status,
 * poweroff, ...), which talks to PID 1 over its socket.
 */
#include "client.h"
#include "cmdline.h"
#include "emergency.h"
#include "log.h"
#include "loop.h"
#include "mounts.h"
#include "net.h"
#include "readfile.h"
#include "rootswitch.h"
#include "run.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef PIDEISN_VERSION
#define PIDEISN_VERSION "dev"
#endif

#define CMDLINE_SIZE 4096

static char cmdline_text[CMDLINE_SIZE];

/* the console as stdin, stdout and stderr of PID 1 and what it starts */
static void setup_console(void)
{
	int fd = open("/dev/console", O_RDWR | O_NOCTTY);

	if (fd < 0)
		fd = open("/dev/null", O_RDWR);
	if (fd < 0)
		return;
	dup2(fd, 0);
	dup2(fd, 1);
	dup2(fd, 2);
	if (fd > 2)
		close(fd);
}

static void parse_cmdline(struct cmdline *cl)
{
	char error[CMDLINE_ERROR_MAX];
	long len = read_file("/proc/cmdline", cmdline_text, sizeof(cmdline_text));

	if (len < 0)
		len = cmdline_text[0] = 0;
	if (len && cmdline_text[len - 1] == '\n')
		cmdline_text[len - 1] = 0;
	if (cmdline_parse(cl, cmdline_text, error) > 0)
		log_warn("kernel command line: %s", error);
}

/* hostname= on the command line, else the first line of /etc/hostname */
static void set_hostname(const struct cmdline *cl)
{
	char buf[256];
	const char *name = cl->hostname;

	if (!name && read_file("/etc/hostname", buf, sizeof(buf)) >= 0) {
		buf[strcspn(buf, "\r\n")] = 0;
		name = buf;
	}
	if (!name || !*name)
		return;
	if (sethostname(name, strlen(name)))
		log_warn("cannot set the host name to '%s': %s", name, strerror(errno));
}

static __attribute__((noreturn)) void boot(void)
{
	struct cmdline cl;
	struct run_options opts;

	umask(022);
	mount_dev();
	setup_console();
	log_setup(1, 1, 0);
	mount_early();
	parse_cmdline(&cl);
	log_setup(1, 1, cl.quiet);
	log_info("pideisn %s", PIDEISN_VERSION);
	if (root_switch(&cl))
		emergency_shell("the root switch failed (see above)");
	set_hostname(&cl);
	if (loop_init())
		emergency_shell("cannot create the event loop");
	run_options_default(&opts);
	run_at_shutdown(net_stop);
	net_on_ready(run_network_ready);
	net_start(&cl);
	log_info("ready");
	run(&opts);
	emergency_shell("supervision ended");
}

int main(int argc, char **argv)
{
	if (getpid() != 1)
		return client_main(argc, argv);
	boot();
}
