// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * menuconfig: the full-screen front end.
 *
 *   mconf Kconfig      with the environment conf reads (KCONFIG_CONFIG,
 *                      KCONFIG_AUTOCONFIG, CONFIG_, srctree, ...)
 *
 * The screen shows one menu at a time: a title bar, the path of menus
 * from the top, the entries, a status line (why the entry under the
 * cursor is hidden or fixed, or the last message) and two lines of keys.
 * Entries that depend on the entry above them are indented under it, as
 * in Linux's mconf; a choice opens a list of its members.  Values are set
 * with the engine's own functions, files are written by confdata.c, so
 * the files are those conf writes.
 */
#include <locale.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mconf.h"

struct view {
	struct menu *menu;	/* a menu, a menuconfig symbol, a choice, or rootmenu */
	struct menu *current;	/* the entry under the cursor */
	int cursor, top;
};

struct item {
	struct menu *menu;
	int depth;
	bool hidden;
};

enum leave { STAY, LEAVE_SAVED, LEAVE_UNSAVED };

#define MAX_VIEWS 64

static struct view views[MAX_VIEWS];
static int nviews;
static struct item *items;
static int nitems, items_cap;
static bool show_all, show_names;
static struct menu *reveal;	/* a hidden entry shown anyway: a search went there */
static const char *config_name;
static struct strbuf status;	/* the last message, until the next key */
static bool status_error;
static struct strbuf last_file_message;

static struct view *view(void)
{
	return &views[nviews - 1];
}

static bool is_choice_menu(const struct menu *m)
{
	return m->sym && sym_is_choice(m->sym);
}

/* entries that open a list of their own */
static bool is_submenu(const struct menu *m)
{
	return m->prompt && (m->prompt->kind == P_MENU || is_choice_menu(m));
}

