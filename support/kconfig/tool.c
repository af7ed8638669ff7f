// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * kconfig: the companion tools of conf, one program with subcommands.
 *
 *   kconfig merge [options] BASE [FRAGMENT...]
 *   kconfig diff [options] [OLD NEW]
 *   kconfig tweak [--file FILE] COMMAND...
 *
 * Installed as kconfig-merge, kconfig-diff and kconfig-tweak (the names
 * of kconfig-frontends' scripts), it runs the matching subcommand.  This
 * file holds the dispatch and the reading of configuration files as
 * text (through support/lib/configfile.c, conf's own reader); each tool
 * is in its own file.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tool.h"

const char *tool_name = "kconfig";

static void vreport(const char *fmt, va_list ap)
{
	fprintf(stderr, "%s: ", tool_name);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void tool_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(fmt, ap);
	va_end(ap);
}

void tool_usage_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(fmt, ap);
	va_end(ap);
	fprintf(stderr, "Run '%s --help' for the usage.\n", tool_name);
	exit(EXIT_ERROR);
}

bool cfg_name_valid(const char *name)
{
	if (!*name)
		return false;
	for (const char *p = name; *p; p++)
		if (!(*p >= 'A' && *p <= 'Z') && !(*p >= 'a' && *p <= 'z') &&
		    !(*p >= '0' && *p <= '9') && *p != '_')
			return false;
	return true;
}

char *cfg_unquote(const char *value)
{
	char *text = xstrdup(value), *rest;

	if (!config_unquote(text, &rest) || *rest) {
		free(text);
		return NULL;
	}
	return text;
}

static void warn_not_config(const struct cfg_file *f, const struct cfg_line *l)
{
	const char *prefix = config_prefix();

	fprintf(stderr, "%s:%d: warning: not a configuration line, ignored: '%s' (expected %sNAME=value or '# %sNAME is not set'; is the prefix right? set it with CONFIG_=... or --prefix)\n",
		f->path, l->lineno, l->text, prefix, prefix);
}

/* one line as read: an assignment (name and value) or text kept as it is */
static void take_line(struct cfg_file *f, struct cfg_line *l, const struct config_line *in,
		      bool warn)
{
	l->lineno = in->lineno;
	l->text = xstrdup(in->text);
	/* the text tools also drop stray carriage returns at the end */
	for (size_t n = strlen(l->text); n && l->text[n - 1] == '\r'; n--)
		l->text[n - 1] = 0;
	if (in->kind == CONFIG_UNSET || in->kind == CONFIG_SET) {
		if (!cfg_name_valid(in->name)) {
			if (warn)
				fprintf(stderr, "%s:%d: warning: '%s' is not a symbol name (letters, digits and '_'); the line is ignored\n",
					f->path, l->lineno, in->name);
			return;
		}
		l->name = xstrdup(in->name);
		l->unset = in->kind == CONFIG_UNSET;
		l->value = l->unset ? xstrdup("n") : xstrdup(l->text + (in->value - in->text));
	} else if (warn && (in->kind == CONFIG_NO_EQUALS || in->kind == CONFIG_OTHER) && l->text[0]) {
		warn_not_config(f, l);
	}
}

int cfg_load(struct cfg_file *f, const char *path, bool warn)
{
	FILE *in = fopen(path, "r");
	struct config_reader reader;
	struct config_line *line;

	memset(f, 0, sizeof(*f));
	f->path = path;
	if (!in)
		return -1;
	config_reader_init(&reader, in, config_prefix());
	while ((line = config_reader_next(&reader))) {
		struct cfg_line *l;

		f->final_newline = line->newline;
		if (f->n == f->cap) {
			f->cap = f->cap ? f->cap * 2 : 64;
			f->lines = xrealloc(f->lines, f->cap * sizeof(*f->lines));
		}
		l = &f->lines[f->n++];
		memset(l, 0, sizeof(*l));
		take_line(f, l, line, warn);
	}
	config_reader_free(&reader);
	fclose(in);
	return 0;
}

void cfg_free(struct cfg_file *f)
{
	for (int i = 0; i < f->n; i++) {
		free(f->lines[i].text);
		free(f->lines[i].name);
		free(f->lines[i].value);
	}
	free(f->lines);
	memset(f, 0, sizeof(*f));
}

struct cfg_line *cfg_find(struct cfg_file *f, const char *name)
{
	for (int i = f->n - 1; i >= 0; i--)
		if (f->lines[i].name && !strcmp(f->lines[i].name, name))
			return &f->lines[i];
	return NULL;
}

static void usage(void)
{
	printf("Usage: kconfig COMMAND [options] ...\n"
	       "\n"
	       "  merge   apply configuration fragments to a base configuration, resolve it\n"
	       "          against a Kconfig tree, and report each requested value that did\n"
	       "          not survive, with the reason\n"
	       "  diff    compare two configurations symbol by symbol\n"
	       "  tweak   set, unset, enable, disable or read symbols in a configuration file\n"
	       "\n"
	       "'kconfig COMMAND --help' describes each; see also docs/kconfig.md.  Installed as\n"
	       "kconfig-merge, kconfig-diff or kconfig-tweak, the program runs that command.\n");
}

static const struct {
	const char *name;
	int (*run)(int argc, char **argv);
} commands[] = {
	{ "merge", merge_main },
	{ "diff", diff_main },
	{ "tweak", tweak_main },
};

int main(int argc, char **argv)
{
	const char *base = strrchr(argv[0], '/');

	base = base ? base + 1 : argv[0];
	/* kconfig-merge and kconfig-diff read kconfig-frontends' dialect */
	kconfig_dialect_from_program(argv[0]);
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		if (!strncmp(base, "kconfig-", 8) && !strcmp(base + 8, commands[i].name)) {
			tool_name = base;
			return commands[i].run(argc, argv);
		}
	}
	if (argc < 2) {
		usage();
		return EXIT_ERROR;
	}
	if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help") || !strcmp(argv[1], "help")) {
		usage();
		return EXIT_OK;
	}
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		if (!strcmp(argv[1], commands[i].name)) {
			static char name[64];

			snprintf(name, sizeof(name), "kconfig %s", commands[i].name);
			tool_name = name;
			return commands[i].run(argc - 1, argv + 1);
		}
	}
	tool_usage_error("unknown command '%s': use merge, diff or tweak", argv[1]);
}
