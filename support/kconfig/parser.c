// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The Kconfig parser: reads statements and their attributes and builds
 * the menu tree (menu.c) and the symbol table (symbol.c).
 *
 * Errors are reported as "file:line: error: ..." and parsing goes on at
 * the next line, so one run lists every mistake; the caller stops
 * afterwards.
 */
#include <stdlib.h>
#include <string.h>

#include "lexer.h"

static struct token tok, peeked;
static bool have_peeked;
static bool line_failed;	/* an error was reported on this line */

struct block {
	enum token_kind end;	/* T_EOF for the top level */
	const char *what;
	struct kfile *file;
	int lineno;
	bool in_choice;
};

static void advance(void)
{
	if (have_peeked) {
		tok = peeked;
		have_peeked = false;
	} else {
		tok = lexer_next();
	}
}

static const struct token *peek(void)
{
	if (!have_peeked) {
		peeked = lexer_next();
		have_peeked = true;
	}
	return &peeked;
}

static const char *tok_file(void)
{
	return tok.file ? tok.file->name : "<eof>";
}

static const char *describe(const struct token *t)
{
	static char buf[160];

	switch (t->kind) {
	case T_WORD:
		snprintf(buf, sizeof(buf), "'%s'", t->text);
		return buf;
	case T_WORD_QUOTE:
		snprintf(buf, sizeof(buf), "\"%s\"", t->text);
		return buf;
	case T_EOL:
	case T_EOF:
		return token_name(t->kind);
	default:
		snprintf(buf, sizeof(buf), "'%s'", token_name(t->kind));
		return buf;
	}
}

static void fail(const char *fmt, const char *a, const char *b)
{
	if (line_failed)
		return;
	line_failed = true;
	fprintf(stderr, "%s:%d: error: ", tok_file(), tok.lineno);
	fprintf(stderr, fmt, a, b);
	fputc('\n', stderr);
	kc_errors++;
}

static void skip_line(void)
{
	while (tok.kind != T_EOL && tok.kind != T_EOF)
		advance();
	if (tok.kind == T_EOL)
		advance();
	line_failed = false;
}

/* the end of a statement line; on any error, skip what is left of it */
static bool end_of_line(const char *after)
{
	if (!line_failed && tok.kind != T_EOL && tok.kind != T_EOF)
		fail("unexpected %s after %s", describe(&tok), after);
	if (line_failed) {
		skip_line();
		return false;
	}
	if (tok.kind == T_EOL)
		advance();
	return true;
}

static unsigned edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	unsigned row[64];

	if (lb >= 63 || la >= 63)
		return 99;
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		unsigned diag = row[0];

		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			unsigned up = row[j];
			unsigned best = diag + (a[i - 1] != b[j - 1]);

			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

static const char *suggest_keyword(const char *word)
{
	const char *const *kw = lexer_keywords();
	const char *best = NULL;
	unsigned best_d = 3;

	for (int k = T_BOOL; k <= T_VISIBLE; k++) {
		unsigned d = edit_distance(word, kw[k]);

		if (d < best_d) {
			best_d = d;
			best = kw[k];
		}
	}
	return best;
}

static void unknown_word(const char *kind)
{
	const char *hint = suggest_keyword(tok.text);
	char msg[200];

	if (hint)
		snprintf(msg, sizeof(msg), "unknown %s '%%s'; did you mean '%s'?", kind, hint);
	else
		snprintf(msg, sizeof(msg), "unknown %s '%%s'%s", kind,
			 "; see docs/kconfig.md for the statements and attributes");
	fail(msg, tok.text, NULL);
	skip_line();
}

static bool is_assignment_op(enum token_kind k)
{
	/* variables belong to the macro language */
	return dialect_has_macros() && (k == T_EQUAL || k == T_COLON_EQUAL || k == T_PLUS_EQUAL);
}

/* ---- expressions ---- */

static struct expr *parse_or(void);

static struct symbol *parse_symbol(bool allow_const)
{
	struct symbol *sym;

	if (line_failed)
		return NULL;
	if (tok.kind == T_WORD) {
		sym = sym_lookup(tok.text, 0);
	} else if (tok.kind == T_WORD_QUOTE && allow_const) {
		sym = sym_lookup(tok.text, SF_CONST);
	} else {
		fail(allow_const ? "expected a symbol or a quoted value, found %s" :
		     "expected a symbol name, found %s", describe(&tok), NULL);
		return NULL;
	}
	free(tok.text);	/* the symbol keeps its own copy */
	tok.text = NULL;
	advance();
	return sym;
}

