// SPDX-License-Identifier: GPL-2.0-or-later
/* Unit tests of the service file parser (service.c, service-values.c). */
#include "../service.h"
#include "../service-values.h"
#include "unit.h"

#include <stdlib.h>
#include <unistd.h>

static struct service svc;
static struct service_error err;

static int parse(const char *text)
{
	return service_parse(&svc, "web", "/etc/pideisn/services/web", text, strlen(text), &err);
}

/* parsing fails with a message that contains want */
static void refuses(const char *text, const char *want)
{
	int failed = parse(text) < 0;

	CHECK(failed && strstr(err.message, want), want);
	if (!failed || !strstr(err.message, want))
		printf("#   message: %s\n", err.message);
}

static void test_full(void)
{
	CHECK(parse("# a web server\n"
		    "description = the web server\n"
		    "\n"
		    "command = /usr/bin/httpd -f -p 80 -h '/srv/my www' \"say \\\"hi\\\"\" a\\ b\n"
		    "  env = LANG=C.UTF-8\n"
		    "env=EMPTY=\n"
		    "workdir = /srv\n"
		    "user = www-data\n"
		    "group = 33\n"
		    "type = daemon\n"
		    "restart = always\n"
		    "backoff = 500ms\n"
		    "backoff-max = 2m\n"
		    "limit = 0\n"
		    "stop-timeout = 10\n"
		    "stop-signal = HUP\n"
		    "after = net-setup syslog\n"
		    "after = keys\n"
		    "requires = syslog\n"
		    "network = wait\n"
		    "input = console\n"
		    "output = file:/var/log/web.log\n"
		    "rotate = 1M\r\n"
		    "ready = fd:3\n") == 0, "a complete service parses");
	if (err.message[0])
		printf("#   %s\n", err.message);
	CHECK_STR(svc.name, "web", "name");
	CHECK_STR(svc.description, "the web server", "description");
	CHECK_STR(svc.argv[0], "/usr/bin/httpd", "argv[0]");
	CHECK_STR(svc.argv[5], "/srv/my www", "single quotes keep blanks");
	CHECK_STR(svc.argv[6], "say \"hi\"", "double quotes with escapes");
	CHECK_STR(svc.argv[7], "a b", "a backslash keeps a blank");
	CHECK(svc.argv[8] == NULL, "argv ends with NULL");
	CHECK_STR(svc.env[0], "LANG=C.UTF-8", "env");
	CHECK_STR(svc.env[1], "EMPTY=", "env with an empty value");
	CHECK(svc.env[2] == NULL, "env ends with NULL");
	CHECK_STR(svc.workdir, "/srv", "workdir");
	CHECK_STR(svc.user, "www-data", "user");
	CHECK_STR(svc.group, "33", "group by number");
	CHECK(svc.restart == RESTART_ALWAYS, "restart");
	CHECK(svc.backoff_ms == 500 && svc.backoff_max_ms == 120000, "backoff");
	CHECK(svc.limit == 0 && svc.stop_timeout_ms == 10000, "limit, stop-timeout");
	CHECK(svc.stop_signal == STOP_HUP, "stop-signal");
	CHECK(svc.after_count == 3, "after, repeated");
	CHECK_STR(svc.after[2], "keys", "the last after");
	CHECK(svc.requires_count == 1, "requires");
	CHECK(svc.network == NETWORK_WAIT && svc.input == INPUT_CONSOLE, "network, input");
	CHECK(svc.output == OUTPUT_FILE, "output file");
	CHECK_STR(svc.output_path, "/var/log/web.log", "its path");
	CHECK(svc.rotate_bytes == 1048576, "rotate, a CR ignored");
	CHECK(svc.ready == READY_FD && svc.ready_fd == 3, "ready fd");
}

static void test_defaults(void)
{
	CHECK(parse("command=/bin/sh") == 0, "one line, no newline, no blanks");
	CHECK(svc.type == SERVICE_DAEMON && svc.restart == RESTART_ON_FAILURE, "default type and restart");
	CHECK(svc.backoff_ms == 1000 && svc.backoff_max_ms == 60000 && svc.limit == 10, "default backoff");
	CHECK(svc.output == OUTPUT_CONSOLE && svc.input == INPUT_NULL && svc.ready == READY_START,
	      "default input, output, ready");
	CHECK(svc.network == NETWORK_NONE && !svc.user && !svc.workdir, "default network, user, workdir");
	CHECK(svc.stop_signal == STOP_TERM && svc.stop_timeout_ms == 5000, "default stop-signal and stop-timeout");
	parse("command = /bin/true\nready = file:/run/x.ready\noutput = null\ntype = oneshot\n");
	CHECK(svc.ready == READY_FILE && svc.output == OUTPUT_NULL && svc.type == SERVICE_ONESHOT,
	      "ready file, output null, oneshot");
	CHECK_STR(svc.ready_path, "/run/x.ready", "ready path");
}

