// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Why a symbol has the value it has: which part of its dependencies is
 * unmet, which symbol selects it, which range bounds it.  Linux's tools
 * print a whole dependency with its values and leave the reader to find
 * the failing part; these functions name it.  Used by menuconfig's help
 * and status line, and by tools that set values and must say why one
 * did not survive.  The API is described in kconfig.h.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "kconfig.h"

static const char *tri_name(enum tri t)
{
	return t == TRI_Y ? "y" : t == TRI_M ? "m" : "n";
}

static const char *file_of(const struct menu *menu)
{
	return menu && menu->file ? menu->file->name : "?";
}

/* the prompt of a choice, for naming it: choices seldom have a name */
static const char *choice_title(const struct symbol *choice)
{
	for (struct property *p = choice->prop; p; p = p->next)
		if (p->text)
			return p->text;
	return "<choice>";
}

static bool looks_numeric(const char *s)
{
	if (*s == '-')
		s++;
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		s += 2;
	if (!*s)
		return false;
	for (; *s; s++)
		if (!isxdigit((unsigned char)*s))
			return false;
	return true;
}

static void put_operand(struct strbuf *out, struct symbol *sym)
{
	if (sym == &symbol_yes || sym == &symbol_mod || sym == &symbol_no) {
		sb_adds(out, sym->name);
		return;
	}
	if (!sym->name) {
		sym_calc_value(sym);
		sb_addf(out, "the choice \"%s\" [=%s]", choice_title(sym), tri_name(sym->curr.tri));
		return;
	}
	/* literals: "text", and words such as 50 or 0x10 */
	if ((sym->flags & SF_CONST) || (sym->type == TYPE_UNKNOWN && looks_numeric(sym->name))) {
		if (looks_numeric(sym->name))
			sb_adds(out, sym->name);
		else
			sb_addf(out, "\"%s\"", sym->name);
		return;
	}
	if (sym->type == TYPE_UNKNOWN) {
		sb_addf(out, "%s [=n, defined nowhere]", sym->name);
		return;
	}
	sym_calc_value(sym);
	if (sym->type == TYPE_STRING)
		sb_addf(out, "%s [=\"%s\"]", sym->name, sym_get_string_value(sym));
	else
		sb_addf(out, "%s [=%s]", sym->name, sym_get_string_value(sym));
}

static const char *op_text(enum expr_op op)
{
	switch (op) {
	case E_EQUAL: return " = ";
	case E_UNEQUAL: return " != ";
	case E_LTH: return " < ";
	case E_LEQ: return " <= ";
	case E_GTH: return " > ";
	case E_GEQ: return " >= ";
	default: return " ? ";
	}
}

static void put_expr(struct strbuf *out, struct expr *e, enum expr_op outer)
{
	bool parens;

	if (!e) {
		sb_adds(out, "y");
		return;
	}
	switch (e->op) {
	case E_SYMBOL:
		put_operand(out, e->lsym);
		break;
	case E_NOT:
		sb_addc(out, '!');
		put_expr(out, e->l, E_NOT);
		break;
	case E_AND:
	case E_OR:
		parens = outer == E_NOT || (outer == E_AND && e->op == E_OR);
		if (parens)
			sb_addc(out, '(');
		put_expr(out, e->l, e->op);
		sb_adds(out, e->op == E_AND ? " && " : " || ");
		put_expr(out, e->r, e->op);
		if (parens)
			sb_addc(out, ')');
		break;
	case E_EQUAL: case E_UNEQUAL: case E_LTH: case E_LEQ: case E_GTH: case E_GEQ:
		parens = outer == E_NOT;
		if (parens)
			sb_addc(out, '(');
		put_operand(out, e->lsym);
		sb_adds(out, op_text(e->op));
		put_operand(out, e->rsym);
		if (parens)
			sb_addc(out, ')');
		break;
	default:
		expr_print(out, e, true);
		break;
	}
}

