// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * kconfig-random-gen: a random but valid Kconfig tree, and configuration
 * files to feed it, from a seed.  support/testing/kconfig-random builds
 * and runs it.
 *
 *   kconfig-random-gen [--legacy] SEED DIR
 *
 * writes DIR/Kconfig and DIR/a.config, DIR/b.config.  The same seed gives
 * the same files on every machine (the generator has its own PRNG).
 *
 * Validity: every expression names only symbols written before it, and
 * select and imply name only plain bool/tristate symbols written after
 * it, so no tree has a dependency loop.  Choice members never name their
 * siblings and are never selected.  A second definition of a symbol comes
 * at the end, at top level, and names only symbols older than it.
 *
 * --legacy writes Linux 4.11's dialect (kconfig-frontends): no macros,
 * `option env=`, `option modules`, `---help---`.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum type { T_BOOL, T_TRISTATE, T_INT, T_HEX, T_STRING, T_COUNT };

static const char *const type_names[T_COUNT] = {
	"bool", "tristate", "int", "hex", "string"
};

#define MAX_SYMS 256

struct sym {
	char name[16];
	enum type type;
	int choice;		/* the choice it belongs to, or -1 */
	int written;		/* already written: may be named */
};

static struct sym syms[MAX_SYMS];
static int nsyms;
static int next_plain;		/* first plain symbol not written yet */
static int nplain;		/* plain symbols S0..: planned up front */
static int current_choice = -1;
static int legacy;
static int has_modules;
static FILE *out;

/* ------------------------------------------------------------ PRNG */

static uint64_t rng_state;

static uint64_t rng_next(void)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* a number in [0, n) */
static int rnd(int n)
{
	return (int)(rng_next() % (uint64_t)n);
}

/* true with a chance of PERCENT in 100 */
static int chance(int percent)
{
	return rnd(100) < percent;
}

static void emit(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfprintf(out, fmt, ap);
	va_end(ap);
}

/* ------------------------------------------------------------ symbols */

static struct sym *add_sym(const char *name, enum type type, int choice)
{
	struct sym *s = &syms[nsyms++];

	snprintf(s->name, sizeof(s->name), "%s", name);
	s->type = type;
	s->choice = choice;
	s->written = 0;
	return s;
}

static void plan_plain_symbols(void)
{
	static const int weights[T_COUNT] = { 40, 25, 12, 10, 13 };
	char name[16];
	int i, r, t;

	nplain = 12 + rnd(30);
	for (i = 0; i < nplain; i++) {
		r = rnd(100);
		for (t = 0; r >= weights[t]; t++)
			r -= weights[t];
		snprintf(name, sizeof(name), "S%d", i);
		add_sym(name, (enum type)t, -1);
	}
}

/* a written symbol that an expression may name, of a type in MASK */
static struct sym *pick_ref(unsigned mask)
{
	int i, n = 0, k;

	for (i = 0; i < nsyms; i++)
		if (syms[i].written && (mask >> syms[i].type & 1) &&
		    (current_choice < 0 || syms[i].choice != current_choice))
			n++;
	if (!n)
		return NULL;
	k = rnd(n);
	for (i = 0; i < nsyms; i++)
		if (syms[i].written && (mask >> syms[i].type & 1) &&
		    (current_choice < 0 || syms[i].choice != current_choice) &&
		    k-- == 0)
			return &syms[i];
	return NULL;
}

/* a plain bool/tristate symbol not written yet: for select and imply */
static struct sym *pick_forward(void)
{
	int i, n = 0, k;

	for (i = next_plain; i < nplain; i++)
		if (syms[i].type <= T_TRISTATE)
			n++;
	if (!n)
		return NULL;
	k = rnd(n);
	for (i = next_plain; i < nplain; i++)
		if (syms[i].type <= T_TRISTATE && k-- == 0)
			return &syms[i];
	return NULL;
}

/* ------------------------------------------------------------ values */

static void emit_int(void)
{
	emit("%d", chance(10) ? -rnd(20) : rnd(120));
}

static void emit_hex(void)
{
	emit(chance(80) ? "0x%x" : "%x", rnd(300));
}

static void emit_string_literal(void)
{
	static const char *const strings[] = {
		"", "abc", "two words", "with \\\"quotes\\\"", "back\\\\slash",
		"$(MR_TEXT)", "$(MR_JOIN,a,b)", "$(KR_ENV)", "$(KR_UNSET)x",
		"$(filename):$(lineno)", "$(shell,echo from-shell)", "y", "42",
	};
	int n = sizeof(strings) / sizeof(strings[0]);

	/* the macro-free ones first: the legacy dialect has no macros */
	emit("\"%s\"", strings[rnd(legacy ? 5 : n)]);
}

