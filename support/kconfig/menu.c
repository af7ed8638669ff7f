// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The menu tree: built while parsing, then finalized once: parent
 * dependencies flow down to every entry and property, selects and
 * implies become reverse dependencies of their targets, choice members
 * are attached to their choice, entries that depend on the symbol just
 * above them nest under it, and "if" blocks dissolve into their parent.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "kconfig.h"
#include "pool.h"

struct menu rootmenu;
struct menu *current_entry;
static struct menu *current_menu;
static struct menu **last_entry_ptr;
/* entries and properties live as long as the process */
static struct pool menus = POOL_INIT(struct menu);
static struct pool properties = POOL_INIT(struct property);

void menu_reset(void)
{
	memset(&rootmenu, 0, sizeof(rootmenu));
	current_menu = current_entry = &rootmenu;
	last_entry_ptr = &rootmenu.list;
}

void menu_add_entry(struct symbol *sym, struct kfile *file, int lineno)
{
	struct menu *menu = pool_alloc(&menus);

	menu->sym = sym;
	menu->parent = current_menu;
	menu->file = file;
	menu->lineno = lineno;
	*last_entry_ptr = menu;
	last_entry_ptr = &menu->next;
	current_entry = menu;
	if (sym)
		menu_add_prop(P_SYMBOL, expr_alloc_symbol(sym), NULL, file, lineno);
}

void menu_add_menu(void)
{
	last_entry_ptr = &current_entry->list;
	current_menu = current_entry;
}

void menu_end_menu(void)
{
	last_entry_ptr = &current_menu->next;
	current_menu = current_menu->parent;
}

void menu_add_dep(struct expr *dep)
{
	current_entry->dep = expr_alloc_and(current_entry->dep, dep);
}

void menu_add_visibility(struct expr *e)
{
	current_entry->visibility = expr_alloc_and(current_entry->visibility, e);
}

/* "visible if" of every enclosing menu limits real prompts */
static struct expr *and_menu_visibility(struct menu *menu, struct expr *e)
{
	for (struct menu *m = menu->parent; m; m = m->parent)
		if (m->visibility)
			e = expr_alloc_and(e, expr_copy(m->visibility));
	return e;
}

/* a prompt of a config, choice or menuconfig (whose prompt became P_MENU) */
static bool is_symbol_prompt(const struct property *prop)
{
	return prop->kind == P_PROMPT || (prop->kind == P_MENU && prop->menu->sym);
}

struct property *menu_add_prop(enum prop_kind kind, struct expr *e,
			       struct expr *cond, struct kfile *file, int lineno)
{
	struct property *prop = pool_alloc(&properties);
	struct property **tail;

	prop->kind = kind;
	prop->file = file;
	prop->lineno = lineno;
	prop->menu = current_entry;
	prop->expr = e;
	prop->visible.expr = cond;
	if (current_entry->sym) {
		for (tail = &current_entry->sym->prop; *tail; tail = &(*tail)->next)
			;
		*tail = prop;
	}
	return prop;
}

struct property *menu_add_prompt(enum prop_kind kind, const char *text,
				 struct expr *cond, struct kfile *file, int lineno)
{
	struct property *prop = menu_add_prop(kind, NULL, cond, file, lineno);
	const char *fname = file ? file->name : NULL;

	if (isspace((unsigned char)*text)) {
		kc_warn(fname, lineno, "leading whitespace in prompt \"%s\" ignored", text);
		while (isspace((unsigned char)*text))
			text++;
	}
	if (current_entry->prompt)
		kc_warn(fname, lineno, "prompt redefined: \"%s\" replaces \"%s\"",
			text, current_entry->prompt->text);
	if (kind == P_PROMPT && visible_if_m_needs_modules())
		prop->visible.expr = and_menu_visibility(current_entry, prop->visible.expr);
	current_entry->prompt = prop;
	prop->text = text;
	return prop;
}

void menu_set_type(enum sym_type type, struct kfile *file, int lineno)
{
	struct symbol *sym = current_entry->sym;

	if (sym->type == type)
		return;
	if (sym->type == TYPE_UNKNOWN) {
		sym->type = type;
		return;
	}
	kc_warn(file ? file->name : NULL, lineno,
		"ignoring type redefinition of '%s' from '%s' to '%s'",
		sym->name ? sym->name : "<choice>",
		sym_type_name(sym->type), sym_type_name(type));
}

