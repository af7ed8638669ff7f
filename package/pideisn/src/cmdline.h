/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The kernel command line, as /proc/cmdline gives it: the parameters
 * pideisn acts on.  Parsing splits the text in place (the values point
 * into it), so the text must outlive the struct; nothing is allocated.
 *
 * Words are separated by blanks; double quotes group blanks into a word
 * and are removed where the kernel removes them: a quote opening the word
 * or its value (after '='), and the quote that ends it.  "--" ends the
 * kernel's parameters: the words after it are init's arguments.
 */
#ifndef PIDEISN_CMDLINE_H
#define PIDEISN_CMDLINE_H

#include <stddef.h>

#define CMDLINE_MAX_CONSOLES	8
#define CMDLINE_MAX_INIT_ARGS	32

enum cmdline_root {
	ROOT_NONE,		/* no root=: stay on the initramfs */
	ROOT_PATH,		/* root=/dev/vda */
	ROOT_LABEL,		/* root=LABEL=name */
	ROOT_UUID,		/* root=UUID=... */
	ROOT_PARTUUID,		/* root=PARTUUID=... */
	ROOT_PARTLABEL,		/* root=PARTLABEL=... */
};

enum cmdline_access { ACCESS_DEFAULT, ACCESS_RO, ACCESS_RW };

struct cmdline {
	enum cmdline_root root_kind;
	const char *root;		/* after LABEL= etc.; NULL without root= */
	const char *rootfstype;		/* NULL: try the kernel's file systems */
	const char *rootflags;
	enum cmdline_access access;	/* the last of ro and rw */
	int rootwait;			/* rootwait given */
	unsigned rootwait_seconds;	/* rootwait=N; 0: no limit */
	unsigned rootdelay;		/* rootdelay=N, seconds */
	const char *hostname;
	int quiet;
	const char *init, *rdinit;
	const char *ip;			/* the last ip=; see ipconfig.h */
	unsigned console_count;		/* the last is /dev/console */
	const char *console[CMDLINE_MAX_CONSOLES];
	unsigned init_argc;
	const char *init_argv[CMDLINE_MAX_INIT_ARGS];
};

#define CMDLINE_ERROR_MAX	160

/*
 * Fill *cl from text (NUL-terminated, changed in place).  Never stops at
 * a bad parameter: returns the number of problems, the first described
 * in error ("rootdelay=abc: expected a number of seconds"); the
 * parameter at fault keeps its default.
 */
int cmdline_parse(struct cmdline *cl, char *text, char error[CMDLINE_ERROR_MAX]);

/* The device of a console= value: "ttyS0" of "ttyS0,115200n8". */
size_t cmdline_console_name_length(const char *console);

#endif
