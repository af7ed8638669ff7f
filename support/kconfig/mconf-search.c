// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * '/' in menuconfig: find symbols and menus by name or prompt.  The query
 * is split into words; each must occur, in any case, in the symbol's name
 * or in its prompt.  A pasted "CONFIG_FOO", "KILN_FOO" or "KILN_FOO=y"
 * counts as "FOO".  Exact names come first, then names that start with
 * the first word, then the rest in menu order.  Results show the value
 * and where the entry is, hidden ones say so.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "mconf.h"

struct hit {
	struct menu *menu;
	int rank;
	int order;
};

static char *lower_dup(const char *s)
{
	char *d = xstrdup(s);

	for (char *p = d; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return d;
}

static bool strip_prefix(char **word, const char *prefix)
{
	size_t n = strlen(prefix);

	if (n && !strncasecmp(*word, prefix, n) && (*word)[n]) {
		*word += n;
		return true;
	}
	return false;
}

/* the query as lower-case words without prefix and "=value" */
static char **query_words(const char *query, int *count)
{
	char *copy = xstrdup(query);
	char **words = NULL;
	int n = 0;

	for (char *tok = strtok(copy, " \t"); tok; tok = strtok(NULL, " \t")) {
		char *w = tok, *eq;

		if (!strip_prefix(&w, config_prefix()))
			strip_prefix(&w, "CONFIG_");
		eq = strchr(w, '=');
		if (eq && eq != w)
			*eq = 0;
		words = xrealloc(words, (size_t)(n + 1) * sizeof(*words));
		words[n++] = lower_dup(w);
	}
	free(copy);
	*count = n;
	return words;
}

static bool contains(const char *haystack, const char *needle)
{
	return haystack && strcasestr(haystack, needle);
}

static int rank_of(struct menu *menu, char **words, int nwords)
{
	const char *name = menu->sym ? menu->sym->name : NULL;
	const char *prompt = menu->prompt ? menu->prompt->text : NULL;

	for (int i = 0; i < nwords; i++)
		if (!contains(name, words[i]) && !contains(prompt, words[i]))
			return -1;
	if (name && nwords == 1 && !strcasecmp(name, words[0]))
		return 0;
	if (name && !strncasecmp(name, words[0], strlen(words[0])))
		return 1;
	return 2;
}

static int compare_hits(const void *a, const void *b)
{
	const struct hit *x = a, *y = b;

	if (x->rank != y->rank)
		return x->rank - y->rank;
	return x->order - y->order;
}

/* symbols with a name or a prompt, menus; not comments */
static bool searchable(struct menu *menu)
{
	if (menu->sym)
		return menu->sym->name || menu->prompt;
	return menu->prompt && menu->prompt->kind == P_MENU;
}

struct search {
	char **words;
	int nwords;
	struct hit *hits;
	int n, cap;
	int order;		/* of the entry in the menu tree */
};

static void add_hit(struct search *s, struct menu *menu, int rank)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 64;
		s->hits = xrealloc(s->hits, (size_t)s->cap * sizeof(*s->hits));
	}
	s->hits[s->n++] = (struct hit){ .menu = menu, .rank = rank, .order = s->order };
}

/* the entries below parent, each before what it holds, as the menus list them */
static void search_below(struct search *s, struct menu *parent)
{
	for (struct menu *m = parent->list; m; m = m->next) {
		int rank = searchable(m) ? rank_of(m, s->words, s->nwords) : -1;

		if (rank >= 0)
			add_hit(s, m, rank);
		s->order++;
		search_below(s, m);
	}
}

struct menu **search_menus(const char *query, int *count)
{
	struct search s = { 0 };
	struct menu **result;

	s.words = query_words(query, &s.nwords);
	if (s.nwords)
		search_below(&s, &rootmenu);
	if (s.n)
		qsort(s.hits, (size_t)s.n, sizeof(*s.hits), compare_hits);
	result = xcalloc((size_t)s.n + 1, sizeof(*result));
	for (int i = 0; i < s.n; i++)
		result[i] = s.hits[i].menu;
	free(s.hits);
	for (int i = 0; i < s.nwords; i++)
		free(s.words[i]);
	free(s.words);
	*count = s.n;
	return result;
}

/* ---- the result list ---- */

static void describe_hit(struct strbuf *line1, struct strbuf *line2, struct menu *menu)
{
	struct symbol *sym = menu->sym;
	const char *prompt = menu->prompt ? menu->prompt->text : NULL;

	if (sym && sym->name) {
		sb_addf(line1, "%s%s", config_prefix(), sym->name);
		sb_adds(line1, " [=");
		entry_value(line1, menu);
		sb_adds(line1, "]");
		if (prompt)
			sb_addf(line1, "  %s", prompt);
	} else if (sym) {
		sb_addf(line1, "choice: %s", prompt ? prompt : "");
	} else {
		sb_addf(line1, "menu: %s", prompt ? prompt : "");
	}
	sb_adds(line2, "    in: ");
	explain_location(line2, menu);
	if (menu != &rootmenu && !menu_is_visible(menu))
		sb_adds(line2, "  (hidden)");
}