static void test_errors(void)
{
	refuses("", "web: no command; add a line");
	refuses("# only a comment\n", "no command");
	refuses("command = /bin/a\ncommand = /bin/b\n", ":2: command is given twice (first on line 1)");
	refuses("command = sshd -D\n", ":1: command: 'sshd' is not an absolute path");
	refuses("command = /bin/echo 'open\n", "a single quote is not closed");
	refuses("command = /bin/echo \"open\n", "a double quote is not closed");
	refuses("command = /bin/echo \\\n", "a backslash ends the line");
	refuses("command = ''\n", "is not an absolute path");
	refuses("command /bin/sh\n", ":1: expected 'key = value'");
	refuses("\n\ncolour = red\n", ":3: unknown key 'colour'");
	refuses("command =\n", "command has no value");
	refuses("command = /bin/sh\nrestart = sometimes\n", ":2: restart: 'sometimes' is not one of on-failure|never|always");
	refuses("command = /bin/sh\nbackoff = 5 s\n", "backoff: '5 s' is not a duration");
	refuses("command = /bin/sh\nstop-signal = KILL\n", ":2: stop-signal: 'KILL' is not one of TERM|HUP|INT|QUIT|USR1|USR2");
	refuses("command = /bin/sh\nbackoff = 2d\n", "is not a duration");
	refuses("command = /bin/sh\nbackoff = 86400001ms\n", "is not a duration");
	refuses("command = /bin/sh\nbackoff = 99999999999999999999999\n", "is not a duration");
	refuses("command = /bin/sh\nbackoff = 2m\nbackoff-max = 1m\n", "backoff (120000 ms) is longer than backoff-max");
	refuses("command = /bin/sh\nlimit = -1\n", "limit: '-1' is not a number");
	refuses("command = /bin/sh\nenv = 1A=b\n", "env: expected NAME=value");
	refuses("command = /bin/sh\nenv = NOVALUE\n", "env: expected NAME=value");
	refuses("command = /bin/sh\nenv = A=1\nenv = A=2\n", ":3: env: A is set twice");
	refuses("command = /bin/sh\nworkdir = srv\n", "workdir: 'srv' is not an absolute path");
	refuses("command = /bin/sh\nuser = Root\n", "user: 'Root' is neither a name");
	refuses("command = /bin/sh\ngroup = a:b\n", "group: 'a:b' is neither");
	refuses("command = /bin/sh\nafter = web\n", "after: a service cannot wait for itself");
	refuses("command = /bin/sh\nrequires = ../etc/passwd\n", "requires: '../etc/passwd' is not a service name");
	refuses("command = /bin/sh\nafter = a 'b\n", "after: a single quote is not closed");
	refuses("command = /bin/sh\noutput = file:log\n", "output: the file must be an absolute path");
	refuses("command = /bin/sh\noutput = syslog\n", "output: 'syslog' is not one of");
	refuses("command = /bin/sh\nrotate = 1M\n", "rotate is set but the output is not a file");
	refuses("command = /bin/sh\noutput = file:/l\nrotate = 2T\n", "rotate: '2T' is not a size");
	refuses("command = /bin/sh\nready = fd:1\n", "ready: 'fd:1' is not one of");
	refuses("command = /bin/sh\nready = fd:256\n", "ready: 'fd:256'");
	refuses("command = /bin/sh\nready = file:rel\n", "ready: 'file:rel'");
	refuses("command = /bin/sh\nnetwork = maybe\n", "network: 'maybe' is not one of none|wait");
	CHECK(service_parse(&svc, ".hidden", "p", "command = /bin/sh", 17, &err) < 0 &&
	      strstr(err.message, "'.hidden' is not a service name"), "a hidden file is not a service");
	CHECK(service_parse(&svc, "a/b", "p", "command = /bin/sh", 17, &err) < 0, "a name with a slash");
	CHECK(service_parse(&svc, "x", "p", "command = /bin/sh\0x", 19, &err) < 0 &&
	      strstr(err.message, "p:1: a NUL byte"), "a NUL byte");
}

