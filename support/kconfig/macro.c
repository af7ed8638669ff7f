// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The macro language of Kconfig: $(var), $(func,arg,...), user-defined
 * functions with $(1)..., environment variables, and the built-in
 * functions shell, info, warning-if, error-if, filename and lineno.
 *
 * A dry run of the same expansion (macro_prefetch_dollar) has no side
 * effects: it only finds shell commands whose text is already certain,
 * so that shell.c can start them before the parser needs them.
 */
#include <ctype.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kconfig.h"

#define MAX_ARGS 16

bool macro_allow_shell = true;
void (*macro_prefetch_hook)(void);

/* dry run: no output, no errors, no recorded environment, no waiting */
static bool dry;
static bool defining;		/* a variable's value is being expanded */
static int dry_unknown;		/* results not known yet */
static int dry_depth;
static jmp_buf dry_escape;
/* names assigned ahead of the parser: their value there is not known */
static char **tainted;
static int ntainted;
const char *macro_file = "<command line>";
int macro_line;
static int macro_lineno;

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

static struct variable *variables;
static struct env_used *env_used, **env_used_tail = &env_used;

static char *expand_with_args(const char **in, bool (*at_end)(char),
			      int argc, char **argv);
static char *macro_expand_args_dry(const char *value, int argc, char **argv);
static bool is_tainted(const char *name);
static char *expand_dollar_args(const char **in, int argc, char **argv);

static _Noreturn void macro_fail(const char *fmt, const char *arg)
{
	if (dry)
		longjmp(dry_escape, 1);
	kc_fatal(macro_file, macro_line, fmt, arg);
}

void macro_set_position(const char *file, int line, int lineno)
{
	macro_file = file;
	macro_line = line;
	macro_lineno = lineno;
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
	if (!v->value)
		v->value = xstrdup("");
	/* no lookahead meanwhile: later lines may use the value being made */
	defining = true;
	val = flavor == VAR_SIMPLE ? macro_expand_string(value) : xstrdup(value);
	defining = false;
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
	if (dry)
		return xstrdup(value);
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

struct builtin {
	const char *name;
	int min_args, max_args;
	char *(*fn)(int argc, char **argv);
};

static char *fn_error_if(int argc, char **argv)
{
	(void)argc;
	if (dry)
		return xstrdup("");
	if (!strcmp(argv[0], "y"))
		kc_fatal(macro_file, macro_line, "%s", argv[1]);
	return xstrdup("");
}

static char *fn_warning_if(int argc, char **argv)
{
	(void)argc;
	if (dry)
		return xstrdup("");
	if (!strcmp(argv[0], "y"))
		fprintf(stderr, "%s:%d: %s\n", macro_file, macro_line, argv[1]);
	return xstrdup("");
}

static char *fn_info(int argc, char **argv)
{
	(void)argc;
	if (dry)
		return xstrdup("");
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
	if (dry)
		dry_unknown++;	/* the line of a later text is not tracked */
	snprintf(buf, sizeof(buf), "%d", macro_lineno);
	return xstrdup(buf);
}

static char *fn_shell(int argc, char **argv)
{
	const char *known;

	(void)argc;
	if (!macro_allow_shell)
		return xstrdup("");
	if (!dry)
		return shell_output(argv[0], !defining);
	known = shell_try_output(argv[0]);
	if (known)
		return xstrdup(known);
	dry_unknown++;
	return xstrdup("");
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
	if (dry) {
		if (++dry_depth > 100)
			longjmp(dry_escape, 1);
		res = v->flavor == VAR_RECURSIVE ?
		      macro_expand_args_dry(v->value, argc, argv) : xstrdup(v->value);
		dry_depth--;
		return res;
	}
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
	int unknown_before = dry_unknown;

	name = expand_with_args(&p, NULL, argc, argv);
	if (dry && is_tainted(name))
		longjmp(dry_escape, 1);
	for (int i = 1; i < npieces; i++) {
		p = pieces[i];
		args[i - 1] = expand_with_args(&p, NULL, argc, argv);
	}
	int nargs = npieces - 1;

	res = expand_variable(name, nargs, args);
	if (!res && dry && dry_unknown != unknown_before) {
		res = xstrdup("");	/* its arguments are not certain yet */
	} else if (!res) {
		res = call_builtin(name, nargs, args);
	}
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

static char *macro_expand_args_dry(const char *value, int argc, char **argv)
{
	char *copy = xstrdup(value), *res;
	const char *p = copy;

	res = expand_with_args(&p, NULL, argc, argv);
	free(copy);
	return res;
}

void macro_prefetch_taint(const char *name)
{
	if (!name) {
		while (ntainted)
			free(tainted[--ntainted]);
		return;
	}
	tainted = xrealloc(tainted, (ntainted + 1) * sizeof(*tainted));
	tainted[ntainted++] = xstrdup(name);
}

static bool is_tainted(const char *name)
{
	for (int i = 0; i < ntainted; i++)
		if (!strcmp(tainted[i], name))
			return true;
	return false;
}

bool macro_is_simple(const char *name)
{
	struct variable *v = var_find(name);

	return v && v->flavor == VAR_SIMPLE;
}

char *macro_dry_expand(const char *text)
{
	char *res = NULL;
	int before = dry_unknown;

	if (!setjmp(dry_escape)) {
		dry = true;
		dry_depth = 0;
		res = macro_expand_string(text);
	}
	dry = false;
	if (res && dry_unknown != before) {
		free(res);
		res = NULL;
	}
	return res;
}

bool macro_prefetch_dollar(const char **in)
{
	const char *start = *in;
	int depth = 0;

	/* the reference must close on this line */
	for (const char *q = start + 1; *q; q++) {
		if (*q == '(') {
			depth++;
		} else if (*q == ')' && depth-- == 0) {
			if (!setjmp(dry_escape)) {
				dry = true;
				dry_depth = 0;
				free(expand_dollar_args(in, 0, NULL));
			}
			dry = false;
			*in = q + 1;
			return true;
		}
	}
	return false;
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
