/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The control socket's protocol (control-proto.c), shared by the server
 * in PID 1 (control.c) and the client (client.c).  A request is one line,
 * "VERB [NAME]\n", at most CONTROL_LINE_MAX bytes with its newline.  The
 * answer is lines of text ending with a last line "ok" or "error WHY";
 * then the server closes the connection.  Documented in docs/pideisn.md.
 */
#ifndef PIDEISN_CONTROL_H
#define PIDEISN_CONTROL_H

#include "service.h"

#include <stddef.h>

#define CONTROL_PATH		"/run/pideisn/control"
#define CONTROL_LINE_MAX	128
#define CONTROL_TIMEOUT_MS	2000

enum control_verb {
	CONTROL_STATUS, CONTROL_START, CONTROL_STOP, CONTROL_RESTART,
	CONTROL_POWEROFF, CONTROL_REBOOT, CONTROL_HALT,
};

struct control_request {
	enum control_verb verb;
	char name[SERVICE_NAME_MAX + 1];	/* "" when not given */
};

/* The verb of a word ("status", ...); -1 when there is none. */
int control_verb_of(const char *word);
const char *control_verb_name(enum control_verb verb);

/*
 * Parse one request line (len bytes, without its newline).  0, or -1
 * with *why saying what is wrong (a static string).
 */
int control_parse(struct control_request *req, const char *line, size_t len, const char **why);

/*
 * The server: listen on path (its directory made 0700, the socket 0600,
 * only uid 0 answered).  0, or -1 (logged).
 */
int control_start(const char *path);
void control_stop(void);

#endif
