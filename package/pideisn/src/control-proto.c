// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The control protocol's request parser (see control.h): strict, since
 * it reads what a socket gave: printable words separated by one space.
 */
#include "control.h"

#include <string.h>

static const char *const verbs[] = {
	[CONTROL_STATUS] = "status", [CONTROL_START] = "start", [CONTROL_STOP] = "stop",
	[CONTROL_RESTART] = "restart", [CONTROL_POWEROFF] = "poweroff",
	[CONTROL_REBOOT] = "reboot", [CONTROL_HALT] = "halt",
};

int control_verb_of(const char *word)
{
	for (unsigned i = 0; i < sizeof(verbs) / sizeof(verbs[0]); i++)
		if (!strcmp(word, verbs[i]))
			return (int)i;
	return -1;
}

const char *control_verb_name(enum control_verb verb)
{
	return verbs[verb];
}

/* which verbs take a name: 0 none, 1 optional, 2 required */
static int name_rule(enum control_verb verb)
{
	switch (verb) {
	case CONTROL_STATUS:
		return 1;
	case CONTROL_START: case CONTROL_STOP: case CONTROL_RESTART:
		return 2;
	default:
		return 0;
	}
}

static int printable(const char *line, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)line[i] < ' ' || (unsigned char)line[i] >= 0x7f)
			return 0;
	return 1;
}

static int split(const char *line, size_t len, char *verb, size_t verb_size,
		 char *name, size_t name_size)
{
	const char *space = memchr(line, ' ', len);
	size_t verb_len = space ? (size_t)(space - line) : len;
	size_t name_len = space ? len - verb_len - 1 : 0;

	if (verb_len == 0 || verb_len >= verb_size || name_len >= name_size)
		return -1;
	if (space && (name_len == 0 || memchr(space + 1, ' ', name_len)))
		return -1;
	memcpy(verb, line, verb_len);
	verb[verb_len] = '\0';
	memcpy(name, space ? space + 1 : "", name_len);
	name[name_len] = '\0';
	return 0;
}

int control_parse(struct control_request *req, const char *line, size_t len, const char **why)
{
	char verb[16];
	int v;

	if (len > 0 && line[len - 1] == '\r')
		len--;
	if (len == 0 || len >= CONTROL_LINE_MAX || !printable(line, len)) {
		*why = "expected one line of printable text, as 'status NAME'";
		return -1;
	}
	if (split(line, len, verb, sizeof(verb), req->name, sizeof(req->name)) < 0) {
		*why = "expected a verb and at most one service name, separated by one space";
		return -1;
	}
	v = control_verb_of(verb);
	if (v < 0) {
		*why = "unknown verb; one of status, start, stop, restart, poweroff, reboot, halt";
		return -1;
	}
	req->verb = (enum control_verb)v;
	if (req->name[0] && name_rule(req->verb) == 0) {
		*why = "this verb takes no service name";
		return -1;
	}
	if (!req->name[0] && name_rule(req->verb) == 2) {
		*why = "this verb needs a service name";
		return -1;
	}
	if (req->name[0] && !service_name_valid(req->name)) {
		*why = "not a valid service name";
		return -1;
	}
	return 0;
}