static enum expr_op comparison(enum token_kind k)
{
	switch (k) {
	case T_EQUAL: return E_EQUAL;
	case T_UNEQUAL: return E_UNEQUAL;
	case T_LESS: return E_LTH;
	case T_LESS_EQUAL: return E_LEQ;
	case T_GREATER: return E_GTH;
	case T_GREATER_EQUAL: return E_GEQ;
	default: return E_NONE;
	}
}

static struct expr *parse_primary(void)
{
	struct symbol *l, *r;
	struct expr *e;
	enum expr_op op;

	if (line_failed)
		return NULL;
	switch (tok.kind) {
	case T_NOT:
		advance();
		e = parse_primary();
		return e ? expr_alloc_one(E_NOT, e) : NULL;
	case T_OPEN_PAREN:
		advance();
		e = parse_or();
		if (!e)
			return NULL;
		if (tok.kind != T_CLOSE_PAREN) {
			fail("expected ')' to close the '(', found %s", describe(&tok), NULL);
			return NULL;
		}
		advance();
		return e;
	case T_WORD:
	case T_WORD_QUOTE:
		l = parse_symbol(true);
		op = comparison(tok.kind);
		if (op == E_NONE)
			return expr_alloc_symbol(l);
		advance();
		r = parse_symbol(true);
		return r ? expr_alloc_comp(op, l, r) : NULL;
	default:
		fail("expected an expression (a symbol, '!' or '('), found %s",
		     describe(&tok), NULL);
		return NULL;
	}
}

static struct expr *parse_and(void)
{
	struct expr *e = parse_primary();

	while (e && tok.kind == T_AND) {
		advance();
		struct expr *r = parse_primary();

		if (!r)
			return NULL;
		e = expr_alloc_two(E_AND, e, r);
	}
	return e;
}

static struct expr *parse_or(void)
{
	struct expr *e = parse_and();

	while (e && tok.kind == T_OR) {
		advance();
		struct expr *r = parse_and();

		if (!r)
			return NULL;
		e = expr_alloc_two(E_OR, e, r);
	}
	return e;
}

static struct expr *parse_expr(void)
{
	return parse_or();
}

static struct expr *parse_if_cond(void)
{
	if (line_failed || tok.kind != T_IF)
		return NULL;
	advance();
	return parse_expr();
}

/* ---- attributes ---- */

static enum sym_type type_of(enum token_kind k)
{
	switch (k) {
	case T_BOOL: case T_DEF_BOOL: return TYPE_BOOL;
	case T_TRISTATE: case T_DEF_TRISTATE: return TYPE_TRISTATE;
	case T_INT: return TYPE_INT;
	case T_HEX: return TYPE_HEX;
	case T_STRING: return TYPE_STRING;
	default: return TYPE_UNKNOWN;
	}
}

static void parse_prompt_rest(struct kfile *f, int line)
{
	const char *text = tok.text;
	struct expr *cond;

	advance();
	cond = parse_if_cond();
	if (!line_failed)
		menu_add_prompt(P_PROMPT, text, cond, f, line);
}

static void parse_type_attr(bool in_choice)
{
	struct kfile *f = tok.file;
	int line = tok.lineno;
	enum sym_type type = type_of(tok.kind);

	if (in_choice && type != TYPE_BOOL && type != TYPE_TRISTATE) {
		fail("a choice is bool or tristate, not %s", token_name(tok.kind), NULL);
		skip_line();
		return;
	}
	advance();
	if (tok.kind == T_WORD_QUOTE)
		parse_prompt_rest(f, line);
	if (end_of_line("the type"))
		menu_set_type(type, f, line);
}

static void parse_prompt_attr(void)
{
	struct kfile *f = tok.file;
	int line = tok.lineno;

	advance();
	if (tok.kind != T_WORD_QUOTE) {
		fail("'prompt' needs a quoted text, found %s", describe(&tok), NULL);
		skip_line();
		return;
	}
	parse_prompt_rest(f, line);
	end_of_line("the prompt");
}

