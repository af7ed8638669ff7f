// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Service output to a file, rotated by size (see logfile.h).  Rotation
 * happens between reads, so a file may pass the limit by one read
 * (LOGFILE_CHUNK bytes) at most.
 */
#define _GNU_SOURCE	/* pipe2, accept4, struct ucred */
#include "logfile.h"
#include "fmt.h"
#include "log.h"

#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/stat.h>
#include <unistd.h>

#define LOGFILE_CHUNK	4096
#define LOGFILE_MODE	0640

static int open_file(struct logfile *lf)
{
	struct stat st;

	lf->file = open(lf->path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOCTTY,
			LOGFILE_MODE);
	if (lf->file < 0) {
		log_error("cannot open the log file %s: %s; create its folder", lf->path,
			  strerror(errno));
		return -1;
	}
	lf->size = fstat(lf->file, &st) == 0 ? (uint64_t)st.st_size : 0;
	return 0;
}

/* PATH becomes PATH.1 (replacing the old one); a fresh PATH is opened */
static void rotate(struct logfile *lf)
{
	char old[4096 + 3];

	if (fmt_print(old, sizeof(old), "%s.1", lf->path) >= (int)sizeof(old))
		return;
	close(lf->file);
	lf->file = -1;
	if (rename(lf->path, old) < 0)
		log_warn("cannot rotate %s to %s: %s", lf->path, old, strerror(errno));
	open_file(lf);
}

static void on_output(struct loop_watch *w, unsigned events)
{
	struct logfile *lf = (struct logfile *)((char *)w - offsetof(struct logfile, watch));
	char chunk[LOGFILE_CHUNK];
	ssize_t n;

	(void)events;
	n = read(w->fd, chunk, sizeof(chunk));
	if (n <= 0)
		return;		/* EAGAIN; no EOF while pideisn keeps the write end */
	if (lf->file >= 0 && lf->limit && lf->size >= lf->limit)
		rotate(lf);
	if (lf->file < 0 && open_file(lf) < 0)
		return;		/* the output is lost, said once per failed open */
	fmt_write_all(lf->file, chunk, (size_t)n);
	lf->size += (uint64_t)n;
}

int logfile_open(struct logfile *lf, const char *path, uint64_t limit)
{
	int fds[2];

	if (lf->watch.ready)
		return 0;
	lf->path = path;
	lf->limit = limit;
	if (open_file(lf) < 0)
		return -1;
	if (pipe2(fds, O_CLOEXEC) < 0) {
		log_error("cannot make a pipe for %s: %s", path, strerror(errno));
		close(lf->file);
		lf->file = -1;
		return -1;
	}
	fcntl(fds[0], F_SETFL, O_NONBLOCK);
	lf->pipe_write = fds[1];
	lf->watch.fd = fds[0];
	lf->watch.ready = on_output;
	if (loop_watch(&lf->watch, EPOLLIN) < 0) {
		log_error("cannot watch the pipe of %s: %s", path, strerror(errno));
		close(fds[0]);
		close(fds[1]);
		close(lf->file);
		lf->file = -1;
		lf->watch.ready = NULL;
		return -1;
	}
	return 0;
}
