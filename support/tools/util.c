// SPDX-License-Identifier: GPL-2.0-or-later
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *program_name = "kiln-tool";

static void report(const char *kind, const char *fmt, va_list ap)
{
	fprintf(stderr, "%s: %s: ", program_name, kind);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report("error", fmt, ap);
	va_end(ap);
	exit(1);
}

void warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report("warning", fmt, ap);
	va_end(ap);
}

char *read_file(const char *path, size_t *len)
{
	struct strbuf b = { 0 };
	char chunk[65536];
	ssize_t n;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return NULL;
	sb_add(&b, "", 0);
	while ((n = read(fd, chunk, sizeof(chunk))) > 0)
		sb_add(&b, chunk, (size_t)n);
	if (n < 0) {
		int saved = errno;

		close(fd);
		sb_free(&b);
		errno = saved;
		return NULL;
	}
	close(fd);
	if (len)
		*len = b.len;
	return b.buf;
}

int write_if_changed(const char *path, const char *data, size_t len)
{
	size_t old_len;
	char *old = read_file(path, &old_len);
	char *tmp;
	FILE *f;

	if (old && old_len == len && !memcmp(old, data, len)) {
		free(old);
		return 0;
	}
	free(old);
	tmp = xasprintf("%s.tmp", path);
	f = fopen(tmp, "w");
	if (!f)
		die("cannot write %s: %s", tmp, strerror(errno));
	if (fwrite(data, 1, len, f) != len || fclose(f))
		die("cannot write %s: %s", tmp, strerror(errno));
	if (rename(tmp, path))
		die("cannot rename %s to %s: %s", tmp, path, strerror(errno));
	free(tmp);
	return 1;
}

int write_all(int fd, const void *data, size_t len)
{
	const char *p = data;
	ssize_t n;

	while (len) {
		n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0) {
			errno = ENOSPC;
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

void make_dirs(const char *path)
{
	char *p, *s;

	/* usually there already, or only the last part is missing */
	if (!mkdir(path, 0777) || errno == EEXIST)
		return;
	p = xstrdup(path);
	for (s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0777) && errno != EEXIST)
			die("cannot create %s: %s", p, strerror(errno));
		*s = '/';
	}
	if (mkdir(p, 0777) && errno != EEXIST)
		die("cannot create %s: %s", p, strerror(errno));
	free(p);
}
