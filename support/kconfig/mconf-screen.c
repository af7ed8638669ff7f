// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * menuconfig's terminal: curses set-up, and a terminal given back as it
 * was on every way out (normal exit, SIGINT, SIGTERM, SIGHUP); keys, with
 * Esc Esc told from a lone Esc; text clipped to the screen by display
 * columns; dialog boxes, questions and a text viewer.  Below MIN_COLS x
 * MIN_ROWS nothing but a "too small" note is drawn, and keys wait for a
 * larger screen.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

#include "mconf.h"

/* how long a second Esc may take to make Esc Esc */
#define ESC_WAIT_MS 1000

void (*screen_background)(void);

static bool active;
static int attrs[A_ROLE_COUNT];

/* what the signal handler writes and sets back, prepared in advance */
static struct termios saved_tio;
static int tio_fd = -1;
static char restore_seq[512];
static size_t restore_len;

/* the engine's messages on stderr go to a file while curses owns the screen */
static int saved_stderr = -1;
static FILE *stderr_file;
static long stderr_read;

static void add_restore_cap(const char *cap)
{
	char *s = tigetstr(cap);
	size_t n;

	if (!s || s == (char *)-1)
		return;
	n = strlen(s);
	if (restore_len + n < sizeof(restore_seq)) {
		memcpy(restore_seq + restore_len, s, n);
		restore_len += n;
	}
}

static void on_fatal_signal(int sig)
{
	ssize_t r;

	if (tio_fd >= 0)
		tcsetattr(tio_fd, TCSANOW, &saved_tio);
	r = write(STDOUT_FILENO, restore_seq, restore_len);
	(void)r;
	signal(sig, SIG_DFL);
	raise(sig);
}

static void catch_signals(void)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_fatal_signal;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		sigaddset(&sa.sa_mask, sigs[i]);
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		sigaction(sigs[i], &sa, NULL);
}

static void redirect_stderr(void)
{
	fflush(stderr);
	stderr_file = tmpfile();
	if (!stderr_file)
		return;
	saved_stderr = dup(STDERR_FILENO);
	if (saved_stderr < 0 || dup2(fileno(stderr_file), STDERR_FILENO) < 0) {
		fclose(stderr_file);
		stderr_file = NULL;
	}
	stderr_read = 0;
}

static void restore_stderr(void)
{
	if (!stderr_file)
		return;
	fflush(stderr);
	dup2(saved_stderr, STDERR_FILENO);
	close(saved_stderr);
	fclose(stderr_file);
	stderr_file = NULL;
}

void screen_capture_stderr(struct strbuf *out)
{
	char buf[4096];
	ssize_t n;

	if (!stderr_file)
		return;
	fflush(stderr);
	while ((n = pread(fileno(stderr_file), buf, sizeof(buf), stderr_read)) > 0) {
		if (out)
			sb_add(out, buf, (size_t)n);
		stderr_read += n;
	}
}

static void init_attrs(void)
{
	attrs[A_NORMAL_TEXT] = A_NORMAL;
	attrs[A_TITLE] = A_REVERSE | A_BOLD;
	attrs[A_CURSOR] = A_REVERSE;
	attrs[A_HIDDEN] = A_DIM;
	attrs[A_HIDDEN_CURSOR] = A_REVERSE | A_DIM;
	attrs[A_STATUS] = A_BOLD;
	attrs[A_ERROR] = A_BOLD;
	attrs[A_DIALOG] = A_NORMAL;
	attrs[A_DIALOG_TITLE] = A_BOLD;
	attrs[A_BUTTON] = A_NORMAL;
	attrs[A_BUTTON_ACTIVE] = A_REVERSE;
	attrs[A_FIELD] = A_UNDERLINE;
	attrs[A_HINT] = A_NORMAL;
	if (!has_colors() || start_color() == ERR)
		return;
	use_default_colors();
	init_pair(1, COLOR_WHITE, COLOR_BLUE);
	init_pair(2, COLOR_BLACK, COLOR_CYAN);
	init_pair(3, COLORS >= 16 ? 8 : COLOR_BLACK, -1);
	init_pair(4, COLOR_RED, -1);
	init_pair(5, COLOR_BLACK, COLOR_WHITE);
	init_pair(6, COLOR_BLUE, COLOR_WHITE);
	init_pair(7, COLOR_YELLOW, -1);
	attrs[A_TITLE] = COLOR_PAIR(1) | A_BOLD;
	attrs[A_CURSOR] = COLOR_PAIR(2);
	attrs[A_HIDDEN] = COLORS >= 16 ? COLOR_PAIR(3) : COLOR_PAIR(3) | A_BOLD;
	attrs[A_HIDDEN_CURSOR] = COLOR_PAIR(2) | A_DIM;
	attrs[A_STATUS] = COLOR_PAIR(7) | A_BOLD;
	attrs[A_ERROR] = COLOR_PAIR(4) | A_BOLD;
	attrs[A_DIALOG] = COLOR_PAIR(5);
	attrs[A_DIALOG_TITLE] = COLOR_PAIR(6) | A_BOLD;
	attrs[A_BUTTON] = COLOR_PAIR(5);
	attrs[A_BUTTON_ACTIVE] = COLOR_PAIR(1) | A_BOLD;
	attrs[A_FIELD] = COLOR_PAIR(1);
}

