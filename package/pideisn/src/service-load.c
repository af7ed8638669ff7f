// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Reading a service file: one read loop with a bound, then the parser.
 */
#include "service.h"
#include "fmt.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

static long read_bounded(int fd, char *buf, size_t size)
{
	size_t len = 0;

	for (;;) {
		ssize_t n = read(fd, buf + len, size - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			return (long)len;
		len += (size_t)n;
		if (len == size)
			return -2;
	}
}

int service_load(struct service *svc, const char *dir, const char *name,
		 struct service_error *err)
{
	char path[4096], text[SERVICE_FILE_MAX + 1];
	long len;
	int fd;

	if (fmt_print(path, sizeof(path), "%s/%s", dir, name) >= (int)sizeof(path)) {
		fmt_print(err->message, sizeof(err->message), "%.64s...: the path is too long", dir);
		return -1;
	}
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	if (fd < 0) {
		fmt_print(err->message, sizeof(err->message), "%.256s: cannot open: %s",
			 path, strerror(errno));
		return -1;
	}
	len = read_bounded(fd, text, sizeof(text));
	close(fd);
	if (len == -2) {
		fmt_print(err->message, sizeof(err->message),
			 "%.256s: larger than %d bytes; a service file is a few lines", path,
			 SERVICE_FILE_MAX);
		return -1;
	}
	if (len < 0) {
		fmt_print(err->message, sizeof(err->message), "%.256s: cannot read: %s",
			 path, strerror(errno));
		return -1;
	}
	return service_parse(svc, name, path, text, (size_t)len, err);
}
