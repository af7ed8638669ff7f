// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Checks on the finished tree: properties that do not fit their symbol,
 * and dependency cycles, which are errors.
 *
 * A cycle is reported with every symbol on it and the place of the
 * property that links each to the next.  A choice and its members count
 * as one node: members may depend on the choice, but the choice's own
 * dependencies must not lead back to a member.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kconfig.h"

static const char *pfile(const struct property *p)
{
	return p->file ? p->file->name : "<unknown>";
}

static bool valid_number_for(const struct symbol *sym, const struct symbol *v)
{
	return v->type == TYPE_INT || v->type == TYPE_HEX ||
	       (v->type == TYPE_UNKNOWN && sym_string_valid(sym, v->name));
}

void check_symbol_properties(struct symbol *sym)
{
	const char *name = sym->name ? sym->name : "<choice>";

	for (struct property *p = sym->prop; p; p = p->next) {
		struct symbol *other;

		switch (p->kind) {
		case P_DEFAULT:
			if ((sym->type == TYPE_STRING || sym->type == TYPE_INT ||
			     sym->type == TYPE_HEX) && p->expr->op != E_SYMBOL)
				kc_warn(pfile(p), p->lineno,
					"default for '%s' must be a single value or symbol, not an expression",
					name);
			if (p->expr->op != E_SYMBOL)
				break;
			other = prop_get_symbol(p);
			if ((sym->type == TYPE_INT || sym->type == TYPE_HEX) &&
			    !valid_number_for(sym, other))
				kc_warn(pfile(p), p->lineno, "'%s': default '%s' is not a valid %s",
					name, other->name, sym->type == TYPE_INT ?
					"decimal integer" : "hexadecimal number");
			if (sym_is_choice(sym) && other->choice != sym)
				kc_warn(pfile(p), p->lineno,
					"choice default symbol '%s' is not contained in the choice",
					other->name);
			break;
		case P_SELECT:
		case P_IMPLY:
			other = prop_get_symbol(p);
			if (sym->type != TYPE_BOOL && sym->type != TYPE_TRISTATE)
				kc_warn(pfile(p), p->lineno,
					"config symbol '%s' uses %s, but is not bool or tristate",
					name, p->kind == P_SELECT ? "select" : "imply");
			else if (other->type != TYPE_UNKNOWN && other->type != TYPE_BOOL &&
				 other->type != TYPE_TRISTATE)
				kc_warn(pfile(p), p->lineno,
					"'%s' has wrong type: '%s' only accepts bool and tristate symbols",
					other->name, p->kind == P_SELECT ? "select" : "imply");
			break;
		case P_RANGE:
			if (sym->type != TYPE_INT && sym->type != TYPE_HEX)
				kc_warn(pfile(p), p->lineno,
					"range is only allowed for int or hex symbols ('%s' is %s)",
					name, sym_type_name(sym->type));
			if (!valid_number_for(sym, p->expr->lsym) ||
			    !valid_number_for(sym, p->expr->rsym))
				kc_warn(pfile(p), p->lineno, "range of '%s' is invalid: '%s %s' are not both %s",
					name, p->expr->lsym->name, p->expr->rsym->name,
					sym->type == TYPE_HEX ? "hexadecimal numbers" : "integers");
			break;
		default:
			break;
		}
	}
}

/* ---- dependency cycles ---- */

struct step {
	struct symbol *sym;
	const struct property *prop;	/* how sym leads to the next step */
	const char *how;
};

#define MAX_DEPTH 4096

static struct step path[MAX_DEPTH];
static int depth;
static bool cycle_reported;

static struct symbol *visit(struct symbol *sym);

static void report_cycle(struct symbol *again)
{
	int start = depth - 1;

	while (start > 0 && path[start].sym != again &&
	       !(sym_is_choice_value(path[start].sym) && path[start].sym->choice == again) &&
	       !(sym_is_choice(path[start].sym) && again->choice == path[start].sym))
		start--;
	const struct property *first = path[start].prop;

	fprintf(stderr, "%s:%d: error: recursive dependency detected:\n",
		first ? pfile(first) : "<unknown>", first ? first->lineno : 0);
	for (int i = start; i < depth; i++) {
		const struct step *s = &path[i];
		struct symbol *next = i + 1 < depth ? path[i + 1].sym : again;

		fprintf(stderr, "  %s:%d: symbol %s %s %s\n",
			s->prop ? pfile(s->prop) : "<unknown>", s->prop ? s->prop->lineno : 0,
			s->sym->name ? s->sym->name : "<choice>", s->how,
			next->name ? next->name : "<choice>");
	}
	fprintf(stderr, "  Break the loop: a symbol cannot depend on, default to, or be selected\n"
			"  by something that itself needs it (see docs/kconfig.md, \"Dependency cycles\").\n");
	kc_errors++;
	cycle_reported = true;
}