static void add_member(struct symbol *choice, struct symbol *member)
{
	if (choice->nmembers == choice->members_cap) {
		choice->members_cap = choice->members_cap ? choice->members_cap * 2 : 8;
		choice->members = xrealloc(choice->members,
					   choice->members_cap * sizeof(*choice->members));
	}
	choice->members[choice->nmembers++] = member;
	if (!member->choice)
		member->choice = choice;
}

/* a copy of dep, normalized the way the nesting test compares them */
static struct expr *nesting_form(struct expr *dep)
{
	dep = expr_trans_compare(dep, E_UNEQUAL, &symbol_no);
	return expr_eliminate_dups(expr_transform(dep));
}

/* give each child its parent's dependencies; record selects and implies */
static void propagate_to_children(struct menu *parent, struct expr *parentdep)
{
	for (struct menu *menu = parent->list; menu; menu = menu->next) {
		struct expr *basedep;
		struct property *prop;

		basedep = expr_transform(expr_rewrite_m(menu->dep));
		basedep = expr_alloc_and(expr_copy(parentdep), basedep);
		basedep = expr_eliminate_dups(basedep);
		menu->dep = basedep;

		prop = menu->sym ? menu->sym->prop : menu->prompt;
		for (; prop; prop = prop->next) {
			struct expr *dep;

			/* options, and properties of another definition */
			if (prop->menu != menu)
				continue;
			dep = expr_rewrite_m(prop->visible.expr);
			/* (joined after the rewrite: see visible_if_m_needs_modules()) */
			if (is_symbol_prompt(prop) && !visible_if_m_needs_modules())
				dep = and_menu_visibility(menu, dep);
			dep = expr_transform(dep);
			dep = expr_alloc_and(expr_copy(basedep), dep);
			dep = expr_eliminate_dups(dep);
			if (menu->sym && menu->sym->type != TYPE_TRISTATE &&
			    bool_conditions_read_unequal_n_as_symbol())
				dep = expr_trans_bool(dep);
			prop->visible.expr = dep;

			if (prop->kind == P_SELECT || prop->kind == P_IMPLY) {
				struct symbol *target = prop_get_symbol(prop);
				struct expr_value *ev = prop->kind == P_SELECT ?
					&target->rev_dep : &target->implied;

				ev->expr = expr_alloc_or(ev->expr,
					expr_alloc_and(expr_alloc_symbol(menu->sym),
						       expr_copy(dep)));
			}
		}
	}
}

static void finalize(struct menu *parent);

/* entries right after a symbol that depend on it become its children */
static void nest_dependents(struct menu *parent)
{
	struct symbol *sym = parent->sym;
	struct menu *menu, *last = NULL;
	struct expr *basedep;

	basedep = nesting_form(parent->prompt ? parent->prompt->visible.expr : NULL);
	for (menu = parent->next; menu; menu = menu->next) {
		struct expr *dep = menu->prompt ? menu->prompt->visible.expr : menu->dep;

		if (!expr_contains_symbol(dep, sym))
			break;
		if (!expr_depends_symbol(dep, sym)) {
			/* also nest when dep contains sym and all of sym's own deps */
			struct expr *mine = nesting_form(dep);
			struct expr *theirs = expr_copy(basedep);

			expr_eliminate_eq(&mine, &theirs);
			bool superset = expr_is_yes(theirs);

			expr_free(mine);
			expr_free(theirs);
			if (!superset)
				break;
		}
		finalize(menu);
		menu->parent = parent;
		last = menu;
	}
	expr_free(basedep);
	if (last) {
		parent->list = parent->next;
		parent->next = last->next;
		last->next = NULL;
	}
	sym->dir_dep.expr = expr_alloc_or(sym->dir_dep.expr, parent->dep);
}

static void attach_choice_member(struct symbol *choice, struct menu *menu)
{
	struct symbol *sym = menu->sym;
	const char *f = menu->file ? menu->file->name : NULL;

	sym->flags |= SF_CHOICEVAL;
	if (!menu->prompt)
		kc_warn(f, menu->lineno, "choice member '%s' must have a prompt", sym->name);
	for (struct property *prop = sym->prop; prop; prop = prop->next) {
		const char *pf = prop->file ? prop->file->name : NULL;

		if (prop->kind == P_DEFAULT)
			kc_warn(pf, prop->lineno,
				"'%s' is a choice member: defaults of choice members are ignored; put 'default %s' on the choice",
				sym->name, sym->name);
		if (prop->menu == menu)
			continue;
		if (prop->kind == P_PROMPT && prop->menu->parent->sym != choice)
			kc_warn(pf, prop->lineno, "choice member '%s' has a prompt outside its choice",
				sym->name);
	}
	/* bool members of a tristate choice need the choice at y */
	if (choice->type == TYPE_TRISTATE && sym->type != TYPE_TRISTATE) {
		struct expr *is_y = expr_alloc_comp(E_EQUAL, choice, &symbol_yes);

		menu->dep = expr_alloc_and(is_y, menu->dep);
		for (struct property *prop = sym->prop; prop; prop = prop->next)
			if (prop->menu == menu)
				prop->visible.expr = expr_alloc_and(expr_copy(is_y),
								    prop->visible.expr);
	}
	current_entry = menu;
	menu_add_prop(P_CHOICE, expr_alloc_symbol(choice), NULL, menu->file, menu->lineno);
	add_member(choice, sym);
}

