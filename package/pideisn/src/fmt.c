// SPDX-License-Identifier: GPL-2.0-or-later
/* pideisn's own snprintf, without floating point (see fmt.h) */
#include "fmt.h"

#include <errno.h>
#include <limits.h>
#include <string.h>
#include <unistd.h>

#define FMT_WRITE_MAX 1024

/* where the text goes: out holds what fits, len counts all of it */
struct sink {
	char *out;
	size_t size;
	size_t len;
};

/* one conversion's flags, width, precision (-1: none) and length */
struct spec {
	int left, zero;
	int width, precision;
	char length;	/* 'H' hh, 'h', 'l', 'L' ll, 'z', or 0 */
	char conversion;
};

static void put(struct sink *s, const char *text, size_t n)
{
	if (s->len + 1 < s->size) {
		size_t room = s->size - 1 - s->len;

		memcpy(s->out + s->len, text, n < room ? n : room);
	}
	s->len += n;
}

static void put_repeated(struct sink *s, char c, int count)
{
	while (count-- > 0)
		put(s, &c, 1);
}

/* text, then spaces to the width; or the spaces first */
static void put_field(struct sink *s, const struct spec *sp, const char *text, size_t n)
{
	int pad = sp->width > (int)n ? sp->width - (int)n : 0;

	if (!sp->left)
		put_repeated(s, ' ', pad);
	put(s, text, n);
	if (sp->left)
		put_repeated(s, ' ', pad);
}

static void put_number(struct sink *s, const struct spec *sp, unsigned long long value,
		       int negative)
{
	const char *digits = sp->conversion == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
	unsigned base = sp->conversion == 'x' || sp->conversion == 'X' ? 16 : 10;
	char text[24];
	int n = 0, zeros, spaces;

	do {
		text[sizeof(text) - 1 - n++] = digits[value % base];
		value /= base;
	} while (value);
	zeros = sp->precision > n ? sp->precision - n : 0;
	spaces = sp->width - n - zeros - negative;
	if (sp->zero && !sp->left && sp->precision < 0 && spaces > 0) {
		zeros += spaces;
		spaces = 0;
	}
	if (!sp->left)
		put_repeated(s, ' ', spaces);
	if (negative)
		put(s, "-", 1);
	put_repeated(s, '0', zeros);
	put(s, text + sizeof(text) - n, (size_t)n);
	if (sp->left)
		put_repeated(s, ' ', spaces);
}

static long long signed_argument(char length, va_list *ap)
{
	switch (length) {
	case 'l':
		return va_arg(*ap, long);
	case 'L':
		return va_arg(*ap, long long);
	case 'z':
		return (long long)va_arg(*ap, size_t);
	case 'h':
		return (short)va_arg(*ap, int);
	case 'H':
		return (signed char)va_arg(*ap, int);
	default:
		return va_arg(*ap, int);
	}
}

static unsigned long long unsigned_argument(char length, va_list *ap)
{
	switch (length) {
	case 'l':
		return va_arg(*ap, unsigned long);
	case 'L':
		return va_arg(*ap, unsigned long long);
	case 'z':
		return va_arg(*ap, size_t);
	case 'h':
		return (unsigned short)va_arg(*ap, unsigned);
	case 'H':
		return (unsigned char)va_arg(*ap, unsigned);
	default:
		return va_arg(*ap, unsigned);
	}
}

static void put_string(struct sink *s, const struct spec *sp, const char *text)
{
	if (!text)
		text = "(null)";
	put_field(s, sp, text, sp->precision < 0 ? strlen(text) :
		  strnlen(text, (size_t)sp->precision));
}

/* the conversion sp describes, with its argument */
static void convert(struct sink *s, const struct spec *sp, va_list *ap)
{
	long long value;
	char c;

	switch (sp->conversion) {
	case 'd':
	case 'i':
		value = signed_argument(sp->length, ap);
		put_number(s, sp, value < 0 ? 0ULL - (unsigned long long)value :
			   (unsigned long long)value, value < 0);
		break;
	case 'u':
	case 'x':
	case 'X':
		put_number(s, sp, unsigned_argument(sp->length, ap), 0);
		break;
	case 'c':
		c = (char)va_arg(*ap, int);
		put_field(s, sp, &c, 1);
		break;
	case 's':
		put_string(s, sp, va_arg(*ap, const char *));
		break;
	}
}

/* a width or precision: digits, or '*' and an int argument */
static int read_count(const char **f, va_list *ap)
{
	int n = 0;

	if (**f == '*') {
		(*f)++;
		return va_arg(*ap, int);
	}
	while (**f >= '0' && **f <= '9' && n < INT_MAX / 10)
		n = n * 10 + *(*f)++ - '0';
	return n;
}

static char read_length(const char **f)
{
	char c = **f;

	if (c != 'h' && c != 'l' && c != 'z')
		return 0;
	(*f)++;
	if (c != 'z' && **f == c) {
		(*f)++;
		return c == 'h' ? 'H' : 'L';
	}
	return c;
}

/* what follows a '%': its spec, and f moved past it */
static void read_spec(const char **f, struct spec *sp, va_list *ap)
{
	memset(sp, 0, sizeof(*sp));
	for (;; (*f)++) {
		if (**f == '-')
			sp->left = 1;
		else if (**f == '0')
			sp->zero = 1;
		else
			break;
	}
	sp->width = read_count(f, ap);
	if (sp->width < 0) {
		sp->left = 1;
		sp->width = -sp->width;
	}
	sp->precision = -1;
	if (**f == '.') {
		(*f)++;
		sp->precision = read_count(f, ap);
	}
	sp->length = read_length(f);
	sp->conversion = **f;
}

int fmt_vprint(char *out, size_t size, const char *format, va_list ap)
{
	struct sink s = { out, size, 0 };
	const char *f = format, *start;
	struct spec sp;
	va_list args;

	va_copy(args, ap);
	while (*f) {
		start = f;
		while (*f && *f != '%')
			f++;
		put(&s, start, (size_t)(f - start));
		if (!*f)
			break;
		start = f++;
		read_spec(&f, &sp, &args);
		if (sp.conversion == '%')
			put(&s, "%", 1);
		else if (sp.conversion && strchr("diuxXcs", sp.conversion))
			convert(&s, &sp, &args);
		else
			put(&s, start, (size_t)(f - start) + (*f != 0));
		if (*f)
			f++;
	}
	va_end(args);
	if (size > 0)
		out[s.len < size ? s.len : size - 1] = 0;
	return s.len > INT_MAX ? INT_MAX : (int)s.len;
}

int fmt_print(char *out, size_t size, const char *format, ...)
{
	va_list ap;
	int n;

	va_start(ap, format);
	n = fmt_vprint(out, size, format, ap);
	va_end(ap);
	return n;
}

void fmt_write_all(int fd, const char *text, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, text, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return;
		text += n;
		len -= (size_t)n;
	}
}

int fmt_write(int fd, const char *format, ...)
{
	char text[FMT_WRITE_MAX];
	va_list ap;
	int n;

	va_start(ap, format);
	n = fmt_vprint(text, sizeof(text), format, ap);
	va_end(ap);
	if (n >= (int)sizeof(text))
		n = sizeof(text) - 1;
	fmt_write_all(fd, text, (size_t)n);
	return n;
}

const char *fmt_ipv4(const void *address, char out[FMT_IPV4_MAX])
{
	const unsigned char *b = address;

	fmt_print(out, FMT_IPV4_MAX, "%u.%u.%u.%u", b[0], b[1], b[2], b[3]);
	return out;
}