/* ------------------------------------------------------------ expressions */

static void emit_expr(int depth);

static void emit_comparison(void)
{
	static const char *const ops[] = { "=", "!=", "<", ">", "<=", ">=" };
	struct sym *s = pick_ref(1u << T_INT | 1u << T_HEX | 1u << T_STRING);

	if (!s) {
		emit("y");
		return;
	}
	if (s->type == T_STRING) {
		emit("%s %s ", s->name, ops[rnd(2)]);
		emit_string_literal();
		return;
	}
	emit("%s %s ", s->name, ops[legacy ? rnd(2) : rnd(6)]);
	if (s->type == T_INT)
		emit_int();
	else
		emit_hex();
}

static void emit_atom(void)
{
	static const char *const tristates[] = { "n", "m", "y" };
	struct sym *s;
	int r = rnd(100);

	if (r < 8) {
		emit("%s", tristates[rnd(3)]);
		return;
	}
	if (r < 20) {
		emit_comparison();
		return;
	}
	s = pick_ref(1u << T_BOOL | 1u << T_TRISTATE);
	if (!s) {
		emit("y");
		return;
	}
	if (r < 35)
		emit("%s %s %s", s->name, chance(50) ? "=" : "!=", tristates[rnd(3)]);
	else
		emit("%s", s->name);
}

static void emit_expr(int depth)
{
	int r = rnd(100);

	if (depth > 2 || r < 55) {
		emit_atom();
	} else if (r < 65) {
		emit("!");
		emit_atom();
	} else if (r < 75) {
		emit("(");
		emit_expr(depth + 1);
		emit(")");
	} else {
		emit_expr(depth + 1);
		emit(chance(50) ? " && " : " || ");
		emit_expr(depth + 1);
	}
}

static void emit_cond(int percent)
{
	if (chance(percent)) {
		emit(" if ");
		emit_expr(1);
	}
}

/* ------------------------------------------------------------ attributes */

static void emit_prompt_text(const char *what, const char *name)
{
	if (!legacy && chance(15))
		emit("\"%s %s $(MR_TEXT)\"", what, name);
	else
		emit("\"%s %s\"", what, name);
}

static void emit_default_value(struct sym *s)
{
	struct sym *same;

	if (chance(15) && (same = pick_ref(1u << s->type)) && same != s) {
		emit("%s", same->name);
		return;
	}
	switch (s->type) {
	case T_BOOL:
	case T_TRISTATE:
		if (!legacy && chance(10))
			emit("$(MR_Y)");
		else if (chance(70))
			emit_expr(1);
		else
			emit("%s", chance(50) ? "y" : "m");
		break;
	case T_INT:
		if (!legacy && chance(10))
			emit("$(MR_NUM)");
		else
			emit_int();
		break;
	case T_HEX:
		emit_hex();
		break;
	default:
		emit_string_literal();
		break;
	}
}

static void emit_defaults(struct sym *s)
{
	int n = rnd(4) == 0 ? 0 : 1 + rnd(3);

	while (n--) {
		emit("\tdefault ");
		emit_default_value(s);
		emit_cond(40);
		emit("\n");
	}
}

static void emit_range(struct sym *s)
{
	struct sym *lo, *hi;
	int a, b;

	if (chance(15) && (lo = pick_ref(1u << s->type)) && (hi = pick_ref(1u << s->type))) {
		emit("\trange %s %s", lo->name, hi->name);
	} else {
		a = rnd(50);
		b = a + rnd(100);
		emit(s->type == T_INT ? "\trange %d %d" : "\trange 0x%x 0x%x", a, b);
	}
	emit_cond(30);
	emit("\n");
}

static void emit_reverse_deps(void)
{
	struct sym *t;
	int n = rnd(3);

	while (n--) {
		t = pick_forward();
		if (!t)
			return;
		emit("\t%s %s", chance(70) ? "select" : "imply", t->name);
		emit_cond(30);
		emit("\n");
	}
}

static void emit_help(void)
{
	emit("\t%s\n", legacy && chance(50) ? "---help---" : "help");
	emit("\t  Some help text.\n\n\t  A second paragraph.\n");
}

static void emit_depends(int percent)
{
	if (chance(percent)) {
		emit("\tdepends on ");
		emit_expr(0);
		emit("\n");
	}
}