static void parse_default_attr(void)
{
	struct kfile *f = tok.file;
	int line = tok.lineno;
	enum sym_type type = type_of(tok.kind);
	struct expr *value, *cond;

	advance();
	value = parse_expr();
	cond = parse_if_cond();
	if (!end_of_line("the default value"))
		return;
	menu_add_prop(P_DEFAULT, value, cond, f, line);
	if (type != TYPE_UNKNOWN)
		menu_set_type(type, f, line);
}

static void parse_choice_default(void)
{
	struct kfile *f = tok.file;
	int line = tok.lineno;
	struct symbol *sym;
	struct expr *cond;

	advance();
	sym = parse_symbol(false);
	cond = parse_if_cond();
	if (end_of_line("the choice default"))
		menu_add_prop(P_DEFAULT, expr_alloc_symbol(sym), cond, f, line);
}

static void parse_reverse_attr(void)
{
	struct kfile *f = tok.file;
	int line = tok.lineno;
	enum prop_kind kind = tok.kind == T_SELECT ? P_SELECT : P_IMPLY;
	struct symbol *target;
	struct expr *cond;

	advance();
	target = parse_symbol(false);
	cond = parse_if_cond();
	if (end_of_line(kind == P_SELECT ? "'select SYMBOL'" : "'imply SYMBOL'"))
		menu_add_prop(kind, expr_alloc_symbol(target), cond, f, line);
}

static void parse_range_attr(void)
{
	struct kfile *f = tok.file;
	int line = tok.lineno;
	struct symbol *lo, *hi;
	struct expr *cond;

	advance();
	lo = parse_symbol(true);
	hi = parse_symbol(true);
	cond = parse_if_cond();
	if (end_of_line("'range LOW HIGH'"))
		menu_add_prop(P_RANGE, expr_alloc_comp(E_RANGE, lo, hi), cond, f, line);
}

static void parse_depends_attr(void)
{
	struct expr *e;

	advance();
	if (tok.kind != T_ON) {
		fail("write 'depends on EXPR', found %s after 'depends'", describe(&tok), NULL);
		skip_line();
		return;
	}
	advance();
	e = parse_expr();
	if (end_of_line("the dependency"))
		menu_add_dep(e);
}

static void parse_visible_attr(void)
{
	struct expr *e;

	advance();
	if (tok.kind != T_IF) {
		fail("write 'visible if EXPR', found %s after 'visible'", describe(&tok), NULL);
		skip_line();
		return;
	}
	advance();
	e = parse_expr();
	if (end_of_line("the visibility condition"))
		menu_add_visibility(e);
}

static void parse_help_attr(void)
{
	struct kfile *f = tok.file;
	int line = tok.lineno;
	struct token text;

	advance();
	if (tok.kind != T_EOL) {
		fail("'help' stands alone on its line; the text starts on the next line, found %s",
		     describe(&tok), NULL);
		skip_line();
		return;
	}
	text = lexer_help();
	advance();
	if (current_entry->help) {
		kc_warn(f->name, line, "'%s' has more than one help text; only the last one is kept",
			current_entry->sym && current_entry->sym->name ?
			current_entry->sym->name : "<choice>");
		free(current_entry->help);
	}
	if (text.text[strspn(text.text, " \f\n\r\t\v")] == 0)
		kc_warn(f->name, line, "help text is empty");
	current_entry->help = text.text;
}

static void parse_modules_attr(void)
{
	struct kfile *f = tok.file;
	int line = tok.lineno;

	advance();
	if (!end_of_line("'modules'"))
		return;
	if (modules_sym && modules_sym != current_entry->sym) {
		kc_error(f->name, line, "'modules' is already the attribute of '%s'; only one symbol may carry it",
			 modules_sym->name);
		return;
	}
	modules_sym = current_entry->sym;
}

/* legacy: "option NAME" or "option NAME=VALUE" */
static void parse_option_attr(void)
{
	struct kfile *f = tok.file;
	int line = tok.lineno;
	char *name, *arg = NULL;

	advance();
	if (tok.kind == T_MODULES) {
		tok.kind = T_WORD;
		tok.text = xstrdup("modules");
	}
	if (tok.kind != T_WORD) {
		fail("'option' needs a name (env, defconfig_list, modules, allnoconfig_y), found %s",
		     describe(&tok), NULL);
		skip_line();
		return;
	}
	name = tok.text;
	advance();
	if (tok.kind == T_EQUAL) {
		advance();
		if (tok.kind != T_WORD && tok.kind != T_WORD_QUOTE) {
			fail("expected a value after 'option %s=', found %s", name, describe(&tok));
			skip_line();
			free(name);
			return;
		}
		arg = tok.text;
		advance();
	}
	if (end_of_line("the option"))
		legacy_option(name, arg, f, line);
	free(name);
	free(arg);
}

