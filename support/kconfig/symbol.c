// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Symbols: the table, and the computation of each symbol's visibility
 * and value from user input, defaults, dependencies, selects and
 * implies, with Linux 6.1's rules.
 *
 * The table is hashed like Linux's (FNV-1a into 9973 buckets, newest
 * first in a bucket) so that walks over all symbols visit them in the
 * same order; auto.conf and autoconf.h are written in that order.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kconfig.h"
#include "pool.h"

struct symbol *symbol_hash[SYMBOL_HASHSIZE];
static struct pool symbols = POOL_INIT(struct symbol);

struct symbol symbol_yes = {
	.name = "y", .type = TYPE_TRISTATE, .curr = { "y", TRI_Y }, .flags = SF_CONST | SF_VALID,
};
struct symbol symbol_mod = {
	.name = "m", .type = TYPE_TRISTATE, .curr = { "m", TRI_M }, .flags = SF_CONST | SF_VALID,
};
struct symbol symbol_no = {
	.name = "n", .type = TYPE_TRISTATE, .curr = { "n", TRI_N }, .flags = SF_CONST | SF_VALID,
};
struct symbol symbol_empty = {
	.name = "", .curr = { "", TRI_N }, .flags = SF_VALID,
};

struct symbol *modules_sym;
static enum tri modules_val;

static unsigned name_hash(const char *s)
{
	unsigned h = 2166136261U;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x01000193;
	return h % SYMBOL_HASHSIZE;
}

static struct symbol *builtin_constant(const char *name)
{
	if (!name[0] || name[1])
		return NULL;
	switch (name[0]) {
	case 'y': return &symbol_yes;
	case 'm': return &symbol_mod;
	case 'n': return &symbol_no;
	default: return NULL;
	}
}

struct symbol *sym_lookup(const char *name, unsigned flags)
{
	struct symbol *sym;
	unsigned h = 0;

	if (name) {
		sym = builtin_constant(name);
		if (sym)
			return sym;
		h = name_hash(name);
		for (sym = symbol_hash[h]; sym; sym = sym->next) {
			if (!sym->name || strcmp(sym->name, name))
				continue;
			if (flags ? (sym->flags & flags) :
			    !(sym->flags & (SF_CONST | SF_CHOICE)))
				return sym;
		}
	}
	sym = pool_alloc(&symbols);
	sym->name = name ? xstrdup(name) : NULL;
	sym->type = TYPE_UNKNOWN;
	sym->flags = flags;
	sym->next = symbol_hash[h];
	symbol_hash[h] = sym;
	return sym;
}

struct symbol *sym_find(const char *name)
{
	struct symbol *sym;

	if (!name)
		return NULL;
	sym = builtin_constant(name);
	if (sym)
		return sym;
	for (sym = symbol_hash[name_hash(name)]; sym; sym = sym->next)
		if (sym->name && !strcmp(sym->name, name) && !(sym->flags & SF_CONST))
			return sym;
	return NULL;
}

const char *sym_type_name(enum sym_type type)
{
	switch (type) {
	case TYPE_BOOL: return "bool";
	case TYPE_TRISTATE: return "tristate";
	case TYPE_INT: return "integer";
	case TYPE_HEX: return "hex";
	case TYPE_STRING: return "string";
	case TYPE_UNKNOWN: return "unknown";
	default: return "???";
	}
}

enum sym_type sym_get_type(const struct symbol *sym)
{
	enum sym_type type = sym->type;

	if (type == TYPE_TRISTATE &&
	    ((sym_is_choice_value(sym) && sym->visible == TRI_Y) || modules_val == TRI_N))
		type = TYPE_BOOL;
	return type;
}

struct symbol *prop_get_symbol(const struct property *prop)
{
	if (prop->expr && (prop->expr->op == E_SYMBOL || prop->expr->op == E_LIST))
		return prop->expr->lsym;
	return NULL;
}

/* the first property of a kind whose condition holds */
static struct property *first_active(struct symbol *sym, enum prop_kind kind)
{
	for (struct property *p = sym->prop; p; p = p->next) {
		if (p->kind != kind)
			continue;
		p->visible.tri = expr_calc_value(p->visible.expr);
		if (p->visible.tri != TRI_N)
			return p;
	}
	return NULL;
}

struct property *sym_get_default_prop(struct symbol *sym)
{
	return first_active(sym, P_DEFAULT);
}

