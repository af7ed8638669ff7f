// SPDX-License-Identifier: GPL-2.0-or-later
/* pideisn's messages to the console and the kernel's log (see log.h) */
#include "log.h"
#include "readfile.h"
#include "fmt.h"

#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define LOG_LINE_MAX 512

static int console = 2;
static int kmsg = -1;
static int quiet;

/*
 * The kernel drops all but a few lines a second written to /dev/kmsg
 * unless printk_devkmsg is "on"; a boot writes more.  (With
 * printk.devkmsg= on the command line, the setting is locked and stays.)
 */
static void kmsg_unlimited(void)
{
	int fd = open("/proc/sys/kernel/printk_devkmsg", O_WRONLY | O_CLOEXEC);

	if (fd < 0)
		return;
	if (write(fd, "on\n", 3) < 0) {
		/* locked by the command line: its choice stands */
	}
	close(fd);
}

void log_setup(int console_fd, int use_kmsg, int be_quiet)
{
	console = console_fd < 0 ? 2 : console_fd;
	quiet = be_quiet;
	if (use_kmsg && kmsg < 0)
		kmsg = open("/dev/kmsg", O_WRONLY | O_NOCTTY | O_CLOEXEC);
	if (kmsg >= 0)
		kmsg_unlimited();
}

/* one write, so that lines of different writers never mix */
static void write_line(int fd, const char *line, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, line, len);

		if (n <= 0)
			return;
		line += n;
		len -= (size_t)n;
	}
}

/*
 * Whether the kernel prints a message of this level written to /dev/kmsg
 * on the console itself: below its console log level (the first number of
 * /proc/sys/kernel/printk; 4 with quiet, 7 by default).  pideisn then
 * leaves the console to the kernel, so that no line shows twice.
 */
static int kernel_shows(enum log_level level)
{
	char text[64];
	int console_level;

	if (kmsg < 0 || read_file("/proc/sys/kernel/printk", text, sizeof(text)) <= 0)
		return 0;
	console_level = atoi(text);
	return (int)level < console_level;
}

void log_msg(enum log_level level, const char *fmt, ...)
{
	char text[LOG_LINE_MAX], line[LOG_LINE_MAX + 32];
	va_list ap;
	int n;

	va_start(ap, fmt);
	fmt_vprint(text, sizeof(text), fmt, ap);
	va_end(ap);
	if ((!quiet || level <= LOG_WARN) && !kernel_shows(level)) {
		n = fmt_print(line, sizeof(line), "pideisn: %s\n", text);
		if (n > 0)
			write_line(console, line, strnlen(line, sizeof(line)));
	}
	if (kmsg >= 0) {
		n = fmt_print(line, sizeof(line), "<%d>pideisn: %s\n", level, text);
		if (n > 0)
			write_line(kmsg, line, strnlen(line, sizeof(line)));
	}
}
