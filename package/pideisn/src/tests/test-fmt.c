// SPDX-License-Identifier: GPL-2.0-or-later
/* fmt.c, pideisn's own snprintf: the same text as libc's, float aside */
#include "../fmt.h"
#include "unit.h"

#include <limits.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* fmt_vprint and libc's vsnprintf agree on text and length, in size bytes */
static int same_as_libc(size_t size, const char *format, ...)
{
	char got[128], want[128];
	va_list ap, again;
	int n, m;

	memset(got, 'x', sizeof(got));
	memset(want, 'x', sizeof(want));
	va_start(ap, format);
	va_copy(again, ap);
	n = fmt_vprint(got, size, format, ap);
	m = vsnprintf(want, size, format, again);
	va_end(again);
	va_end(ap);
	if (n != m || memcmp(got, want, sizeof(got))) {
		printf("#   '%s' in %zu bytes: got %d '%.*s', want %d '%.*s'\n", format, size,
		       n, (int)sizeof(got), got, m, (int)sizeof(want), want);
		return 0;
	}
	return 1;
}

static void test_conversions(void)
{
	CHECK(same_as_libc(64, "plain text, no conversion"), "plain text");
	CHECK(same_as_libc(64, "%s and %s", "this", "that"), "%s");
	CHECK(same_as_libc(64, "[%s]", (char *)NULL), "%s of NULL: (null)");
	CHECK(same_as_libc(64, "%.3s|%.*s|%.10s", "abcdef", 2, "xyz", "ab"), "%s with a precision");
	CHECK(same_as_libc(64, "%5s|%-5s|%*s", "ab", "cd", 4, "e"), "%s with a width");
	CHECK(same_as_libc(64, "%d %d %d %i", 0, -1, INT_MAX, INT_MIN), "%d and %i");
	CHECK(same_as_libc(64, "%u %u", 0u, UINT_MAX), "%u");
	CHECK(same_as_libc(64, "%ld %lu %lld %llu", LONG_MIN, ULONG_MAX, LLONG_MIN, ULLONG_MAX),
	      "the lengths l and ll");
	CHECK(same_as_libc(64, "%zu %hhu %hu %hhd %hd", (size_t)-1, 300, 70000, 200, 40000),
	      "the lengths z, hh and h");
	CHECK(same_as_libc(64, "%x %X %02x %08X", 255u, 0xabcdu, 7u, 0xdeadu), "%x and %X");
	CHECK(same_as_libc(64, "%5d|%-5d|%05d|%05d|%.3d|%-*d", 42, 42, 42, -42, 7, 3, 1),
	      "widths, flags and precisions of numbers");
	CHECK(same_as_libc(64, "%c%c%3c", 'a', 'b', 'c'), "%c");
	CHECK(same_as_libc(64, "100%% sure"), "%%");
}

static void test_cut_short(void)
{
	char text[8];

	CHECK(same_as_libc(5, "%s", "abcdefgh"), "cut short: the first size - 1 bytes and a NUL");
	CHECK(same_as_libc(1, "%d", 12345), "size 1: only the NUL");
	CHECK(same_as_libc(0, "%s", "abc"), "size 0: nothing written, the length returned");
	CHECK(same_as_libc(6, "ab%05dcd", -3), "cut in the middle of a number");
	CHECK(fmt_print(text, sizeof(text), "%s", "a text longer than 8") == 20,
	      "the whole text's length, as snprintf");
}

/* fmt_print without the compiler's check of the format */
static void print_unchecked(char *out, size_t size, const char *format, ...)
{
	va_list ap;

	va_start(ap, format);
	fmt_vprint(out, size, format, ap);
	va_end(ap);
}

static void test_unsupported(void)
{
	char text[32];

	print_unchecked(text, sizeof(text), "a %q b");
	CHECK_STR(text, "a %q b", "an unknown conversion is copied as it is");
	print_unchecked(text, sizeof(text), "ends with %");
	CHECK_STR(text, "ends with %", "a '%' at the end is copied");
}

static void test_ipv4(void)
{
	unsigned char address[4] = { 192, 168, 0, 255 };
	struct in_addr a = { .s_addr = htonl(0x0a000201) };
	char text[FMT_IPV4_MAX];

	CHECK_STR(fmt_ipv4(address, text), "192.168.0.255", "four bytes as a dotted quad");
	CHECK_STR(fmt_ipv4(&a, text), "10.0.2.1", "a struct in_addr, in network order");
	address[0] = address[1] = address[2] = 255;
	CHECK_STR(fmt_ipv4(address, text), "255.255.255.255", "the longest address fits");
}

int main(void)
{
	test_conversions();
	test_cut_short();
	test_unsupported();
	test_ipv4();
	return unit_done();
}
