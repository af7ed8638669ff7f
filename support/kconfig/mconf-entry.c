// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * One entry of the menu tree as menuconfig shows it wherever it appears
 * (in the menus, in the search results): its value and its help.
 */
#include "mconf.h"

void entry_value(struct strbuf *out, struct menu *menu)
{
	struct symbol *sym = menu->sym;

	if (!sym)
		return;
	sym_calc_value(sym);
	if (sym_is_choice(sym)) {
		struct symbol *sel = sym_get_choice_value(sym);

		if (sym->curr.tri == TRI_Y && sel && sel->name)
			sb_addf(out, "%s%s", config_prefix(), sel->name);
		else
			sb_adds(out, sym_get_string_value(sym));
		return;
	}
	if (sym->type == TYPE_STRING)
		sb_addf(out, "\"%s\"", sym_get_string_value(sym));
	else
		sb_adds(out, sym_get_string_value(sym));
}

void show_entry_help(struct menu *menu)
{
	struct strbuf text = { 0 }, title = { 0 };

	explain_help(&text, menu);
	if (menu->sym && menu->sym->name)
		sb_addf(&title, "Help: %s%s", config_prefix(), menu->sym->name);
	else
		sb_addf(&title, "Help: %s", menu_get_prompt(menu) ? menu_get_prompt(menu) : "");
	text_viewer(sb_str(&title), sb_str(&text));
	sb_free(&text);
	sb_free(&title);
}