static void set_status(bool error, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void set_status(bool error, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	sb_free(&status);
	sb_adds(&status, buf);
	status_error = error;
}

static void on_file_message(const char *msg)
{
	sb_free(&last_file_message);
	sb_adds(&last_file_message, msg);
	if (!screen_active())
		printf("%s\n", msg);
}

/* ---- the entries of a view ---- */

static void push_item(struct menu *m, int depth, bool hidden)
{
	if (nitems == items_cap) {
		items_cap = items_cap ? items_cap * 2 : 64;
		items = xrealloc(items, (size_t)items_cap * sizeof(*items));
	}
	items[nitems].menu = m;
	items[nitems].depth = depth;
	items[nitems].hidden = hidden;
	nitems++;
}

static void add_children(struct menu *parent, int depth);

static void add_entry(struct menu *m, int depth)
{
	bool visible;

	if (!m->prompt)
		return;
	visible = menu_is_visible(m);
	if (visible || show_all || m == reveal)
		push_item(m, depth, !visible);
	if (is_choice_menu(m)) {
		/* what depends on a member shows under the choice */
		for (struct menu *member = m->list; member; member = member->next)
			add_children(member, depth + 1);
		return;
	}
	if (!is_submenu(m))
		add_children(m, depth + 1);
}

static void add_children(struct menu *parent, int depth)
{
	for (struct menu *m = parent->list; m; m = m->next)
		add_entry(m, depth);
}

static void build_items(void)
{
	struct view *v = view();
	int i;

	nitems = 0;
	if (is_choice_menu(v->menu)) {
		for (struct menu *m = v->menu->list; m; m = m->next) {
			bool visible = menu_is_visible(m);

			if (m->prompt && (visible || show_all || m == reveal))
				push_item(m, 0, !visible);
		}
	} else {
		add_children(v->menu, 0);
	}
	for (i = 0; i < nitems; i++)
		if (items[i].menu == v->current)
			break;
	if (i < nitems)
		v->cursor = i;
	if (v->cursor >= nitems)
		v->cursor = nitems - 1;
	if (v->cursor < 0)
		v->cursor = 0;
	v->current = nitems ? items[v->cursor].menu : NULL;
}

static struct item *current_item(void)
{
	return nitems ? &items[view()->cursor] : NULL;
}

/* ---- how entries look ---- */

static void add_box(struct strbuf *out, struct symbol *sym, bool hidden)
{
	enum tri v = sym_get_tristate_value(sym);
	bool free_choice = hidden || sym_is_changeable(sym);

	if (sym_get_type(sym) == TYPE_BOOL)
		sb_adds(out, free_choice ? (v ? "[*]" : "[ ]") : (v ? "-*-" : "- -"));
	else
		sb_adds(out, free_choice ? (v == TRI_Y ? "<*>" : v == TRI_M ? "<M>" : "< >") :
			(v == TRI_Y ? "-*-" : v == TRI_M ? "-M-" : "- -"));
}

static void add_text_value(struct strbuf *out, struct symbol *sym, int maxcols)
{
	const char *val = sym_get_string_value(sym);

	sb_addc(out, '(');
	if (text_width(val) > maxcols && maxcols > 3) {
		struct strbuf cut = { 0 };

		/* bytes, then back to a character boundary */
		sb_add(&cut, val, (size_t)maxcols - 3);
		while (cut.len && ((unsigned char)cut.buf[cut.len - 1] & 0xc0) == 0x80)
			cut.buf[--cut.len] = 0;
		if (cut.len && (unsigned char)cut.buf[cut.len - 1] >= 0xc0)
			cut.buf[--cut.len] = 0;
		sb_addf(out, "%s...", sb_str(&cut));
		sb_free(&cut);
	} else {
		sb_adds(out, val);
	}
	sb_addc(out, ')');
}

static void item_line(struct strbuf *out, const struct item *it, bool in_choice)
{
	struct menu *m = it->menu;
	struct symbol *sym = m->sym;
	const char *prompt = menu_get_prompt(m);

	sb_addf(out, "%*s", it->depth * 2, "");
	if (!sym) {
		if (m->prompt->kind == P_COMMENT)
			sb_addf(out, "    *** %s ***", prompt);
		else
			sb_addf(out, "    %s  --->", prompt);
	} else if (in_choice) {
		if (sym->choice && sym->choice->curr.tri == TRI_Y && sym_get_type(sym) == TYPE_BOOL)
			sb_adds(out, sym_get_tristate_value(sym) == TRI_Y ? "(X)" : "( )");
		else
			add_box(out, sym, it->hidden);
		sb_addf(out, " %s", prompt);
	} else if (sym_is_choice(sym)) {
		struct symbol *sel = sym_get_choice_value(sym);

		if (sym_is_changeable(sym))
			add_box(out, sym, it->hidden);
		else
			sb_adds(out, "   ");
		sb_addf(out, " %s", prompt);
		if (sym->curr.tri == TRI_Y && sel) {
			for (struct menu *c = m->list; c; c = c->next)
				if (c->sym == sel) {
					sb_addf(out, " (%s)", menu_get_prompt(c));
					break;
				}
		}
		sb_adds(out, "  --->");
	} else {
		switch (sym->type) {
		case TYPE_BOOL:
		case TYPE_TRISTATE:
			add_box(out, sym, it->hidden);
			break;
		default:
			add_text_value(out, sym, COLS / 3);
			break;
		}
		sb_addf(out, " %s", prompt);
		if (m->prompt->kind == P_MENU)
			sb_adds(out, sym_get_tristate_value(sym) != TRI_N ? "  --->" : "  ----");
	}
	if (sym && !sym_has_value(sym) && !it->hidden && !sym_is_choice(sym))
		sb_adds(out, " (NEW)");
	if (show_names && sym && sym->name)
		sb_addf(out, " (%s%s)", config_prefix(), sym->name);
	if (it->hidden)
		sb_adds(out, "  (hidden)");
}

/* why the entry under the cursor is hidden or fixed, else its name */
static void describe_current(struct strbuf *out, const struct item *it)
{
	struct symbol *sym = it->menu->sym;
	struct strbuf why = { 0 };

	if (sym && sym->name)
		sb_addf(out, "%s%s", config_prefix(), sym->name);
	else if (sym)
		sb_adds(out, "choice");
	else
		sb_adds(out, it->menu->prompt->kind == P_COMMENT ? "comment" : "menu");
	if (explain_invisible(&why, it->menu))
		sb_addf(out, " is hidden: %s", sb_str(&why));
	else if (sym && explain_locked(&why, sym))
		sb_addf(out, ": %s", sb_str(&why));
	else if (sym && !sym_is_choice(sym))
		sb_addf(out, " (%s)", sym_type_name(sym->type));
	sb_free(&why);
}

/* ---- drawing ---- */

static const char *const key_help[] = {
	"Enter open/edit  Space/y/m/n set  ? help  / search  Esc Esc back  q quit",
	"s save  w save as  l load  d save minimal  z show all  c show names",
};

static void draw_path(int y)
{
	struct strbuf path = { 0 };
	const char *p;

	for (int i = 0; i < nviews; i++) {
		if (i)
			sb_adds(&path, " > ");
		sb_adds(&path, menu_get_prompt(views[i].menu) ? menu_get_prompt(views[i].menu) : "");
	}
	p = sb_str(&path);
	/* too long: keep the end, where the user is */
	while (text_width(p) > COLS - 2 && strchr(p, '>')) {
		p = strchr(p, '>') + 1;
		if (text_width(p) <= COLS - 6) {
			put_text(y, 1, "...>", 4, A_BOLD);
			put_text(y, 5, p, COLS - 6, A_BOLD);
			sb_free(&path);
			return;
		}
	}
	put_text(y, 1, p, COLS - 2, A_BOLD);
	sb_free(&path);
}

static void draw_menu(void)
{
	struct view *v = view();
	int rows = LINES - 7, first = 3;
	bool in_choice = is_choice_menu(v->menu);
	struct strbuf line = { 0 };
	char flags[64];

	erase();
	fill_line(0, 0, COLS, screen_attr(A_TITLE));
	sb_addf(&line, "%s - %s", config_name, menu_get_prompt(&rootmenu));
	put_text(0, 1, sb_str(&line), COLS - 2, screen_attr(A_TITLE));
	sb_free(&line);
	snprintf(flags, sizeof(flags), "%s%s%s", conf_get_changed() ? " [changed]" : "",
		 show_all ? " [all]" : "", show_names ? " [names]" : "");
	if (*flags)
		put_text(0, COLS - text_width(flags) - 1, flags, COLS / 2, screen_attr(A_TITLE));
	draw_path(1);
	mvhline(2, 0, ACS_HLINE, COLS);
	mvhline(LINES - 4, 0, ACS_HLINE, COLS);

	if (v->cursor < v->top)
		v->top = v->cursor;
	if (v->cursor >= v->top + rows)
		v->top = v->cursor - rows + 1;
	if (v->top > nitems - rows)
		v->top = nitems - rows;
	if (v->top < 0)
		v->top = 0;
	if (!nitems)
		put_text(first, 4, "(nothing to show here: 'z' shows hidden entries)", COLS - 5,
			 screen_attr(A_HIDDEN));
	for (int i = 0; i < rows && v->top + i < nitems; i++) {
		struct item *it = &items[v->top + i];
		bool cur = v->top + i == v->cursor;
		int attr = screen_attr(cur ? (it->hidden ? A_HIDDEN_CURSOR : A_CURSOR) :
				       it->hidden ? A_HIDDEN : A_NORMAL_TEXT);

		item_line(&line, it, in_choice);
		if (cur)
			fill_line(first + i, 0, COLS, attr);
		put_text(first + i, 1, sb_str(&line), COLS - 2, attr);
		sb_free(&line);
	}
	if (v->top > 0)
		put_text(2, COLS - 14, " (more above) ", 14, A_NORMAL);
	if (v->top + rows < nitems)
		put_text(LINES - 4, COLS - 14, " (more below) ", 14, A_NORMAL);

	if (status.len) {
		put_text(LINES - 3, 1, sb_str(&status), COLS - 2,
			 screen_attr(status_error ? A_ERROR : A_STATUS));
	} else if (current_item()) {
		describe_current(&line, current_item());
		put_text(LINES - 3, 1, sb_str(&line), COLS - 2, A_NORMAL);
		sb_free(&line);
	}
	for (int i = 0; i < 2; i++)
		put_text(LINES - 2 + i, 1, key_help[i], COLS - 2, screen_attr(A_HINT));
	refresh();
}

/* ---- moving around ---- */

static void open_view(struct menu *m)
{
	if (nviews == MAX_VIEWS)
		return;
	view()->current = m;
	views[nviews].menu = m;
	views[nviews].current = NULL;
	/* a choice opens on its chosen member */
	if (is_choice_menu(m)) {
		struct symbol *sel = sym_get_choice_value(m->sym);

		for (struct menu *c = m->list; c; c = c->next)
			if (sel && c->sym == sel)
				views[nviews].current = c;
	}
	views[nviews].cursor = views[nviews].top = 0;
	nviews++;
	reveal = NULL;
}

static void close_view(void)
{
	if (nviews > 1)
		nviews--;
	reveal = NULL;
}

/* the view that lists m */
static struct menu *view_of(struct menu *m)
{
	struct menu *p = m->parent;

	if (p && is_choice_menu(p) && m->sym && sym_is_choice_value(m->sym))
		return p;
	while (p && p != &rootmenu && !(p->prompt && p->prompt->kind == P_MENU))
		p = p->parent;
	return p ? p : &rootmenu;
}

static void jump_to(struct menu *target)
{
	struct menu *chain[MAX_VIEWS];
	int n = 0;

	for (struct menu *v = view_of(target); v != &rootmenu && n < MAX_VIEWS - 1; v = view_of(v))
		chain[n++] = v;
	nviews = 1;
	views[0].cursor = views[0].top = 0;
	while (n-- > 0)
		open_view(chain[n]);
	view()->current = target;
	reveal = NULL;
	if (!menu_is_visible(target) && !show_all) {
		struct strbuf why = { 0 };

		reveal = target;
		explain_invisible(&why, target);
		set_status(true, "%s%s is hidden: %s", target->sym && target->sym->name ?
			   config_prefix() : "", target->sym && target->sym->name ?
			   target->sym->name : menu_get_prompt(target), sb_str(&why));
		sb_free(&why);
	}
}

/* ---- changing values ---- */

static const char *tri_word(enum tri t)
{
	return t == TRI_Y ? "y" : t == TRI_M ? "m" : "n";
}

static void refuse(struct symbol *sym, const char *value)
{
	struct strbuf why = { 0 };

	if (sym->type == TYPE_BOOL && !strcmp(value, "m"))
		sb_adds(&why, "it is a bool: y or n");
	else if (!explain_requested(&why, sym, value))
		sb_adds(&why, "refused");
	set_status(true, "%s%s cannot be %s: %s", config_prefix(), sym->name ? sym->name : "choice",
		   value, sb_str(&why));
	sb_free(&why);
}

static void refuse_hidden(struct item *it)
{
	struct strbuf why = { 0 };

	explain_invisible(&why, it->menu);
	set_status(true, "cannot change a hidden entry: %s", sb_str(&why));
	sb_free(&why);
}

static void set_tristate(struct item *it, enum tri val)
{
	struct symbol *sym = it->menu->sym;
	enum sym_type type;

	if (!sym)
		return;
	if (it->hidden) {
		refuse_hidden(it);
		return;
	}
	type = sym_get_type(sym);
	if (type != TYPE_BOOL && type != TYPE_TRISTATE)
		return;
	if (!sym_set_tristate_value(sym, val))
		refuse(sym, tri_word(val));
}

static void cycle_tristate(struct item *it)
{
	struct symbol *sym = it->menu->sym;
	enum tri old, val;

	if (it->hidden) {
		refuse_hidden(it);
		return;
	}
	old = val = sym_get_tristate_value(sym);
	do {
		val = (enum tri)((val + 1) % 3);
		if (sym_set_tristate_value(sym, val))
			return;
	} while (val != old);
	refuse(sym, tri_word(old == TRI_N ? TRI_Y : TRI_N));
}

static bool accept_value(const char *text, struct strbuf *why, void *ctx)
{
	struct symbol *sym = ctx;

	if (explain_value_refused(why, sym, text))
		return false;
	if (!sym_set_string_value(sym, text)) {
		sb_adds(why, "the value was refused");
		return false;
	}
	return true;
}

static void edit_value(struct item *it)
{
	struct symbol *sym = it->menu->sym;
	struct strbuf prompt = { 0 }, why = { 0 };
	char *text;

	if (it->hidden) {
		refuse_hidden(it);
		return;
	}
	sb_addf(&prompt, "%s\n%s%s: ", menu_get_prompt(it->menu), config_prefix(), sym->name);
	if (sym->type == TYPE_INT)
		sb_adds(&prompt, "a decimal integer");
	else if (sym->type == TYPE_HEX)
		sb_adds(&prompt, "a hexadecimal number");
	else
		sb_adds(&prompt, "text");
	if (explain_locked(&why, sym))
		sb_addf(&prompt, ", %s", sb_str(&why));
	text = dialog_input("Enter a value", sb_str(&prompt), sym_get_string_value(sym),
			    accept_value, sym);
	sym_calc_value(sym);
	if (text)
		set_status(false, "%s%s = %s", config_prefix(), sym->name, sym_get_string_value(sym));
	free(text);
	sb_free(&prompt);
	sb_free(&why);
}

/* Enter, or Space when pick is false */
static void activate(struct item *it, bool enter)
{
	struct menu *m = it->menu;
	struct symbol *sym = m->sym;

	if (is_choice_menu(view()->menu) && sym) {
		if (sym->choice && sym->choice->curr.tri == TRI_Y && sym_get_type(sym) == TYPE_BOOL) {
			if (it->hidden) {
				refuse_hidden(it);
				return;
			}
			sym_set_tristate_value(sym, TRI_Y);
			if (enter)
				close_view();
		} else {
			cycle_tristate(it);
		}
		return;
	}
	if (!sym) {
		if (m->prompt->kind == P_MENU)
			open_view(m);
		return;
	}
	if (sym_is_choice(sym)) {
		if (enter || !sym_is_changeable(sym))
			open_view(m);
		else
			cycle_tristate(it);
		return;
	}
	switch (sym->type) {
	case TYPE_BOOL:
	case TYPE_TRISTATE:
		if (enter && m->prompt->kind == P_MENU)
			open_view(m);
		else
			cycle_tristate(it);
		break;
	case TYPE_INT:
	case TYPE_HEX:
	case TYPE_STRING:
		edit_value(it);
		break;
	default:
		break;
	}
}

/* ---- files ---- */

/* the engine's messages (stderr) of the last operation, in a dialog */
static void show_engine_messages(const char *title)
{
	struct strbuf msgs = { 0 };

	screen_capture_stderr(&msgs);
	if (msgs.len)
		dialog_message(title, sb_str(&msgs));
	sb_free(&msgs);
}

static bool write_config(const char *name)
{
	screen_capture_stderr(NULL);
	if (conf_write(name)) {
		show_engine_messages("Saving failed");
		set_status(true, "the configuration was not saved to %s", name);
		return false;
	}
	if (!strcmp(name, config_name) && conf_write_autoconf(false)) {
		show_engine_messages("Saving failed");
		set_status(true, "%s was saved, but not %s", name, conf_get_autoconfig_name());
		return false;
	}
	set_status(false, "%s", sb_str(&last_file_message));
	return true;
}

static char *ask_file(const char *title, const char *prompt, const char *initial)
{
	char *name = dialog_input(title, prompt, initial, NULL, NULL);

	if (name && !*name) {
		free(name);
		return NULL;
	}
	return name;
}

static void save_as(void)
{
	bool changed = conf_get_changed();
	char *name = ask_file("Save to another file",
			      "Write the configuration to this file (the configuration file of "
			      "menuconfig stays the same):", config_name);

	if (!name)
		return;
	if (write_config(name) && strcmp(name, config_name))
		conf_set_changed(changed);
	free(name);
}

static void load_file(void)
{
	char *name = ask_file("Load a configuration",
			      "Read the values from this file; saving still writes the "
			      "configuration file:", config_name);

	if (!name)
		return;
	screen_capture_stderr(NULL);
	if (conf_read(name)) {
		set_status(true, "cannot read %s", name);
	} else {
		conf_set_changed(true);
		show_engine_messages("Messages while reading");
		set_status(false, "loaded %s", name);
	}
	free(name);
}

static void save_minimal(void)
{
	bool changed = conf_get_changed();
	struct strbuf initial = { 0 };
	const char *slash = strrchr(config_name, '/');
	char *name;

	if (slash)
		sb_add(&initial, config_name, (size_t)(slash - config_name + 1));
	sb_adds(&initial, "defconfig");
	name = ask_file("Save a minimal configuration",
			"Write only the values that differ from their defaults (the format of "
			"savedefconfig) to:", sb_str(&initial));
	sb_free(&initial);
	if (!name)
		return;
	screen_capture_stderr(NULL);
	if (conf_write_defconfig(name)) {
		show_engine_messages("Saving failed");
		set_status(true, "the minimal configuration was not written to %s", name);
	} else {
		set_status(false, "minimal configuration written to %s", name);
	}
	/* the minimal walk leaves its marks on the values: compute them again */
	sym_clear_all_valid();
	conf_set_changed(changed);
	free(name);
}

static enum leave ask_leave(void)
{
	static const char *const buttons[] = { "Yes", "No", "Cancel" };
	struct strbuf q = { 0 };
	int answer;

	if (!conf_get_changed())
		return write_config(config_name) ? LEAVE_SAVED : STAY;
	sb_addf(&q, "The configuration has changed. Save it to %s?", config_name);
	answer = dialog_question("Leave menuconfig", sb_str(&q), buttons, 3, 0);
	sb_free(&q);
	switch (answer) {
	case 0:
		return write_config(config_name) ? LEAVE_SAVED : STAY;
	case 1:
		return LEAVE_UNSAVED;
	default:
		return STAY;
	}
}

/* ---- the main loop ---- */

static void move_cursor(int delta)
{
	struct view *v = view();

	v->cursor += delta;
	if (v->cursor >= nitems)
		v->cursor = nitems - 1;
	if (v->cursor < 0)
		v->cursor = 0;
	v->current = nitems ? items[v->cursor].menu : NULL;
}

static enum leave handle_key(int key)
{
	struct item *it = current_item();
	int page = LINES - 8 > 1 ? LINES - 8 : 1;
	struct menu *target;

	switch (key) {
	case K(KEY_UP): move_cursor(-1); break;
	case K(KEY_DOWN): move_cursor(1); break;
	case K(KEY_PPAGE): move_cursor(-page); break;
	case K(KEY_NPAGE): move_cursor(page); break;
	case K(KEY_HOME): move_cursor(-nitems); break;
	case K(KEY_END): move_cursor(nitems); break;
	case CTL('l'):
		clearok(curscr, TRUE);
		break;
	case '\r': case '\n': case K(KEY_ENTER):
		if (it)
			activate(it, true);
		break;
	case K(KEY_RIGHT):
		if (it && is_submenu(it->menu))
			open_view(it->menu);
		break;
	case ' ':
		if (it)
			activate(it, false);
		break;
	case 'y': case 'Y':
		if (it)
			set_tristate(it, TRI_Y);
		break;
	case 'm': case 'M':
		if (it)
			set_tristate(it, TRI_M);
		break;
	case 'n': case 'N':
		if (it)
			set_tristate(it, TRI_N);
		break;
	case '?': case 'h': case 'H':
		if (it)
			show_entry_help(it->menu);
		break;
	case '/':
		target = search_dialog();
		if (target)
			jump_to(target);
		break;
	case 'z': case 'Z':
		show_all = !show_all;
		reveal = NULL;
		set_status(false, show_all ? "showing hidden entries too" : "hiding hidden entries");
		break;
	case 'c': case 'C':
		show_names = !show_names;
		break;
	case 's': case 'S':
		write_config(config_name);
		break;
	case 'w': case 'W':
		save_as();
		break;
	case 'l': case 'L':
		load_file();
		break;
	case 'd': case 'D':
		save_minimal();
		break;
	case K_BACK: case K(KEY_LEFT): case K(KEY_BACKSPACE): case 0x7f:
		if (nviews > 1) {
			close_view();
			break;
		}
		return ask_leave();
	case 'q': case 'Q':
		return ask_leave();
	default:
		break;
	}
	return STAY;
}

static void usage(const char *prog)
{
	printf("Usage: %s [-s] <Kconfig file>\n"
	       "The full-screen configuration menus.  Environment as for conf: KCONFIG_CONFIG,\n"
	       "KCONFIG_AUTOCONFIG, KCONFIG_AUTOHEADER, KCONFIG_RUSTCCFG, KCONFIG_OVERWRITECONFIG,\n"
	       "KCONFIG_DEFCONFIG_LIST, KCONFIG_WERROR, CONFIG_ (symbol prefix), srctree.\n"
	       "See docs/kconfig.md.\n", prog);
}

int main(int argc, char **argv)
{
	enum leave leave = STAY;
	bool quiet = false;
	const char *env;

	/* -s: no messages on leaving, as Linux's mconf takes it */
	if (argc == 3 && !strcmp(argv[1], "-s")) {
		quiet = true;
		argv++;
		argc--;
	}
	if (argc == 2 && (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help"))) {
		usage(argv[0]);
		return 0;
	}
	if (argc != 2) {
		usage(argv[0]);
		return 1;
	}
	env = getenv("KCONFIG_WERROR");
	kc_werror = env && *env && strcmp(env, "0");
	kconfig_dialect_from_program(argv[0]);	/* kconfig-mconf reads the legacy dialect */
	parse_kconfig(argv[1]);
	conf_read(NULL);
	if (kc_werror && kc_warnings) {
		fprintf(stderr, "error: stopping on %d warning(s): KCONFIG_WERROR is set\n",
			kc_warnings);
		return 1;
	}
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "menuconfig needs a terminal; use 'conf --oldconfig' (make oldconfig) otherwise\n");
		return 1;
	}
	setlocale(LC_CTYPE, "");
	config_name = conf_get_configname();
	conf_set_message_callback(on_file_message);

	views[0].menu = &rootmenu;
	nviews = 1;
	screen_start();
	screen_background = draw_menu;
	while (leave == STAY) {
		int key;

		build_items();
		draw_menu();
		key = read_key();
		if (key != K(KEY_RESIZE))
			sb_free(&status);
		leave = handle_key(key);
	}
	screen_stop();

	if (!quiet && leave == LEAVE_SAVED)
		printf("\n*** End of the configuration (%s).\n"
		       "*** Execute 'make' to start the build or try 'make help'.\n\n", config_name);
	if (!quiet && leave == LEAVE_UNSAVED)
		printf("\nYour configuration changes were NOT saved.\n\n");
	free(items);
	sb_free(&status);
	sb_free(&last_file_message);
	return 0;
}