void screen_start(void)
{
	if (isatty(STDIN_FILENO))
		tio_fd = STDIN_FILENO;
	else if (isatty(STDOUT_FILENO))
		tio_fd = STDOUT_FILENO;
	if (tio_fd >= 0 && tcgetattr(tio_fd, &saved_tio))
		tio_fd = -1;
	set_escdelay(25);
	if (!initscr()) {
		fprintf(stderr, "menuconfig: cannot set up the terminal (TERM=%s)\n",
			getenv("TERM") ? getenv("TERM") : "");
		exit(1);
	}
	restore_len = 0;
	add_restore_cap("sgr0");
	add_restore_cap("cnorm");
	add_restore_cap("rmkx");
	add_restore_cap("rmcup");
	catch_signals();
	redirect_stderr();
	active = true;
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(0);
	init_attrs();
}

void screen_stop(void)
{
	if (!active)
		return;
	active = false;
	curs_set(1);
	endwin();
	restore_stderr();
}

bool screen_active(void)
{
	return active;
}

int screen_attr(enum attr_role role)
{
	return attrs[role];
}

/* ---- text ---- */

/* the length in bytes and the width in columns of the character at s */
static size_t char_at(const char *s, int *width)
{
	mbstate_t st;
	wchar_t wc;
	size_t n;
	int w;

	memset(&st, 0, sizeof(st));
	n = mbrtowc(&wc, s, MB_CUR_MAX, &st);
	if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
		*width = 1;
		return 1;
	}
	w = wcwidth(wc);
	*width = w < 0 ? 1 : w;
	return n;
}

int text_width(const char *s)
{
	int total = 0, w;

	while (*s) {
		s += char_at(s, &w);
		total += w;
	}
	return total;
}

int put_text(int y, int x, const char *s, int maxcols, int attr)
{
	int used = 0, w;

	if (y < 0 || y >= LINES || x < 0 || x >= COLS)
		return 0;
	if (maxcols > COLS - x)
		maxcols = COLS - x;
	attron(attr);
	move(y, x);
	while (*s) {
		size_t n = char_at(s, &w);
		unsigned char c = (unsigned char)*s;

		if (used + w > maxcols)
			break;
		if (c < 0x20 || c == 0x7f || (n == 1 && c >= 0x80))
			addch('?');
		else
			addnstr(s, (int)n);
		used += w;
		s += n;
	}
	attroff(attr);
	return used;
}

void fill_line(int y, int x, int cols, int attr)
{
	if (y < 0 || y >= LINES || x < 0 || x >= COLS)
		return;
	if (cols > COLS - x)
		cols = COLS - x;
	if (cols <= 0)
		return;
	attron(attr);
	mvhline(y, x, ' ', cols);
	attroff(attr);
}

static void add_line(char ***lines, int *n, int *cap, const char *s, size_t len)
{
	if (*n + 2 > *cap) {
		*cap = *cap ? *cap * 2 : 32;
		*lines = xrealloc(*lines, (size_t)*cap * sizeof(**lines));
	}
	(*lines)[(*n)++] = xstrndup(s, len);
	(*lines)[*n] = NULL;
}

/* one source line: breaks at spaces, continuation lines keep its indent */
static void wrap_line(const char *s, size_t len, int width, char ***lines, int *n, int *cap)
{
	size_t indent = strspn(s, " ");
	char *pad;
	bool first = true;

	if (indent > len)
		indent = len;
	if ((int)indent > width / 2)
		indent = 0;
	pad = xstrndup(s, indent);
	while (len > 0 || first) {
		const char *p = s, *brk = NULL;
		int cols = first ? 0 : (int)indent, w;
		struct strbuf piece = { 0 };

		while ((size_t)(p - s) < len) {
			size_t k = char_at(p, &w);

			if (cols + w > width)
				break;
			if (*p == ' ' && p > s)
				brk = p;
			cols += w;
			p += k;
		}
		if ((size_t)(p - s) < len && brk)
			p = brk;
		if (p == s && len > 0) {	/* one character wider than the line */
			p += char_at(p, &w);
		}
		if (!first)
			sb_adds(&piece, pad);
		sb_add(&piece, s, (size_t)(p - s));
		add_line(lines, n, cap, sb_str(&piece), piece.len);
		sb_free(&piece);
		len -= (size_t)(p - s);
		s = p;
		while (len > 0 && *s == ' ') {
			s++;
			len--;
		}
		first = false;
	}
	free(pad);
}

