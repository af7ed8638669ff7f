// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The Kconfig lexer: turns the files being read into tokens.
 *
 * Kconfig is line oriented: a newline ends a statement (T_EOL), "\"
 * before a newline joins lines, '#' starts a comment.  Words and quoted
 * strings have their $(...) references expanded as they are read.  A
 * word followed by '=', ':=' or '+=' at the start of a line begins a
 * variable assignment whose value is the raw rest of the line.  Help
 * text is read as one token, measured by its indentation.
 *
 * In the legacy dialect (Linux 4.11, see legacy.c) there are no macros
 * and no assignments: '$' is plain text in strings, words may hold '/'
 * and '.' (unquoted source paths), and "option" and "---help---" are
 * keywords.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lexer.h"

struct kfile *file_list;
struct kfile *stmt_file;
int stmt_lineno;

struct source {
	struct source *parent;
	struct kfile *file;
	char *buf;
	size_t len, pos;
	size_t prefetched;	/* lookahead has looked up to here */
	size_t barrier;		/* an assignment lookahead must not pass yet */
	int lineno;
};

static struct source *src;
static bool assign_mode;
/* where an assignment's line ended: past its newline, or on it at the end of file */
static int line_after_assignment;
static enum token_kind prev_tok = T_EOL, prev_prev_tok = T_EOL;

static const char *const keywords[] = {
	[T_BOOL] = "bool", [T_CHOICE] = "choice", [T_COMMENT] = "comment",
	[T_CONFIG] = "config", [T_DEF_BOOL] = "def_bool",
	[T_DEF_TRISTATE] = "def_tristate", [T_DEFAULT] = "default",
	[T_DEPENDS] = "depends", [T_ENDCHOICE] = "endchoice",
	[T_ENDIF] = "endif", [T_ENDMENU] = "endmenu", [T_HELP] = "help",
	[T_HEX] = "hex", [T_IF] = "if", [T_IMPLY] = "imply", [T_INT] = "int",
	[T_MAINMENU] = "mainmenu", [T_MENU] = "menu",
	[T_MENUCONFIG] = "menuconfig", [T_MODULES] = "modules", [T_ON] = "on",
	[T_OPTIONAL] = "optional", [T_PROMPT] = "prompt", [T_RANGE] = "range",
	[T_SELECT] = "select", [T_SOURCE] = "source", [T_STRING] = "string",
	[T_TRISTATE] = "tristate", [T_VISIBLE] = "visible",
	[T_OPTION] = "option",
	[T_OR] = "||", [T_AND] = "&&", [T_EQUAL] = "=", [T_UNEQUAL] = "!=",
	[T_LESS] = "<", [T_LESS_EQUAL] = "<=", [T_GREATER] = ">",
	[T_GREATER_EQUAL] = ">=", [T_NOT] = "!", [T_OPEN_PAREN] = "(",
	[T_CLOSE_PAREN] = ")", [T_COLON_EQUAL] = ":=", [T_PLUS_EQUAL] = "+=",
	[T_COUNT] = NULL,
};

const char *const *lexer_keywords(void)
{
	return keywords;
}

const char *token_name(enum token_kind kind)
{
	switch (kind) {
	case T_EOF: return "end of file";
	case T_EOL: return "end of line";
	case T_WORD: return "a word";
	case T_WORD_QUOTE: return "a quoted string";
	case T_ASSIGN_VAL: return "a value";
	case T_HELPTEXT: return "help text";
	default:
		return keywords[kind] ? keywords[kind] : "?";
	}
}

static struct kfile *file_lookup(const char *name)
{
	struct kfile *f;

	for (f = file_list; f; f = f->next)
		if (!strcmp(f->name, name))
			return f;
	f = xcalloc(1, sizeof(*f));
	f->name = xstrdup(name);
	f->next = file_list;
	file_list = f;
	return f;
}

static char *slurp(FILE *f, size_t *len)
{
	struct strbuf sb = { 0 };
	char chunk[65536];
	size_t n;

	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		sb_add(&sb, chunk, n);
	*len = sb.len;
	return sb_detach(&sb);
}

