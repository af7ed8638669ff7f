/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * menuconfig, the full-screen front end: what its files share.
 *   mconf.c         the menus: entries, keys, saving, leaving
 *   mconf-screen.c  the terminal: set-up and restore, keys, text, boxes,
 *                   message and question dialogs, the text viewer
 *   mconf-input.c   the one-line editor of the input dialog
 *   mconf-search.c  '/': matching symbols and menus, the result list
 *   mconf-entry.c   one entry wherever it is shown: its value, its help
 */
#ifndef MCONF_H
#define MCONF_H

#include <curses.h>

#include "kconfig.h"

/* ---- mconf-screen.c ---- */

/* the smallest screen menuconfig draws on; below it says so and waits */
#define MIN_COLS 40
#define MIN_ROWS 10

/* read_key(): characters are Unicode code points, keys are K(KEY_...) */
#define KEY_BASE	0x200000
#define K(key)		(KEY_BASE + (key))
#define K_BACK		K(KEY_MAX + 1)	/* Esc Esc */
#define K_ESC		K(KEY_MAX + 2)	/* a lone Esc */
#define CTL(c)		((c) & 0x1f)

enum attr_role {
	A_NORMAL_TEXT, A_TITLE, A_CURSOR, A_HIDDEN, A_HIDDEN_CURSOR,
	A_STATUS, A_ERROR, A_DIALOG, A_DIALOG_TITLE, A_BUTTON, A_BUTTON_ACTIVE,
	A_FIELD, A_HINT, A_ROLE_COUNT
};

void screen_start(void);
void screen_stop(void);
void screen_capture_stderr(struct strbuf *out);	/* what the engine printed */
bool screen_active(void);
int screen_attr(enum attr_role role);
int read_key(void);
/* the screen is redrawn from this, under any dialog */
extern void (*screen_background)(void);
void screen_redraw_background(void);

int text_width(const char *s);
/* draws at most maxcols columns of s; returns the columns used */
int put_text(int y, int x, const char *s, int maxcols, int attr);
void fill_line(int y, int x, int cols, int attr);
/* word-wraps text to width columns: a NULL-terminated array of lines */
char **wrap_text(const char *text, int width, int *nlines);
void free_lines(char **lines);

struct box {
	int y, x, h, w;
};
struct box draw_dialog(int h, int w, const char *title);

void dialog_message(const char *title, const char *text);
/* returns the index of the button chosen, or -1 for Esc Esc */
int dialog_question(const char *title, const char *text, const char *const *buttons,
		    int nbuttons, int initial);
void text_viewer(const char *title, const char *text);

/* ---- mconf-input.c ---- */

/* a refusal check: false, with the reason in why, refuses the text */
typedef bool (*input_check)(const char *text, struct strbuf *why, void *ctx);
/* the text entered (to free), or NULL when cancelled */
char *dialog_input(const char *title, const char *prompt, const char *initial,
		   input_check check, void *ctx);

/* ---- mconf-search.c ---- */

/* the entries of the menu tree that match query, in order of relevance */
struct menu **search_menus(const char *query, int *count);
/* asks for a query, lists the results: the entry chosen, or NULL */
struct menu *search_dialog(void);

/* ---- mconf-entry.c ---- */

void show_entry_help(struct menu *menu);
/* "value" of an entry as the menus show it: "y", "\"text\"", "" */
void entry_value(struct strbuf *out, struct menu *menu);

#endif
