/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Allocation that never fails: out of memory, the program says so on
 * stderr and exits with status 1.
 */
#ifndef KILN_LIB_XALLOC_H
#define KILN_LIB_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);	/* at most n bytes of s, terminated */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