void explain_expr(struct strbuf *out, struct expr *e)
{
	put_expr(out, e, E_NONE);
}

/* the failing parts of e: the leaves of its && below need */
static void collect_unmet(struct expr *e, enum tri need, struct expr **parts, int *n, int max)
{
	if (!e || expr_calc_value(e) >= need)
		return;
	if (e->op == E_AND) {
		collect_unmet(e->l, need, parts, n, max);
		collect_unmet(e->r, need, parts, n, max);
		return;
	}
	if (*n < max)
		parts[(*n)++] = e;
}

bool explain_unmet(struct strbuf *out, struct expr *e, enum tri need)
{
	struct expr *parts[32];
	int n = 0;

	collect_unmet(e, need, parts, &n, 32);
	for (int i = 0; i < n; i++) {
		/* an || among several parts keeps its parentheses */
		bool parens = n > 1 && parts[i]->op == E_OR;

		if (i)
			sb_adds(out, " && ");
		if (parens)
			sb_addc(out, '(');
		put_expr(out, parts[i], E_NONE);
		if (parens)
			sb_addc(out, ')');
	}
	return n > 0;
}

void explain_location(struct strbuf *out, const struct menu *menu)
{
	const struct menu *chain[64];
	int n = 0;

	for (const struct menu *m = menu->parent; m && m != &rootmenu && n < 64; m = m->parent)
		if (m->prompt && m->prompt->text)
			chain[n++] = m;
	if (!n) {
		sb_adds(out, "(top level)");
		return;
	}
	while (n-- > 0) {
		sb_adds(out, chain[n]->prompt->text);
		if (n)
			sb_adds(out, " > ");
	}
}

/* the symbol that a term of a select/imply list stands for */
static struct symbol *term_source(const struct expr *e)
{
	if (e->op == E_SYMBOL)
		return e->lsym;
	if (e->op == E_AND && e->l->op == E_SYMBOL)
		return e->l->lsym;
	return NULL;
}

/* where src says "select target" or "imply target" */
static struct property *find_forcing_prop(struct symbol *src, struct symbol *target,
					  enum prop_kind kind)
{
	for (struct property *p = src->prop; p; p = p->next)
		if (p->kind == kind && prop_get_symbol(p) == target)
			return p;
	return NULL;
}

/* the terms of an OR list (rev_dep, implied) whose value is at least min */
static int list_sources(struct strbuf *out, struct expr *e, struct symbol *target,
			enum prop_kind kind, enum tri min, const char *sep, int count)
{
	struct symbol *src;
	struct property *p;

	if (!e)
		return count;
	if (e->op == E_OR) {
		count = list_sources(out, e->l, target, kind, min, sep, count);
		return list_sources(out, e->r, target, kind, min, sep, count);
	}
	if (expr_calc_value(e) < min)
		return count;
	src = term_source(e);
	/* a choice's own term (it is mandatory) names no selecting symbol */
	p = src ? find_forcing_prop(src, target, kind) : NULL;
	if (!p)
		return count;
	if (count)
		sb_adds(out, sep);
	if (src->name) {
		sb_addf(out, "%s [=%s]", src->name, sym_get_string_value(src));
	} else {
		sym_calc_value(src);
		sb_addf(out, "the choice \"%s\"", choice_title(src));
	}
	sb_addf(out, " (%s:%d)", p->file ? p->file->name : "?", p->lineno);
	return count + 1;
}

int explain_selectors(struct strbuf *out, struct symbol *sym, enum tri min, const char *sep)
{
	sym_calc_value(sym);
	return list_sources(out, sym->rev_dep.expr, sym, P_SELECT, min, sep, 0);
}

int explain_impliers(struct strbuf *out, struct symbol *sym, enum tri min, const char *sep)
{
	sym_calc_value(sym);
	return list_sources(out, sym->implied.expr, sym, P_IMPLY, min, sep, 0);
}

