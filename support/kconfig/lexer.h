/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Tokens of the Kconfig language, between lexer.c and parser.c.
 */
#ifndef KCONFIG_LEXER_H
#define KCONFIG_LEXER_H

#include "kconfig.h"

enum token_kind {
	T_EOF, T_EOL, T_WORD, T_WORD_QUOTE, T_ASSIGN_VAL, T_HELPTEXT,
	/* keywords */
	T_BOOL, T_CHOICE, T_COMMENT, T_CONFIG, T_DEF_BOOL, T_DEF_TRISTATE,
	T_DEFAULT, T_DEPENDS, T_ENDCHOICE, T_ENDIF, T_ENDMENU, T_HELP, T_HEX,
	T_IF, T_IMPLY, T_INT, T_MAINMENU, T_MENU, T_MENUCONFIG, T_MODULES,
	T_ON, T_OPTIONAL, T_PROMPT, T_RANGE, T_SELECT, T_SOURCE, T_STRING,
	T_TRISTATE, T_VISIBLE,
	/* keywords of the legacy dialect only (Linux 4.11) */
	T_OPTION,
	/* operators */
	T_OR, T_AND, T_EQUAL, T_UNEQUAL, T_LESS, T_LESS_EQUAL, T_GREATER,
	T_GREATER_EQUAL, T_NOT, T_OPEN_PAREN, T_CLOSE_PAREN, T_COLON_EQUAL,
	T_PLUS_EQUAL,
	T_COUNT
};

struct token {
	enum token_kind kind;
	char *text;		/* T_WORD, T_WORD_QUOTE, T_ASSIGN_VAL, T_HELPTEXT */
	struct kfile *file;	/* where the token starts */
	int lineno;
};

/* where the statement being parsed starts (for properties and errors) */
extern struct kfile *stmt_file;
extern int stmt_lineno;

void lexer_open_top(const char *name);
void lexer_push_file(const char *name, struct kfile *from, int from_line);
struct token lexer_next(void);
/* called right after "help" EOL: reads the help block as one token */
struct token lexer_help(void);
const char *token_name(enum token_kind kind);
void lexer_prefetch(void);
int lexer_line_after_assignment(void);
const char *const *lexer_keywords(void);

#endif