static void enter(struct kfile *file, FILE *f, struct kfile *from, int from_line)
{
	struct source *s;
	struct stat st;

	if (fstat(fileno(f), &st) || !S_ISREG(st.st_mode))
		kc_fatal(from ? from->name : NULL, from_line,
			 "'%s' is not a regular file", file->name);
	s = xcalloc(1, sizeof(*s));

	s->buf = slurp(f, &s->len);
	fclose(f);
	s->file = file;
	s->lineno = 1;
	macro_prefetch_hook = lexer_prefetch;
	s->parent = src;
	src = s;
}

void lexer_open_top(const char *name)
{
	FILE *f = kc_fopen_src(name);

	if (!f)
		kc_fatal(NULL, 0, "cannot open Kconfig file '%s'%s", name,
			 getenv("srctree") ? " (also looked under $srctree)" :
			 " (set srctree if the tree is elsewhere)");
	enter(file_lookup(name), f, NULL, 0);
	prev_tok = prev_prev_tok = T_EOL;
	assign_mode = false;
}

void lexer_push_file(const char *name, struct kfile *from, int from_line)
{
	struct kfile *file = file_lookup(name);
	struct source *s;
	FILE *f;

	for (s = src; s; s = s->parent) {
		if (strcmp(s->file->name, name))
			continue;
		fprintf(stderr, "%s:%d: error: recursive inclusion of '%s'\n",
			from->name, from_line, name);
		for (s = src; s; s = s->parent)
			fprintf(stderr, "  %s:%d: sourced from here\n",
				s->file->name, s->lineno);
		kc_fatal(from->name, from_line, "remove the 'source' that closes the loop");
	}
	f = kc_fopen_src(name);
	if (!f)
		kc_fatal(from->name, from_line, "cannot open sourced file '%s'%s",
			 name, getenv("srctree") ? " (also looked under $srctree)" : "");
	if (src)
		src->file->lineno = src->lineno;
	file->parent = src ? src->file : NULL;
	file->lineno = from_line;
	enter(file, f, from, from_line);
}

static int peekc(size_t ahead)
{
	if (src->pos + ahead >= src->len)
		return EOF;
	return (unsigned char)src->buf[src->pos + ahead];
}

static bool is_word_char(int c)
{
	return c != EOF && (isalnum(c) || c == '_' || c == '-');
}

/* a character of a word as the lexer reads it, in the current dialect */
static bool lex_word_char(int c)
{
	return is_word_char(c) || (words_may_hold_paths() && (c == '/' || c == '.'));
}

static bool is_blank(int c)
{
	return c == ' ' || c == '\t';
}

/* where the line holding buf[at] ends: its newline, or len */
static size_t line_end(const char *buf, size_t len, size_t at)
{
	const char *nl = at < len ? memchr(buf + at, '\n', len - at) : NULL;

	return nl ? (size_t)(nl - buf) : len;
}

/* the rest of the current line, from the current position */
static char *rest_of_line(void)
{
	return xstrndup(src->buf + src->pos, line_end(src->buf, src->len, src->pos) - src->pos);
}

static void sync_macro_position(void)
{
	macro_set_position(src->file->name, src->lineno, src->lineno);
}

int lexer_line_after_assignment(void)
{
	return line_after_assignment;
}

static enum token_kind end_of_file(struct token *t)
{
	struct source *s = src;

	if (prev_tok != T_EOL && prev_tok != T_HELPTEXT)
		kc_warn(s->file->name, s->lineno, "no newline at end of file");
	t->file = s->file;
	t->lineno = s->lineno;
	if (assign_mode)
		line_after_assignment = s->lineno;
	src = s->parent;
	free(s->buf);
	free(s);
	assign_mode = false;
	return T_EOL;
}

static enum token_kind lex_string(struct token *t, char quote)
{
	struct strbuf sb = { 0 };
	int c;

