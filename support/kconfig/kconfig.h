/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The data model of Kiln's Kconfig engine: symbols, expressions,
 * properties and the menu tree, shared by every front end.
 *
 * Semantics follow the Kconfig language of Linux 6.1 so that the same
 * input gives the same .config, byte for byte.
 */
#ifndef KCONFIG_H
#define KCONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "strbuf.h"
#include "xalloc.h"

/* ---- tristate values ---- */

enum tri { TRI_N, TRI_M, TRI_Y };

static inline enum tri tri_and(enum tri a, enum tri b) { return a < b ? a : b; }
static inline enum tri tri_or(enum tri a, enum tri b) { return a > b ? a : b; }
static inline enum tri tri_not(enum tri a) { return (enum tri)(TRI_Y - a); }

/* ---- symbols ---- */

enum sym_type {
	TYPE_UNKNOWN, TYPE_BOOL, TYPE_TRISTATE, TYPE_INT, TYPE_HEX, TYPE_STRING,
	TYPE_OTHER	/* seen only in an old auto.conf */
};

/* value slots: what the user asked for, and what the last auto.conf held */
enum { DEF_USER, DEF_AUTO, DEF_COUNT };

struct value {
	const char *str;
	enum tri tri;
};

struct def_value {
	char *str;		/* int, hex, string */
	enum tri tri;		/* bool, tristate, choice mode */
	struct symbol *sel;	/* choices: the chosen member */
};

struct expr;

struct expr_value {
	struct expr *expr;
	enum tri tri;
};

#define SF_CONST	0x0001	/* a literal: y, m, n, "text" */
#define SF_CHECK	0x0008	/* dependency walk in progress */
#define SF_CHOICE	0x0010	/* the symbol of a choice */
#define SF_CHOICEVAL	0x0020	/* a member of a choice */
#define SF_VALID	0x0080	/* curr is up to date */
#define SF_OPTIONAL	0x0100	/* may be n even when visible */
#define SF_WRITE	0x0200	/* belongs in .config */
#define SF_CHANGED	0x0400
#define SF_WRITTEN	0x0800	/* already written in this pass */
#define SF_NO_WRITE	0x1000	/* never written (choices) */
#define SF_CHECKED	0x2000	/* dependency walk done */
#define SF_WARNED	0x8000	/* definition checks done */
#define SF_DEF_USER	0x10000
#define SF_DEF_AUTO	0x20000
#define SF_NEED_SET_CHOICE_VALUES 0x100000
#define SF_ALLNOCONFIG_Y 0x200000	/* legacy: allnoconfig sets it to y */

#define SF_DEF(slot)	(SF_DEF_USER << (slot))

struct symbol {
	struct symbol *next;		/* hash chain */
	char *name;			/* NULL for an unnamed choice */
	enum sym_type type;
	struct value curr;
	struct symbol *curr_sel;	/* choices in mode y: the chosen member */
	struct def_value def[DEF_COUNT];
	int def_line;			/* where the user value was read */
	enum tri visible;
	unsigned flags;
	struct property *prop;
	struct expr_value dir_dep;	/* OR of the dependencies of all definitions */
	struct expr_value rev_dep;	/* who selects it */
	struct expr_value implied;	/* who implies it */
	/* choices */
	struct symbol **members;
	int nmembers, members_cap;
	struct symbol *choice;		/* choice members: their choice */
};

#define SYMBOL_HASHSIZE 9973

extern struct symbol *symbol_hash[SYMBOL_HASHSIZE];
extern struct symbol symbol_yes, symbol_mod, symbol_no, symbol_empty;
extern struct symbol *modules_sym;

#define for_all_symbols(i, s) \
	for (i = 0; i < SYMBOL_HASHSIZE; i++) \
		for (s = symbol_hash[i]; s; s = s->next)

/* ---- expressions ---- */

enum expr_op {
	E_NONE, E_OR, E_AND, E_NOT,
	E_EQUAL, E_UNEQUAL, E_LTH, E_LEQ, E_GTH, E_GEQ,
	E_LIST, E_SYMBOL, E_RANGE
};

/*
 * 24 bytes a node, the size that matters most for memory: an operator
 * joins subexpressions (E_OR, E_AND, E_NOT: l only, r is NULL), every
 * other operator holds symbols (E_SYMBOL: lsym only; comparisons and
 * E_RANGE: lsym and rsym).  expr_has_subexprs() tells which.
 */
struct expr {
	enum expr_op op;
	union {
		struct expr *l;
		struct symbol *lsym;
	};
	union {
		struct expr *r;
		struct symbol *rsym;
	};
};

