// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The input dialog of menuconfig: a one-line editor (wide characters,
 * scrolling when the text is longer than the field) under a prompt, and
 * a line for the reason when the text is refused.
 *
 *   Left/Right, Home/End (Ctrl-A/E)  move     Backspace/Delete  erase
 *   Ctrl-U  erase all   Ctrl-K  erase to the end
 *   Enter  accept       Esc Esc (or a lone Esc)  cancel
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "mconf.h"

struct line {
	wchar_t *text;
	size_t len, cap;
	size_t cursor;		/* index in text */
	size_t first;		/* first index shown */
};

static void line_init(struct line *l, const char *initial)
{
	size_t n = mbstowcs(NULL, initial, 0);

	memset(l, 0, sizeof(*l));
	if (n == (size_t)-1) {
		/* not valid in this locale: take the bytes as they are */
		n = strlen(initial);
		l->cap = n + 16;
		l->text = xcalloc(l->cap, sizeof(wchar_t));
		for (size_t i = 0; i < n; i++)
			l->text[i] = (unsigned char)initial[i];
	} else {
		l->cap = n + 16;
		l->text = xcalloc(l->cap, sizeof(wchar_t));
		mbstowcs(l->text, initial, n + 1);
	}
	l->len = n;
	l->cursor = n;
}

static void line_insert(struct line *l, wchar_t c)
{
	if (l->len + 2 > l->cap) {
		l->cap *= 2;
		l->text = xrealloc(l->text, l->cap * sizeof(wchar_t));
	}
	memmove(l->text + l->cursor + 1, l->text + l->cursor,
		(l->len - l->cursor + 1) * sizeof(wchar_t));
	l->text[l->cursor++] = c;
	l->len++;
}

static void line_erase(struct line *l, size_t at, size_t n)
{
	if (at >= l->len)
		return;
	if (n > l->len - at)
		n = l->len - at;
	memmove(l->text + at, l->text + at + n, (l->len - at - n + 1) * sizeof(wchar_t));
	l->len -= n;
	if (l->cursor > at + n)
		l->cursor -= n;
	else if (l->cursor > at)
		l->cursor = at;
}

static char *line_string(const struct line *l)
{
	struct strbuf sb = { 0 };
	char mb[MB_LEN_MAX];
	mbstate_t st;

	memset(&st, 0, sizeof(st));
	for (size_t i = 0; i < l->len; i++) {
		size_t n = wcrtomb(mb, l->text[i], &st);

		if (n == (size_t)-1) {
			sb_addc(&sb, (char)l->text[i]);
			memset(&st, 0, sizeof(st));
		} else {
			sb_add(&sb, mb, n);
		}
	}
	return sb_detach(&sb);
}

static int char_cols(wchar_t c)
{
	int w = wcwidth(c);

	return w < 0 ? 1 : w;
}

/* moves l->first so that the cursor shows in a field of width columns */
static void line_scroll(struct line *l, int width)
{
	int cols = 0;

	if (l->first > l->cursor)
		l->first = l->cursor;
	for (size_t i = l->first; i < l->cursor; i++)
		cols += char_cols(l->text[i]);
	while (cols >= width && l->first < l->cursor)
		cols -= char_cols(l->text[l->first++]);
}

/* draws the field; returns the column of the cursor */
static int line_draw(struct line *l, int y, int x, int width)
{
	int cols = 0, cursor_x = x, attr = screen_attr(A_FIELD);

	fill_line(y, x, width, attr);
	line_scroll(l, width);
	attron(attr);
	for (size_t i = l->first; i <= l->len; i++) {
		int w;

		if (i == l->cursor)
			cursor_x = x + cols;
		if (i == l->len)
			break;
		w = char_cols(l->text[i]);
		if (cols + w > width)
			break;
		if (iswprint((wint_t)l->text[i])) {
			wchar_t s[2] = { l->text[i], 0 };

			mvaddnwstr(y, x + cols, s, 1);
		} else {
			mvaddch(y, x + cols, '?');
		}
		cols += w;
	}
	attroff(attr);
	return cursor_x;
}

/* true when the key was an editing key */
static bool line_edit(struct line *l, int key)
{
	switch (key) {
	case K(KEY_LEFT):
		if (l->cursor > 0)
			l->cursor--;
		return true;
	case K(KEY_RIGHT):
		if (l->cursor < l->len)
			l->cursor++;
		return true;
	case K(KEY_HOME): case CTL('a'):
		l->cursor = 0;
		return true;
	case K(KEY_END): case CTL('e'):
		l->cursor = l->len;
		return true;
	case K(KEY_BACKSPACE): case 0x7f: case CTL('h'):
		if (l->cursor > 0)
			line_erase(l, l->cursor - 1, 1);
		return true;
	case K(KEY_DC): case CTL('d'):
		line_erase(l, l->cursor, 1);
		return true;
	case CTL('u'):
		line_erase(l, 0, l->len);
		return true;
	case CTL('k'):
		line_erase(l, l->cursor, l->len - l->cursor);
		return true;
	default:
		if (key >= 0x20 && key < KEY_BASE && key != 0x7f && iswprint((wint_t)key)) {
			line_insert(l, (wchar_t)key);
			return true;
		}
		return false;
	}
}

char *dialog_input(const char *title, const char *prompt, const char *initial,
		   input_check check, void *ctx)
{
	struct strbuf why = { 0 };
	struct line l;
	char *result = NULL;

	line_init(&l, initial ? initial : "");
	for (;;) {
		int n, w = 70, key, cx, y;
		char **lines;
		char **reason = NULL;
		int nreason = 0;
		struct box b;

		screen_redraw_background();
		if (w > COLS - 4)
			w = COLS - 4;
		lines = wrap_text(prompt, w - 4, &n);
		if (n > 4)
			n = 4;
		if (why.len)
			reason = wrap_text(sb_str(&why), w - 4, &nreason);
		if (nreason > 3)
			nreason = 3;
		b = draw_dialog(n + nreason + 6, w, title);
		y = b.y + 1;
		for (int i = 0; i < n && y < b.y + b.h - 4; i++)
			put_text(y++, b.x + 2, lines[i], b.w - 4, screen_attr(A_DIALOG));
		free_lines(lines);
		y++;
		cx = line_draw(&l, y, b.x + 2, b.w - 4);
		for (int i = 0; i < nreason; i++)
			put_text(y + 1 + i, b.x + 2, reason[i], b.w - 4,
				 screen_attr(A_ERROR) | screen_attr(A_DIALOG));
		free_lines(reason);
		put_text(b.y + b.h - 2, b.x + 2, "Enter: accept   Esc Esc: cancel", b.w - 4,
			 screen_attr(A_DIALOG));
		move(y, cx);
		curs_set(1);
		refresh();
		key = read_key();
		curs_set(0);
		if (key == '\r' || key == '\n' || key == K(KEY_ENTER)) {
			char *text = line_string(&l);

			sb_free(&why);
			if (!check || check(text, &why, ctx)) {
				result = text;
				break;
			}
			free(text);
		} else if (key == K_BACK || key == K_ESC) {
			break;
		} else if (line_edit(&l, key)) {
			sb_free(&why);
		}
	}
	free(l.text);
	sb_free(&why);
	return result;
}
