/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The companion tools (kconfig merge, diff, tweak): what they share.
 * A configuration file is read as text, line by line: assignments
 * "PREFIXNAME=value", "# PREFIXNAME is not set", and other lines kept as
 * they are.
 */
#ifndef KCONFIG_TOOL_H
#define KCONFIG_TOOL_H

#include "configfile.h"	/* config_quote() */
#include "kconfig.h"

/* exit statuses shared by the tools (see docs/kconfig.md) */
enum { EXIT_OK = 0, EXIT_ERROR = 1, EXIT_LOST = 2 };

struct cfg_line {
	char *text;		/* the whole line, without its newline */
	char *name;		/* without prefix; NULL: not an assignment */
	char *value;		/* as written ("y", "\"text\"", "0x10"); "n" when not set */
	bool unset;		/* "# PREFIXNAME is not set" */
	int lineno;
};

struct cfg_file {
	const char *path;
	struct cfg_line *lines;
	int n, cap;
	bool final_newline;	/* the last line ended with '\n' */
};

extern const char *tool_name;	/* "kconfig merge", or "kconfig-merge" when installed so */

/* read path; warnings for lines that are neither assignments nor comments */
int cfg_load(struct cfg_file *f, const char *path, bool warn);
void cfg_free(struct cfg_file *f);
/* the last assignment of name, or NULL */
struct cfg_line *cfg_find(struct cfg_file *f, const char *name);
bool cfg_name_valid(const char *name);
/* the text of a quoted value without quotes and escapes; NULL if malformed */
char *cfg_unquote(const char *value);

_Noreturn void tool_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void tool_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

int merge_main(int argc, char **argv);
int diff_main(int argc, char **argv);
int tweak_main(int argc, char **argv);

#endif