/* ------------------------------------------------------------ entries */

static void emit_symbol_body(struct sym *s, int in_choice)
{
	if (in_choice || chance(75)) {
		/* a choice member may leave its type to the choice */
		emit("\t%s ", in_choice && chance(30) ? "prompt" : type_names[s->type]);
		emit_prompt_text("Option", s->name);
		emit_cond(in_choice ? 15 : 20);
		emit("\n");
	} else if (s->type <= T_TRISTATE && chance(40)) {
		emit("\tdef_%s ", type_names[s->type]);
		emit_default_value(s);
		emit_cond(30);
		emit("\n");
	} else {
		emit("\t%s\n", type_names[s->type]);
	}
	emit_depends(30);
	if (!in_choice)
		emit_defaults(s);
	if ((s->type == T_INT || s->type == T_HEX) && chance(50))
		emit_range(s);
	if (s->type <= T_TRISTATE)
		emit_reverse_deps();
	if (chance(10))
		emit_help();
}

static void emit_plain_config(void)
{
	struct sym *s = &syms[next_plain++];
	int menuconfig = s->type <= T_TRISTATE && chance(15);

	emit("\n%s %s\n", menuconfig ? "menuconfig" : "config", s->name);
	emit_symbol_body(s, 0);
	s->written = 1;
}

static void emit_choice(void)
{
	static int nchoices;
	int id = nchoices++, members = 1 + rnd(4), i, tristate = chance(40);
	char name[16];
	struct sym *m[5];

	emit("\nchoice\n\tprompt \"Choice %d\"", id);
	emit_cond(15);
	emit("\n\t%s\n", tristate ? "tristate" : "bool");
	if (chance(25))
		emit("\toptional\n");
	emit_depends(25);
	current_choice = id;
	for (i = 0; i < members; i++) {
		snprintf(name, sizeof(name), "C%d_%d", id, i);
		m[i] = add_sym(name, tristate ? T_TRISTATE : T_BOOL, id);
	}
	if (chance(50)) {
		emit("\tdefault %s", m[rnd(members)]->name);
		emit_cond(40);
		emit("\n");
	}
	for (i = 0; i < members; i++) {
		emit("\nconfig %s\n", m[i]->name);
		emit_symbol_body(m[i], 1);
	}
	emit("\nendchoice\n");
	current_choice = -1;
	for (i = 0; i < members; i++)
		m[i]->written = 1;
}

static void emit_entries(int depth, int count);

static void emit_menu(int depth)
{
	static int nmenus;

	emit("\nmenu \"Menu %d\"\n", nmenus++);
	if (chance(30)) {
		emit("\tvisible if ");
		emit_expr(1);
		emit("\n");
	}
	emit_depends(30);
	emit_entries(depth + 1, 1 + rnd(5));
	emit("\nendmenu\n");
}

static void emit_if(int depth)
{
	emit("\nif ");
	emit_expr(0);
	emit("\n");
	emit_entries(depth + 1, 1 + rnd(4));
	emit("\nendif\n");
}

/* a menuconfig symbol's children: the entries right after it that
 * depend on it */
static void emit_menuconfig_group(int depth)
{
	struct sym *s = &syms[next_plain];

	if (s->type > T_TRISTATE) {
		emit_plain_config();
		return;
	}
	emit("\nmenuconfig %s\n", s->name);
	next_plain++;
	emit_symbol_body(s, 0);
	s->written = 1;
	emit("\nif %s\n", s->name);
	emit_entries(depth + 1, 1 + rnd(3));
	emit("\nendif\n");
}

static void emit_comment(void)
{
	emit("\ncomment \"A comment\"\n");
	emit_depends(50);
}

static void emit_entry(int depth)
{
	int r = rnd(100);

	if (depth < 3 && r < 8)
		emit_menu(depth);
	else if (depth < 3 && r < 14)
		emit_if(depth);
	else if (depth < 3 && r < 19)
		emit_menuconfig_group(depth);
	else if (r < 30)
		emit_choice();
	else if (r < 34)
		emit_comment();
	else
		emit_plain_config();
}

static void emit_entries(int depth, int count)
{
	while (count-- && next_plain < nplain)
		emit_entry(depth);
}

/* ------------------------------------------------------------ the tree */

