// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The values of service files that are more than a word: numbers with
 * units, and argument lists with simple quoting (no shell: no variables,
 * no globbing, no redirection).
 */
#include "service-values.h"

static int digit(char c)
{
	return c >= '0' && c <= '9';
}

/* leading digits into *v (at most limit); *end after them */
static int leading_number(const char *text, unsigned long long limit,
			  unsigned long long *v, const char **end)
{
	*v = 0;
	if (!digit(*text))
		return -1;
	for (; digit(*text); text++) {
		*v = *v * 10 + (unsigned long long)(*text - '0');
		if (*v > limit)
			return -1;
	}
	*end = text;
	return 0;
}

static int same(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

struct unit {
	const char *name;
	unsigned long long scale;
};

/* a number, then one of units (of count); at most limit once scaled */
static int scaled_number(const char *text, const struct unit *units, size_t count,
			 unsigned long long limit, unsigned long long *out)
{
	unsigned long long v;
	const char *unit;

	if (leading_number(text, limit, &v, &unit) < 0)
		return -1;
	for (size_t i = 0; i < count; i++) {
		if (same(unit, units[i].name)) {
			if (v > limit / units[i].scale)
				return -1;
			*out = v * units[i].scale;
			return 0;
		}
	}
	return -1;
}

int parse_duration_ms(const char *text, unsigned *ms)
{
	static const struct unit units[] = {
		{ "", 1000 }, { "ms", 1 }, { "s", 1000 }, { "m", 60000 }, { "h", 3600000 },
	};
	unsigned long long v;

	if (scaled_number(text, units, sizeof(units) / sizeof(units[0]), 86400000ull, &v) < 0)
		return -1;
	*ms = (unsigned)v;
	return 0;
}

int parse_size(const char *text, uint64_t *bytes)
{
	static const struct unit units[] = {
		{ "", 1 }, { "k", 1ull << 10 }, { "K", 1ull << 10 }, { "M", 1ull << 20 }, { "G", 1ull << 30 },
	};
	unsigned long long v;

	if (scaled_number(text, units, sizeof(units) / sizeof(units[0]), 1ull << 40, &v) < 0)
		return -1;
	*bytes = v;
	return 0;
}

int parse_number(const char *text, unsigned long min, unsigned long max,
		 unsigned long *out)
{
	unsigned long long v;
	const char *end;

	if (leading_number(text, max, &v, &end) < 0 || *end || v < min)
		return -1;
	*out = (unsigned long)v;
	return 0;
}

static int blank(char c)
{
	return c == ' ' || c == '\t';
}

int next_quoted_word(const char **at, char *out, size_t size, const char **why)
{
	const char *p = *at;
	size_t len = 0;
	char quote = 0;

	while (blank(*p))
		p++;
	if (!*p)
		return 0;
	for (; *p && (quote || !blank(*p)); p++) {
		char c = *p;
		if (quote == '\'' && c == '\'') {
			quote = 0;
			continue;
		}
		if (quote == '"' && c == '"') {
			quote = 0;
			continue;
		}
		if (!quote && (c == '\'' || c == '"')) {
			quote = c;
			continue;
		}
		if (c == '\\' && quote != '\'') {
			if (!p[1]) {
				*why = "a backslash ends the line";
				return -1;
			}
			if (!quote || p[1] == '"' || p[1] == '\\')
				c = *++p;
		}
		if (len + 1 >= size) {
			*why = "an argument is too long";
			return -1;
		}
		out[len++] = c;
	}
	if (quote) {
		*why = quote == '"' ? "a double quote is not closed" : "a single quote is not closed";
		return -1;
	}
	out[len] = '\0';
	*at = p;
	return 1;
}