static void test_bounds(void)
{
	static char text[SERVICE_FILE_MAX * 2];
	char *p = text;

	memset(text, 'x', SERVICE_LINE_MAX);
	memcpy(text, "command = /", 11);
	text[SERVICE_LINE_MAX] = '\0';
	refuses(text, ":1: the line is longer than 1023 bytes");

	p = text + sprintf(text, "command = /bin/echo");
	for (int i = 0; i < SERVICE_MAX_ARGS; i++)
		p += sprintf(p, " %d", i);
	refuses(text, "more than 32 arguments");
	p = text + sprintf(text, "command = /bin/echo\n");
	for (int i = 0; i <= SERVICE_MAX_ENV; i++)
		p += sprintf(p, "env = V%d=x\n", i);
	refuses(text, ":34: env: more than 32 variables");
	p = text + sprintf(text, "command = /bin/echo\n");
	for (int i = 0; i <= SERVICE_MAX_DEPS; i++)
		p += sprintf(p, "after = s%d\n", i);
	refuses(text, ":18: after: more than 16 services");
	p = text + sprintf(text, "command = /bin/echo\n");
	for (int i = 0; i < 12; i++) {
		p += sprintf(p, "description = ");
		memset(p, 'd', 1000);
		p += 1000;
		p += sprintf(p, "\n");
	}
	refuses(text, "description is given twice");
	p = text + sprintf(text, "command = /bin/echo");
	for (int i = 0; i < 31; i++) {
		*p++ = ' ';
		memset(p, 'a', 30);
		p += 30;
	}
	for (int i = 0; i < 12; i++) {
		p += sprintf(p, "\nenv = A%d=", i);
		memset(p, 'v', 900);
		p += 900;
	}
	*p = '\0';
	refuses(text, "the service is too large");
}

static void test_values(void)
{
	unsigned ms;
	uint64_t bytes;
	unsigned long n;

	CHECK(parse_duration_ms("0", &ms) == 0 && ms == 0, "duration 0");
	CHECK(parse_duration_ms("1h", &ms) == 0 && ms == 3600000, "duration 1h");
	CHECK(parse_duration_ms("24h", &ms) == 0 && ms == 86400000, "a day");
	CHECK(parse_duration_ms("25h", &ms) < 0, "over a day");
	CHECK(parse_duration_ms("s", &ms) < 0, "a unit alone");
	CHECK(parse_duration_ms("1ss", &ms) < 0, "a unit twice");
	CHECK(parse_size("1G", &bytes) == 0 && bytes == 1073741824u, "size 1G");
	CHECK(parse_size("1024G", &bytes) == 0, "size 1 TiB");
	CHECK(parse_size("1025G", &bytes) < 0, "size over 1 TiB");
	CHECK(parse_size("", &bytes) < 0, "an empty size");
	CHECK(parse_size("1099511627776G", &bytes) < 0, "a size that overflows once scaled");
	CHECK(parse_size("1099511627776", &bytes) == 0 && bytes == 1ull << 40, "1 TiB in bytes");
	CHECK(parse_number("007", 0, 10, &n) == 0 && n == 7, "a number");
	CHECK(parse_number("11", 0, 10, &n) < 0, "a number over max");
	CHECK(parse_number("2", 3, 10, &n) < 0, "a number under min");
}

static void test_load(void)
{
	char dir[] = "/tmp/pideisn-test.XXXXXX", path[64];
	FILE *f;

	if (!mkdtemp(dir)) {
		CHECK(0, "mkdtemp");
		return;
	}
	snprintf(path, sizeof(path), "%s/getty", dir);
	f = fopen(path, "w");
	fputs("command = /sbin/getty -L 115200 console\nrestart = always\n", f);
	fclose(f);
	CHECK(service_load(&svc, dir, "getty", &err) == 0, "a file loads");
	CHECK_STR(svc.argv[3], "console", "its last argument");
	CHECK(service_load(&svc, dir, "missing", &err) < 0 && strstr(err.message, "cannot read: No such file"),
	      "a missing file");
	f = fopen(path, "w");
	for (int i = 0; i < SERVICE_FILE_MAX / 8 + 1; i++)
		fputs("# 34567\n", f);
	fclose(f);
	CHECK(service_load(&svc, dir, "getty", &err) < 0 && strstr(err.message, "larger than 16384"),
	      "an oversized file");
	unlink(path);
	rmdir(dir);
}

int main(void)
{
	test_full();
	test_defaults();
	test_errors();
	test_bounds();
	test_values();
	test_load();
	return unit_done();
}
