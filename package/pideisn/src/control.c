// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The control socket's server (see control.h): a unix stream socket in
 * a folder only root may enter; each connection is checked with
 * SO_PEERCRED (uid 0 only), reads one request line within
 * CONTROL_TIMEOUT_MS, gets its answer and is closed.
 */
#define _GNU_SOURCE	/* pipe2, accept4, struct ucred */
#include "control.h"
#include "fmt.h"
#include "log.h"
#include "loop.h"
#include "shutdown.h"
#include "supervisor.h"

#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#define CONTROL_CONNECTIONS	8

struct connection {
	struct loop_watch watch;
	struct loop_timer timeout;
	size_t len;
	char line[CONTROL_LINE_MAX];
};

static struct loop_watch listener = { .fd = -1 };
static struct connection *connections[CONTROL_CONNECTIONS];

/* Answers ----------------------------------------------------------------- */

/*
 * a blocking write with the socket's send timeout: answers are small; a
 * client gone gives EPIPE, not SIGPIPE (run() ignores that signal)
 */
static void send_text(int fd, const char *text)
{
	fmt_write_all(fd, text, strlen(text));
}

static void send_error(int fd, const char *why)
{
	char line[CONTROL_LINE_MAX + 128];

	fmt_print(line, sizeof(line), "error %s\n", why);
	send_text(fd, line);
}

static void send_status(int fd, const char *name)
{
	char line[SUPERVISOR_STATUS_MAX + 1];
	int index;

	if (name[0]) {
		index = supervisor_find(name);
		if (index < 0) {
			send_error(fd, "no such service");
			return;
		}
		supervisor_status(index, line, sizeof(line) - 1);
		strcat(line, "\n");
		send_text(fd, line);
		send_text(fd, "ok\n");
		return;
	}
	for (unsigned i = 0; i < supervisor_count(); i++) {
		supervisor_status((int)i, line, sizeof(line) - 1);
		strcat(line, "\n");
		send_text(fd, line);
	}
	send_text(fd, "ok\n");
}

static int (*const service_commands[])(int, const char **) = {
	[CONTROL_START] = supervisor_start, [CONTROL_STOP] = supervisor_stop,
	[CONTROL_RESTART] = supervisor_restart,
};

static void answer(int fd, const struct control_request *req)
{
	const char *why = NULL;
	int index;

	switch (req->verb) {
	case CONTROL_STATUS:
		send_status(fd, req->name);
		return;
	case CONTROL_POWEROFF: case CONTROL_REBOOT: case CONTROL_HALT:
		send_text(fd, "ok\n");
		shutdown_request(req->verb == CONTROL_POWEROFF ? RUN_POWEROFF :
				 req->verb == CONTROL_REBOOT ? RUN_REBOOT : RUN_HALT);
		return;
	default:
		break;
	}
	index = supervisor_find(req->name);
	if (index < 0)
		send_error(fd, "no such service");
	else if (service_commands[req->verb](index, &why) < 0)
		send_error(fd, why);
	else
		send_text(fd, "ok\n");
}

/* Connections -------------------------------------------------------------- */

static void drop(struct connection *c)
{
	for (unsigned i = 0; i < CONTROL_CONNECTIONS; i++)
		if (connections[i] == c)
			connections[i] = NULL;
	loop_timer_stop(&c->timeout);
	loop_unwatch(&c->watch);
	close(c->watch.fd);
	free(c);
}

static void handle_line(struct connection *c, size_t len)
{
	struct control_request req;
	const char *why;

	if (control_parse(&req, c->line, len, &why) < 0) {
		send_error(c->watch.fd, why);
	} else {
		if (req.verb != CONTROL_STATUS)	/* what changes something is logged */
			log_info("control: %.*s", (int)len, c->line);
		answer(c->watch.fd, &req);
	}
	drop(c);
}