/* a word at the start of an attribute line: an assignment ends the entry */
static bool word_ends_entry(void)
{
	if (is_assignment_op(peek()->kind))
		return true;
	unknown_word("attribute or statement");
	return false;
}

static void parse_config_attrs(void)
{
	for (;;) {
		switch (tok.kind) {
		case T_BOOL: case T_TRISTATE: case T_INT: case T_HEX: case T_STRING:
			parse_type_attr(false);
			break;
		case T_PROMPT:
			parse_prompt_attr();
			break;
		case T_DEFAULT: case T_DEF_BOOL: case T_DEF_TRISTATE:
			parse_default_attr();
			break;
		case T_SELECT: case T_IMPLY:
			parse_reverse_attr();
			break;
		case T_RANGE:
			parse_range_attr();
			break;
		case T_DEPENDS:
			parse_depends_attr();
			break;
		case T_HELP:
			parse_help_attr();
			break;
		case T_MODULES:
			parse_modules_attr();
			break;
		case T_OPTION:
			parse_option_attr();
			break;
		case T_OPTIONAL:
			fail("'optional' belongs to a choice, not to a config entry", NULL, NULL);
			skip_line();
			break;
		case T_VISIBLE:
			fail("'visible if' belongs to a menu, not to a config entry", NULL, NULL);
			skip_line();
			break;
		case T_WORD:
			if (word_ends_entry())
				return;
			break;
		default:
			return;
		}
	}
}

static void parse_choice_attrs(void)
{
	struct symbol *choice = current_entry->sym;

	for (;;) {
		switch (tok.kind) {
		case T_BOOL: case T_TRISTATE: case T_INT: case T_HEX: case T_STRING:
			parse_type_attr(true);
			break;
		case T_PROMPT:
			parse_prompt_attr();
			break;
		case T_DEFAULT:
			parse_choice_default();
			break;
		case T_OPTIONAL:
			advance();
			if (end_of_line("'optional'"))
				choice->flags |= SF_OPTIONAL;
			break;
		case T_DEPENDS:
			parse_depends_attr();
			break;
		case T_HELP:
			parse_help_attr();
			break;
		case T_DEF_BOOL: case T_DEF_TRISTATE: case T_SELECT: case T_IMPLY:
		case T_RANGE: case T_MODULES: case T_VISIBLE:
			fail("%s is not an attribute of a choice", describe(&tok), NULL);
			skip_line();
			break;
		case T_WORD:
			if (word_ends_entry())
				return;
			break;
		default:
			return;
		}
	}
}

static void parse_depends_only(const char *what)
{
	for (;;) {
		if (tok.kind == T_DEPENDS) {
			parse_depends_attr();
		} else if (tok.kind == T_VISIBLE && !strcmp(what, "menu")) {
			parse_visible_attr();
		} else if (tok.kind == T_WORD) {
			if (word_ends_entry())
				return;
		} else if (tok.kind == T_HELP || tok.kind == T_PROMPT ||
			   tok.kind == T_DEFAULT || tok.kind == T_SELECT ||
			   tok.kind == T_BOOL || tok.kind == T_TRISTATE) {
			fail("%s is not an attribute of a %s", describe(&tok), what);
			skip_line();
		} else {
			return;
		}
	}
}

/* ---- statements ---- */

static void parse_block(const struct block *b);

static void parse_config(void)
{
	bool is_menuconfig = tok.kind == T_MENUCONFIG;
	struct kfile *f = tok.file;
	int line = tok.lineno;
	struct symbol *sym;

	advance();
	if (tok.kind != T_WORD) {
		fail("expected a symbol name after '%s', found %s",
		     is_menuconfig ? "menuconfig" : "config", describe(&tok));
		skip_line();
		return;
	}
	sym = sym_lookup(tok.text, 0);
	if (sym->flags & SF_CONST) {
		fail("'%s' is a constant and cannot be defined%s", tok.text, "");
		skip_line();
		return;
	}
	free(tok.text);
	tok.text = NULL;
	advance();
	if (!end_of_line("the symbol name"))
		return;
	sym->flags |= SF_OPTIONAL;
	menu_add_entry(sym, f, line);
	parse_config_attrs();
	if (!is_menuconfig)
		return;
	if (current_entry->prompt)
		current_entry->prompt->kind = P_MENU;
	else
		kc_warn(f->name, line, "menuconfig '%s' has no prompt", sym->name);
}

