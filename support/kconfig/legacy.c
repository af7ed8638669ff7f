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
 * Where the two dialects differ in a rule rather than in a construct,
 * the rule has a function here, named for what it does (see the end of
 * this file): macros, unquoted paths, how imply meets the dependencies,
 * which n values and clamped values are written, "# end of" lines, and
 * when .config and auto.conf are written.
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

/* ---- the rules where Linux 4.11 and Linux 6.1 differ ---- */

/* 6.1: $(...) and variable assignments; 4.11 had neither */
bool dialect_has_macros(void)
{
	return !kconfig_legacy;
}

/* 4.11: words may hold '/' and '.', so that 'source' takes an unquoted path */
bool words_may_hold_paths(void)
{
	return kconfig_legacy;
}

/* 6.1: an imply raises a symbol no higher than its direct dependencies */
bool imply_limited_to_dependencies(void)
{
	return !kconfig_legacy;
}

/* 4.11: nothing is implied while the direct dependencies are n (else they do not limit it) */
bool imply_lost_without_dependencies(const struct symbol *sym)
{
	return kconfig_legacy && sym->dir_dep.tri == TRI_N;
}

/* 4.11: an implied y turns an m into y */
bool imply_lifts_m_to_y(const struct symbol *sym)
{
	return kconfig_legacy && sym->implied.tri == TRI_Y;
}

/* 4.11: an invisible symbol whose default is n is written too, as "is not set" */
bool n_default_written_as_unset(void)
{
	return kconfig_legacy;
}

/* 4.11: a value clamped to a range is the bound as a number in the symbol's base */
bool clamped_value_written_as_number(void)
{
	return kconfig_legacy;
}

/* 6.1: .config closes each visible menu with "# end of TITLE" */
bool dotconfig_marks_end_of_menu(void)
{
	return !kconfig_legacy;
}

/* 6.1: an unchanged .config is left alone; 4.11 always replaced it (and .config.old) */
bool dotconfig_kept_when_unchanged(void)
{
	return !kconfig_legacy;
}

/* 4.11: questions and answers go to a terminal only when stderr is one too */
bool stderr_part_of_the_console(void)
{
	return kconfig_legacy;
}

/* 4.11: --silentoldconfig stops rather than ask on a redirected stdin, stdout or stderr */
bool sync_refuses_redirected_input(void)
{
	return kconfig_legacy;
}

/* 6.1: --syncconfig prints no messages; 4.11's --silentoldconfig says when it writes .config */
bool sync_is_silent(void)
{
	return !kconfig_legacy;
}

/* 4.11: --silentoldconfig leaves .config alone unless a value changed */
bool sync_writes_dotconfig_only_when_changed(void)
{
	return kconfig_legacy;
}

/* 6.1: an answer read from a redirected stdin is echoed; 4.11 ends a value's line only */
bool answers_echoed(void)
{
	return !kconfig_legacy;
}

/* 6.1: every question offers '?'; 4.11 only those with a help text */
bool help_offered(const struct menu *menu)
{
	return !kconfig_legacy || menu->help;
}

/* 4.11: auto.conf quotes strings as .config does; 6.1 writes them bare */
bool autoconf_strings_quoted(void)
{
	return kconfig_legacy;
}

/* 4.11: ./include/config/ holds auto.conf.cmd and the files per symbol; 6.1: auto.conf's folder */
bool deps_in_include_config(void)
{
	return kconfig_legacy;
}

/* 6.1: every mode that writes .config writes auto.conf too; 4.11 only silentoldconfig */
bool autoconf_written_by_every_mode(void)
{
	return !kconfig_legacy;
}

/* 6.1: --listnewconfig shows each new symbol's value; 4.11 names it only */
bool listnewconfig_shows_values(void)
{
	return !kconfig_legacy;
}

/* 6.1: --listnewconfig lists new choice members too; 4.11 leaves them out */
bool listnewconfig_lists_choice_members(void)
{
	return !kconfig_legacy;
}

/*
 * 4.11: in the conditions of a non-tristate symbol's properties, FOO != n
 * reads as FOO, so that a select by a bool carries FOO's m; 6.1.192 keeps
 * the comparison (y when FOO is m)
 */
bool bool_conditions_read_unequal_n_as_symbol(void)
{
	return kconfig_legacy;
}

/*
 * 6.1: a literal m in a menu's "visible if" holds only while modules are
 * enabled, as everywhere else; 4.11 tied the m of conditions to MODULES as
 * it read them, before the menus' visibility joined the prompts, so that
 * "visible if m" shows a bool inside (and a tristate as m, or y without
 * modules)
 */
bool visible_if_m_needs_modules(void)
{
	return !kconfig_legacy;
}

/*
 * 4.11: auto.conf is written from values worked out afresh, which gives
 * back the marks of choice members that writing .config took off
 */
bool autoconf_recalculates_all(void)
{
	return kconfig_legacy;
}

/*
 * 4.11: a choice member's mark to be written, which its choice sets while
 * the member is visible, outlives a recalculation of the member; only
 * writing .config takes it off.  6.1 works it out afresh each time.
 */
bool write_mark_kept(const struct symbol *sym)
{
	return kconfig_legacy && sym_is_choice_value(sym);
}