	src->pos++;
	for (;;) {
		c = peekc(0);
		if (c == EOF)
			break;
		if (c == '\n') {
			kc_warn(src->file->name, src->lineno,
				"multi-line strings are not supported; string ends here");
			break;
		}
		if (c == '$' && dialect_has_macros()) {
			char *rest, *res;
			const char *p;

			src->pos++;
			rest = rest_of_line();
			p = rest;
			sync_macro_position();
			res = macro_expand_dollar(&p);
			src->pos += p - rest;
			sb_adds(&sb, res);
			free(res);
			free(rest);
			continue;
		}
		if (c == '\\') {
			src->pos++;
			c = peekc(0);
			if (c != EOF && c != '\n') {
				sb_addc(&sb, (char)c);
				src->pos++;
			}
			continue;
		}
		src->pos++;
		if (c == quote)
			break;
		sb_addc(&sb, (char)c);
	}
	t->text = sb_detach(&sb);
	return T_WORD_QUOTE;
}

static enum token_kind keyword_or_word(struct token *t, size_t start, size_t len)
{
	const char *w = src->buf + start;

	for (int k = T_BOOL; k <= T_VISIBLE; k++)
		if (strlen(keywords[k]) == len && !memcmp(keywords[k], w, len))
			return (enum token_kind)k;
	if (kconfig_legacy) {
		if (len == 6 && !memcmp(w, "option", 6))
			return T_OPTION;
		if (len == 10 && !memcmp(w, "---help---", 10))
			return T_HELP;
	}
	t->text = xstrndup(w, len);
	return T_WORD;
}

static enum token_kind lex_assign_value(struct token *t)
{
	while (is_blank(peekc(0)))
		src->pos++;
	if (src->pos >= src->len)
		return end_of_file(t);
	t->file = src->file;
	t->lineno = src->lineno;
	if (peekc(0) == '\n') {
		src->pos++;
		src->lineno++;
		line_after_assignment = src->lineno;
		assign_mode = false;
		return T_EOL;
	}
	size_t e = line_end(src->buf, src->len, src->pos);

	t->text = xstrndup(src->buf + src->pos, e - src->pos);
	src->pos = e;
	return T_ASSIGN_VAL;
}

static enum token_kind lex_raw(struct token *t)
{
	int c, c2;

	if (!src)
		return T_EOF;
	if (assign_mode)
		return lex_assign_value(t);
	for (;;) {
		if (src->pos >= src->len)
			return end_of_file(t);
		c = peekc(0);
		c2 = peekc(1);
		t->file = src->file;
		t->lineno = src->lineno;
		if (is_blank(c)) {
			src->pos++;
			continue;
		}
		if (c == '\\' && c2 == '\n') {
			src->pos += 2;
			src->lineno++;
			continue;
		}
		if (c == '#') {
			src->pos = line_end(src->buf, src->len, src->pos);
			continue;
		}
		if (c == '\n') {
			src->pos++;
			src->lineno++;
			return T_EOL;
		}
		if (c == '"' || c == '\'')
			return lex_string(t, (char)c);
		if (lex_word_char(c) || (c == '$' && dialect_has_macros())) {
			size_t start = src->pos, e = start;
			bool dollar = false;

			while (e < src->len && (lex_word_char((unsigned char)src->buf[e]) ||
						(src->buf[e] == '$' && dialect_has_macros()))) {
				dollar |= src->buf[e] == '$';
				e++;
			}
			if (!dollar) {
				src->pos = e;
				return keyword_or_word(t, start, e - start);
			}
			char *rest = rest_of_line();
			const char *p = rest;

			sync_macro_position();
			char *word = macro_expand_token(&p);

			src->pos += p - rest;
			free(rest);
			if (*word) {
				t->text = word;
				return T_WORD;
			}
			free(word);
			continue;
		}
		src->pos++;
		switch (c) {
		case '|':
			if (c2 == '|') {
				src->pos++;
				return T_OR;
			}
			break;
		case '&':
			if (c2 == '&') {
				src->pos++;
				return T_AND;
			}
			break;
		case '=':
			return T_EQUAL;
		case '!':
			if (c2 == '=') {
				src->pos++;
				return T_UNEQUAL;
			}
			return T_NOT;
		case '<':
			if (c2 == '=') {
				src->pos++;
				return T_LESS_EQUAL;
			}
			return T_LESS;
		case '>':
			if (c2 == '=') {
				src->pos++;
				return T_GREATER_EQUAL;
			}
			return T_GREATER;
		case '(':
			return T_OPEN_PAREN;
		case ')':
			return T_CLOSE_PAREN;
		case ':':
			if (c2 == '=') {
				src->pos++;
				return T_COLON_EQUAL;
			}
			break;
		case '+':
			if (c2 == '=') {
				src->pos++;
				return T_PLUS_EQUAL;
			}
			break;
		}
		if (isprint(c))
			kc_warn(src->file->name, src->lineno,
				"ignoring unsupported character '%c'", c);
		else
			kc_warn(src->file->name, src->lineno,
				"ignoring unsupported character 0x%02x", c);
	}
}