/* move the children of a promptless entry ("if", or a symbol) up a level */
static void dissolve(struct menu *parent, struct menu *menu)
{
	struct menu *last;

	for (last = menu->list; ; last = last->next) {
		last->parent = parent;
		if (!last->next)
			break;
	}
	last->next = menu->next;
	menu->next = menu->list;
	menu->list = NULL;
}

static void finalize(struct menu *parent)
{
	struct symbol *sym = parent->sym;
	struct menu *menu;

	if (parent->list) {
		bool is_choice = sym && sym_is_choice(sym);
		struct expr *parentdep;

		if (is_choice) {
			/* an untyped choice takes the type of its first typed member */
			if (sym->type == TYPE_UNKNOWN) {
				for (menu = parent->list; menu; menu = menu->next) {
					if (menu->sym && menu->sym->type != TYPE_UNKNOWN) {
						sym->type = menu->sym->type;
						break;
					}
				}
			}
			/* untyped members take the type of their choice */
			for (menu = parent->list; menu; menu = menu->next)
				if (menu->sym && menu->sym->type == TYPE_UNKNOWN)
					menu->sym->type = sym->type;
			/* members are bounded by the mode of their choice */
			parentdep = expr_alloc_symbol(sym);
		} else {
			parentdep = parent->dep;
		}
		propagate_to_children(parent, parentdep);
		for (menu = parent->list; menu; menu = menu->next)
			finalize(menu);
	} else if (sym) {
		nest_dependents(parent);
	}

	for (menu = parent->list; menu; menu = menu->next) {
		if (sym && sym_is_choice(sym) && menu->sym && !sym_is_choice_value(menu->sym))
			attach_choice_member(sym, menu);
		if (menu->list && (!menu->prompt || !menu->prompt->text))
			dissolve(parent, menu);
	}

	if (sym && !(sym->flags & SF_WARNED)) {
		const char *f = parent->file ? parent->file->name : NULL;

		if (sym->type == TYPE_UNKNOWN)
			kc_warn(f, parent->lineno, "config symbol '%s' defined without type; add bool, tristate, int, hex or string",
				sym->name ? sym->name : "<choice>");
		if (sym_is_choice(sym) && !parent->prompt)
			kc_warn(f, parent->lineno, "choice must have a prompt");
		check_symbol_properties(sym);
		sym->flags |= SF_WARNED;
	}

	/* a visible choice that is not optional cannot be n */
	if (sym && !sym_is_optional(sym) && parent->prompt)
		sym->rev_dep.expr = expr_alloc_or(sym->rev_dep.expr,
			expr_alloc_and(parent->prompt->visible.expr,
				       expr_alloc_symbol(&symbol_mod)));
}

void menu_finalize(void)
{
	finalize(&rootmenu);
}

bool menu_is_visible(struct menu *menu)
{
	struct symbol *sym = menu->sym;
	enum tri visible;

	if (!menu->prompt)
		return false;
	if (menu->visibility && expr_calc_value(menu->visibility) == TRI_N)
		return false;
	if (sym) {
		sym_calc_value(sym);
		visible = menu->prompt->visible.tri;
	} else {
		visible = menu->prompt->visible.tri = expr_calc_value(menu->prompt->visible.expr);
	}
	if (visible != TRI_N)
		return true;
	if (!sym || sym_get_tristate_value(sym) == TRI_N)
		return false;
	for (struct menu *child = menu->list; child; child = child->next) {
		if (menu_is_visible(child)) {
			sym->flags |= SF_DEF_USER;
			return true;
		}
	}
	return false;
}

const char *menu_get_prompt(const struct menu *menu)
{
	if (menu->prompt)
		return menu->prompt->text;
	if (menu->sym)
		return menu->sym->name;
	return NULL;
}