static void on_request(struct loop_watch *w, unsigned events)
{
	struct connection *c = (struct connection *)((char *)w - offsetof(struct connection, watch));
	ssize_t n = recv(w->fd, c->line + c->len, sizeof(c->line) - c->len, MSG_DONTWAIT);
	char *newline;

	(void)events;
	if (n < 0 && (errno == EAGAIN || errno == EINTR))
		return;
	if (n <= 0) {
		drop(c);	/* gone before its line was complete */
		return;
	}
	c->len += (size_t)n;
	newline = memchr(c->line, '\n', c->len);
	if (newline) {
		handle_line(c, (size_t)(newline - c->line));
	} else if (c->len == sizeof(c->line)) {
		send_error(w->fd, "request too long: one line of at most 127 bytes");
		drop(c);
	}
}

static void on_timeout(struct loop_timer *t)
{
	struct connection *c = (struct connection *)((char *)t - offsetof(struct connection, timeout));

	send_error(c->watch.fd, "timeout: send one request line at once");
	drop(c);
}

static int peer_is_root(int fd)
{
	struct ucred cred;
	socklen_t len = sizeof(cred);

	return getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) == 0 && cred.uid == 0;
}

static int free_slot(void)
{
	for (int i = 0; i < CONTROL_CONNECTIONS; i++)
		if (!connections[i])
			return i;
	return -1;
}

static void set_send_timeout(int fd)
{
	struct timeval tv = { .tv_sec = CONTROL_TIMEOUT_MS / 1000,
			      .tv_usec = CONTROL_TIMEOUT_MS % 1000 * 1000 };

	setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
}

static void on_connection(struct loop_watch *w, unsigned events)
{
	int fd = accept4(w->fd, NULL, NULL, SOCK_CLOEXEC), slot;
	struct connection *c;

	(void)events;
	if (fd < 0)
		return;
	set_send_timeout(fd);
	if (!peer_is_root(fd)) {
		send_error(fd, "permission denied: only root may control pideisn");
		close(fd);
		return;
	}
	slot = free_slot();
	c = slot < 0 ? NULL : calloc(1, sizeof(*c));
	if (!c) {
		send_error(fd, "busy: too many connections; try again");
		close(fd);
		return;
	}
	c->watch.fd = fd;
	c->watch.ready = on_request;
	c->timeout.fire = on_timeout;
	if (loop_watch(&c->watch, EPOLLIN) < 0) {
		close(fd);
		free(c);
		return;
	}
	connections[slot] = c;
	loop_timer_set(&c->timeout, CONTROL_TIMEOUT_MS);
}

/* The listening socket ------------------------------------------------------ */

/* path's folder, made if needed, root's alone (0700) */
static int make_folder(const char *path)
{
	char folder[sizeof(((struct sockaddr_un *)0)->sun_path)];
	const char *slash = strrchr(path, '/');
	size_t len = slash ? (size_t)(slash - path) : 0;

	if (len == 0)
		return 0;
	memcpy(folder, path, len);
	folder[len] = '\0';
	if (mkdir(folder, 0700) < 0 && errno != EEXIST)
		return -1;
	return chmod(folder, 0700);
}

static int bind_socket(const char *path)
{
	struct sockaddr_un addr = { .sun_family = AF_UNIX };
	int fd;

	if (strlen(path) >= sizeof(addr.sun_path)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	strcpy(addr.sun_path, path);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	if (fd < 0)
		return -1;
	unlink(path);	/* a socket left from an earlier life */
	if (bind(fd, (struct sockaddr *)&addr, sizeof(addr)) < 0 || chmod(path, 0600) < 0 ||
	    listen(fd, CONTROL_CONNECTIONS) < 0) {
		close(fd);
		return -1;
	}
	return fd;
}

int control_start(const char *path)
{
	if (make_folder(path) < 0 || (listener.fd = bind_socket(path)) < 0) {
		log_error("control socket %s: %s; pideisn status and the like will not work", path,
			  strerror(errno));
		return -1;
	}
	listener.ready = on_connection;
	if (loop_watch(&listener, EPOLLIN) < 0) {
		log_error("control socket %s: cannot watch it: %s", path, strerror(errno));
		close(listener.fd);
		listener.fd = -1;
		return -1;
	}
	return 0;
}

void control_stop(void)
{
	if (listener.fd < 0)
		return;
	loop_unwatch(&listener);
	close(listener.fd);
	listener.fd = -1;
}
