// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Memory, growable strings and diagnostics.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kconfig.h"

int kc_errors, kc_warnings;
bool kc_werror;

static _Noreturn void out_of_memory(void)
{
	fprintf(stderr, "kconfig: out of memory\n");
	exit(1);
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (!p)
		out_of_memory();
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		out_of_memory();
	return p;
}

void *xrealloc(void *p, size_t size)
{
	p = realloc(p, size ? size : 1);
	if (!p)
		out_of_memory();
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = 0;
	return p;
}

void sb_add(struct strbuf *sb, const char *s, size_t n)
{
	if (sb->len + n + 1 > sb->cap) {
		sb->cap = (sb->len + n + 1) * 2;
		if (sb->cap < 64)
			sb->cap = 64;
		sb->buf = xrealloc(sb->buf, sb->cap);
	}
	memcpy(sb->buf + sb->len, s, n);
	sb->len += n;
	sb->buf[sb->len] = 0;
}

void sb_adds(struct strbuf *sb, const char *s)
{
	sb_add(sb, s, strlen(s));
}

void sb_addc(struct strbuf *sb, char c)
{
	sb_add(sb, &c, 1);
}

void sb_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	int n;
	char small[256];

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n < sizeof(small)) {
		sb_add(sb, small, n);
		return;
	}
	char *big = xmalloc(n + 1);

	va_start(ap, fmt);
	vsnprintf(big, n + 1, fmt, ap);
	va_end(ap);
	sb_add(sb, big, n);
	free(big);
}

const char *sb_str(struct strbuf *sb)
{
	return sb->buf ? sb->buf : "";
}

char *sb_detach(struct strbuf *sb)
{
	char *s = sb->buf ? sb->buf : xstrdup("");

	sb->buf = NULL;
	sb->len = sb->cap = 0;
	return s;
}

void sb_free(struct strbuf *sb)
{
	free(sb->buf);
	sb->buf = NULL;
	sb->len = sb->cap = 0;
}

static void report(const char *kind, const char *file, int line,
		   const char *fmt, va_list ap)
{
	if (file)
		fprintf(stderr, "%s:%d: ", file, line);
	fprintf(stderr, "%s: ", kind);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void kc_warn(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report("warning", file, line, fmt, ap);
	va_end(ap);
	kc_warnings++;
}

void kc_error(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report("error", file, line, fmt, ap);
	va_end(ap);
	kc_errors++;
}

void kc_fatal(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report("error", file, line, fmt, ap);
	va_end(ap);
	exit(1);
}

const char *config_prefix(void)
{
	const char *p = getenv("CONFIG_");

	return p ? p : "CONFIG_";
}

FILE *kc_fopen_src(const char *name)
{
	FILE *f = fopen(name, "r");
	const char *srctree;

	if (f || name[0] == '/')
		return f;
	srctree = getenv("srctree");
	if (!srctree)
		return NULL;

	struct strbuf path = { 0 };

	sb_addf(&path, "%s/%s", srctree, name);
	f = fopen(path.buf, "r");
	sb_free(&path);
	return f;
}