static void emit_header(void)
{
	if (legacy) {
		emit("mainmenu \"Random tree\"\n\nconfig KR_ENV_SYM\n\tstring\n"
		     "\toption env=\"KR_ENV\"\n");
	} else {
		emit("mainmenu \"Random tree $(MR_TEXT)\"\n\n"
		     "MR_TEXT := text $(KR_ENV)\nMR_JOIN = $(1)+$(2)\n"
		     "MR_Y := $(shell,echo y)\nMR_NUM := $(shell,echo 7)\n");
	}
	if (has_modules) {
		emit("\nconfig MODULES\n\tbool \"Enable loadable module support\"\n");
		emit(legacy ? "\toption modules\n" : "\tmodules\n");
		if (chance(60))
			emit("\tdefault y\n");
		add_sym("MODULES", T_BOOL, -1)->written = 1;
	}
}

/* a second definition of some symbols, at top level */
static void emit_redefinitions(void)
{
	int n = rnd(3), saved = nsyms;
	struct sym *s;

	while (n--) {
		s = &syms[rnd(nplain)];
		if (s->type > T_TRISTATE && chance(50))
			continue;
		/* name only the symbols older than s */
		nsyms = (int)(s - syms);
		emit("\nconfig %s\n", s->name);
		if (chance(50)) {
			emit("\t%s ", type_names[s->type]);
			emit_prompt_text("Again", s->name);
			emit_cond(40);
			emit("\n");
		}
		emit_depends(30);
		emit_defaults(s);
		nsyms = saved;
	}
}

static void write_tree(void)
{
	emit_header();
	while (next_plain < nplain)
		emit_entry(0);
	emit_redefinitions();
}

/* ------------------------------------------------------------ .config */

static void emit_config_value(const struct sym *s)
{
	static const char *const bools[] = { "y", "n", "m", "", "yes" };
	static const char *const strings[] = {
		"\"abc\"", "\"\"", "unquoted", "\"unterminated", "\"a\\\"b\"", "\"y\"",
	};
	static const char *const ints[] = { "abc", "", "0x10", "-", "99999999999" };
	static const char *const hexes[] = { "zz", "", "0x", "ff", "0X1F" };

	switch (s->type) {
	case T_BOOL:
	case T_TRISTATE:
		emit("%s", chance(85) ? bools[rnd(3)] : bools[rnd(5)]);
		break;
	case T_INT:
		if (chance(80))
			emit("%d", rnd(160) - 10);
		else
			emit("%s", ints[rnd(5)]);
		break;
	case T_HEX:
		if (chance(80))
			emit("0x%x", rnd(400));
		else
			emit("%s", hexes[rnd(5)]);
		break;
	default:
		emit("%s", strings[rnd(6)]);
		break;
	}
}

static void write_config(int percent)
{
	int i;

	emit("# a random configuration\n");
	for (i = 0; i < nsyms; i++) {
		if (!chance(percent))
			continue;
		if (chance(12))
			emit("# CONFIG_%s is not set\n", syms[i].name);
		else {
			emit("CONFIG_%s=", syms[i].name);
			emit_config_value(&syms[i]);
			emit("\n");
		}
		if (chance(4))
			emit("CONFIG_%s=y\n", syms[i].name);
	}
	if (chance(30))
		emit("CONFIG_UNKNOWN_%d=y\n", rnd(10));
	if (chance(10))
		emit("not a config line\n");
}

static FILE *open_out(const char *dir, const char *name)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	if (!f) {
		perror(path);
		exit(1);
	}
	return f;
}

static void close_out(void)
{
	if (fclose(out)) {
		perror("kconfig-random-gen: write");
		exit(1);
	}
}

int main(int argc, char **argv)
{
	const char *dir;
	char *end;

	if (argc > 1 && !strcmp(argv[1], "--legacy")) {
		legacy = 1;
		argc--;
		argv++;
	}
	if (argc != 3) {
		fprintf(stderr, "usage: kconfig-random-gen [--legacy] SEED DIR\n");
		return 2;
	}
	rng_state = strtoull(argv[1], &end, 10);
	if (*end) {
		fprintf(stderr, "kconfig-random-gen: not a seed: %s\n", argv[1]);
		return 2;
	}
	dir = argv[2];
	rng_state = rng_state * 2654435761u + (uint64_t)legacy;
	has_modules = chance(80);
	plan_plain_symbols();

	out = open_out(dir, "Kconfig");
	write_tree();
	close_out();
	out = open_out(dir, "a.config");
	write_config(60);
	close_out();
	out = open_out(dir, "b.config");
	write_config(25);
	close_out();
	return 0;
}