static inline bool expr_has_subexprs(enum expr_op op)
{
	return op == E_OR || op == E_AND || op == E_NOT;
}

/* ---- properties and menus ---- */

enum prop_kind {
	P_UNKNOWN, P_PROMPT, P_COMMENT, P_MENU, P_DEFAULT, P_CHOICE,
	P_SELECT, P_IMPLY, P_RANGE, P_SYMBOL
};

struct kfile {
	struct kfile *next;	/* all files read, newest first */
	struct kfile *parent;	/* the file that sourced it */
	char *name;
	int lineno;		/* where parent was when it sourced us */
};

struct property {
	struct property *next;
	enum prop_kind kind;
	int lineno;
	const char *text;		/* prompts */
	struct expr_value visible;	/* condition (and, after finalize, deps) */
	struct expr *expr;		/* default value, select/imply target, range */
	struct menu *menu;
	struct kfile *file;
};

#define MENU_CHANGED	0x0001

struct menu {
	struct menu *next, *parent, *list;
	struct symbol *sym;
	struct property *prompt;
	struct expr *visibility;	/* "visible if" */
	struct expr *dep;
	unsigned flags;
	char *help;
	struct kfile *file;
	int lineno;
	void *data;			/* for front ends */
};

extern struct menu rootmenu;
extern struct kfile *file_list;

/* ---- util.c (memory and strings: support/lib/xalloc.h, strbuf.h) ---- */