/* the prompt of menu hides: say which part of its condition fails */
static void explain_hidden_prompt(struct strbuf *out, struct menu *menu)
{
	struct property *prompt = menu->prompt;
	struct symbol *sym = menu->sym;
	struct strbuf dep = { 0 };

	/* a "visible if" of an enclosing menu */
	for (struct menu *m = menu->parent; m; m = m->parent) {
		if (m->visibility && expr_calc_value(m->visibility) == TRI_N) {
			sb_addf(out, "the menu \"%s\" is shown only if ", menu_get_prompt(m));
			explain_unmet(out, m->visibility, TRI_M);
			return;
		}
	}
	if (menu->visibility && expr_calc_value(menu->visibility) == TRI_N) {
		sb_adds(out, "visible only if ");
		explain_unmet(out, menu->visibility, TRI_M);
		return;
	}
	/* a tristate member shown as m hides while its choice is y */
	if (sym && sym_is_choice_value(sym) && sym->choice->curr.tri == TRI_Y &&
	    expr_calc_value(prompt->visible.expr) == TRI_M) {
		sb_addf(out, "it can only be m, and the choice \"%s\" is y",
			choice_title(sym->choice));
		return;
	}
	if (explain_unmet(&dep, menu->dep, TRI_M)) {
		sb_adds(out, "depends on ");
		sb_adds(out, sb_str(&dep));
	} else if (explain_unmet(&dep, prompt->visible.expr, TRI_M)) {
		/* the dependencies hold; the "if" of the prompt does not */
		sb_adds(out, "its prompt is shown only if ");
		sb_adds(out, sb_str(&dep));
	} else {
		sb_adds(out, "its menu is hidden");
	}
	sb_free(&dep);
}

bool explain_invisible(struct strbuf *out, struct menu *menu)
{
	struct symbol *sym = menu->sym;

	if (menu == &rootmenu || menu_is_visible(menu))
		return false;
	if (!menu->prompt) {
		sb_adds(out, "it has no prompt: only defaults, 'select' and 'imply' set it");
		return true;
	}
	explain_hidden_prompt(out, menu);
	if (sym && sym->rev_dep.tri != TRI_N) {
		sb_adds(out, "; selected by ");
		explain_selectors(out, sym, TRI_M, ", ");
	}
	return true;
}

/* a symbol that is visible may still be held by a select or a range */
bool explain_locked(struct strbuf *out, struct symbol *sym)
{
	enum sym_type type;
	struct property *range;

	sym_calc_value(sym);
	type = sym_get_type(sym);
	if (sym->visible == TRI_N) {
		sb_adds(out, "it is not visible");
		if (sym->rev_dep.tri != TRI_N) {
			sb_adds(out, "; selected by ");
			explain_selectors(out, sym, TRI_M, ", ");
		}
		return true;
	}
	if (sym_is_choice(sym) && !sym_is_optional(sym) && sym->rev_dep.tri != TRI_N) {
		sb_adds(out, "cannot be n: the choice is not optional");
		return true;
	}
	if (type == TYPE_BOOL || type == TYPE_TRISTATE) {
		if (sym_is_choice_value(sym) && sym->visible == TRI_Y)
			return false;
		if (sym->rev_dep.tri >= sym->visible) {
			sb_addf(out, "forced to %s: selected by ", tri_name(sym->rev_dep.tri));
			explain_selectors(out, sym, sym->rev_dep.tri, ", ");
			return true;
		}
		if (sym->rev_dep.tri == TRI_M) {
			sb_adds(out, "cannot be n: selected by ");
			explain_selectors(out, sym, TRI_M, ", ");
			return true;
		}
		if (type == TYPE_TRISTATE && sym->visible == TRI_M) {
			struct strbuf dep = { 0 };
			struct menu *m = NULL;

			for (struct property *p = sym->prop; p; p = p->next)
				if (p->text && expr_calc_value(p->visible.expr) == TRI_M)
					m = p->menu;
			sb_adds(out, "can be m at most: ");
			if (m && explain_unmet(&dep, m->dep, TRI_Y))
				sb_addf(out, "depends on %s", sb_str(&dep));
			else
				sb_adds(out, "its prompt is limited to m");
			sb_free(&dep);
			return true;
		}
		return false;
	}
	if (type == TYPE_INT || type == TYPE_HEX) {
		range = sym_get_range_prop(sym);
		if (!range)
			return false;
		sym_calc_value(range->expr->lsym);
		sym_calc_value(range->expr->rsym);
		sb_addf(out, "limited to %s..%s (range at %s:%d)", range->expr->lsym->curr.str,
			range->expr->rsym->curr.str, range->file ? range->file->name : "?",
			range->lineno);
		return true;
	}
	return false;
}