struct property *sym_get_range_prop(struct symbol *sym)
{
	return first_active(sym, P_RANGE);
}

void sym_set_changed(struct symbol *sym)
{
	sym->flags |= SF_CHANGED;
	for (struct property *p = sym->prop; p; p = p->next)
		if (p->menu)
			p->menu->flags |= MENU_CHANGED;
}

static void sym_set_all_changed(void)
{
	struct symbol *sym;
	int i;

	for_all_symbols(i, sym)
		sym_set_changed(sym);
}

static void update_tri(struct symbol *sym, enum tri *slot, enum tri val)
{
	if (*slot != val) {
		*slot = val;
		sym_set_changed(sym);
	}
}

/* a bool dependency of m counts as y */
static enum tri dep_value(struct symbol *sym, struct expr *e, enum tri none)
{
	enum tri t = e ? expr_calc_value(e) : none;

	if (t == TRI_M && sym_get_type(sym) == TYPE_BOOL)
		t = TRI_Y;
	return t;
}

void sym_calc_visibility(struct symbol *sym)
{
	struct symbol *choice = sym_is_choice_value(sym) ? sym->choice : NULL;
	enum tri vis = TRI_N;

	/* every prompt counts, also the P_MENU one of a menuconfig */
	for (struct property *p = sym->prop; p; p = p->next) {
		if (!p->text)
			continue;
		p->visible.tri = expr_calc_value(p->visible.expr);
		/* a tristate member visible as m hides while its choice is y */
		if (choice && sym->type == TYPE_TRISTATE &&
		    p->visible.tri == TRI_M && choice->curr.tri == TRI_Y)
			p->visible.tri = TRI_N;
		vis = tri_or(vis, p->visible.tri);
	}
	if (vis == TRI_M && (sym->type != TYPE_TRISTATE || modules_val == TRI_N))
		vis = TRI_Y;
	update_tri(sym, &sym->visible, vis);
	if (choice)
		return;
	update_tri(sym, &sym->dir_dep.tri, dep_value(sym, sym->dir_dep.expr, TRI_Y));
	update_tri(sym, &sym->rev_dep.tri, dep_value(sym, sym->rev_dep.expr, TRI_N));
	update_tri(sym, &sym->implied.tri, imply_lost_without_dependencies(sym) ? TRI_N :
		   dep_value(sym, sym->implied.expr, TRI_N));
}

/* the member a choice takes by default: a visible default, else the first visible */
struct symbol *sym_choice_default(struct symbol *choice)
{
	for (struct property *p = choice->prop; p; p = p->next) {
		struct symbol *def;

		if (p->kind != P_DEFAULT)
			continue;
		p->visible.tri = expr_calc_value(p->visible.expr);
		if (p->visible.tri == TRI_N)
			continue;
		def = prop_get_symbol(p);
		if (def && def->visible != TRI_N)
			return def;
	}
	for (int i = 0; i < choice->nmembers; i++)
		if (choice->members[i]->visible != TRI_N)
			return choice->members[i];
	return NULL;
}

static struct symbol *calc_choice_selection(struct symbol *choice)
{
	unsigned flags = choice->flags;
	struct symbol *sel;

	for (int i = 0; i < choice->nmembers; i++) {
		struct symbol *m = choice->members[i];

		sym_calc_visibility(m);
		if (m->visible != TRI_N)
			flags &= m->flags;
	}
	/* the choice keeps a user value only if every visible member has one */
	choice->flags &= flags | ~SF_DEF_USER;

	sel = choice->def[DEF_USER].sel;
	if (sel && sel->visible != TRI_N)
		return sel;
	sel = sym_choice_default(choice);
	if (!sel)
		choice->curr.tri = TRI_N;
	return sel;
}

struct symbol *sym_get_choice_value(struct symbol *choice)
{
	sym_calc_value(choice);
	return choice->curr_sel;
}

void set_all_choice_values(struct symbol *choice)
{
	for (int i = 0; i < choice->nmembers; i++) {
		struct symbol *m = choice->members[i];

		if (!sym_has_value(m))
			m->def[DEF_USER].tri = TRI_N;
	}
	choice->flags |= SF_DEF_USER;
	choice->flags &= ~(SF_VALID | SF_NEED_SET_CHOICE_VALUES);
}

static long long sym_range_bound(struct symbol *bound, int base)
{
	sym_calc_value(bound);
	if (bound->type == TYPE_INT)
		base = 10;
	else if (bound->type == TYPE_HEX)
		base = 16;
	return strtoll(bound->curr.str, NULL, base);
}

