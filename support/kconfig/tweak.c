// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * kconfig tweak: change or read symbols in a configuration file from a
 * script, without a Kconfig tree, with the command line of Linux's
 * scripts/config.  Commands run in order on the file in memory; the
 * file is written once at the end (through a temporary file), and only
 * when something changed.  A symbol set more than once in the file has
 * every line changed; a new symbol goes at the end.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tool.h"

static void usage(void)
{
	printf("Usage: %s [options] COMMAND...\n"
	       "\n"
	       "Commands (NAME with or without the prefix; upper-cased unless -k):\n"
	       "  --enable, -e NAME         NAME=y\n"
	       "  --disable, -d NAME        # NAME is not set\n"
	       "  --module, -m NAME         NAME=m\n"
	       "  --set-str NAME TEXT       NAME=\"TEXT\" (quotes and backslashes escaped)\n"
	       "  --set-val, --set NAME V   NAME=V, as written\n"
	       "  --undefine, --unset, -u NAME   remove NAME's lines\n"
	       "  --state, --get, -s NAME   print y, m, n, the value (strings unquoted), or undef\n"
	       "  --enable-after, -E A NAME, --disable-after, -D A NAME, --module-after, -M A NAME\n"
	       "                            the same, a new NAME going right after A\n"
	       "Options:\n"
	       "  --file FILE               the configuration (default: $KCONFIG_CONFIG or .config)\n"
	       "  --prefix P                the symbol prefix (default: $CONFIG_ or CONFIG_)\n"
	       "  --keep-case, -k           keep the case of the names that follow\n"
	       "Exit status: 0 done, 1 error (nothing written).\n", tool_name);
}

struct tweak {
	struct cfg_file file;
	bool changed, keep_case;
};

static char *symbol_arg(struct tweak *t, const char *arg)
{
	const char *prefix = config_prefix();
	size_t plen = strlen(prefix);
	char *name = xstrdup(arg);

	if (!t->keep_case)
		for (char *p = name; *p; p++)
			*p = (char)toupper((unsigned char)*p);
	if (*prefix && !strncmp(name, prefix, plen))
		memmove(name, name + plen, strlen(name + plen) + 1);
	if (!cfg_name_valid(name))
		tool_usage_error("'%s' is not a symbol name (letters, digits and '_')", arg);
	return name;
}

static void set_line(struct cfg_line *l, const char *name, const char *value)
{
	const char *prefix = config_prefix();
	struct strbuf sb = { 0 };

	if (value)
		sb_addf(&sb, "%s%s=%s", prefix, name, value);
	else
		sb_addf(&sb, "# %s%s is not set", prefix, name);
	free(l->text);
	free(l->value);
	l->text = sb_detach(&sb);
	l->value = xstrdup(value ? value : "n");
	l->unset = !value;
}

static struct cfg_line *insert_line(struct cfg_file *f, int at, const char *name)
{
	struct cfg_line *l;

	if (f->n == f->cap) {
		f->cap = f->cap ? f->cap * 2 : 64;
		f->lines = xrealloc(f->lines, f->cap * sizeof(*f->lines));
	}
	memmove(&f->lines[at + 1], &f->lines[at], (f->n - at) * sizeof(*f->lines));
	f->n++;
	l = &f->lines[at];
	memset(l, 0, sizeof(*l));
	l->name = xstrdup(name);
	l->text = xstrdup("");
	return l;
}

/* value NULL: "is not set"; after: where a new line goes (NULL: the end) */
static void set_symbol(struct tweak *t, const char *name, const char *value, const char *after)
{
	struct cfg_file *f = &t->file;
	bool found = false;
	int at = f->n;

	for (int i = 0; i < f->n; i++) {
		struct cfg_line *l = &f->lines[i];

		if (!l->name || strcmp(l->name, name))
			continue;
		found = true;
		if (!strcmp(l->value, value ? value : "n") && l->unset == !value)
			continue;
		set_line(l, name, value);
		t->changed = true;
	}
	if (found)
		return;
	if (after) {
		struct cfg_line *a = cfg_find(f, after);

		if (a)
			at = (int)(a - f->lines) + 1;
	}
	set_line(insert_line(f, at, name), name, value);
	t->changed = true;
}

static void undefine(struct tweak *t, const char *name)
{
	struct cfg_file *f = &t->file;
	int j = 0;

	for (int i = 0; i < f->n; i++) {
		struct cfg_line *l = &f->lines[i];

		if (l->name && !strcmp(l->name, name)) {
			free(l->text);
			free(l->name);
			free(l->value);
			t->changed = true;
			continue;
		}
		f->lines[j++] = *l;
	}
	f->n = j;
}

static void print_state(struct tweak *t, const char *name)
{
	struct cfg_line *l = cfg_find(&t->file, name);
	char *text;

	if (!l) {
		puts("undef");
		return;
	}
	for (int i = 0; i < t->file.n; i++) {
		struct cfg_line *o = &t->file.lines[i];

		if (o != l && o->name && !strcmp(o->name, name) && o->lineno)
			fprintf(stderr, "%s:%d: warning: %s%s is set again at line %d; the last one counts\n",
				t->file.path, o->lineno, config_prefix(), name, l->lineno);
	}
	text = l->value[0] == '"' ? cfg_unquote(l->value) : NULL;
	puts(text ? text : l->value);
	free(text);
}