char **wrap_text(const char *text, int width, int *nlines)
{
	char **lines = xcalloc(1, sizeof(*lines));
	int n = 0, cap = 1;

	if (width < 1)
		width = 1;
	for (;;) {
		const char *end = strchr(text, '\n');
		size_t len = end ? (size_t)(end - text) : strlen(text);

		if (!end && !len)
			break;
		wrap_line(text, len, width, &lines, &n, &cap);
		if (!end)
			break;
		text = end + 1;
	}
	*nlines = n;
	return lines;
}

void free_lines(char **lines)
{
	if (!lines)
		return;
	for (char **l = lines; *l; l++)
		free(*l);
	free(lines);
}

/* ---- keys ---- */

static bool too_small(void)
{
	return COLS < MIN_COLS || LINES < MIN_ROWS;
}

static void draw_too_small(void)
{
	char msg[160];
	char **lines;
	int n;

	snprintf(msg, sizeof(msg),
		 "The terminal is too small (%dx%d): menuconfig needs at least %dx%d.",
		 COLS, LINES, MIN_COLS, MIN_ROWS);
	erase();
	lines = wrap_text(msg, COLS, &n);
	for (int i = 0; i < n && i < LINES; i++)
		put_text(i, 0, lines[i], COLS, A_BOLD);
	free_lines(lines);
	refresh();
}

void screen_redraw_background(void)
{
	if (too_small()) {
		draw_too_small();
		return;
	}
	if (screen_background)
		screen_background();
	else
		erase();
}

static int next_key(void)
{
	wint_t wc;
	int r;

	for (;;) {
		errno = 0;
		r = get_wch(&wc);
		if (r == KEY_CODE_YES)
			return K((int)wc);
		if (r == OK)
			return (int)wc;
		if (errno != EINTR)
			return ERR;
	}
}

int read_key(void)
{
	int key, second;

	if (too_small()) {
		draw_too_small();
		do {
			key = next_key();
			if (key == K(KEY_RESIZE) || too_small())
				draw_too_small();
		} while (too_small());
		return K(KEY_RESIZE);
	}
	key = next_key();
	if (key == K(KEY_RESIZE) && too_small())
		return read_key();
	if (key != 27)
		return key;
	timeout(ESC_WAIT_MS);
	second = next_key();
	timeout(-1);
	if (second == ERR)
		return K_ESC;
	if (second == 27)
		return K_BACK;
	/* Alt+key: the key alone */
	return second;
}

/* ---- dialogs ---- */

struct box draw_dialog(int h, int w, const char *title)
{
	struct box b;
	int attr = screen_attr(A_DIALOG);

	if (w > COLS - 2)
		w = COLS - 2;
	if (h > LINES - 2)
		h = LINES - 2;
	if (w < 4)
		w = 4;
	if (h < 3)
		h = 3;
	b.h = h;
	b.w = w;
	b.y = (LINES - h) / 2;
	b.x = (COLS - w) / 2;
	for (int i = 0; i < h; i++)
		fill_line(b.y + i, b.x, w, attr);
	attron(attr);
	mvaddch(b.y, b.x, ACS_ULCORNER);
	mvhline(b.y, b.x + 1, ACS_HLINE, w - 2);
	mvaddch(b.y, b.x + w - 1, ACS_URCORNER);
	mvvline(b.y + 1, b.x, ACS_VLINE, h - 2);
	mvvline(b.y + 1, b.x + w - 1, ACS_VLINE, h - 2);
	mvaddch(b.y + h - 1, b.x, ACS_LLCORNER);
	mvhline(b.y + h - 1, b.x + 1, ACS_HLINE, w - 2);
	mvaddch(b.y + h - 1, b.x + w - 1, ACS_LRCORNER);
	attroff(attr);
	if (title && *title) {
		char t[256];
		int tw;

		snprintf(t, sizeof(t), " %s ", title);
		tw = text_width(t);
		if (tw > w - 4)
			tw = w - 4;
		put_text(b.y, b.x + (w - tw) / 2, t, tw, screen_attr(A_DIALOG_TITLE));
	}
	return b;
}

static void draw_buttons(struct box *b, int y, const char *const *buttons, int n, int active_button)
{
	int total = 0, x;

	for (int i = 0; i < n; i++)
		total += text_width(buttons[i]) + 4 + (i ? 2 : 0);
	x = b->x + (b->w - total) / 2;
	if (x < b->x + 1)
		x = b->x + 1;
	for (int i = 0; i < n; i++) {
		char label[64];
		int attr = screen_attr(i == active_button ? A_BUTTON_ACTIVE : A_BUTTON);

		snprintf(label, sizeof(label), "< %s >", buttons[i]);
		x += put_text(y, x, label, b->x + b->w - 1 - x, attr) + 2;
	}
}

