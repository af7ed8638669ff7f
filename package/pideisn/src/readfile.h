/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Reading a small file whole: /proc and /sys files, configuration files. */
#ifndef PIDEISN_READFILE_H
#define PIDEISN_READFILE_H

#include <stddef.h>

/*
 * Read all of path into text and end it with a NUL: at most size - 1
 * bytes.  Returns the length, or -1 with errno (EFBIG when the file
 * does not fit).
 */
long read_file(const char *path, char *text, size_t size);

#endif