bool explain_value_refused(struct strbuf *out, struct symbol *sym, const char *value)
{
	struct property *range;
	const char *p = value;

	switch (sym->type) {
	case TYPE_INT:
		if (!sym_string_valid(sym, value)) {
			sb_addf(out, "'%s' is not a decimal integer", value);
			if (*p == '-')
				p++;
			if (p[0] == '0' && p[1])
				sb_adds(out, " (no leading zeros)");
			return true;
		}
		break;
	case TYPE_HEX:
		if (!sym_string_valid(sym, value)) {
			sb_addf(out, "'%s' is not a hexadecimal number (digits 0-9, a-f, optional 0x)",
				value);
			return true;
		}
		break;
	case TYPE_BOOL:
	case TYPE_TRISTATE:
		if (!sym_string_valid(sym, value)) {
			sb_addf(out, "'%s' is not a %s value (%s)", value, sym_type_name(sym->type),
				sym->type == TYPE_BOOL ? "y or n" : "y, m or n");
			return true;
		}
		break;
	case TYPE_STRING:
		return false;
	default:
		sb_adds(out, "the symbol has no type: no Kconfig file defines it");
		return true;
	}
	if (sym->type != TYPE_INT && sym->type != TYPE_HEX)
		return false;
	if (sym_string_within_range(sym, value))
		return false;
	range = sym_get_range_prop(sym);
	if (!range) {
		sb_addf(out, "'%s' is refused", value);
		return true;
	}
	sym_calc_value(range->expr->lsym);
	sym_calc_value(range->expr->rsym);
	sb_addf(out, "%s is outside the range %s..%s (%s:%d)", value,
		range->expr->lsym->curr.str, range->expr->rsym->curr.str,
		range->file ? range->file->name : "?", range->lineno);
	return true;
}

/* a definition of sym with a prompt, for the "why hidden" sentence */
static struct menu *prompt_menu(struct symbol *sym)
{
	for (struct property *p = sym->prop; p; p = p->next)
		if (p->kind == P_SYMBOL && p->menu->prompt)
			return p->menu;
	return NULL;
}

static bool explain_hidden_symbol(struct strbuf *out, struct symbol *sym)
{
	struct menu *m = prompt_menu(sym);

	if (!m) {
		sb_adds(out, "it has no prompt: only defaults, 'select' and 'imply' set it");
		sb_addf(out, " (its value is %s)", sym_get_string_value(sym));
		return true;
	}
	return explain_invisible(out, m);
}

