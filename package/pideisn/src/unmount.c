// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The last step before reboot(2) (see shutdown.h): every mount of
 * /proc/self/mountinfo, last mounted first, unmounted; one that stays
 * busy (the root, a file still open) is remounted read-only, so that
 * nothing is lost when the power goes.
 */
#include "shutdown.h"
#include "log.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>

#define MOUNTINFO_MAX	(256 * 1024)
#define MOUNTS_MAX	512

/* mountinfo writes blanks and backslashes in paths as \ooo */
static void unescape(char *s)
{
	char *out = s;

	for (; *s; s++) {
		if (s[0] == '\\' && s[1] >= '0' && s[1] <= '3' && s[2] >= '0' && s[2] <= '7' &&
		    s[3] >= '0' && s[3] <= '7') {
			*out++ = (char)((s[1] - '0') * 64 + (s[2] - '0') * 8 + (s[3] - '0'));
			s += 3;
		} else {
			*out++ = *s;
		}
	}
	*out = '\0';
}

/* the mount point of a line: its fifth field */
static char *mount_point(char *line)
{
	char *field = line;

	for (int i = 0; i < 4; i++) {
		field = strchr(field, ' ');
		if (!field)
			return NULL;
		field++;
	}
	field[strcspn(field, " ")] = '\0';
	unescape(field);
	return field;
}

static long read_mountinfo(char *text, size_t size)
{
	int fd = open("/proc/self/mountinfo", O_RDONLY | O_CLOEXEC);
	size_t len = 0;
	ssize_t n = 1;

	if (fd < 0)
		return -1;
	while (len < size - 1 && (n = read(fd, text + len, size - 1 - len)) > 0)
		len += (size_t)n;
	close(fd);
	text[len] = '\0';
	return n < 0 ? -1 : (long)len;
}

static void unmount_one(const char *path)
{
	if (umount2(path, 0) == 0 || errno == EINVAL || errno == ENOENT)
		return;
	if (mount(NULL, path, NULL, MS_REMOUNT | MS_RDONLY, NULL) == 0)
		log_info("%s is busy: remounted read-only", path);
	else if (errno != EINVAL && errno != EACCES)
		log_warn("%s: cannot unmount or remount read-only: %s", path, strerror(errno));
}

void shutdown_unmount_all(void)
{
	char *points[MOUNTS_MAX], *line, *text = malloc(MOUNTINFO_MAX);
	unsigned n = 0;

	if (!text || read_mountinfo(text, MOUNTINFO_MAX) < 0) {
		log_error("cannot read /proc/self/mountinfo: %s; remounting / read-only alone",
			  strerror(errno));
		unmount_one("/");
		free(text);
		return;
	}
	log_info("unmounting file systems");
	for (line = strtok(text, "\n"); line && n < MOUNTS_MAX; line = strtok(NULL, "\n"))
		if ((points[n] = mount_point(line)))
			n++;
	while (n-- > 0)
		unmount_one(points[n]);
	free(text);
}
