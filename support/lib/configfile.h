/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Configuration files (.config, defconfig, fragments, auto.conf), read a
 * line at a time as Linux's conf reads them:
 *
 *   PREFIXNAME=value           CONFIG_SET    ("y", "\"text\"", "0x10", as written)
 *   #?PREFIXNAME is not set... CONFIG_UNSET  (any character after the '#'; the
 *                                             text after "is not set" does not count)
 *   #...                       CONFIG_COMMENT
 *   (nothing)                  CONFIG_BLANK
 *   PREFIX... without '='      CONFIG_NO_EQUALS
 *   anything else              CONFIG_OTHER
 *
 * PREFIX is "CONFIG_" or what the caller reads ("KILN_", or "" for names as
 * written).  A line ends at "\n", and a "\r" just before it goes with it.
 * What a line means is the caller's business (symbols for conf, text for
 * kconfig merge|diff|tweak, signature inputs for kiln-sig), and so are the
 * messages, which name the file and lineno.
 * String values are written in double quotes with '"' and '\' escaped by a
 * backslash: config_quote() and config_unquote().
 */
#ifndef KILN_LIB_CONFIGFILE_H
#define KILN_LIB_CONFIGFILE_H

#include <stdbool.h>
#include <stdio.h>

#include "strbuf.h"

enum config_line_kind {
	CONFIG_BLANK,
	CONFIG_COMMENT,
	CONFIG_SET,
	CONFIG_UNSET,
	CONFIG_NO_EQUALS,
	CONFIG_OTHER,
};

struct config_line {
	enum config_line_kind kind;
	int lineno;		/* from 1 */
	char *text;		/* the whole line without its end ("\n" or "\r\n") */
	bool newline;		/* the line ended with "\n" (the last one may not) */
	const char *name;	/* SET, UNSET: the name after the prefix;
				   NO_EQUALS: all that follows the prefix */
	char *value;		/* SET: what follows the '=', inside text (the caller may change it) */
};

struct config_reader {
	FILE *in;
	const char *prefix;
	struct config_line line;
	char *buf;
	size_t cap;
	struct strbuf name;
};

/* reads in (the caller opens and closes it) with that prefix */
void config_reader_init(struct config_reader *r, FILE *in, const char *prefix);
/* the next line, valid until the next call; NULL at the end (ferror() tells a failure) */
struct config_line *config_reader_next(struct config_reader *r);
void config_reader_free(struct config_reader *r);

/* text in double quotes, with '"' and '\' escaped: a new string */
char *config_quote(const char *text);
/*
 * s begins with '"': turns it in place into the text between the quotes,
 * a backslash keeping the character after it as it is, and returns s; *rest
 * (when rest is not NULL) is what followed the closing quote.  NULL when s
 * does not begin with '"' or the closing quote is missing.
 */
char *config_unquote(char *s, char **rest);

#endif