struct token lexer_next(void)
{
	struct token t;

	for (;;) {
		memset(&t, 0, sizeof(t));
		t.kind = lex_raw(&t);
		if (prev_tok == T_EOL || prev_tok == T_HELPTEXT) {
			/* blank lines carry nothing to the parser */
			if (t.kind == T_EOL)
				continue;
			stmt_file = t.file;
			stmt_lineno = t.lineno;
		}
		break;
	}
	if (prev_prev_tok == T_EOL && prev_tok == T_WORD && dialect_has_macros() &&
	    (t.kind == T_EQUAL || t.kind == T_COLON_EQUAL || t.kind == T_PLUS_EQUAL))
		assign_mode = true;
	prev_prev_tok = prev_tok;
	prev_tok = t.kind;
	return t;
}

/* the next line begins with text at column 0: help ends before it */
static bool text_follows(const char *buf, size_t len, size_t newline_at)
{
	size_t n = newline_at + 1;

	return n < len && !is_blank(buf[n]) && buf[n] != '\n';
}

static void add_spaces(struct strbuf *sb, int n)
{
	while (n-- > 0)
		sb_addc(sb, ' ');
}

/*
 * Measure a help block starting at line start *pos: its text goes to
 * text (if not NULL), *pos and *lineno move past it.  The first line
 * sets the indentation; a line indented less, or a line of text at
 * column 0 after a line break, ends the block.  Tabs count to the next
 * multiple of 8; deeper indentation is kept as spaces.
 */
static void scan_help(const char *buf, size_t len, size_t *pos, int *lineno,
		      struct strbuf *text)
{
	struct strbuf dummy = { 0 };
	int first_ts = 0, last_ts = 0;
	size_t at = *pos;

	if (!text)
		text = &dummy;
	while (at < len) {
		size_t p = at;
		int ts = 0;

		while (p < len && is_blank(buf[p])) {
			ts = buf[p] == '\t' ? (ts & ~7) + 8 : ts + 1;
			p++;
		}
		if (p < len && buf[p] == '\n') {
			/* an empty line */
			at = p + 1;
			(*lineno)++;
			if (text_follows(buf, len, p))
				break;
			sb_addc(text, '\n');
			continue;
		}
		if (p > at) {
			at = p;
			last_ts = ts;
			if (first_ts) {
				/* less indented than the first line: help ends */
				if (ts < first_ts)
					break;
				add_spaces(text, ts - first_ts);
			}
			if (p >= len)
				break;
		}
		size_t e = line_end(buf, len, at), end = e;

		while (end > at && is_blank(buf[end - 1]))
			end--;
		sb_add(text, buf + at, end - at);
		if (!first_ts)
			first_ts = last_ts;
		at = e;
		if (e < len) {
			at++;
			(*lineno)++;
			if (text_follows(buf, len, e))
				break;
			sb_addc(text, '\n');
		}
	}
	sb_free(&dummy);
	*pos = at;
}

struct token lexer_help(void)
{
	struct token t = { .kind = T_HELPTEXT };
	struct strbuf text = { 0 };