static struct symbol *visit_expr(struct expr *e)
{
	struct symbol *hit;

	if (!e)
		return NULL;
	switch (e->op) {
	case E_AND:
	case E_OR:
		hit = visit_expr(e->l);
		return hit ? hit : visit_expr(e->r);
	case E_NOT:
		return visit_expr(e->l);
	case E_SYMBOL:
		return visit(e->lsym);
	default:
		if (e->lsym) {
			hit = visit(e->lsym);
			if (hit)
				return hit;
		}
		return e->rsym ? visit(e->rsym) : NULL;
	}
}

/* where sym is defined, for steps that have no property of their own */
static const struct property *first_prop_of(struct symbol *sym)
{
	for (const struct property *p = sym->prop; p; p = p->next)
		if (p->kind == P_SYMBOL)
			return p;
	return sym->prop;
}

static struct symbol *walk(struct symbol *sym, const struct property *prop,
			   const char *how, struct expr *e)
{
	if (depth >= MAX_DEPTH)
		return NULL;
	path[depth].sym = sym;
	path[depth].prop = prop ? prop : first_prop_of(sym);
	path[depth].how = how;
	depth++;
	struct symbol *hit = visit_expr(e);

	depth--;
	return hit;
}

static struct symbol *visit_symbol_deps(struct symbol *sym)
{
	struct symbol *hit;

	hit = walk(sym, NULL, "depends on", sym->dir_dep.expr);
	if (!hit)
		hit = walk(sym, NULL, "is selected by", sym->rev_dep.expr);
	if (!hit)
		hit = walk(sym, NULL, "is implied by", sym->implied.expr);
	for (struct property *p = sym->prop; !hit && p; p = p->next) {
		if (p->kind == P_CHOICE || p->kind == P_SELECT || p->kind == P_IMPLY)
			continue;
		hit = walk(sym, p, p->kind == P_PROMPT ? "has a prompt that depends on" :
			   p->kind == P_DEFAULT ? "has a default that depends on" :
			   p->kind == P_RANGE ? "has a range that depends on" : "depends on",
			   p->visible.expr);
		if (hit || p->kind != P_DEFAULT || sym_is_choice(sym))
			continue;
		hit = walk(sym, p, "defaults to", p->expr);
	}
	return hit;
}

static struct symbol *visit_choice(struct symbol *choice)
{
	struct symbol *hit;

	for (int i = 0; i < choice->nmembers; i++)
		choice->members[i]->flags |= SF_CHECK | SF_CHECKED;
	choice->flags |= SF_CHECK | SF_CHECKED;
	hit = visit_symbol_deps(choice);
	choice->flags &= ~SF_CHECK;
	for (int i = 0; !hit && i < choice->nmembers; i++)
		hit = visit_symbol_deps(choice->members[i]);
	for (int i = 0; i < choice->nmembers; i++)
		choice->members[i]->flags &= ~SF_CHECK;
	if (hit && sym_is_choice_value(hit) && hit->choice == choice)
		hit = choice;
	return hit;
}

static struct symbol *visit(struct symbol *sym)
{
	struct symbol *hit;

	if (sym->flags & SF_CHECK) {
		if (!cycle_reported)
			report_cycle(sym);
		return sym;
	}
	if (sym->flags & SF_CHECKED)
		return NULL;
	if (sym_is_choice_value(sym))
		return visit(sym->choice);
	if (sym_is_choice(sym))
		return visit_choice(sym);
	sym->flags |= SF_CHECK | SF_CHECKED;
	hit = visit_symbol_deps(sym);
	sym->flags &= ~SF_CHECK;
	return hit;
}

int check_dependency_cycles(void)
{
	struct symbol *sym;
	int i, found = 0;

	for_all_symbols(i, sym) {
		depth = 0;
		cycle_reported = false;
		if (visit(sym))
			found++;
	}
	return found;
}
