// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Reading the users tables and device tables of kiln-rootfs: lines
 * without comments, words split at blanks, numbers, and errors that name
 * the table's file and line.
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