/* a value outside the active range takes the bound it crossed, as written */
static void clamp_to_range(struct symbol *sym)
{
	struct property *range;
	struct symbol *bound;
	long long val;
	int base;

	if (sym->type == TYPE_INT)
		base = 10;
	else if (sym->type == TYPE_HEX)
		base = 16;
	else
		return;
	range = sym_get_range_prop(sym);
	if (!range)
		return;
	val = strtoll(sym->curr.str, NULL, base);
	bound = range->expr->lsym;
	if (val >= sym_range_bound(bound, base)) {
		bound = range->expr->rsym;
		if (val <= sym_range_bound(bound, base))
			return;
	}
	sym->curr.str = bound->curr.str;
	if (clamped_value_written_as_number()) {
		char text[32];

		snprintf(text, sizeof(text), base == 10 ? "%lld" : "0x%llx",
			 sym_range_bound(bound, base));
		sym->curr.str = sym_lookup(text, SF_CONST)->name;
	}
}

static void sym_warn_unmet_dep(struct symbol *sym);

static void calc_tristate(struct symbol *sym, struct value *v)
{
	struct property *prop;

	if (sym_is_choice_value(sym) && sym->visible == TRI_Y) {
		v->tri = sym->choice->curr_sel == sym ? TRI_Y : TRI_N;
	} else {
		if (sym->visible != TRI_N && sym_has_value(sym)) {
			v->tri = tri_and(sym->def[DEF_USER].tri, sym->visible);
		} else {
			if (sym->rev_dep.tri != TRI_N)
				sym->flags |= SF_WRITE;
			if (!sym_is_choice(sym)) {
				prop = sym_get_default_prop(sym);
				if (prop) {
					v->tri = tri_and(expr_calc_value(prop->expr),
							 prop->visible.tri);
					if (v->tri != TRI_N || n_default_written_as_unset())
						sym->flags |= SF_WRITE;
				}
				if (sym->implied.tri != TRI_N) {
					sym->flags |= SF_WRITE;
					v->tri = tri_or(v->tri, sym->implied.tri);
					if (imply_limited_to_dependencies())
						v->tri = tri_and(v->tri, sym->dir_dep.tri);
				}
			}
		}
		if (sym->dir_dep.tri < sym->rev_dep.tri)
			sym_warn_unmet_dep(sym);
		v->tri = tri_or(v->tri, sym->rev_dep.tri);
	}
	if (v->tri == TRI_M && (sym_get_type(sym) == TYPE_BOOL || sym == modules_sym ||
				imply_lifts_m_to_y(sym)))
		v->tri = TRI_Y;
}

static void calc_text(struct symbol *sym, struct value *v)
{
	struct property *prop;
	struct symbol *src;

	if (sym->visible != TRI_N && sym_has_value(sym)) {
		v->str = sym->def[DEF_USER].str;
		return;
	}
	prop = sym_get_default_prop(sym);
	if (!prop)
		return;
	src = prop_get_symbol(prop);
	if (!src)
		return;
	sym->flags |= SF_WRITE;
	sym_calc_value(src);
	v->str = src->curr.str;
}