static void parse_choice(void)
{
	struct block b = { T_ENDCHOICE, "choice", tok.file, tok.lineno, true };
	const char *name = NULL;
	struct symbol *sym;

	advance();
	if (tok.kind == T_WORD) {
		name = tok.text;
		advance();
	}
	if (!end_of_line("'choice'"))
		return;
	sym = sym_lookup(name, SF_CHOICE);
	sym->flags |= SF_NO_WRITE;
	menu_add_entry(sym, b.file, b.lineno);
	parse_choice_attrs();
	menu_add_menu();
	parse_block(&b);
	menu_end_menu();
}

static void parse_menu(void)
{
	struct block b = { T_ENDMENU, "menu", tok.file, tok.lineno, false };
	const char *text;

	advance();
	if (tok.kind != T_WORD_QUOTE) {
		fail("'menu' needs a quoted title, found %s", describe(&tok), NULL);
		skip_line();
		return;
	}
	text = tok.text;
	advance();
	if (!end_of_line("the menu title"))
		return;
	menu_add_entry(NULL, b.file, b.lineno);
	menu_add_prompt(P_MENU, text, NULL, b.file, b.lineno);
	parse_depends_only("menu");
	menu_add_menu();
	parse_block(&b);
	menu_end_menu();
}

static void parse_comment(void)
{
	struct kfile *f = tok.file;
	int line = tok.lineno;
	const char *text;

	advance();
	if (tok.kind != T_WORD_QUOTE) {
		fail("'comment' needs a quoted text, found %s", describe(&tok), NULL);
		skip_line();
		return;
	}
	text = tok.text;
	advance();
	if (!end_of_line("the comment text"))
		return;
	menu_add_entry(NULL, f, line);
	menu_add_prompt(P_COMMENT, text, NULL, f, line);
	parse_depends_only("comment");
}

static void parse_if(bool in_choice)
{
	struct block b = { T_ENDIF, "if", tok.file, tok.lineno, in_choice };
	struct expr *e;

	advance();
	e = parse_expr();
	if (!end_of_line("the 'if' condition"))
		return;
	menu_add_entry(NULL, b.file, b.lineno);
	menu_add_dep(e);
	menu_add_menu();
	parse_block(&b);
	menu_end_menu();
}

static void parse_source(void)
{
	struct kfile *f = tok.file;
	int line = tok.lineno;
	const char *path;

	advance();
	if (tok.kind != T_WORD_QUOTE && !(words_may_hold_paths() && tok.kind == T_WORD)) {
		fail("'source' needs a quoted file name, found %s", describe(&tok), NULL);
		skip_line();
		return;
	}
	path = tok.text;
	advance();
	if (tok.kind != T_EOL && tok.kind != T_EOF) {
		fail("unexpected %s after the file name", describe(&tok), NULL);
		skip_line();
		return;
	}
	/* legacy: "$NAME" is the value of symbol NAME (an 'option env' symbol) */
	if (kconfig_legacy)
		path = legacy_expand(path);
	/* the sourced file's tokens come next, then the rest of this one */
	lexer_push_file(path, f, line);
	advance();
}

static void parse_assignment(void)
{
	const char *name = tok.text;
	const char *file = tok.file->name;
	int line = tok.lineno;
	enum var_flavor flavor;
	const char *value = "";

	advance();
	flavor = tok.kind == T_COLON_EQUAL ? VAR_SIMPLE :
		 tok.kind == T_PLUS_EQUAL ? VAR_APPEND : VAR_RECURSIVE;
	advance();
	if (tok.kind == T_ASSIGN_VAL) {
		value = tok.text;
		advance();
	}
	/* defined before the next line is read: it may use the variable */
	if (tok.kind == T_EOL || tok.kind == T_EOF) {
		/*
		 * A ':=' value is expanded now.  Its errors name its line; as in
		 * Linux, whose parser expands it once the line is read,
		 * $(lineno) says the line after.
		 */
		macro_set_position(file, line, lexer_line_after_assignment());
		macro_define(name, value, flavor);
	}
	end_of_line("the assigned value");
}

