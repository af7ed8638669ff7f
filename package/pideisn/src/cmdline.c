// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The kernel command line: words, then each word matched against the
 * parameters pideisn knows; the others are the kernel's own business and
 * are left alone.
 */
#include "cmdline.h"
#include "fmt.h"

#include <string.h>

struct parse {
	struct cmdline *cl;
	int problems;
	char *error;
};

static int blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The next word at *at, NUL-terminated in place, its quotes removed. */
static char *next_word(char **at)
{
	char *p = *at, *word, *end;
	int quoted = 0;

	while (blank(*p))
		p++;
	if (!*p)
		return NULL;
	word = p;
	for (; *p && (quoted || !blank(*p)); p++)
		if (*p == '"')
			quoted = !quoted;
	end = p;
	*at = *p ? p + 1 : p;
	*end = '\0';

	char *value = strchr(word, '=');
	char *open = word[0] == '"' ? word : value && value[1] == '"' ? value + 1 : NULL;
	if (open) {
		memmove(open, open + 1, (size_t)(end - open));
		end--;
		if (end > open && end[-1] == '"')
			*--end = '\0';
	}
	return word;
}

static void problem(struct parse *ps, const char *word, const char *what)
{
	if (ps->problems++ == 0)
		fmt_print(ps->error, CMDLINE_ERROR_MAX, "%s: %s", word, what);
}

static int parse_seconds(const char *text, unsigned *out)
{
	unsigned long v = 0;

	if (!*text)
		return -1;
	for (; *text; text++) {
		if (*text < '0' || *text > '9')
			return -1;
		v = v * 10 + (unsigned long)(*text - '0');
		if (v > 86400)
			return -1;
	}
	*out = (unsigned)v;
	return 0;
}

static const struct {
	const char *prefix;
	enum cmdline_root kind;
} root_kinds[] = {
	{ "LABEL=", ROOT_LABEL },
	{ "UUID=", ROOT_UUID },
	{ "PARTUUID=", ROOT_PARTUUID },
	{ "PARTLABEL=", ROOT_PARTLABEL },
};

static void parse_root(struct parse *ps, const char *word, const char *value)
{
	struct cmdline *cl = ps->cl;

	for (size_t i = 0; i < sizeof(root_kinds) / sizeof(root_kinds[0]); i++) {
		size_t n = strlen(root_kinds[i].prefix);
		if (strncmp(value, root_kinds[i].prefix, n) == 0 && value[n]) {
			cl->root_kind = root_kinds[i].kind;
			cl->root = value + n;
			return;
		}
	}
	if (value[0] == '/' && value[1]) {
		cl->root_kind = ROOT_PATH;
		cl->root = value;
		return;
	}
	problem(ps, word, "expected a device path (/dev/vda), LABEL=, UUID=, PARTUUID= or PARTLABEL=");
}

static void set_string(struct parse *ps, const char *word, const char **field,
		       const char *value)
{
	if (*value)
		*field = value;
	else
		problem(ps, word, "the value is empty");
}

static void parse_number(struct parse *ps, const char *word, unsigned *field,
			 const char *value)
{
	if (parse_seconds(value, field) < 0)
		problem(ps, word, "expected a number of seconds, 0 to 86400");
}

static void add_console(struct parse *ps, const char *word, const char *value)
{
	struct cmdline *cl = ps->cl;

	if (!*value)
		problem(ps, word, "the value is empty");
	else if (cl->console_count == CMDLINE_MAX_CONSOLES)
		problem(ps, word, "too many consoles (at most 8): this one is ignored");
	else
		cl->console[cl->console_count++] = value;
}

static int key_is(const char *word, const char *value, const char *key)
{
	size_t len = (size_t)(value - 1 - word);

	return strlen(key) == len && !strncmp(word, key, len);
}

static void parse_assignment(struct parse *ps, const char *word, const char *value)
{
	struct cmdline *cl = ps->cl;

	if (key_is(word, value, "root"))
		parse_root(ps, word, value);
	else if (key_is(word, value, "rootfstype"))
		set_string(ps, word, &cl->rootfstype, value);
	else if (key_is(word, value, "rootflags"))
		set_string(ps, word, &cl->rootflags, value);
	else if (key_is(word, value, "rootwait")) {
		cl->rootwait = 1;
		parse_number(ps, word, &cl->rootwait_seconds, value);
	} else if (key_is(word, value, "rootdelay"))
		parse_number(ps, word, &cl->rootdelay, value);
	else if (key_is(word, value, "hostname"))
		set_string(ps, word, &cl->hostname, value);
	else if (key_is(word, value, "init"))
		set_string(ps, word, &cl->init, value);
	else if (key_is(word, value, "rdinit"))
		set_string(ps, word, &cl->rdinit, value);
	else if (key_is(word, value, "ip"))
		set_string(ps, word, &cl->ip, value);
	else if (key_is(word, value, "console"))
		add_console(ps, word, value);
}

static void parse_flag(struct parse *ps, const char *word)
{
	struct cmdline *cl = ps->cl;

	if (!strcmp(word, "ro"))
		cl->access = ACCESS_RO;
	else if (!strcmp(word, "rw"))
		cl->access = ACCESS_RW;
	else if (!strcmp(word, "rootwait"))
		cl->rootwait = 1;
	else if (!strcmp(word, "quiet"))
		cl->quiet = 1;
}

static void add_init_arg(struct parse *ps, const char *word)
{
	struct cmdline *cl = ps->cl;

	if (cl->init_argc == CMDLINE_MAX_INIT_ARGS)
		problem(ps, word, "too many arguments after -- (at most 32): this one is ignored");
	else
		cl->init_argv[cl->init_argc++] = word;
}

int cmdline_parse(struct cmdline *cl, char *text, char error[CMDLINE_ERROR_MAX])
{
	struct parse ps = { cl, 0, error };
	int after_dashes = 0;
	char *word;

	memset(cl, 0, sizeof(*cl));
	error[0] = '\0';
	while ((word = next_word(&text))) {
		char *value = strchr(word, '=');

		if (after_dashes)
			add_init_arg(&ps, word);
		else if (!strcmp(word, "--"))
			after_dashes = 1;
		else if (value)
			parse_assignment(&ps, word, value + 1);
		else
			parse_flag(&ps, word);
	}
	return ps.problems;
}

size_t cmdline_console_name_length(const char *console)
{
	return strcspn(console, ",");
}
