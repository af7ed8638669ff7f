// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * kiln-rootfs: applies Buildroot's users tables and device tables to a
 * target folder, as an ordinary user.
 *
 *   kiln-rootfs users --target DIR --perms-out FILE [--salt-seed STR] TABLE...
 *   kiln-rootfs devices --target DIR TABLE...
 *   kiln-rootfs password --target DIR --user NAME (--plain PW | --hash HASH
 *                        | --empty) [--locked] [--salt-seed STR]
 *
 * `users` edits DIR/etc/passwd, group, shadow (and gshadow when there is
 * one), makes home folders, and appends device table lines for their
 * owners to FILE.  `devices` makes folders, nodes and fifos and sets
 * modes and owners: run it under fakeroot, which records what a real root
 * would have done.  Names of users and groups are those of DIR/etc, never
 * the host's.  The formats are described in docs/system.md.
 *
 * Files: kiln-rootfs-users.c, -devices.c, -password.c (the subcommands),
 * -db.c (account files), -root.c (paths that cannot leave DIR).
 */
#include "kiln-rootfs.h"
#include "util.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void die_at(const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) < 0)
		die("out of memory");
	va_end(ap);
	die("%s:%d: %s", file, line, msg);
}

void table_open(struct table *t, const char *path)
{
	t->path = path;
	t->text = read_file(path, NULL);
	if (!t->text)
		die("cannot read the table %s: %s", path, strerror(errno));
	t->next = t->text;
	t->line = 0;
}

char *table_next(struct table *t)
{
	while (*t->next) {
		char *line = t->next, *end = line + strcspn(line, "\n");

		t->next = *end ? end + 1 : end;
		*end = '\0';
		t->line++;
		line[strcspn(line, "#")] = '\0';
		if (line[strspn(line, " \t\r")])
			return line;
	}
	return NULL;
}

void table_close(struct table *t)
{
	free(t->text);
	t->text = t->next = NULL;
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

int split_blanks(char *s, char **words, int max)
{
	int n = 0;
	char *end;

	while (n < max) {
		while (is_blank(*s))
			s++;
		if (!*s)
			break;
		words[n++] = s;
		if (n == max)
			break;
		while (*s && !is_blank(*s))
			s++;
		if (*s)
			*s++ = '\0';
	}
	if (n == max) {
		end = s + strlen(s);
		while (end > s && is_blank(end[-1]))
			*--end = '\0';
	}
	return n;
}

int parse_number(const char *s, int base, long *out)
{
	char *end;
	long v;

	if (!isdigit((unsigned char)*s) && !(*s == '-' && isdigit((unsigned char)s[1])))
		return -1;
	errno = 0;
	v = strtol(s, &end, base);
	if (*end || errno || v > INT_MAX || v < INT_MIN)
		return -1;
	*out = v;
	return 0;
}

static void usage(void)
{
	fprintf(stderr,
		"usage: kiln-rootfs users --target DIR --perms-out FILE [--salt-seed STR] TABLE...\n"
		"       kiln-rootfs devices --target DIR TABLE...\n"
		"       kiln-rootfs password --target DIR --user NAME\n"
		"           (--plain PW | --hash HASH | --empty) [--locked] [--salt-seed STR]\n"
		"Applies users tables and device tables (Buildroot's formats, see\n"
		"docs/system.md) to the target folder DIR; run `devices` under fakeroot.\n");
	exit(2);
}

int main(int argc, char **argv)
{
	program_name = "kiln-rootfs";
	if (argc < 2)
		usage();
	if (!strcmp(argv[1], "users"))
		return users_main(argc - 1, argv + 1);
	if (!strcmp(argv[1], "devices"))
		return devices_main(argc - 1, argv + 1);
	if (!strcmp(argv[1], "password"))
		return password_main(argc - 1, argv + 1);
	usage();
}