static const char *query_text;
static struct menu **hits;
static int nhits, hit_cursor, hit_top;

static void draw_results(void)
{
	int rows = (LINES - 3) / 2;
	char title[256];

	erase();
	fill_line(0, 0, COLS, screen_attr(A_TITLE));
	snprintf(title, sizeof(title), "Search results for \"%s\": %d", query_text, nhits);
	put_text(0, 1, title, COLS - 2, screen_attr(A_TITLE));
	if (hit_cursor < hit_top)
		hit_top = hit_cursor;
	if (hit_cursor >= hit_top + rows)
		hit_top = hit_cursor - rows + 1;
	for (int i = 0; i < rows && hit_top + i < nhits; i++) {
		struct menu *m = hits[hit_top + i];
		struct strbuf l1 = { 0 }, l2 = { 0 };
		bool hidden = !menu_is_visible(m);
		bool cur = hit_top + i == hit_cursor;
		int attr = screen_attr(cur ? (hidden ? A_HIDDEN_CURSOR : A_CURSOR) :
				       hidden ? A_HIDDEN : A_NORMAL_TEXT);
		int y = 1 + 2 * i;

		describe_hit(&l1, &l2, m);
		if (cur)
			fill_line(y, 0, COLS, attr);
		put_text(y, 1, sb_str(&l1), COLS - 2, attr);
		put_text(y + 1, 1, sb_str(&l2), COLS - 2, screen_attr(hidden ? A_HIDDEN : A_NORMAL_TEXT));
		sb_free(&l1);
		sb_free(&l2);
	}
	fill_line(LINES - 1, 0, COLS, screen_attr(A_TITLE));
	put_text(LINES - 1, 1, "Enter: go there   ?: help   /: search again   Esc Esc: back",
		 COLS - 2, screen_attr(A_TITLE));
	refresh();
}

/* the entry chosen, NULL to go back, or (struct menu *)-1 to search again */
static struct menu *result_list(void)
{
	void (*saved_background)(void) = screen_background;
	struct menu *chosen = NULL;

	hit_cursor = hit_top = 0;
	screen_background = draw_results;
	for (;;) {
		int rows = (LINES - 3) / 2, key;

		draw_results();
		key = read_key();
		if (key == K(KEY_UP) && hit_cursor > 0)
			hit_cursor--;
		else if (key == K(KEY_DOWN) && hit_cursor + 1 < nhits)
			hit_cursor++;
		else if (key == K(KEY_PPAGE))
			hit_cursor = hit_cursor > rows ? hit_cursor - rows : 0;
		else if (key == K(KEY_NPAGE))
			hit_cursor = hit_cursor + rows < nhits ? hit_cursor + rows : nhits - 1;
		else if (key == K(KEY_HOME))
			hit_cursor = 0;
		else if (key == K(KEY_END))
			hit_cursor = nhits - 1;
		else if (key == '?' || key == 'h')
			show_entry_help(hits[hit_cursor]);
		else if (key == '/') {
			chosen = (struct menu *)-1;
			break;
		} else if (key == '\r' || key == '\n' || key == K(KEY_ENTER) || key == K(KEY_RIGHT)) {
			chosen = hits[hit_cursor];
			break;
		} else if (key == K_BACK || key == K(KEY_LEFT) || key == 'q') {
			break;
		}
	}
	screen_background = saved_background;
	return chosen;
}

struct menu *search_dialog(void)
{
	char *retry = NULL;	/* a query that found nothing, to edit */
	struct menu *chosen = NULL;

	for (;;) {
		struct strbuf prompt = { 0 };
		char *query;

		sb_addf(&prompt, "A symbol name, or words of a prompt (case does not matter; "
			"a %s or CONFIG_ prefix is ignored):", config_prefix());
		query = dialog_input("Search", sb_str(&prompt), retry, NULL, NULL);
		sb_free(&prompt);
		free(retry);
		retry = NULL;
		if (!query)
			return NULL;
		hits = search_menus(query, &nhits);
		if (!nhits) {
			struct strbuf msg = { 0 };

			sb_addf(&msg, "No symbol or menu matches \"%s\".", query);
			dialog_message("Search", sb_str(&msg));
			sb_free(&msg);
			free(hits);
			retry = query;
			continue;
		}
		query_text = query;
		chosen = result_list();
		free(hits);
		hits = NULL;
		free(query);
		if (chosen != (struct menu *)-1)
			return chosen;
	}
}
