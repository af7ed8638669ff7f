/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Values in service files: durations, sizes, quoted words (service-values.c). */
#ifndef PIDEISN_SERVICE_VALUES_H
#define PIDEISN_SERVICE_VALUES_H

#include <stddef.h>
#include <stdint.h>

/* "500ms", "5s", "5" (seconds), "2m", "1h"; at most a day. */
int parse_duration_ms(const char *text, unsigned *ms);

/* "4096", "64k", "10M", "1G" (powers of 1024); at most 1 TiB. */
int parse_size(const char *text, uint64_t *bytes);

/* A decimal number in min..max. */
int parse_number(const char *text, unsigned long min, unsigned long max,
		 unsigned long *out);

/*
 * The next word of text at *at, written to out (NUL-terminated, at most
 * size bytes): blanks separate words; 'single quotes' keep everything;
 * "double quotes" keep everything but \" and \\; a backslash outside
 * quotes keeps the next character.  1: a word; 0: no more words; -1 with
 * *why set: an unterminated quote, a trailing backslash, no room.
 */
int next_quoted_word(const char **at, char *out, size_t size, const char **why);

#endif