static int write_file(struct cfg_file *f)
{
	struct strbuf tmp = { 0 };
	FILE *out;
	int err;

	sb_addf(&tmp, "%s.%d.tmp", f->path, (int)getpid());
	out = fopen(tmp.buf, "w");
	if (!out) {
		tool_error("cannot write '%s': %s", tmp.buf, strerror(errno));
		sb_free(&tmp);
		return -1;
	}
	for (int i = 0; i < f->n; i++)
		fprintf(out, "%s\n", f->lines[i].text);
	err = ferror(out);
	if (fclose(out) || err || rename(tmp.buf, f->path)) {
		tool_error("cannot write '%s': %s", f->path, strerror(errno));
		unlink(tmp.buf);
		sb_free(&tmp);
		return -1;
	}
	sb_free(&tmp);
	return 0;
}

static const char *need_arg(int argc, char **argv, int i, const char *what)
{
	if (i >= argc)
		tool_usage_error("'%s' needs %s", argv[i - 1], what);
	return argv[i];
}

static bool is(const char *arg, const char *long_name, const char *short_name)
{
	return !strcmp(arg, long_name) || (short_name && !strcmp(arg, short_name));
}

/* how many arguments follow a command */
static int command_args(const char *a)
{
	if (is(a, "--set-str", NULL) || is(a, "--set-val", NULL) || is(a, "--set", NULL) ||
	    is(a, "--enable-after", "-E") || is(a, "--disable-after", "-D") ||
	    is(a, "--module-after", "-M"))
		return 2;
	if (is(a, "--keep-case", "-k") || a[0] != '-')
		return 0;
	return 1;
}

int tweak_main(int argc, char **argv)
{
	struct tweak t = { 0 };
	const char *path = getenv("KCONFIG_CONFIG");
	bool have_command = false;
	int i;

	if (!path || !*path)
		path = ".config";
	/* options first: they apply to every command */
	for (i = 1; i < argc; i++) {
		if (is(argv[i], "--help", "-h")) {
			usage();
			return EXIT_OK;
		}
		if (is(argv[i], "--file", NULL))
			path = need_arg(argc, argv, ++i, "a file name");
		else if (is(argv[i], "--prefix", NULL))
			setenv("CONFIG_", need_arg(argc, argv, ++i, "a prefix"), 1);
		else
			i += command_args(argv[i]);
	}
	if (cfg_load(&t.file, path, false) && errno != ENOENT) {
		tool_error("cannot read '%s': %s", path, strerror(errno));
		return EXIT_ERROR;
	}
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		char *name, *after = NULL;

		if (is(a, "--file", NULL) || is(a, "--prefix", NULL)) {
			i++;
			continue;
		}
		if (is(a, "--keep-case", "-k")) {
			t.keep_case = true;
			continue;
		}
		if (is(a, "--enable-after", "-E") || is(a, "--disable-after", "-D") ||
		    is(a, "--module-after", "-M"))
			after = symbol_arg(&t, need_arg(argc, argv, ++i, "the symbol to go after, then a symbol"));
		else if (a[0] != '-')
			tool_usage_error("'%s' is not a command; commands start with '-' (e.g. --enable NAME)", a);
		name = symbol_arg(&t, need_arg(argc, argv, ++i, "a symbol name"));
		have_command = true;
		if (is(a, "--enable", "-e") || is(a, "--enable-after", "-E")) {
			set_symbol(&t, name, "y", after);
		} else if (is(a, "--disable", "-d") || is(a, "--disable-after", "-D")) {
			set_symbol(&t, name, NULL, after);
		} else if (is(a, "--module", "-m") || is(a, "--module-after", "-M")) {
			set_symbol(&t, name, "m", after);
		} else if (is(a, "--set-str", NULL)) {
			char *q = config_quote(need_arg(argc, argv, ++i, "a symbol name and a text"));

			set_symbol(&t, name, q, NULL);
			free(q);
		} else if (is(a, "--set-val", NULL) || is(a, "--set", NULL)) {
			const char *v = need_arg(argc, argv, ++i, "a symbol name and a value");

			if (strchr(v, '\n') || !*v)
				tool_usage_error("the value of %s must be one non-empty line; use --set-str for text",
						 name);
			set_symbol(&t, name, v, NULL);
		} else if (is(a, "--undefine", "-u") || is(a, "--unset", NULL)) {
			undefine(&t, name);
		} else if (is(a, "--state", "-s") || is(a, "--get", NULL)) {
			if (t.file.n == 0 && access(path, R_OK)) {
				tool_error("cannot read '%s': %s", path, strerror(errno));
				return EXIT_ERROR;
			}
			print_state(&t, name);
		} else {
			tool_usage_error("unknown command '%s'", a);
		}
		free(name);
		free(after);
	}
	if (!have_command)
		tool_usage_error("no command: say what to do, e.g. '--enable NAME' or '--state NAME'");
	if (t.changed && write_file(&t.file))
		return EXIT_ERROR;
	cfg_free(&t.file);
	return EXIT_OK;
}