struct menu *menu_get_parent_menu(struct menu *menu)
{
	for (; menu != &rootmenu; menu = menu->parent)
		if (menu->prompt && menu->prompt->kind == P_MENU)
			break;
	return menu;
}

static void print_dep_line(struct strbuf *out, struct expr *e, const char *prefix)
{
	if (expr_is_yes(e))
		return;
	sb_adds(out, prefix);
	expr_print(out, e, true);
	sb_addc(out, '\n');
}

static void print_prompt_info(struct strbuf *out, struct property *prop)
{
	struct menu *chain[8], *menu;
	int n = 0;

	sb_addf(out, "  Prompt: %s\n", prop->text);
	print_dep_line(out, prop->menu->dep, "  Depends on: ");
	/* only when an "if" on the prompt or a "visible if" makes them differ */
	if (!expr_eq(prop->menu->dep, prop->visible.expr))
		print_dep_line(out, prop->visible.expr, "  Visible if: ");
	for (menu = prop->menu; menu != &rootmenu && n < 8; menu = menu->parent) {
		chain[n++] = menu;
		menu_is_visible(menu);
	}
	sb_adds(out, "  Location:\n");
	for (int indent = 4; --n >= 0; indent += 2) {
		menu = chain[n];
		sb_addf(out, "%*c-> %s", indent, ' ', menu_get_prompt(menu));
		if (menu->sym)
			sb_addf(out, " (%s [=%s])", menu->sym->name ? menu->sym->name : "<choice>",
				sym_get_string_value(menu->sym));
		sb_addc(out, '\n');
	}
}

static void print_prop_list(struct strbuf *out, struct symbol *sym,
			    enum prop_kind kind, const char *prefix)
{
	bool first = true;

	for (struct property *p = sym->prop; p; p = p->next) {
		if (p->kind != kind)
			continue;
		sb_adds(out, first ? prefix : " && ");
		first = false;
		expr_print(out, p->expr, true);
	}
	if (!first)
		sb_addc(out, '\n');
}

void menu_explain_symbol(struct strbuf *out, struct symbol *sym)
{
	struct property *prop;

	if (sym->name) {
		sb_addf(out, "Symbol: %s [=%s]\n", sym->name, sym_get_string_value(sym));
		sb_addf(out, "Type  : %s\n", sym_type_name(sym->type));
		if (sym->type == TYPE_INT || sym->type == TYPE_HEX) {
			prop = sym_get_range_prop(sym);
			if (prop) {
				sb_adds(out, "Range : ");
				expr_print(out, prop->expr, true);
				sb_addc(out, '\n');
			}
		}
	}
	/* definitions with a prompt first, then the others */
	for (prop = sym->prop; prop; prop = prop->next) {
		if (prop->kind != P_SYMBOL || !prop->menu->prompt)
			continue;
		sb_addf(out, "Defined at %s:%d\n", prop->menu->file->name, prop->menu->lineno);
		print_prompt_info(out, prop->menu->prompt);
	}
	for (prop = sym->prop; prop; prop = prop->next) {
		if (prop->kind != P_SYMBOL || prop->menu->prompt)
			continue;
		sb_addf(out, "Defined at %s:%d\n", prop->menu->file->name, prop->menu->lineno);
		print_dep_line(out, prop->menu->dep, "  Depends on: ");
	}
	print_prop_list(out, sym, P_SELECT, "Selects: ");
	if (sym->rev_dep.expr) {
		expr_print_revdep(out, sym->rev_dep.expr, TRI_Y, "Selected by [y]:\n");
		expr_print_revdep(out, sym->rev_dep.expr, TRI_M, "Selected by [m]:\n");
		expr_print_revdep(out, sym->rev_dep.expr, TRI_N, "Selected by [n]:\n");
	}
	print_prop_list(out, sym, P_IMPLY, "Implies: ");
	if (sym->implied.expr) {
		expr_print_revdep(out, sym->implied.expr, TRI_Y, "Implied by [y]:\n");
		expr_print_revdep(out, sym->implied.expr, TRI_M, "Implied by [m]:\n");
		expr_print_revdep(out, sym->implied.expr, TRI_N, "Implied by [n]:\n");
	}
	sb_adds(out, "\n\n");
}

void menu_get_ext_help(struct menu *menu, struct strbuf *out)
{
	struct symbol *sym = menu->sym;
	const char *text = "There is no help available for this option.";

	if (menu->help) {
		if (sym->name)
			sb_addf(out, "%s%s:\n\n", config_prefix(), sym->name);
		text = menu->help;
	}
	sb_addf(out, "%s\n", text);
	if (sym)
		menu_explain_symbol(out, sym);
}