bool explain_requested(struct strbuf *out, struct symbol *sym, const char *value)
{
	enum sym_type type;
	const char *now;
	int t;

	if (!sym || sym->type == TYPE_UNKNOWN || !sym->prop) {
		sb_adds(out, "unknown symbol: no Kconfig file defines it");
		return true;
	}
	if (explain_value_refused(out, sym, value))
		return true;
	sym_calc_value(sym);
	now = sym_get_string_value(sym);
	type = sym_get_type(sym);
	if (type == TYPE_BOOL || type == TYPE_TRISTATE) {
		t = value[0] == 'y' || value[0] == 'Y' ? TRI_Y :
		    value[0] == 'm' || value[0] == 'M' ? TRI_M : TRI_N;
		if (sym->curr.tri == (enum tri)t)
			return false;
		if (t == TRI_M && sym->type == TYPE_TRISTATE && modules_sym->curr.tri == TRI_N) {
			if (modules_sym->flags & SF_CONST)
				sb_adds(out, "m needs modules, and no symbol has the 'modules' option");
			else
				sb_addf(out, "m needs modules, and %s is n", modules_sym->name);
			return true;
		}
		if (type == TYPE_BOOL && t == TRI_M && sym->curr.tri == TRI_Y)
			return false;
		if ((enum tri)t < sym->rev_dep.tri) {
			sb_adds(out, "selected by ");
			explain_selectors(out, sym, sym->rev_dep.tri, ", ");
			return true;
		}
		if (sym->visible == TRI_N)
			return explain_hidden_symbol(out, sym);
		if ((enum tri)t > sym->visible) {
			explain_locked(out, sym);
			return true;
		}
		if (sym_is_choice_value(sym) && sym->choice->curr.tri == TRI_Y) {
			struct symbol *sel = sym_get_choice_value(sym->choice);

			if (sel == sym) {
				sb_addf(out, "it is the member chosen in \"%s\": choose another one instead",
					choice_title(sym->choice));
				return true;
			}
			sb_addf(out, "the choice \"%s\" has %s%s selected instead",
				choice_title(sym->choice), sel && sel->name ? config_prefix() : "",
				sel && sel->name ? sel->name : "nothing");
			return true;
		}
		sb_addf(out, "its value is %s", now);
		return true;
	}
	if (!strcmp(now, value))
		return false;
	if (sym->visible == TRI_N)
		return explain_hidden_symbol(out, sym);
	sb_addf(out, "its value is \"%s\"", now);
	return true;
}

/* whether two expressions print the same (expr_eq would rewrite copies) */
static bool same_text(struct expr *a, struct expr *b)
{
	struct strbuf x = { 0 }, y = { 0 };
	bool same;

	expr_print(&x, a, false);
	expr_print(&y, b, false);
	same = !strcmp(sb_str(&x), sb_str(&y));
	sb_free(&x);
	sb_free(&y);
	return same;
}

static void add_definition(struct strbuf *out, struct menu *menu)
{
	struct property *prompt = menu->prompt;

	sb_addf(out, "Defined at %s:%d\n", file_of(menu), menu->lineno);
	if (prompt && prompt->text)
		sb_addf(out, "  Prompt: %s\n", prompt->text);
	if (!expr_is_yes(menu->dep)) {
		sb_adds(out, "  Depends on: ");
		explain_expr(out, menu->dep);
		sb_addc(out, '\n');
	}
	if (prompt && !same_text(menu->dep, prompt->visible.expr) &&
	    !expr_is_yes(prompt->visible.expr)) {
		sb_adds(out, "  Visible if: ");
		explain_expr(out, prompt->visible.expr);
		sb_addc(out, '\n');
	}
	sb_adds(out, "  Location: ");
	explain_location(out, menu);
	sb_addc(out, '\n');
}

static void add_prop_targets(struct strbuf *out, struct symbol *sym, enum prop_kind kind,
			     const char *title)
{
	bool first = true;

	for (struct property *p = sym->prop; p; p = p->next) {
		struct symbol *target;

		if (p->kind != kind || !(target = prop_get_symbol(p)))
			continue;
		sb_adds(out, first ? title : ", ");
		first = false;
		sb_addf(out, "%s [=%s]", target->name, sym_get_string_value(target));
		if (!expr_is_yes(p->visible.expr) && expr_calc_value(p->visible.expr) == TRI_N)
			sb_adds(out, " (condition unmet)");
	}
	if (!first)
		sb_addc(out, '\n');
}

