// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Diagnostics, the CONFIG_ prefix and finding files under $srctree.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kconfig.h"

int kc_errors, kc_warnings;
bool kc_werror;

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
