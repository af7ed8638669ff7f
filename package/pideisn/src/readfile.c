// SPDX-License-Identifier: GPL-2.0-or-later
/* Reading a small file whole (see readfile.h). */
#include "readfile.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

long read_file(const char *path, char *text, size_t size)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	size_t len = 0;
	ssize_t n = 1;
	int saved;

	if (fd < 0)
		return -1;
	while (len < size && n != 0) {
		n = read(fd, text + len, size - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			break;
		len += (size_t)n;
	}
	saved = errno;
	close(fd);
	errno = saved;
	if (n < 0)
		return -1;
	if (len >= size) {	/* no room left for the NUL: the file is too big */
		errno = EFBIG;
		return -1;
	}
	text[len] = '\0';
	return (long)len;
}
