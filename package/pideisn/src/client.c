// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The control commands (see client.h): the request is built from the
 * arguments, checked with the server's own parser, sent; the answer's
 * lines are printed, its last line ("ok" or "error WHY") gives the exit
 * status.
 */
#include "client.h"
#include "fmt.h"
#include "control.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/un.h>
#include <unistd.h>

#define CLIENT_TIMEOUT_S	10	/* a stop answers at once; this is for a stuck PID 1 */
#define ANSWER_MAX		(256 * 1024)

static const char *program_name(const char *argv0)
{
	const char *slash = strrchr(argv0, '/');

	return slash ? slash + 1 : argv0;
}

static int is_shutdown_link(const char *name)
{
	return !strcmp(name, "poweroff") || !strcmp(name, "reboot") || !strcmp(name, "halt");
}

int client_wanted(int argc, char **argv)
{
	return is_shutdown_link(program_name(argv[0])) ||
	       (argc > 1 && control_verb_of(argv[1]) >= 0);
}

static int usage(const char *name)
{
	fmt_write(2, "usage: %s status [NAME] | start NAME | stop NAME | restart NAME | "
		"poweroff | reboot | halt\n", name);
	return CLIENT_USAGE;
}

/* "VERB [NAME]" from the arguments; -1 on a usage error */
static int build_request(int argc, char **argv, char *line, size_t size)
{
	const char *name = program_name(argv[0]);
	struct control_request req;
	const char *why;
	int n;

	if (is_shutdown_link(name)) {
		/* BusyBox's -f (no init) is accepted: pideisn is the init asked */
		if (argc > 2 || (argc == 2 && strcmp(argv[1], "-f")))
			return -1;
		n = fmt_print(line, size, "%s", name);
	} else if (argc == 2) {
		n = fmt_print(line, size, "%s", argv[1]);
	} else if (argc == 3) {
		n = fmt_print(line, size, "%s %s", argv[1], argv[2]);
	} else {
		return -1;
	}
	if (n < 0 || (size_t)n >= size - 1 || control_parse(&req, line, (size_t)n, &why) < 0) {
		if (n > 0 && (size_t)n < size - 1)
			fmt_write(2, "%s: %s\n", name, why);
		return -1;
	}
	strcat(line, "\n");
	return 0;
}

static int connect_control(const char *name, const char *path)
{
	struct sockaddr_un addr = { .sun_family = AF_UNIX };
	struct timeval tv = { .tv_sec = CLIENT_TIMEOUT_S };
	int fd;

	if (strlen(path) >= sizeof(addr.sun_path)) {
		fmt_write(2, "%s: %s: path too long\n", name, path);
		return -1;
	}
	strcpy(addr.sun_path, path);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0) {
		fmt_write(2, "%s: socket: %s\n", name, strerror(errno));
		return -1;
	}
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
	if (connect(fd, (struct sockaddr *)&addr, sizeof(addr)) == 0)
		return fd;
	if (errno == ENOENT)
		fmt_write(2, "%s: %s does not exist: is PID 1 pideisn? (BusyBox init has its own "
			"poweroff, reboot and halt)\n", name, path);
	else if (errno == EACCES || errno == EPERM)
		fmt_write(2, "%s: %s: permission denied; only root may control pideisn\n",
			name, path);
	else if (errno == ECONNREFUSED)
		fmt_write(2, "%s: nobody answers on %s: pideisn is not running, or shutting "
			"down\n", name, path);
	else
		fmt_write(2, "%s: %s: %s\n", name, path, strerror(errno));
	close(fd);
	return -1;
}

/* the whole answer, up to ANSWER_MAX bytes; NULL (said) on a failure */
static char *read_answer(const char *name, int fd)
{
	char *text = malloc(ANSWER_MAX + 1);
	size_t len = 0;
	ssize_t n;

	if (!text)
		return NULL;
	while (len < ANSWER_MAX && (n = read(fd, text + len, ANSWER_MAX - len)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == ECONNRESET && len > 0)
			break;	/* closed with our request unread: its answer is all there */
		if (n < 0) {
			fmt_write(2, "%s: no answer from pideisn: %s\n", name,
				errno == EAGAIN ? "timed out" : strerror(errno));
			free(text);
			return NULL;
		}
		len += (size_t)n;
	}
	text[len] = '\0';
	return text;
}

/* print the answer's lines but the last; the last says how it went */
static int report(const char *name, char *answer)
{
	char *last, *next;

	for (last = answer; (next = strchr(last, '\n')) && next[1]; last = next + 1)
		;
	fmt_write_all(1, answer, (size_t)(last - answer));
	last[strcspn(last, "\n")] = '\0';
	if (!strcmp(last, "ok"))
		return CLIENT_OK;
	if (!strncmp(last, "error ", 6)) {
		fmt_write(2, "%s: %s\n", name, last + 6);
		return CLIENT_REFUSED;
	}
	fmt_write(2, "%s: an answer cut short; is PID 1 shutting down?\n", name);
	return CLIENT_UNREACHABLE;
}

int client_main(int argc, char **argv)
{
	const char *name = program_name(argv[0]);
	const char *path = getenv("PIDEISN_CONTROL");
	char request[CONTROL_LINE_MAX + 1], *answer;
	int fd, status;

	if (build_request(argc, argv, request, sizeof(request)) < 0)
		return usage(name);
	fd = connect_control(name, path && path[0] ? path : CONTROL_PATH);
	if (fd < 0)
		return CLIENT_UNREACHABLE;
	/* a refusal may come before the request is read: the answer says why */
	send(fd, request, strlen(request), MSG_NOSIGNAL);
	answer = read_answer(name, fd);
	close(fd);
	if (!answer)
		return CLIENT_UNREACHABLE;
	status = report(name, answer);
	free(answer);
	return status;
}
