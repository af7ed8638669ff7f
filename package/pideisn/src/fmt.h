/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * pideisn's own snprintf: the conversions pideisn uses, and no floating
 * point.  musl's printf carries its float formatting, and with it 128-bit
 * long double arithmetic in software on aarch64, about 15 KiB of a
 * program that must stay under 128 KiB (docs/pideisn.md) and never
 * prints a float.
 *
 * Conversions: %d %i %u %x %X %c %s %%, with the flags '-' and '0', a
 * width and a precision (numbers or '*'), and the lengths hh h l ll z.
 * Anything else (floats, %p, %n) is copied as it is, and takes no
 * argument: a format string pideisn's compiler checks against printf's
 * rules (the attributes below) can still say more than fmt prints.
 */
#ifndef PIDEISN_FMT_H
#define PIDEISN_FMT_H

#include <stdarg.h>
#include <stddef.h>

/* "255.255.255.255" and its NUL */
#define FMT_IPV4_MAX 16

/*
 * vsnprintf's and snprintf's contract: at most size bytes written, the
 * text always ended by a NUL when size > 0, and the length of the whole
 * text returned, so that a result >= size means "cut short".
 */
int fmt_vprint(char *out, size_t size, const char *format, va_list ap);
int fmt_print(char *out, size_t size, const char *format, ...)
	__attribute__((format(printf, 3, 4)));

/* all len bytes of text to fd, however many writes it takes (a pipe may take less) */
void fmt_write_all(int fd, const char *text, size_t len);

/* dprintf's: the text (at most 1 KiB of it) to fd */
int fmt_write(int fd, const char *format, ...) __attribute__((format(printf, 2, 3)));

/*
 * inet_ntop's for IPv4: the dotted quad of an address in network order
 * (a struct in_addr, or 4 bytes), into out; returns out.
 */
const char *fmt_ipv4(const void *address, char out[FMT_IPV4_MAX]);

#endif
