// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * kiln-uki --list: what a PE image holds, one "key value" line for the
 * headers, then one line per section, for shell scripts:
 *
 *   machine 0x8664 x86_64
 *   subsystem 10
 *   sections 9
 *   size-of-image 0x1a6000
 *   alignment 0x200 0x200            (SectionAlignment, FileAlignment)
 *   header-room 6                    (section headers that still fit)
 *   checksum 0x1b2c3d valid          (or: invalid, computed 0x...)
 *   section NAME VIRTUAL-ADDRESS VIRTUAL-SIZE RAW-OFFSET RAW-SIZE SHA256
 *
 * The sha256 is of the first min(VirtualSize, SizeOfRawData) bytes.
 */
#include "kiln-uki.h"
#include "sha256.h"

/* The name, with bytes that are not printable shown as '?'. */
static void print_name(const char *name, FILE *out)
{
	if (!*name)
		fputc('-', out);
	for (; *name; name++)
		fputc(*name > ' ' && *name < 0x7f ? *name : '?', out);
}

static void list_section(const struct pe *pe, const struct pe_section *s, FILE *out)
{
	char hex[65];

	sha256_string(pe_section_data(pe, s), pe_section_data_size(s), hex);
	fputs("section ", out);
	print_name(s->name, out);
	fprintf(out, " 0x%x 0x%x 0x%x 0x%x %s\n", s->virtual_address, s->virtual_size,
		s->raw_offset, s->raw_size, hex);
}

void pe_list(const struct pe *pe, FILE *out)
{
	uint32_t computed = pe_checksum(pe->data, pe->len, pe->opt_offset + OPT_CHECKSUM);

	fprintf(out, "machine 0x%x %s\n", pe->machine, pe_machine_name(pe->machine));
	fprintf(out, "subsystem %u\n", pe->subsystem);
	fprintf(out, "sections %u\n", pe->nsections);
	fprintf(out, "size-of-image 0x%x\n", pe->size_of_image);
	fprintf(out, "alignment 0x%x 0x%x\n", pe->section_alignment, pe->file_alignment);
	fprintf(out, "header-room %u\n", pe_header_room(pe));
	if (computed == pe->checksum)
		fprintf(out, "checksum 0x%x valid\n", pe->checksum);
	else
		fprintf(out, "checksum 0x%x invalid, computed 0x%x\n", pe->checksum, computed);
	for (unsigned i = 0; i < pe->nsections; i++)
		list_section(pe, &pe->sec[i], out);
}