/* diagnostics: "file:line: warning: ..." on stderr */
extern int kc_errors, kc_warnings;
extern bool kc_werror;
void kc_warn(const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void kc_error(const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
_Noreturn void kc_fatal(const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* the CONFIG_ prefix, overridable from the environment */
const char *config_prefix(void);

FILE *kc_fopen_src(const char *name);	/* name, else $srctree/name */

/* ---- macro.c ---- */

enum var_flavor { VAR_RECURSIVE, VAR_SIMPLE, VAR_APPEND };

char *macro_expand_string(const char *in);
char *macro_expand_token(const char **in);	/* one word, advances *in */
char *macro_expand_dollar(const char **in);	/* after '$', advances *in */
void macro_define(const char *name, const char *value, enum var_flavor flavor);
void macro_write_env_deps(FILE *f, const char *target);
extern bool macro_allow_shell;	/* off while fuzzing */
/* speculative expansion of one $(...) (p after '$'): starts shell commands early */
bool macro_prefetch_dollar(const char **p);
void macro_prefetch_taint(const char *name);	/* NULL: forget all */
char *macro_dry_expand(const char *text);	/* NULL unless certain */
bool macro_is_simple(const char *name);
extern void (*macro_prefetch_hook)(void);

/* ---- shell.c ---- */

char *shell_output(const char *cmd, bool lookahead);	/* runs it, or takes the earlier result */
const char *shell_try_output(const char *cmd);	/* NULL while not known; queues it */
void shell_wait_all(void);
int shell_pending(void);			/* queued, not started yet */
/* position used by $(filename), $(lineno) and macro errors */
extern const char *macro_file;
extern int macro_line;
/* where macros are expanded now; LINENO is what $(lineno) says there */
void macro_set_position(const char *file, int line, int lineno);

/* ---- legacy.c: the dialect of Linux 4.11 (kconfig-frontends) ---- */

extern bool kconfig_legacy;		/* read the legacy dialect */
extern struct symbol *defconfig_list_sym;
void kconfig_force_dialect(bool legacy);	/* wins over KCONFIG_DIALECT */
void kconfig_dialect_from_program(const char *argv0);	/* kconfig-*: legacy */
void kconfig_dialect_from_env(void);
void legacy_init(void);
void legacy_option(const char *name, const char *arg, struct kfile *file, int lineno);
char *legacy_expand(const char *in);	/* "$NAME" -> value of symbol NAME */
FILE *legacy_open_defconfig(const char **name);
/* the rules where the dialects differ, true where the rule holds (see legacy.c) */
bool dialect_has_macros(void);
bool words_may_hold_paths(void);
bool imply_limited_to_dependencies(void);
bool imply_lost_without_dependencies(const struct symbol *sym);
bool imply_lifts_m_to_y(const struct symbol *sym);
bool n_default_written_as_unset(void);
bool clamped_value_written_as_number(void);
bool dotconfig_marks_end_of_menu(void);
bool dotconfig_kept_when_unchanged(void);
bool autoconf_written_by_every_mode(void);
bool stderr_part_of_the_console(void);
bool sync_refuses_redirected_input(void);
bool sync_is_silent(void);
bool autoconf_recalculates_all(void);
bool sync_writes_dotconfig_only_when_changed(void);
bool answers_echoed(void);
bool help_offered(const struct menu *menu);
bool autoconf_strings_quoted(void);
bool deps_in_include_config(void);
bool listnewconfig_shows_values(void);
bool listnewconfig_lists_choice_members(void);
bool bool_conditions_read_unequal_n_as_symbol(void);
bool visible_if_m_needs_modules(void);
bool write_mark_kept(const struct symbol *sym);

/* ---- lexer.c / parser.c ---- */

void parse_kconfig(const char *top_file);

/* ---- expr.c ---- */

struct expr *expr_alloc_symbol(struct symbol *sym);
struct expr *expr_alloc_one(enum expr_op op, struct expr *e);
struct expr *expr_alloc_two(enum expr_op op, struct expr *l, struct expr *r);
struct expr *expr_alloc_comp(enum expr_op op, struct symbol *l, struct symbol *r);
struct expr *expr_alloc_and(struct expr *a, struct expr *b);
struct expr *expr_alloc_or(struct expr *a, struct expr *b);
struct expr *expr_copy(const struct expr *e);
void expr_free(struct expr *e);
bool expr_is_yes(const struct expr *e);
bool expr_eq(struct expr *a, struct expr *b);
enum tri expr_calc_value(struct expr *e);
struct expr *expr_rewrite_m(struct expr *e);
struct expr *expr_transform(struct expr *e);
struct expr *expr_eliminate_dups(struct expr *e);
void expr_eliminate_eq(struct expr **a, struct expr **b);
struct expr *expr_trans_bool(struct expr *e);
struct expr *expr_trans_compare(struct expr *e, enum expr_op op, struct symbol *sym);
bool expr_contains_symbol(const struct expr *e, const struct symbol *sym);
bool expr_depends_symbol(const struct expr *e, const struct symbol *sym);
/* print; with values appends " [=v]" after each defined symbol */
void expr_print(struct strbuf *out, const struct expr *e, bool with_values);
void expr_print_revdep(struct strbuf *out, struct expr *e, enum tri which,
		       const char *title);

/* ---- symbol.c ---- */

struct symbol *sym_lookup(const char *name, unsigned flags);
struct symbol *sym_find(const char *name);
const char *sym_type_name(enum sym_type type);
void sym_calc_value(struct symbol *sym);
void sym_calc_visibility(struct symbol *sym);
enum sym_type sym_get_type(const struct symbol *sym);
const char *sym_get_string_value(struct symbol *sym);
const char *sym_get_string_default(struct symbol *sym);
struct symbol *sym_choice_default(struct symbol *choice);
struct symbol *sym_get_choice_value(struct symbol *choice);
struct property *sym_get_default_prop(struct symbol *sym);
struct property *sym_get_range_prop(struct symbol *sym);
struct symbol *prop_get_symbol(const struct property *prop);
bool sym_string_valid(const struct symbol *sym, const char *str);
bool sym_string_within_range(struct symbol *sym, const char *str);
bool sym_tristate_within_range(struct symbol *sym, enum tri val);
bool sym_set_tristate_value(struct symbol *sym, enum tri val);
bool sym_set_string_value(struct symbol *sym, const char *val);
void sym_set_changed(struct symbol *sym);
void sym_clear_all_valid(void);
void set_all_choice_values(struct symbol *choice);

static inline enum tri sym_get_tristate_value(const struct symbol *sym)
{
	return sym->curr.tri;
}
static inline bool sym_has_value(const struct symbol *sym)
{
	return sym->flags & SF_DEF_USER;
}
static inline bool sym_is_choice(const struct symbol *sym)
{
	return sym->flags & SF_CHOICE;
}
static inline bool sym_is_choice_value(const struct symbol *sym)
{
	return sym->flags & SF_CHOICEVAL;
}
static inline bool sym_is_optional(const struct symbol *sym)
{
	return sym->flags & SF_OPTIONAL;
}
static inline bool sym_is_changeable(const struct symbol *sym)
{
	return sym->visible > sym->rev_dep.tri;
}

/* ---- menu.c ---- */

extern struct menu *current_entry;
void menu_reset(void);
void menu_add_entry(struct symbol *sym, struct kfile *file, int lineno);
void menu_add_menu(void);
void menu_end_menu(void);
void menu_add_dep(struct expr *dep);
void menu_add_visibility(struct expr *e);
struct property *menu_add_prompt(enum prop_kind kind, const char *text,
				 struct expr *cond, struct kfile *file, int lineno);
struct property *menu_add_prop(enum prop_kind kind, struct expr *e,
			       struct expr *cond, struct kfile *file, int lineno);
void menu_set_type(enum sym_type type, struct kfile *file, int lineno);
void menu_finalize(void);
bool menu_is_visible(struct menu *menu);
const char *menu_get_prompt(const struct menu *menu);
struct menu *menu_get_parent_menu(struct menu *menu);
void menu_get_ext_help(struct menu *menu, struct strbuf *out);
void menu_explain_symbol(struct strbuf *out, struct symbol *sym);

/* ---- explain.c: why a symbol has the value it has ----
 *
 * Each function appends English to a strbuf, without a final newline.
 * Symbols in expressions are printed as in Kconfig (no prefix) followed
 * by their current value, "FOO [=n]"; places are "file:line".  Values
 * are computed on demand: call them after a configuration was read.
 *
 * explain_unmet(out, e, need)
 *	the smallest parts of expression e that keep it below need (TRI_M:
 *	"is not n", TRI_Y: "is y"), joined with " && "; an unmet || is
 *	printed whole.  For "A && (B || C) && D" with A=y, B=C=n, D=n:
 *	"(B [=n] || C [=n]) && D [=n]".  Returns false (and appends
 *	nothing) when e is met.
 * explain_invisible(out, menu)
 *	false when the entry's prompt is shown; else why not: "depends on
 *	BAR [=n]", "its prompt is shown only if ...", "the menu \"X\" is
 *	shown only if ...", "it has no prompt: ...", and "; selected by ..."
 *	when a select still sets it.
 * explain_locked(out, sym)
 *	false when the user may give sym any value of its type; else what
 *	holds it: "forced to y: selected by FOO [=y] (Config.in:12)",
 *	"cannot be n: selected by ...", "can be m at most: depends on ...",
 *	"limited to 1..10 (range at Kconfig:7)", "it is not visible".
 * explain_value_refused(out, sym, value)
 *	false when value is valid for sym's type and within its range; else
 *	why it is refused: "'abc' is not a decimal integer", "300 is
 *	outside the range 1..100 (Kconfig:7)".
 * explain_requested(out, sym, value)
 *	for tools that set values (merge): false when sym now holds value;
 *	else why it does not: unknown symbol, refused value, "selected by
 *	...", the reason it is hidden, the choice chose another member...
 *	sym may be NULL (unknown symbol).
 * explain_selectors(out, sym, min, sep), explain_impliers(...)
 *	the symbols whose select (imply) of sym is active at least at min,
 *	"FOO [=y] (Config.in:12)", joined with sep; returns how many.
 * explain_expr(out, e)
 *	e with the value of each symbol: FOO [=y] && (BAR [=n] || BAZ [=m]),
 *	WIDGETS [=42] > 50, NAME [="abc"] != ""; literals as written.
 * explain_location(out, menu)
 *	the prompts of the menus above menu, "Toolchain > C library", or
 *	"(top level)".
 * explain_help(out, menu)
 *	menuconfig's help page: prompt, prefixed name, type, value, why it is
 *	hidden or fixed, help text, each definition (file:line, depends on,
 *	location), selects, selected by, implies, implied by.
 */
bool explain_unmet(struct strbuf *out, struct expr *e, enum tri need);
void explain_expr(struct strbuf *out, struct expr *e);
bool explain_invisible(struct strbuf *out, struct menu *menu);
bool explain_locked(struct strbuf *out, struct symbol *sym);
bool explain_value_refused(struct strbuf *out, struct symbol *sym, const char *value);
bool explain_requested(struct strbuf *out, struct symbol *sym, const char *value);
int explain_selectors(struct strbuf *out, struct symbol *sym, enum tri min, const char *sep);
int explain_impliers(struct strbuf *out, struct symbol *sym, enum tri min, const char *sep);
void explain_location(struct strbuf *out, const struct menu *menu);
void explain_help(struct strbuf *out, struct menu *menu);

/* ---- check.c ---- */

int check_dependency_cycles(void);
void check_symbol_properties(struct symbol *sym);

/* ---- confdata.c ---- */

const char *conf_get_configname(void);
const char *conf_get_autoconfig_name(void);
int conf_read_simple(const char *name, int slot);
int conf_read(const char *name);
int conf_write(const char *name);
int conf_write_defconfig(const char *name);
int conf_write_autoconf(bool overwrite);
bool conf_get_changed(void);
void conf_set_changed(bool changed);
void conf_set_message_callback(void (*fn)(const char *msg));
void print_symbol_for_listconfig(struct symbol *sym);

#endif
