// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Domain names in the wire format of RFC 1035, section 3.1, with the
 * compression of section 4.1.4, as option 119 (RFC 3397) carries a
 * domain search list.  A pointer must point before the label that holds
 * it, so every name ends: no loop, however the bytes are made.
 */
#include "dhcp.h"

#include <string.h>

#define LABEL_MAX	63
#define POINTER_MASK	0xc0

static int name_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '-' || c == '_';
}

/* letters, digits, '-', '_' in labels of 1..63, joined by single dots */
int dhcp_name_valid(const char *name, size_t len)
{
	size_t label = 0;

	if (len == 0 || len > DHCP_NAME_MAX)
		return 0;
	for (size_t i = 0; i < len; i++) {
		if (name[i] == '.') {
			if (label == 0)
				return 0;
			label = 0;
		} else if (name_char((unsigned char)name[i]) && label < LABEL_MAX) {
			label++;
		} else {
			return 0;
		}
	}
	return label > 0;
}

/*
 * One name starting at *pos: dotted into out (DHCP_NAME_MAX + 1 bytes);
 * *pos moves past it (past its first pointer, when it has one).
 */
static int decode_name(const uint8_t *data, size_t len, size_t *pos, char *out)
{
	size_t at = *pos, out_len = 0, limit = *pos;
	int jumped = 0;

	for (;;) {
		if (at >= len)
			return -1;
		uint8_t byte = data[at];
		if ((byte & POINTER_MASK) == POINTER_MASK) {
			if (at + 1 >= len)
				return -1;
			size_t target = (size_t)(byte & ~POINTER_MASK) << 8 | data[at + 1];
			if (target >= limit)
				return -1;	/* forward or to itself: a loop */
			if (!jumped)
				*pos = at + 2;
			jumped = 1;
			at = limit = target;
			continue;
		}
		if (byte & POINTER_MASK)
			return -1;	/* 0x40 and 0x80: reserved label types */
		if (byte == 0)
			break;
		if (at + 1 + byte > len || out_len + 1 + byte > DHCP_NAME_MAX)
			return -1;
		if (out_len)
			out[out_len++] = '.';
		memcpy(out + out_len, data + at + 1, byte);
		out_len += byte;
		at += 1 + (size_t)byte;
	}
	if (!jumped)
		*pos = at + 1;
	out[out_len] = '\0';
	return dhcp_name_valid(out, out_len) ? 0 : -1;
}

int dhcp_names_decode(const uint8_t *data, size_t len,
		      char names[][DHCP_NAME_MAX + 1], unsigned max,
		      unsigned *count)
{
	size_t pos = 0;

	*count = 0;
	if (len == 0)
		return -1;
	while (pos < len) {
		if (*count == max)
			return -1;
		if (decode_name(data, len, &pos, names[*count]) < 0)
			return -1;
		(*count)++;
	}
	return 0;
}

struct suffix {
	const char *text;
	size_t offset;
};

#define SUFFIX_MAX	(DHCP_MAX_SEARCH * (DHCP_NAME_MAX / 2 + 1))

static const struct suffix *find_suffix(const struct suffix *table, unsigned n,
					const char *text)
{
	for (unsigned i = 0; i < n; i++)
		if (strcmp(table[i].text, text) == 0)
			return &table[i];
	return NULL;
}

long dhcp_names_encode(const char (*names)[DHCP_NAME_MAX + 1], unsigned count,
		       uint8_t *out, size_t size)
{
	struct suffix table[SUFFIX_MAX];
	unsigned suffixes = 0;
	size_t pos = 0;

	for (unsigned n = 0; n < count; n++) {
		const char *label = names[n];

		if (!dhcp_name_valid(label, strlen(label)))
			return -1;
		for (;;) {
			const struct suffix *seen = find_suffix(table, suffixes, label);
			if (seen) {
				if (pos + 2 > size)
					return -1;
				out[pos++] = (uint8_t)(POINTER_MASK | seen->offset >> 8);
				out[pos++] = (uint8_t)seen->offset;
				break;
			}
			size_t label_len = strcspn(label, ".");
			if (pos + 1 + label_len + 1 > size)
				return -1;
			if (pos < 0x3fff && suffixes < SUFFIX_MAX)
				table[suffixes++] = (struct suffix){ label, pos };
			out[pos++] = (uint8_t)label_len;
			memcpy(out + pos, label, label_len);
			pos += label_len;
			if (label[label_len] == '\0') {
				out[pos++] = 0;
				break;
			}
			label += label_len + 1;
		}
	}
	return (long)pos;
}