void sym_calc_value(struct symbol *sym)
{
	struct value v, old;
	struct symbol *old_sel;

	if (!sym || (sym->flags & SF_VALID))
		return;
	if (sym_is_choice_value(sym) && (sym->flags & SF_NEED_SET_CHOICE_VALUES)) {
		sym->flags &= ~SF_NEED_SET_CHOICE_VALUES;
		sym_calc_value(sym->choice);
	}
	sym->flags |= SF_VALID;
	old = sym->curr;
	old_sel = sym->curr_sel;

	switch (sym->type) {
	case TYPE_INT: case TYPE_HEX: case TYPE_STRING:
		v = symbol_empty.curr;
		break;
	case TYPE_BOOL: case TYPE_TRISTATE:
		v = symbol_no.curr;
		break;
	default:
		sym->curr.str = sym->name;
		sym->curr.tri = TRI_N;
		return;
	}
	if (!write_mark_kept(sym))
		sym->flags &= ~SF_WRITE;
	sym_calc_visibility(sym);
	if (sym->visible != TRI_N)
		sym->flags |= SF_WRITE;
	/* what a recursive evaluation sees meanwhile */
	sym->curr = v;
	sym->curr_sel = NULL;

	switch (sym_get_type(sym)) {
	case TYPE_BOOL:
	case TYPE_TRISTATE:
		calc_tristate(sym, &v);
		break;
	case TYPE_INT: case TYPE_HEX: case TYPE_STRING:
		calc_text(sym, &v);
		break;
	default:
		break;
	}

	sym->curr = v;
	if (sym_is_choice(sym) && v.tri == TRI_Y)
		sym->curr_sel = calc_choice_selection(sym);
	clamp_to_range(sym);

	if (old.str != sym->curr.str || old.tri != sym->curr.tri || old_sel != sym->curr_sel) {
		sym_set_changed(sym);
		if (sym == modules_sym) {
			sym_set_all_changed();
			modules_val = modules_sym->curr.tri;
		}
	}

	if (sym_is_choice(sym)) {
		for (int i = 0; i < sym->nmembers; i++) {
			struct symbol *m = sym->members[i];

			if ((sym->flags & SF_WRITE) && m->visible != TRI_N)
				m->flags |= SF_WRITE;
			if (sym->flags & SF_CHANGED)
				sym_set_changed(m);
		}
	}
	if (sym->flags & SF_NO_WRITE)
		sym->flags &= ~SF_WRITE;
	if (sym->flags & SF_NEED_SET_CHOICE_VALUES)
		set_all_choice_values(sym);
}

void sym_clear_all_valid(void)
{
	struct symbol *sym;
	int i;

	for_all_symbols(i, sym)
		sym->flags &= ~SF_VALID;
	conf_set_changed(true);
	sym_calc_value(modules_sym);
}

const char *sym_get_string_value(struct symbol *sym)
{
	if (sym->type == TYPE_BOOL || sym->type == TYPE_TRISTATE) {
		switch (sym_get_tristate_value(sym)) {
		case TRI_N:
			return "n";
		case TRI_M:
			return "m";
		case TRI_Y:
			return "y";
		}
	}
	return sym->curr.str;
}

bool sym_tristate_within_range(struct symbol *sym, enum tri val)
{
	enum sym_type type = sym_get_type(sym);

	if (sym->visible == TRI_N)
		return false;
	if (type != TYPE_BOOL && type != TYPE_TRISTATE)
		return false;
	if (type == TYPE_BOOL && val == TRI_M)
		return false;
	/* an m that would read as y is not on offer */
	if (val == TRI_M && imply_lifts_m_to_y(sym))
		return false;
	if (sym->visible <= sym->rev_dep.tri)
		return false;
	if (sym_is_choice_value(sym) && sym->visible == TRI_Y)
		return val == TRI_Y;
	return val >= sym->rev_dep.tri && val <= sym->visible;
}

bool sym_set_tristate_value(struct symbol *sym, enum tri val)
{
	enum tri old = sym_get_tristate_value(sym);

	if (old != val && !sym_tristate_within_range(sym, val))
		return false;
	if (!(sym->flags & SF_DEF_USER)) {
		sym->flags |= SF_DEF_USER;
		sym_set_changed(sym);
	}
	/* choosing a member settles its choice and the visible siblings */
	if (sym_is_choice_value(sym) && val == TRI_Y) {
		struct symbol *cs = sym->choice;

		cs->def[DEF_USER].sel = sym;
		cs->flags |= SF_DEF_USER;
		for (int i = 0; i < cs->nmembers; i++)
			if (cs->members[i]->visible != TRI_N)
				cs->members[i]->flags |= SF_DEF_USER;
	}
	sym->def[DEF_USER].tri = val;
	if (old != val)
		sym_clear_all_valid();
	return true;
}

bool sym_string_valid(const struct symbol *sym, const char *str)
{
	const char *p = str;

	switch (sym->type) {
	case TYPE_STRING:
		return true;
	case TYPE_INT:
		if (*p == '-')
			p++;
		if (!isdigit((unsigned char)*p))
			return false;
		if (*p == '0' && p[1])
			return false;
		for (; *p; p++)
			if (!isdigit((unsigned char)*p))
				return false;
		return true;
	case TYPE_HEX:
		if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
			p += 2;
		if (!*p)
			return false;
		for (; *p; p++)
			if (!isxdigit((unsigned char)*p))
				return false;
		return true;
	case TYPE_BOOL:
	case TYPE_TRISTATE:
		return strchr("yYmMnN", str[0]) && str[0];
	default:
		return false;
	}
}

