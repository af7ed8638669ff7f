// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Placing the UKI's sections after the stub's (and after its SizeOfImage)
 * at page-aligned addresses, and in the file right after the stub's last
 * section at offsets aligned to FileAlignment; then the headers updated
 * and the checksum computed.
 *
 * What a stub file holds after its last section is left out: no loader
 * reads it (Debian's x86_64 stub has its COFF symbol table there, the
 * arm64 one a copy of its SBAT text), and a gap between sections makes
 * Authenticode digests differ between tools (sbsign skips gaps,
 * osslsigncode does not), so that a signed UKI may not verify.
 */
#include "kiln-uki.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

#define PAGE_SIZE 4096u

struct placement {
	uint64_t virtual_address, raw_offset, raw_size;
};

static uint64_t align_up(uint64_t v, uint32_t alignment)
{
	return (v + alignment - 1) & ~(uint64_t)(alignment - 1);
}

static int check_header_room(const struct pe *stub, unsigned nparts, char *err, size_t errlen)
{
	unsigned room = pe_header_room(stub);

	if (nparts > room || stub->nsections + nparts > PE_MAX_SECTIONS)
		return uki_error(err, errlen,
				 "no room for %u more section headers (there is room for %u before "
				 "SizeOfHeaders, 0x%x, and the first section's data): the data is "
				 "not moved, use a stub with room in its headers",
				 nparts, room, stub->size_of_headers);
	return 0;
}

/* The room for new contents in the stub's .sbat section (number k). */
static uint64_t sbat_memory_room(const struct pe *stub, unsigned k)
{
	if (k + 1 == stub->nsections)
		return UINT32_MAX;
	return stub->sec[k + 1].virtual_address - stub->sec[k].virtual_address;
}

static int check_sbat_room(const struct pe *stub, const struct uki_part *sbat, char *err,
			   size_t errlen)
{
	int k = pe_find_section(stub, ".sbat");

	if (k < 0)
		return uki_error(err, errlen, "no .sbat section to rewrite");
	if (sbat->len > stub->sec[k].raw_size || sbat->len > sbat_memory_room(stub, (unsigned)k))
		return uki_error(err, errlen,
				 "the merged SBAT text (%zu bytes) does not fit in the "
				 "stub's .sbat section (%u bytes in the file, %llu before the next "
				 "section in memory): shorten the --sbat lines",
				 sbat->len, stub->sec[k].raw_size,
				 (unsigned long long)sbat_memory_room(stub, (unsigned)k));
	return 0;
}

/* Where the stub's headers and sections end in the file. */
static uint64_t stub_file_end(const struct pe *stub)
{
	uint64_t end = stub->size_of_headers;

	for (unsigned i = 0; i < stub->nsections; i++)
		if (stub->sec[i].raw_size &&
		    (uint64_t)stub->sec[i].raw_offset + stub->sec[i].raw_size > end)
			end = (uint64_t)stub->sec[i].raw_offset + stub->sec[i].raw_size;
	return end;
}

/* Where the stub's sections end in memory, with .sbat's new size. */
static uint64_t stub_memory_end(const struct pe *stub, const struct uki_part *sbat)
{
	uint64_t end = 0;

	for (unsigned i = 0; i < stub->nsections; i++) {
		uint64_t e = pe_section_memory_end(&stub->sec[i]);

		if (sbat && !strcmp(stub->sec[i].name, ".sbat") &&
		    stub->sec[i].virtual_address + (uint64_t)sbat->len > e)
			e = stub->sec[i].virtual_address + (uint64_t)sbat->len;
		if (e > end)
			end = e;
	}
	return end;
}

static int place(const struct pe *stub, const struct uki_part *parts, unsigned nparts,
		 const struct uki_part *sbat, struct placement *at, uint64_t *file_end, char *err,
		 size_t errlen)
{
	uint32_t page = stub->section_alignment > PAGE_SIZE ? stub->section_alignment : PAGE_SIZE;
	uint64_t va = stub_memory_end(stub, sbat), offset = stub_file_end(stub);

	if (va < stub->size_of_image) /* memory the stub claims beyond its sections */
		va = stub->size_of_image;

	for (unsigned i = 0; i < nparts; i++) {
		at[i].virtual_address = align_up(va, page);
		at[i].raw_offset = align_up(offset, stub->file_alignment);
		at[i].raw_size = align_up(parts[i].len, stub->file_alignment);
		va = at[i].virtual_address + parts[i].len;
		offset = at[i].raw_offset + at[i].raw_size;
		if (va > UINT32_MAX || offset > UINT32_MAX)
			return uki_error(err, errlen, "the UKI would be larger than 4 GiB (at %s)",
					 parts[i].name);
	}
	*file_end = offset;
	return 0;
}