static void parse_mainmenu(void)
{
	struct kfile *f = tok.file;
	int line = tok.lineno;

	advance();
	if (tok.kind != T_WORD_QUOTE) {
		fail("'mainmenu' needs a quoted title, found %s", describe(&tok), NULL);
		skip_line();
		return;
	}
	const char *text = tok.text;

	advance();
	if (end_of_line("the main menu title"))
		menu_add_prompt(P_MENU, text, NULL, f, line);
}

static void close_block(const struct block *b)
{
	if (tok.file != b->file)
		kc_error(tok_file(), tok.lineno,
			 "'%s' closes the '%s' opened in another file (%s:%d); open and close it in the same file",
			 token_name(tok.kind), b->what, b->file->name, b->lineno);
	advance();
	end_of_line(token_name(b->end));
}

static void stray_end(const struct block *b)
{
	char where[300];

	if (b->end == T_EOF)
		snprintf(where, sizeof(where), "there is no open block to close");
	else
		snprintf(where, sizeof(where), "the innermost open block is the '%s' at %s:%d, closed by '%s'",
			 b->what, b->file->name, b->lineno, token_name(b->end));
	fail("unexpected '%s': %s", token_name(tok.kind), where);
	skip_line();
}

static void parse_block(const struct block *b)
{
	for (;;) {
		line_failed = false;
		switch (tok.kind) {
		case T_EOF:
			if (b->end != T_EOF)
				kc_error(b->file->name, b->lineno,
					 "this '%s' is never closed: add '%s' at the end of its block",
					 b->what, token_name(b->end));
			return;
		case T_EOL:
			advance();
			break;
		case T_ENDMENU: case T_ENDCHOICE: case T_ENDIF:
			if (tok.kind == b->end) {
				close_block(b);
				return;
			}
			stray_end(b);
			break;
		case T_CONFIG: case T_MENUCONFIG:
			if (b->in_choice && tok.kind == T_MENUCONFIG) {
				fail("'menuconfig' is not allowed inside a choice", NULL, NULL);
				skip_line();
				break;
			}
			parse_config();
			break;
		case T_MENU:
		case T_CHOICE:
			if (b->in_choice) {
				fail("'%s' is not allowed inside a choice", token_name(tok.kind), NULL);
				skip_line();
				break;
			}
			if (tok.kind == T_MENU)
				parse_menu();
			else
				parse_choice();
			break;
		case T_COMMENT:
			parse_comment();
			break;
		case T_IF:
			parse_if(b->in_choice);
			break;
		case T_SOURCE:
			parse_source();
			break;
		case T_MAINMENU:
			fail("'mainmenu' must be the first statement of the top Kconfig file", NULL, NULL);
			skip_line();
			break;
		case T_WORD:
			if (is_assignment_op(peek()->kind)) {
				parse_assignment();
				break;
			}
			unknown_word("statement");
			break;
		default:
			fail("%s cannot start a statement here; expected config, menuconfig, choice, menu, comment, if, source or an assignment",
			     describe(&tok), NULL);
			skip_line();
			break;
		}
	}
}

void parse_kconfig(const char *top_file)
{
	static const struct block top = { T_EOF, "file", NULL, 0, false };

	menu_reset();
	kconfig_dialect_from_env();
	legacy_init();
	lexer_open_top(top_file);
	advance();
	if (tok.kind == T_MAINMENU)
		parse_mainmenu();
	parse_block(&top);
	/* commands started ahead of need but never needed: let them end */
	shell_wait_all();
	if (kc_errors)
		exit(1);
	if (!modules_sym)
		modules_sym = sym_find("n");
	if (!rootmenu.prompt) {
		current_entry = &rootmenu;
		/* kconfig-frontends' title; Linux 6.1's */
		menu_add_prompt(P_MENU, kconfig_legacy ? "Configuration" : "Main menu", NULL,
				rootmenu.file, 0);
	} else if (kconfig_legacy) {
		rootmenu.prompt->text = legacy_expand(rootmenu.prompt->text);
	}
	menu_finalize();
	if (check_dependency_cycles())
		exit(1);
	if (kc_werror && kc_warnings) {
		fprintf(stderr, "error: %d warning(s) while reading Kconfig and KCONFIG_WERROR is set\n",
			kc_warnings);
		exit(1);
	}
	conf_set_changed(true);
}
