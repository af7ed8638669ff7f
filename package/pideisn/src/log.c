// SPDX-License-Identifier: GPL-2.0-or-later
/* pideisn's messages to the console and the kernel's log (see log.h) */
#include "log.h"

#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define LOG_LINE_MAX 512

static int console = 2;
static int kmsg = -1;
static int quiet;

void log_setup(int console_fd, int use_kmsg, int be_quiet)
{
	console = console_fd < 0 ? 2 : console_fd;
	quiet = be_quiet;
	if (use_kmsg && kmsg < 0)
		kmsg = open("/dev/kmsg", O_WRONLY | O_NOCTTY | O_CLOEXEC);
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

void log_msg(enum log_level level, const char *fmt, ...)
{
	char text[LOG_LINE_MAX], line[LOG_LINE_MAX + 32];
	va_list ap;
	int n;

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	if (!quiet || level <= LOG_WARN) {
		n = snprintf(line, sizeof(line), "pideisn: %s\n", text);
		if (n > 0)
			write_line(console, line, strnlen(line, sizeof(line)));
	}
	if (kmsg >= 0) {
		n = snprintf(line, sizeof(line), "<%d>pideisn: %s\n", level, text);
		if (n > 0)
			write_line(kmsg, line, strnlen(line, sizeof(line)));
	}
}
