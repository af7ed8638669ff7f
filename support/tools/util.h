/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Small helpers shared by Kiln's host tools: messages and files.  Memory
 * and growable strings come from support/lib (xalloc.h, strbuf.h).
 */
#ifndef KILN_TOOLS_UTIL_H
#define KILN_TOOLS_UTIL_H

#include <stdarg.h>
#include <stddef.h>

#include "strbuf.h"
#include "xalloc.h"

extern const char *program_name;

__attribute__((noreturn, format(printf, 1, 2))) void die(const char *fmt, ...);
__attribute__((format(printf, 1, 2))) void warn(const char *fmt, ...);

/* The whole file, NUL-terminated; NULL with errno set when it cannot be read. */
char *read_file(const char *path, size_t *len);
/*
 * Replaces path with data through a temporary file and rename(), unless it
 * already holds exactly that: returns 1 when written, 0 when unchanged.
 */
int write_if_changed(const char *path, const char *data, size_t len);
/*
 * Writes all len bytes to fd, again after a short write: 0, or -1 with
 * errno saying why the rest could not be written (ENOSPC on a full disk).
 */
int write_all(int fd, const void *data, size_t len);
/* mkdir -p */
void make_dirs(const char *path);

#endif
