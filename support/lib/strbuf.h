/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A growable string: start from { 0 }, add to it, then take its text with
 * sb_str() (borrowed) or sb_detach() (yours to free, trimmed to its
 * length).  buf is always terminated once anything was added, even
 * nothing: sb_add(sb, "", 0).
 */
#ifndef KILN_LIB_STRBUF_H
#define KILN_LIB_STRBUF_H

#include <stddef.h>

struct strbuf {
	char *buf;
	size_t len, cap;
};

void sb_add(struct strbuf *sb, const char *s, size_t n);
void sb_adds(struct strbuf *sb, const char *s);
void sb_addc(struct strbuf *sb, char c);
void sb_addf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_reset(struct strbuf *sb);	/* empty again, keeping the memory */
const char *sb_str(const struct strbuf *sb);	/* never NULL */
char *sb_detach(struct strbuf *sb);	/* never NULL; sb is empty again */
void sb_free(struct strbuf *sb);

#endif