static void add_symbol_facts(struct strbuf *out, struct menu *menu)
{
	struct symbol *sym = menu->sym;
	struct strbuf why = { 0 };
	const char *value;

	sym_calc_value(sym);
	value = sym_get_string_value(sym);
	if (sym->name)
		sb_addf(out, "Symbol: %s%s\n", config_prefix(), sym->name);
	else
		sb_adds(out, "Symbol: (a choice without a name)\n");
	if (sym_is_choice(sym)) {
		struct symbol *sel = sym_get_choice_value(sym);

		sb_addf(out, "Type  : choice (%s), mode %s", sym_type_name(sym->type), value);
		if (sel)
			sb_addf(out, ", selected: %s%s", config_prefix(), sel->name ? sel->name : "?");
		sb_addc(out, '\n');
	} else {
		sb_addf(out, "Type  : %s\n", sym_type_name(sym->type));
		sb_addf(out, "Value : %s%s%s", sym->type == TYPE_STRING ? "\"" : "", value,
			sym->type == TYPE_STRING ? "\"" : "");
		if (!sym_has_value(sym))
			sb_adds(out, " (default, not set by the user)");
		sb_addc(out, '\n');
	}
	if (explain_invisible(&why, menu)) {
		sb_addf(out, "Hidden: %s\n", sb_str(&why));
	} else if (explain_locked(&why, sym)) {
		sb_addf(out, "%s: %s\n", sym->type == TYPE_INT || sym->type == TYPE_HEX ?
			"Range " : "Fixed ", sb_str(&why));
	}
	sb_free(&why);
	if (sym->choice)
		sb_addf(out, "Member of the choice \"%s\"\n", choice_title(sym->choice));
}

void explain_help(struct strbuf *out, struct menu *menu)
{
	struct symbol *sym = menu->sym;
	const char *prompt = menu_get_prompt(menu);

	if (prompt)
		sb_addf(out, "%s\n\n", prompt);
	if (sym)
		add_symbol_facts(out, menu);
	else {
		struct strbuf why = { 0 };

		if (explain_invisible(&why, menu))
			sb_addf(out, "Hidden: %s\n", sb_str(&why));
		sb_free(&why);
	}
	if (menu->help) {
		size_t n = strlen(menu->help);

		while (n && menu->help[n - 1] == '\n')
			n--;
		sb_addc(out, '\n');
		sb_add(out, menu->help, n);
		sb_adds(out, "\n\n");
	} else {
		sb_adds(out, "\nThere is no help available for this option.\n\n");
	}

	if (sym) {
		for (struct property *p = sym->prop; p; p = p->next)
			if (p->kind == P_SYMBOL)
				add_definition(out, p->menu);
		add_prop_targets(out, sym, P_SELECT, "Selects: ");
		if (sym->rev_dep.expr) {
			sb_adds(out, "Selected by: ");
			if (!explain_selectors(out, sym, TRI_M, ", "))
				sb_adds(out, "nothing at the moment");
			sb_addc(out, '\n');
			expr_print_revdep(out, sym->rev_dep.expr, TRI_Y, "  [y]:\n");
			expr_print_revdep(out, sym->rev_dep.expr, TRI_M, "  [m]:\n");
			expr_print_revdep(out, sym->rev_dep.expr, TRI_N, "  [n]:\n");
		}
		add_prop_targets(out, sym, P_IMPLY, "Implies: ");
		if (sym->implied.expr) {
			sb_adds(out, "Implied by: ");
			if (!explain_impliers(out, sym, TRI_M, ", "))
				sb_adds(out, "nothing at the moment");
			sb_addc(out, '\n');
			expr_print_revdep(out, sym->implied.expr, TRI_Y, "  [y]:\n");
			expr_print_revdep(out, sym->implied.expr, TRI_M, "  [m]:\n");
			expr_print_revdep(out, sym->implied.expr, TRI_N, "  [n]:\n");
		}
	} else {
		add_definition(out, menu);
	}
}
