// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The macro language of Kconfig: $(var), $(func,arg,...), user-defined
 * functions with $(1)..., environment variables, and the built-in
 * functions shell, info, warning-if, error-if, filename and lineno.
 *
 * Identical $(shell,...) commands run once per process: their output
 * is remembered (compiler probes dominate parse time in Linux's tree).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kconfig.h"

#define MAX_ARGS 16

bool macro_allow_shell = true;
const char *macro_file = "<command line>";
int macro_line;

struct variable {
	struct variable *next;
	char *name;
	char *value;
	enum var_flavor flavor;
	int depth;		/* expansions in progress */
};

struct env_used {
	struct env_used *next;
	char *name, *value;
};

struct shell_memo {
	struct shell_memo *next;
	char *cmd, *out;
};

static struct variable *variables;
static struct env_used *env_used, **env_used_tail = &env_used;
static struct shell_memo *shell_memo;

static char *expand_with_args(const char **in, bool (*at_end)(char),
			      int argc, char **argv);

static _Noreturn void macro_fail(const char *fmt, const char *arg)
{
	kc_fatal(macro_file, macro_line, fmt, arg);
}

static struct variable *var_find(const char *name)
{
	for (struct variable *v = variables; v; v = v->next)
		if (!strcmp(v->name, name))
			return v;
	return NULL;
}

void macro_define(const char *name, const char *value, enum var_flavor flavor)
{
	struct variable *v = var_find(name);
	bool append = false;
	char *val;

	if (v && flavor == VAR_APPEND) {
		append = true;
		flavor = v->flavor;
	} else if (!v) {
		if (flavor == VAR_APPEND)
			flavor = VAR_RECURSIVE;
		v = xcalloc(1, sizeof(*v));
		v->name = xstrdup(name);
		/* keep definition order; lookups are by name */
		struct variable **tail = &variables;

		while (*tail)
			tail = &(*tail)->next;
		*tail = v;
	}
	v->flavor = flavor;
	val = flavor == VAR_SIMPLE ? macro_expand_string(value) : xstrdup(value);
	if (append && v->value) {
		size_t n = strlen(v->value) + strlen(val) + 2;
		char *joined = xmalloc(n);

		snprintf(joined, n, "%s %s", v->value, val);
		free(val);
		val = joined;
	}
	free(v->value);
	v->value = val;
}

void macro_reset(void)
{
	while (variables) {
		struct variable *v = variables;

		variables = v->next;
		free(v->name);
		free(v->value);
		free(v);
	}
}

static char *env_lookup(const char *name)
{
	struct env_used *e;
	const char *value;

	if (!*name)
		return NULL;
	for (e = env_used; e; e = e->next)
		if (!strcmp(e->name, name))
			return xstrdup(e->value);
	value = getenv(name);
	if (!value)
		return NULL;
	/* remembered for auto.conf.cmd: a change must re-run syncconfig */
	e = xcalloc(1, sizeof(*e));
	e->name = xstrdup(name);
	e->value = xstrdup(value);
	*env_used_tail = e;
	env_used_tail = &e->next;
	return xstrdup(value);
}

void macro_write_env_deps(FILE *f, const char *target)
{
	for (struct env_used *e = env_used; e; e = e->next) {
		fprintf(f, "ifneq \"$(%s)\" \"%s\"\n", e->name, e->value);
		fprintf(f, "%s: FORCE\n", target);
		fprintf(f, "endif\n");
	}
}

static char *run_shell(const char *cmd)
{
	struct shell_memo *m;
	char buf[4096];
	size_t n;
	FILE *p;

	for (m = shell_memo; m; m = m->next)
		if (!strcmp(m->cmd, cmd))
			return xstrdup(m->out);
	if (!macro_allow_shell)
		return xstrdup("");

	fflush(stdout);
	p = popen(cmd, "r");
	if (!p)
		macro_fail("cannot run shell command '%s'", cmd);
	n = fread(buf, 1, sizeof(buf), p);
	/* keep reading so the command is not killed by SIGPIPE */
	while (!feof(p) && !ferror(p)) {
		char sink[4096];

		if (!fread(sink, 1, sizeof(sink), p))
			break;
	}
	if (n == sizeof(buf))
		n--;
	while (n > 0 && buf[n - 1] == '\n')
		n--;
	buf[n] = 0;
	for (size_t i = 0; i < n; i++)
		if (buf[i] == '\n')
			buf[i] = ' ';
	if (pclose(p) == -1)
		macro_fail("cannot wait for shell command '%s'", cmd);

	m = xcalloc(1, sizeof(*m));
	m->cmd = xstrdup(cmd);
	m->out = xstrdup(buf);
	m->next = shell_memo;
	shell_memo = m;
	return xstrdup(buf);
}

struct builtin {
	const char *name;
	int min_args, max_args;
	char *(*fn)(int argc, char **argv);
};

static char *fn_error_if(int argc, char **argv)
{
	(void)argc;
	if (!strcmp(argv[0], "y"))
		kc_fatal(macro_file, macro_line, "%s", argv[1]);
	return xstrdup("");
}

static char *fn_warning_if(int argc, char **argv)
{
	(void)argc;
	if (!strcmp(argv[0], "y"))
		fprintf(stderr, "%s:%d: %s\n", macro_file, macro_line, argv[1]);
	return xstrdup("");
}

static char *fn_info(int argc, char **argv)
{
	(void)argc;
	printf("%s\n", argv[0]);
	return xstrdup("");
}

static char *fn_filename(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return xstrdup(macro_file);
}

static char *fn_lineno(int argc, char **argv)
{
	char buf[24];

	(void)argc;
	(void)argv;
	snprintf(buf, sizeof(buf), "%d", macro_line);
	return xstrdup(buf);
}

static char *fn_shell(int argc, char **argv)
{
	(void)argc;
	return run_shell(argv[0]);
}

static const struct builtin builtins[] = {
	{ "error-if", 2, 2, fn_error_if },
	{ "filename", 0, 0, fn_filename },
	{ "info", 1, 1, fn_info },
	{ "lineno", 0, 0, fn_lineno },
	{ "shell", 1, 1, fn_shell },
	{ "warning-if", 2, 2, fn_warning_if },
};

static char *call_builtin(const char *name, int argc, char **argv)
{
	for (size_t i = 0; i < sizeof(builtins) / sizeof(builtins[0]); i++) {
		const struct builtin *b = &builtins[i];

		if (strcmp(b->name, name))
			continue;
		if (argc < b->min_args)
			macro_fail("too few arguments to function '%s'", name);
		if (argc > b->max_args)
			macro_fail("too many arguments to function '%s'", name);
		return b->fn(argc, argv);
	}
	return NULL;
}

static char *expand_variable(const char *name, int argc, char **argv)
{
	struct variable *v = var_find(name);
	char *res;

	if (!v)
		return NULL;
	if (argc == 0 && v->depth)
		macro_fail("recursive variable '%s' references itself (eventually)", name);
	if (v->depth > 1000)
		macro_fail("expansion of '%s' nests too deeply", name);
	v->depth++;
	if (v->flavor == VAR_RECURSIVE) {
		const char *p = v->value;
		char *value_copy = xstrdup(p);	/* the variable may be redefined */

		p = value_copy;
		res = expand_with_args(&p, NULL, argc, argv);
		free(value_copy);
	} else {
		res = xstrdup(v->value);
	}
	v->depth--;
	return res;
}

/* evaluate the inside of $(...): a reference, a call, or an argument */
static char *eval_reference(const char *text, size_t len, int argc, char **argv)
{
	char *copy = xstrndup(text, len);
	char *pieces[MAX_ARGS];
	char *args[MAX_ARGS];
	int npieces = 0, depth = 0;
	char *name, *res, *end, *start;
	unsigned long n;

	n = strtoul(copy, &end, 10);
	if (!*end && n > 0 && n <= (unsigned long)argc) {
		res = xstrdup(argv[n - 1]);
		free(copy);
		return res;
	}

	start = copy;
	for (char *p = copy; *p; p++) {
		if (*p == ',' && depth == 0) {
			*p = 0;
			if (npieces >= MAX_ARGS)
				macro_fail("too many function arguments in '$(%s)'", copy);
			pieces[npieces++] = start;
			start = p + 1;
		} else if (*p == '(') {
			depth++;
		} else if (*p == ')') {
			depth--;
		}
	}
	if (npieces >= MAX_ARGS)
		macro_fail("too many function arguments in '$(%s)'", copy);
	pieces[npieces++] = start;

	const char *p = pieces[0];

	name = expand_with_args(&p, NULL, argc, argv);
	for (int i = 1; i < npieces; i++) {
		p = pieces[i];
		args[i - 1] = expand_with_args(&p, NULL, argc, argv);
	}
	int nargs = npieces - 1;

	res = expand_variable(name, nargs, args);
	if (!res)
		res = call_builtin(name, nargs, args);
	if (!res && nargs == 0)
		res = env_lookup(name);
	if (!res)
		res = xstrdup("");

	for (int i = 0; i < nargs; i++)
		free(args[i]);
	free(name);
	free(copy);
	return res;
}

static char *expand_dollar_args(const char **in, int argc, char **argv)
{
	const char *p = *in, *q;
	int depth = 0;

	/* only "$(" is special; a lone '$' stands for itself */
	if (*p != '(')
		return xstrdup("$");
	p++;
	for (q = p; *q; q++) {
		if (*q == '(')
			depth++;
		else if (*q == ')' && depth-- == 0)
			break;
	}
	if (!*q)
		macro_fail("unterminated reference '$(%s': missing ')'", p);
	*in = q + 1;
	return eval_reference(p, q - p, argc, argv);
}

char *macro_expand_dollar(const char **in)
{
	return expand_dollar_args(in, 0, NULL);
}

static char *expand_with_args(const char **in, bool (*at_end)(char),
			      int argc, char **argv)
{
	struct strbuf out = { 0 };
	const char *p = *in, *run = *in;

	for (;;) {
		if (*p == '$') {
			sb_add(&out, run, p - run);
			p++;
			char *e = expand_dollar_args(&p, argc, argv);

			sb_adds(&out, e);
			free(e);
			run = p;
			continue;
		}
		if (!*p || (at_end && at_end(*p)))
			break;
		p++;
	}
	sb_add(&out, run, p - run);
	*in = p;
	return sb_detach(&out);
}

char *macro_expand_string(const char *in)
{
	return expand_with_args(&in, NULL, 0, NULL);
}

static bool ends_token(char c)
{
	return !(isalnum((unsigned char)c) || c == '_' || c == '-');
}

char *macro_expand_token(const char **in)
{
	return expand_with_args(in, ends_token, 0, NULL);
}
