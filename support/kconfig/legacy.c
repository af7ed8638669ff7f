// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The legacy dialect: the Kconfig language of Linux 4.11, as
 * kconfig-frontends, Buildroot and BusyBox read it.
 *
 * It has no macros.  Instead, "$NAME" inside a source path or the
 * mainmenu title is replaced by the value of the symbol NAME, and a
 * symbol can take its value from the environment with
 * 'option env="VAR"'.  The other options: defconfig_list (the files
 * conf starts from when .config is missing), modules, allnoconfig_y.
 * UNAME_RELEASE is predefined with the running kernel's release.  Without
 * a mainmenu the title is "Configuration", as in kconfig-frontends.
 *
 * The lexer and the parser consult kconfig_legacy for the syntax;
 * symbol.c and confdata.c for the few places where Linux 4.11 computed
 * or wrote values differently.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>

#include "kconfig.h"

bool kconfig_legacy;
struct symbol *defconfig_list_sym;
static bool dialect_forced;

void kconfig_force_dialect(bool legacy)
{
	kconfig_legacy = legacy;
	dialect_forced = true;
}

/* installed under kconfig-frontends' names (kconfig-conf, kconfig-mconf): its dialect */
void kconfig_dialect_from_program(const char *argv0)
{
	const char *base = strrchr(argv0, '/');

	base = base ? base + 1 : argv0;
	if (!dialect_forced)
		kconfig_legacy = !strncmp(base, "kconfig-", 8);
}

void kconfig_dialect_from_env(void)
{
	const char *env = getenv("KCONFIG_DIALECT");

	if (dialect_forced || !env || !*env)
		return;
	if (!strcmp(env, "legacy") || !strcmp(env, "4.11"))
		kconfig_legacy = true;
	else if (!strcmp(env, "linux") || !strcmp(env, "6.1"))
		kconfig_legacy = false;
	else
		kc_fatal(NULL, 0, "KCONFIG_DIALECT='%s' is not a dialect: use 'linux' (Linux 6.1, the default) or 'legacy' (Linux 4.11, kconfig-frontends)",
			 env);
}

/* a default outside any menu entry */
static void add_constant_default(struct symbol *sym, const char *value)
{
	struct property *prop = xcalloc(1, sizeof(*prop)), **tail;

	prop->kind = P_DEFAULT;
	prop->expr = expr_alloc_symbol(sym_lookup(value, SF_CONST));
	prop->menu = &rootmenu;
	for (tail = &sym->prop; *tail; tail = &(*tail)->next)
		;
	*tail = prop;
}

void legacy_init(void)
{
	struct utsname uts;
	struct symbol *sym;

	defconfig_list_sym = NULL;
	if (!kconfig_legacy || sym_find("UNAME_RELEASE"))
		return;
	if (uname(&uts))
		strcpy(uts.release, "");
	sym = sym_lookup("UNAME_RELEASE", 0);
	sym->type = TYPE_STRING;
	/* its value comes from outside: never written to any file */
	sym->flags |= SF_NO_WRITE;
	add_constant_default(sym, uts.release);
}

struct env_symbol {
	struct env_symbol *next;
	struct symbol *sym;
	char *var;
};

static struct env_symbol *env_symbols;

static void option_env(struct symbol *sym, const char *var, struct kfile *file, int lineno)
{
	struct env_symbol *e;
	const char *value;

	for (e = env_symbols; e; e = e->next) {
		if (e->sym != sym)
			continue;
		if (strcmp(e->var, var))
			kc_warn(file->name, lineno, "'%s' already takes its value from $%s; 'option env=\"%s\"' is ignored",
				sym->name, e->var, var);
		return;
	}
	e = xcalloc(1, sizeof(*e));
	e->sym = sym;
	e->var = xstrdup(var);
	e->next = env_symbols;
	env_symbols = e;
	sym->flags |= SF_NO_WRITE;
	value = getenv(var);
	if (!value) {
		kc_warn(file->name, lineno, "environment variable %s is not set; '%s' has no value",
			var, sym->name);
		return;
	}
	menu_add_prop(P_DEFAULT, expr_alloc_symbol(sym_lookup(value, SF_CONST)), NULL, file, lineno);
}

void legacy_option(const char *name, const char *arg, struct kfile *file, int lineno)
{
	struct symbol *sym = current_entry->sym;

	if (!strcmp(name, "env")) {
		if (!arg)
			kc_error(file->name, lineno, "write 'option env=\"VARIABLE\"'");
		else
			option_env(sym, arg, file, lineno);
	} else if (!strcmp(name, "defconfig_list")) {
		if (defconfig_list_sym && defconfig_list_sym != sym)
			kc_error(file->name, lineno, "'%s' is already the defconfig_list; only one symbol may carry it",
				 defconfig_list_sym->name);
		else
			defconfig_list_sym = sym;
	} else if (!strcmp(name, "modules")) {
		if (modules_sym && modules_sym != sym)
			kc_error(file->name, lineno, "'modules' is already the option of '%s'; only one symbol may carry it",
				 modules_sym->name);
		else
			modules_sym = sym;
	} else if (!strcmp(name, "allnoconfig_y")) {
		sym->flags |= SF_ALLNOCONFIG_Y;
	} else {
		kc_warn(file->name, lineno, "ignoring unknown option '%s' (known: env, defconfig_list, modules, allnoconfig_y)",
			name);
	}
}

char *legacy_expand(const char *in)
{
	struct strbuf out = { 0 };

	while (*in) {
		const char *dollar = strchr(in, '$'), *name;
		struct symbol *sym;
		char *word;

		if (!dollar) {
			sb_adds(&out, in);
			break;
		}
		sb_add(&out, in, dollar - in);
		name = dollar + 1;
		for (in = name; isalnum((unsigned char)*in) || *in == '_'; in++)
			;
		word = xstrndup(name, in - name);
		sym = *word ? sym_find(word) : NULL;
		if (sym) {
			sym_calc_value(sym);
			sb_adds(&out, sym_get_string_value(sym));
		}
		free(word);
	}
	return sb_detach(&out);
}

FILE *legacy_open_defconfig(const char **name)
{
	if (!defconfig_list_sym)
		return NULL;
	for (struct property *p = defconfig_list_sym->prop; p; p = p->next) {
		char *path;
		FILE *f;

		if (p->kind != P_DEFAULT || expr_calc_value(p->visible.expr) == TRI_N ||
		    p->expr->op != E_SYMBOL)
			continue;
		path = legacy_expand(p->expr->lsym->name);
		f = kc_fopen_src(path);
		if (f) {
			*name = path;
			return f;
		}
		free(path);
	}
	return NULL;
}
