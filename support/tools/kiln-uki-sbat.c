// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * SBAT (shim's SBAT.md): the stub's own CSV, and the UKI's .sbat made of
 * it and the lines given with --sbat.
 */
#include "kiln-uki.h"
#include "util.h"

#include <string.h>

static const char sbat_first_line[] = "sbat,1,SBAT Version,";

int pe_find_section(const struct pe *pe, const char *name)
{
	for (unsigned i = 0; i < pe->nsections; i++)
		if (!strcmp(pe->sec[i].name, name))
			return (int)i;
	return -1;
}

const char *sbat_find(const struct pe *pe, size_t *len)
{
	int i = pe_find_section(pe, ".sbat");
	const unsigned char *start, *end, *nul;

	if (i >= 0) {
		start = pe_section_data(pe, &pe->sec[i]);
		end = start + pe_section_data_size(&pe->sec[i]);
	} else {
		start = memmem(pe->data, pe->len, sbat_first_line, sizeof(sbat_first_line) - 1);
		end = pe->data + pe->len;
	}
	if (!start)
		return NULL;
	nul = memchr(start, 0, (size_t)(end - start));
	*len = (size_t)((nul ? nul : end) - start);
	return *len ? (const char *)start : NULL;
}

static void add_lines(struct strbuf *sb, const char *text, size_t len)
{
	sb_add(sb, text, len);
	if (len && text[len - 1] != '\n')
		sb_addc(sb, '\n');
}

void sbat_plan(const struct pe *stub, const char *extra, size_t extra_len, struct sbat_plan *plan)
{
	struct strbuf sb = { 0 };
	size_t stub_len = 0;
	const char *stub_csv = sbat_find(stub, &stub_len);
	int has_section = pe_find_section(stub, ".sbat") >= 0;

	memset(plan, 0, sizeof(*plan));
	if (!stub_csv && !extra)
		return;
	if (has_section && !extra) {
		plan->action = SBAT_KEEP;
		return;
	}
	if (stub_csv)
		add_lines(&sb, stub_csv, stub_len);
	if (extra)
		add_lines(&sb, extra, extra_len);
	sb_addc(&sb, 0); /* the section ends with a NUL, as the stub's own */
	plan->len = sb.len;
	plan->text = sb_detach(&sb);
	plan->action = has_section ? SBAT_REWRITE : SBAT_APPEND;
}