static void write_section_header(unsigned char *h, const struct uki_part *part,
				 const struct placement *at)
{
	memset(h, 0, PE_SECTION_HEADER_SIZE);
	memcpy(h, part->name, strnlen(part->name, 8));
	put_le32(h + 8, (uint32_t)part->len);
	put_le32(h + 12, (uint32_t)at->virtual_address);
	put_le32(h + 16, (uint32_t)at->raw_size);
	put_le32(h + 20, (uint32_t)at->raw_offset);
	put_le32(h + 36, PE_SECTION_DATA);
}

/* A COFF symbol table after the stub's sections is left out: forget it. */
static void drop_symbol_table(const struct pe *stub, unsigned char *data)
{
	unsigned char *coff = data + stub->coff_offset;

	if (le32(coff + COFF_POINTER_TO_SYMBOL_TABLE) >= stub_file_end(stub)) {
		put_le32(coff + COFF_POINTER_TO_SYMBOL_TABLE, 0);
		put_le32(coff + COFF_NUMBER_OF_SYMBOLS, 0);
	}
}

static void rewrite_sbat(const struct pe *stub, unsigned char *data, const struct uki_part *sbat)
{
	unsigned k = (unsigned)pe_find_section(stub, ".sbat");
	const struct pe_section *s = &stub->sec[k];

	memset(data + s->raw_offset, 0, s->raw_size);
	memcpy(data + s->raw_offset, sbat->data, sbat->len);
	put_le32(data + stub->table_offset + PE_SECTION_HEADER_SIZE * k + 8, (uint32_t)sbat->len);
}

static int update_headers(const struct pe *stub, unsigned char *data, size_t len, unsigned nparts,
			  const struct placement *at, uint64_t memory_end, char *err, size_t errlen)
{
	unsigned char *opt = data + stub->opt_offset;
	uint64_t initialized = le32(opt + OPT_SIZE_OF_INITIALIZED_DATA);

	for (unsigned i = 0; i < nparts; i++)
		initialized += at[i].raw_size;
	if (initialized > UINT32_MAX || align_up(memory_end, stub->section_alignment) > UINT32_MAX)
		return uki_error(err, errlen, "the UKI would be larger than 4 GiB");
	put_le16(data + stub->coff_offset + COFF_NUMBER_OF_SECTIONS,
		 (uint16_t)(stub->nsections + nparts));
	put_le32(opt + OPT_SIZE_OF_INITIALIZED_DATA, (uint32_t)initialized);
	put_le32(opt + OPT_SIZE_OF_IMAGE, (uint32_t)align_up(memory_end, stub->section_alignment));
	put_le32(opt + OPT_CHECKSUM, pe_checksum(data, len, stub->opt_offset + OPT_CHECKSUM));
	return 0;
}

int uki_layout(const struct pe *stub, const struct uki_part *parts, unsigned nparts,
	       const struct uki_part *sbat_rewrite, struct uki_output *out, char *err,
	       size_t errlen)
{
	struct placement at[PE_MAX_SECTIONS];
	uint64_t file_end = 0, memory_end;
	unsigned char *data;

	if (stub->cert_size)
		return uki_error(err, errlen, "the stub is signed: sign the UKI, not the stub");
	if (check_header_room(stub, nparts, err, errlen) ||
	    (sbat_rewrite && check_sbat_room(stub, sbat_rewrite, err, errlen)) ||
	    place(stub, parts, nparts, sbat_rewrite, at, &file_end, err, errlen))
		return -1;
	memory_end = nparts ? at[nparts - 1].virtual_address + parts[nparts - 1].len
			    : stub_memory_end(stub, sbat_rewrite);
	data = xcalloc(1, file_end ? file_end : 1);
	memcpy(data, stub->data, stub_file_end(stub));
	drop_symbol_table(stub, data);
	for (unsigned i = 0; i < nparts; i++) {
		unsigned char *header = data + stub->table_offset +
					PE_SECTION_HEADER_SIZE * (stub->nsections + i);

		if (parts[i].len)
			memcpy(data + at[i].raw_offset, parts[i].data, parts[i].len);
		write_section_header(header, &parts[i], &at[i]);
	}
	if (sbat_rewrite)
		rewrite_sbat(stub, data, sbat_rewrite);
	if (update_headers(stub, data, file_end, nparts, at, memory_end, err, errlen)) {
		free(data);
		return -1;
	}
	out->data = data;
	out->len = file_end;
	return 0;
}
