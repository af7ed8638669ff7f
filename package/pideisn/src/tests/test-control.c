// SPDX-License-Identifier: GPL-2.0-or-later
/* Unit tests of the control protocol's request parser (control-proto.c). */
#include "../control.h"
#include "unit.h"

static struct control_request req;
static const char *why;

static int parse(const char *line)
{
	why = NULL;
	return control_parse(&req, line, strlen(line), &why);
}

static void accepts(const char *line, enum control_verb verb, const char *name)
{
	int ok = parse(line) == 0 && req.verb == verb && !strcmp(req.name, name);

	CHECK(ok, line);
	if (!ok)
		printf("#   why: %s\n", why ? why : "(accepted)");
}

static void refuses(const char *line, const char *want)
{
	int ok = parse(line) < 0 && why && strstr(why, want);

	CHECK(ok, want);
	if (!ok)
		printf("#   line '%s', why: %s\n", line, why ? why : "(accepted)");
}

int main(void)
{
	char longer[CONTROL_LINE_MAX + 10];

	accepts("status", CONTROL_STATUS, "");
	accepts("status web", CONTROL_STATUS, "web");
	accepts("start web", CONTROL_START, "web");
	accepts("stop a.b@c-d_e", CONTROL_STOP, "a.b@c-d_e");
	accepts("restart web\r", CONTROL_RESTART, "web");
	accepts("poweroff", CONTROL_POWEROFF, "");
	accepts("reboot", CONTROL_REBOOT, "");
	accepts("halt", CONTROL_HALT, "");

	refuses("", "one line of printable text");
	refuses("status\tweb", "printable");
	refuses("status w\xc3\xa9", "printable");
	refuses("start", "needs a service name");
	refuses("stop", "needs a service name");
	refuses("poweroff now", "takes no service name");
	refuses("frobnicate web", "unknown verb");
	refuses("STATUS", "unknown verb");
	refuses("status a b", "at most one service name");
	refuses("status  web", "at most one service name");
	refuses("status ", "at most one service name");
	refuses(" status", "a verb");
	refuses("status .hidden", "not a valid service name");
	refuses("start ../etc", "not a valid service name");
	refuses("averyveryverylongverb x", "a verb");
	memset(longer, 'a', sizeof(longer) - 1);
	longer[sizeof(longer) - 1] = '\0';
	memcpy(longer, "status ", 7);
	refuses(longer, "one line");
	CHECK(control_parse(&req, "status web", 6, &why) == 0 && !req.name[0],
	      "the length given counts, not the NUL");
	CHECK(control_verb_of("halt") == CONTROL_HALT && control_verb_of("x") < 0, "verbs by name");
	return unit_done();
}
