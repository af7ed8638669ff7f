// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Readiness by file and by descriptor (see ready.h).  One inotify
 * descriptor serves every file: on any event in a watched folder, the
 * services waiting for a file check whether theirs exists now.
 */
#define _GNU_SOURCE	/* pipe2, accept4, struct ucred */
#include "ready.h"
#include "log.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stddef.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/inotify.h>
#include <unistd.h>

#define READY_EVENTS	(IN_CREATE | IN_MOVED_TO | IN_CLOSE_WRITE | IN_ATTRIB)

static struct loop_watch inotify_watch = { .fd = -1 };
static struct ready_watch *waiting_files;

static void unlink_waiting(struct ready_watch *r)
{
	struct ready_watch **p;

	for (p = &waiting_files; *p; p = &(*p)->next) {
		if (*p == r) {
			*p = r->next;
			break;
		}
	}
	r->next = NULL;
}

static void fire(struct ready_watch *r)
{
	ready_cancel(r);
	r->ready(r);
}

static void on_inotify(struct loop_watch *w, unsigned events)
{
	char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
	struct ready_watch *r, *next;

	(void)events;
	while (read(w->fd, buf, sizeof(buf)) > 0)
		;	/* which event it was matters not: the files are checked */
	for (r = waiting_files; r; r = next) {
		next = r->next;
		if (access(r->path, F_OK) == 0)
			fire(r);
	}
}

static int inotify_ready(void)
{
	if (inotify_watch.fd >= 0)
		return 0;
	inotify_watch.fd = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
	inotify_watch.ready = on_inotify;
	if (inotify_watch.fd < 0 || loop_watch(&inotify_watch, EPOLLIN) < 0) {
		if (inotify_watch.fd >= 0)
			close(inotify_watch.fd);
		inotify_watch.fd = -1;
		return -1;
	}
	return 0;
}

static int watch_folder(const char *path)
{
	char folder[PATH_MAX];
	const char *slash = strrchr(path, '/');
	size_t len = slash && slash != path ? (size_t)(slash - path) : 1;

	if (len >= sizeof(folder))
		return -1;
	memcpy(folder, path, len);
	folder[len] = '\0';
	return inotify_add_watch(inotify_watch.fd, folder, READY_EVENTS) < 0 ? -1 : 0;
}

static int prepare_file(struct ready_watch *r, const struct service *svc)
{
	r->path = svc->ready_path;
	if (unlink(r->path) < 0 && errno != ENOENT)
		log_warn("service %s: cannot remove the old ready file %s: %s", svc->name,
			 r->path, strerror(errno));
	if (inotify_ready() < 0 || watch_folder(r->path) < 0) {
		log_error("service %s: cannot watch for %s: %s; create its folder first",
			  svc->name, r->path, strerror(errno));
		return -1;
	}
	r->next = waiting_files;
	waiting_files = r;
	r->waiting = 1;
	return 0;
}

static void on_pipe(struct loop_watch *w, unsigned events)
{
	struct ready_watch *r = (struct ready_watch *)((char *)w - offsetof(struct ready_watch, pipe));
	char byte[64];
	ssize_t n = read(w->fd, byte, sizeof(byte));

	(void)events;
	if (n > 0)
		fire(r);
	else if (n == 0 || errno != EAGAIN)
		ready_cancel(r);	/* closed without a word: not ready */
}

static int prepare_pipe(struct ready_watch *r, const struct service *svc, int *child_fd)
{
	int fds[2];

	if (pipe2(fds, O_CLOEXEC | O_NONBLOCK) < 0) {
		log_error("service %s: cannot make its ready pipe: %s", svc->name, strerror(errno));
		return -1;
	}
	r->pipe.fd = fds[0];
	r->pipe.ready = on_pipe;
	if (loop_watch(&r->pipe, EPOLLIN) < 0) {
		log_error("service %s: cannot watch its ready pipe: %s", svc->name, strerror(errno));
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	/* the service's end blocks as any descriptor it would open */
	fcntl(fds[1], F_SETFL, 0);
	r->child_fd = *child_fd = fds[1];
	r->waiting = 1;
	return 0;
}

int ready_prepare(struct ready_watch *r, const struct service *svc, int *child_fd)
{
	ready_cancel(r);
	*child_fd = -1;
	r->child_fd = -1;
	r->pipe.fd = -1;
	if (svc->ready == READY_FILE)
		return prepare_file(r, svc);
	if (svc->ready == READY_FD)
		return prepare_pipe(r, svc, child_fd);
	return 0;
}

void ready_spawned(struct ready_watch *r)
{
	if (r->child_fd >= 0)
		close(r->child_fd);
	r->child_fd = -1;
}

void ready_cancel(struct ready_watch *r)
{
	if (!r->waiting)
		return;
	r->waiting = 0;
	ready_spawned(r);
	if (r->pipe.fd >= 0) {
		loop_unwatch(&r->pipe);
		close(r->pipe.fd);
		r->pipe.fd = -1;
	}
	if (r->path)
		unlink_waiting(r);
}
