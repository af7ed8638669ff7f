// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The emergency shell.  PID 1 must never exit (the kernel would panic),
 * so the shell is started again whenever it ends; every other child is
 * reaped on the way.
 */
#include "emergency.h"
#include "log.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

static void shell_child(void)
{
	char *const argv[] = { "sh", NULL };
	char *const envp[] = { "PATH=/usr/sbin:/usr/bin:/sbin:/bin", "HOME=/", "TERM=linux", NULL };
	sigset_t none;
	int fd;

	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	setsid();
	fd = open("/dev/console", O_RDWR | O_NOCTTY);
	if (fd >= 0) {
		ioctl(fd, TIOCSCTTY, 1);
		dup2(fd, 0);
		dup2(fd, 1);
		dup2(fd, 2);
		if (fd > 2)
			close(fd);
	}
	execve("/bin/sh", argv, envp);
	log_error("cannot start /bin/sh: %s", strerror(errno));
	_exit(127);
}

void emergency_shell(const char *why)
{
	pid_t shell;
	int status;

	log_error("%s", why);
	for (;;) {
		log_error("starting an emergency shell on the console; "
			  "when it ends another one starts");
		shell = fork();
		if (shell == 0)
			shell_child();
		if (shell < 0) {
			pause();
			continue;
		}
		while (waitpid(-1, &status, 0) != shell)
			;
		if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
			for (;;)
				pause();
	}
}