	if (src)
		scan_help(src->buf, src->len, &src->pos, &src->lineno, &text);
	t.text = sb_detach(&text);
	if (src) {
		t.file = src->file;
		t.lineno = src->lineno;
	}
	prev_prev_tok = prev_tok;
	prev_tok = T_HELPTEXT;
	return t;
}

/* ---- lookahead for $(shell,...) prefetching ---- */

static bool line_is(const char *line, size_t n, const char *word)
{
	size_t wl = strlen(word);

	while (n && is_blank(*line)) {
		line++;
		n--;
	}
	if (n < wl || memcmp(line, word, wl))
		return false;
	line += wl;
	n -= wl;
	while (n && is_blank(*line)) {
		line++;
		n--;
	}
	return !n || *line == '#';
}

enum line_kind { LINE_OTHER, LINE_ASSIGN, LINE_ASSIGN_EXPANDED, LINE_UNSURE };

/*
 * Is the line an assignment "NAME = v", "NAME := v" or "NAME += v"?  As in
 * the lexer: a plain word, not a keyword, then the operator.  *name gets
 * the name, *value where the value starts.  LINE_UNSURE: a name built
 * from macros, which the lookahead cannot know.
 */
static enum line_kind classify_line(const char *line, size_t n, char **name,
				    size_t *value)
{
	size_t i = 0, start;
	bool dollar = false;

	while (i < n && is_blank(line[i]))
		i++;
	start = i;
	while (i < n && (is_word_char((unsigned char)line[i]) || line[i] == '$')) {
		dollar |= line[i] == '$';
		i++;
	}
	if (i == start)
		return LINE_OTHER;
	size_t end = i;

	while (i < n && is_blank(line[i]))
		i++;
	if (dollar) {
		/* "$(...)" runs to its ')': could be anything */
		return memchr(line + i, '=', n - i) ? LINE_UNSURE : LINE_OTHER;
	}
	for (int k = T_BOOL; k <= T_VISIBLE; k++)
		if (strlen(keywords[k]) == end - start &&
		    !memcmp(keywords[k], line + start, end - start))
			return LINE_OTHER;
	bool expanded;

	if (i < n && line[i] == '=') {
		expanded = false;
		i++;
	} else if (i + 1 < n && line[i + 1] == '=' && (line[i] == ':' || line[i] == '+')) {
		expanded = line[i] == ':';
		*name = xstrndup(line + start, end - start);
		if (line[i] == '+')
			expanded = macro_is_simple(*name);
		free(*name);
		i += 2;
	} else {
		return LINE_OTHER;
	}
	*name = xstrndup(line + start, end - start);
	*value = i;
	return expanded ? LINE_ASSIGN_EXPANDED : LINE_ASSIGN;
}

/* the first word of the line is `word` */
static bool line_starts(const char *line, size_t n, const char *word)
{
	size_t wl = strlen(word);

	while (n && is_blank(*line)) {
		line++;
		n--;
	}
	return n > wl && !memcmp(line, word, wl) && is_blank(line[wl]);
}

/* speculatively expand the $(...) references of one line */
static void prefetch_line(const char *line, size_t n)
{
	char quote = 0;

	for (size_t i = 0; i < n; i++) {
		char c = line[i];

		if (quote) {
			if (c == '\\')
				i++;
			else if (c == quote)
				quote = 0;
		} else if (c == '"' || c == '\'') {
			quote = c;
		} else if (c == '#') {
			return;
		}
		if (c != '$' || i + 1 >= n || line[i + 1] != '(')
			continue;
		char *copy = xstrndup(line + i + 1, n - i - 1);
		const char *p = copy;

		if (!macro_prefetch_dollar(&p)) {
			free(copy);
			return;
		}
		i += p - copy;
		free(copy);
	}
}

enum scan_end { SCAN_DONE, SCAN_BARRIER, SCAN_ENOUGH };

#define LOOKAHEAD_DEPTH 8

static char **scanned_files;	/* sourced files the lookahead has read whole */
static int nscanned;

static bool was_scanned(const char *name)
{
	for (int i = 0; i < nscanned; i++)
		if (!strcmp(scanned_files[i], name))
			return true;
	return false;
}