static bool number_within_range(struct symbol *sym, const char *str, int base)
{
	struct property *range;
	long long val;

	if (!sym_string_valid(sym, str))
		return false;
	range = sym_get_range_prop(sym);
	if (!range)
		return true;
	val = strtoll(str, NULL, base);
	return val >= sym_range_bound(range->expr->lsym, base) &&
	       val <= sym_range_bound(range->expr->rsym, base);
}

static int tri_of_char(char c)
{
	switch (c) {
	case 'y': case 'Y': return TRI_Y;
	case 'm': case 'M': return TRI_M;
	case 'n': case 'N': return TRI_N;
	default: return -1;
	}
}

bool sym_string_within_range(struct symbol *sym, const char *str)
{
	int t;

	switch (sym->type) {
	case TYPE_STRING:
		return true;
	case TYPE_INT:
		return number_within_range(sym, str, 10);
	case TYPE_HEX:
		return number_within_range(sym, str, 16);
	case TYPE_BOOL:
	case TYPE_TRISTATE:
		t = tri_of_char(str[0]);
		return t >= 0 && sym_tristate_within_range(sym, (enum tri)t);
	default:
		return false;
	}
}

bool sym_set_string_value(struct symbol *sym, const char *val)
{
	const char *old;
	char *copy;
	int t;

	if (sym->type == TYPE_BOOL || sym->type == TYPE_TRISTATE) {
		t = tri_of_char(val[0]);
		return t >= 0 && sym_set_tristate_value(sym, (enum tri)t);
	}
	if (!sym_string_within_range(sym, val))
		return false;
	if (!(sym->flags & SF_DEF_USER)) {
		sym->flags |= SF_DEF_USER;
		sym_set_changed(sym);
	}
	old = sym->def[DEF_USER].str;
	if (sym->type == TYPE_HEX && (val[0] != '0' || (val[1] != 'x' && val[1] != 'X'))) {
		size_t n = strlen(val) + 3;

		copy = xmalloc(n);
		snprintf(copy, n, "0x%s", val);
	} else if (!old || strcmp(old, val)) {
		copy = xstrdup(val);
	} else {
		return true;
	}
	sym->def[DEF_USER].str = copy;
	free((char *)old);
	sym_clear_all_valid();
	return true;
}

const char *sym_get_string_default(struct symbol *sym)
{
	struct property *prop;
	struct symbol *src;
	enum tri val = TRI_N;
	const char *str = "";

	sym_calc_visibility(sym);
	sym_calc_value(modules_sym);
	prop = sym_get_default_prop(sym);
	if (prop) {
		if (sym->type == TYPE_BOOL || sym->type == TYPE_TRISTATE) {
			val = tri_and(expr_calc_value(prop->expr), prop->visible.tri);
		} else {
			src = prop_get_symbol(prop);
			if (src) {
				sym_calc_value(src);
				str = src->curr.str;
			}
		}
	}
	val = tri_or(val, sym->rev_dep.tri);
	if (val == TRI_M && !sym_is_choice_value(sym) && modules_sym->curr.tri == TRI_N)
		val = TRI_Y;
	if (sym->type == TYPE_BOOL && val == TRI_M)
		val = TRI_Y;
	if (val < sym->implied.tri)
		val = sym->implied.tri;
	switch (sym->type) {
	case TYPE_BOOL:
	case TYPE_TRISTATE:
		return val == TRI_N ? "n" : val == TRI_M ? "m" : "y";
	case TYPE_INT:
	case TYPE_HEX:
	case TYPE_STRING:
		return str;
	default:
		return "";
	}
}

/* "select" forced a symbol past what its own dependencies allow */
static void sym_warn_unmet_dep(struct symbol *sym)
{
	struct strbuf sb = { 0 };

	sb_addf(&sb, "\nWARNING: unmet direct dependencies detected for %s\n", sym->name);
	sb_addf(&sb, "  Depends on [%c]: ", sym->dir_dep.tri == TRI_M ? 'm' : 'n');
	expr_print(&sb, sym->dir_dep.expr, true);
	sb_addc(&sb, '\n');
	expr_print_revdep(&sb, sym->rev_dep.expr, TRI_Y, "  Selected by [y]:\n");
	expr_print_revdep(&sb, sym->rev_dep.expr, TRI_M, "  Selected by [m]:\n");
	fputs(sb_str(&sb), stderr);
	sb_free(&sb);
	kc_warnings++;
}