int dialog_question(const char *title, const char *text, const char *const *buttons,
		    int nbuttons, int initial)
{
	int choice = initial;

	for (;;) {
		int n, w = 60, key;
		char **lines;
		struct box b;

		screen_redraw_background();
		if (w > COLS - 4)
			w = COLS - 4;
		lines = wrap_text(text, w - 4, &n);
		b = draw_dialog(n + 4, w, title);
		for (int i = 0; i < n && i < b.h - 4; i++)
			put_text(b.y + 1 + i, b.x + 2, lines[i], b.w - 4, screen_attr(A_DIALOG));
		free_lines(lines);
		draw_buttons(&b, b.y + b.h - 2, buttons, nbuttons, choice);
		refresh();
		key = read_key();
		switch (key) {
		case K_BACK:
		case K_ESC:
			return -1;
		case K(KEY_LEFT):
			choice = (choice + nbuttons - 1) % nbuttons;
			break;
		case K(KEY_RIGHT):
		case '\t':
			choice = (choice + 1) % nbuttons;
			break;
		case '\r':
		case '\n':
		case ' ':
		case K(KEY_ENTER):
			return choice;
		default:
			/* the first letter of a button chooses it */
			for (int i = 0; i < nbuttons; i++)
				if (key < 128 && (key | 0x20) == (buttons[i][0] | 0x20))
					return i;
			break;
		}
	}
}

void dialog_message(const char *title, const char *text)
{
	int top = 0;

	for (;;) {
		int n, w = 70, rows, key;
		char **lines;
		struct box b;
		static const char *const ok[] = { "OK" };

		screen_redraw_background();
		if (w > COLS - 4)
			w = COLS - 4;
		lines = wrap_text(text, w - 4, &n);
		b = draw_dialog(n + 4, w, title);
		rows = b.h - 4;
		if (top > n - rows)
			top = n - rows;
		if (top < 0)
			top = 0;
		for (int i = 0; i < rows && top + i < n; i++)
			put_text(b.y + 1 + i, b.x + 2, lines[top + i], b.w - 4, screen_attr(A_DIALOG));
		free_lines(lines);
		draw_buttons(&b, b.y + b.h - 2, ok, 1, 0);
		refresh();
		key = read_key();
		if (key == K(KEY_UP))
			top--;
		else if (key == K(KEY_DOWN))
			top++;
		else if (key != K(KEY_RESIZE))
			return;
	}
}

void text_viewer(const char *title, const char *text)
{
	int top = 0;

	for (;;) {
		int n, rows, key;
		char **lines;
		char pos[32];

		if (too_small()) {
			read_key();
			continue;
		}
		erase();
		fill_line(0, 0, COLS, screen_attr(A_TITLE));
		put_text(0, 1, title, COLS - 2, screen_attr(A_TITLE));
		lines = wrap_text(text, COLS - 2, &n);
		rows = LINES - 2;
		if (top > n - rows)
			top = n - rows;
		if (top < 0)
			top = 0;
		for (int i = 0; i < rows && top + i < n; i++)
			put_text(1 + i, 1, lines[top + i], COLS - 2, A_NORMAL);
		free_lines(lines);
		fill_line(LINES - 1, 0, COLS, screen_attr(A_TITLE));
		put_text(LINES - 1, 1, "Up/Down/PgUp/PgDn: scroll   Esc Esc, q, Enter: back",
			 COLS - 12, screen_attr(A_TITLE));
		snprintf(pos, sizeof(pos), "%3d%%", n <= rows ? 100 : (top + rows) * 100 / n);
		put_text(LINES - 1, COLS - 6, pos, 5, screen_attr(A_TITLE));
		refresh();
		key = read_key();
		switch (key) {
		case K(KEY_UP): case 'k':
			top--;
			break;
		case K(KEY_DOWN): case 'j':
			top++;
			break;
		case K(KEY_PPAGE): case 'b':
			top -= rows - 1;
			break;
		case K(KEY_NPAGE): case ' ':
			top += rows - 1;
			break;
		case K(KEY_HOME): case 'g':
			top = 0;
			break;
		case K(KEY_END): case 'G':
			top = n;
			break;
		case K_BACK: case 'q': case 'Q': case '\r': case '\n': case K(KEY_ENTER):
		case K(KEY_LEFT): case K(KEY_BACKSPACE): case '?': case 'h': case K_ESC:
			return;
		default:
			break;
		}
	}
}