static enum scan_end scan_ahead(const char *buf, size_t len, size_t at,
				size_t *stop, int depth);

/* the file of a "source" line, when its name is already certain */
static enum scan_end scan_sourced(const char *line, size_t n, int depth)
{
	const char *q = memchr(line, '"', n), *e;
	char *raw, *path;
	enum scan_end r = SCAN_DONE;
	size_t len, stop;
	FILE *f;

	if (!q || depth >= LOOKAHEAD_DEPTH)
		return SCAN_DONE;
	e = memchr(q + 1, '"', n - (q + 1 - line));
	if (!e)
		return SCAN_DONE;
	raw = xstrndup(q + 1, e - q - 1);
	path = macro_dry_expand(raw);
	free(raw);
	if (!path || was_scanned(path) || !(f = kc_fopen_src(path))) {
		free(path);
		return SCAN_DONE;
	}
	char *buf = slurp(f, &len);

	fclose(f);
	r = scan_ahead(buf, len, 0, &stop, depth + 1);
	if (r == SCAN_DONE) {
		scanned_files = xrealloc(scanned_files, (nscanned + 1) * sizeof(*scanned_files));
		scanned_files[nscanned++] = path;
	} else {
		free(path);
	}
	free(buf);
	return r;
}

/*
 * Look at the lines from `at` (a line start) on: start the shell commands
 * they will need.  An assigned name makes later references to it
 * uncertain: those are left alone.  Comments and help texts are never
 * expanded and are skipped; "source" is followed.  Stops at a line it
 * cannot judge (SCAN_BARRIER) or when enough commands wait (SCAN_ENOUGH),
 * with *stop at that line.
 */
static enum scan_end scan_ahead(const char *buf, size_t len, size_t at,
				size_t *stop, int depth)
{
	int dummy_line = 0;

	while (at < len) {
		size_t start = at, end = line_end(buf, len, at), value = 0;
		char *name = NULL;
		enum line_kind kind;
		enum scan_end r;

		at = end + 1;
		*stop = start;
		if (shell_pending() >= 16)
			return SCAN_ENOUGH;
		kind = classify_line(buf + start, end - start, &name, &value);
		if (kind == LINE_UNSURE)
			return SCAN_BARRIER;
		if (kind != LINE_OTHER) {
			/* a ":=" value is expanded at once; the name changes meaning after */
			if (kind == LINE_ASSIGN_EXPANDED)
				prefetch_line(buf + start + value, end - start - value);
			macro_prefetch_taint(name);
			free(name);
			continue;
		}
		if (line_is(buf + start, end - start, "help")) {
			scan_help(buf, len, &at, &dummy_line, NULL);
			continue;
		}
		if (line_starts(buf + start, end - start, "source")) {
			r = scan_sourced(buf + start, end - start, depth);
			if (r != SCAN_DONE)
				return r;
			continue;
		}
		prefetch_line(buf + start, end - start);
	}
	*stop = len;
	return SCAN_DONE;
}

/*
 * Called before a $(shell,...) runs: start, in parallel, the commands the
 * rest of this file, and then the rest of the files that sourced it, will
 * need.
 */
void lexer_prefetch(void)
{
	size_t at, stop;
	enum scan_end r;

	if (!src || (src->barrier && src->pos <= src->barrier))
		return;
	src->barrier = 0;
	macro_prefetch_taint(NULL);
	at = src->pos > src->prefetched ? src->pos : src->prefetched;
	/* the line being expanded now is not ours to touch */
	at = line_end(src->buf, src->len, at);
	r = scan_ahead(src->buf, src->len, at + 1, &stop, 0);
	src->prefetched = stop;
	if (r == SCAN_BARRIER)
		src->barrier = stop;
	for (struct source *s = src->parent; s && r == SCAN_DONE; s = s->parent) {
		at = s->pos > s->prefetched ? s->pos : s->prefetched;
		r = scan_ahead(s->buf, s->len, at, &stop, 0);
		s->prefetched = stop;
	}
}
