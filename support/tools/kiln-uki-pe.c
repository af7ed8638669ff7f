// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Reading a PE32+ image (Microsoft's PE/COFF format) from a buffer that
 * may be hostile: every offset, size and sum is checked before use, and
 * nothing is allocated.
 */
#include "kiln-uki.h"

#include <stdarg.h>
#include <string.h>

#define DOS_LFANEW 0x3c
#define COFF_SIZE 20
#define COFF_SIZE_OF_OPTIONAL_HEADER 16
#define OPT_MAGIC_PE32PLUS 0x20b
#define OPT_SECTION_ALIGNMENT 32
#define OPT_FILE_ALIGNMENT 36
#define OPT_SIZE_OF_HEADERS 60
#define OPT_SUBSYSTEM 68
#define OPT_NUMBER_OF_RVA_AND_SIZES 108
#define OPT_DATA_DIRECTORIES 112
#define DIR_CERTIFICATES 4
#define FILE_ALIGNMENT_MAX 0x10000 /* the PE specification's limit */

uint16_t le16(const unsigned char *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

uint32_t le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

void put_le16(unsigned char *p, uint16_t v)
{
	p[0] = v & 0xff;
	p[1] = v >> 8;
}

void put_le32(unsigned char *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (v >> 8 * i) & 0xff;
}

int uki_error(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	return -1;
}

static int power_of_two(uint32_t v)
{
	return v && !(v & (v - 1));
}

const char *pe_machine_name(uint16_t machine)
{
	switch (machine) {
	case PE_MACHINE_X86_64:
		return "x86_64";
	case PE_MACHINE_AARCH64:
		return "aarch64";
	}
	return "unknown";
}

size_t pe_signature(const unsigned char *data, size_t len, char *err, size_t errlen)
{
	uint32_t lfanew;

	if (len < DOS_LFANEW + 4 || data[0] != 'M' || data[1] != 'Z') {
		uki_error(err, errlen, "not a PE image (no MZ header)");
		return 0;
	}
	lfanew = le32(data + DOS_LFANEW);
	if ((uint64_t)lfanew + 4 + COFF_SIZE > len) {
		uki_error(err, errlen,
			  "not a PE image (its PE header at 0x%x lies past the end, %zu bytes)",
			  lfanew, len);
		return 0;
	}
	if (memcmp(data + lfanew, "PE\0\0", 4)) {
		uki_error(err, errlen, "not a PE image (no PE signature at 0x%x)", lfanew);
		return 0;
	}
	return (size_t)lfanew + 4;
}

uint32_t pe_section_data_size(const struct pe_section *s)
{
	return s->virtual_size < s->raw_size ? s->virtual_size : s->raw_size;
}

const unsigned char *pe_section_data(const struct pe *pe, const struct pe_section *s)
{
	return s->raw_size ? pe->data + s->raw_offset : pe->data;
}

unsigned pe_header_room(const struct pe *pe)
{
	uint64_t table_end = pe->table_offset + (uint64_t)PE_SECTION_HEADER_SIZE * pe->nsections;
	uint64_t limit = pe->size_of_headers;

	for (unsigned i = 0; i < pe->nsections; i++)
		if (pe->sec[i].raw_size && pe->sec[i].raw_offset < limit)
			limit = pe->sec[i].raw_offset;
	return limit > table_end ? (unsigned)((limit - table_end) / PE_SECTION_HEADER_SIZE) : 0;
}

uint64_t pe_section_memory_end(const struct pe_section *s)
{
	return (uint64_t)s->virtual_address + (s->virtual_size ? s->virtual_size : s->raw_size);
}

static int parse_optional_header(struct pe *pe, char *err, size_t errlen)
{
	const unsigned char *coff = pe->data + pe->coff_offset;
	const unsigned char *opt;
	uint16_t opt_size = le16(coff + COFF_SIZE_OF_OPTIONAL_HEADER);
	uint32_t ndirs;

	pe->opt_offset = pe->coff_offset + COFF_SIZE;
	if (opt_size < OPT_DATA_DIRECTORIES || pe->opt_offset + opt_size > pe->len)
		return uki_error(err, errlen,
				 "its optional header (%u bytes) is too short for PE32+ "
				 "or lies past the end of the file",
				 opt_size);
	opt = pe->data + pe->opt_offset;
	if (le16(opt) != OPT_MAGIC_PE32PLUS)
		return uki_error(err, errlen,
				 "not a PE32+ image (optional header magic 0x%x, not 0x20b)",
				 le16(opt));
	ndirs = le32(opt + OPT_NUMBER_OF_RVA_AND_SIZES);
	if (ndirs > 16 || OPT_DATA_DIRECTORIES + 8 * ndirs > opt_size)
		return uki_error(err, errlen,
				 "its %u data directories do not fit in its optional header "
				 "(%u bytes)",
				 ndirs, opt_size);
	pe->section_alignment = le32(opt + OPT_SECTION_ALIGNMENT);
	pe->file_alignment = le32(opt + OPT_FILE_ALIGNMENT);
	if (!power_of_two(pe->section_alignment) || !power_of_two(pe->file_alignment) ||
	    pe->file_alignment > FILE_ALIGNMENT_MAX)
		return uki_error(err, errlen,
				 "its SectionAlignment (0x%x) and FileAlignment (0x%x) must be "
				 "powers of two, FileAlignment at most 64 KiB",
				 pe->section_alignment, pe->file_alignment);
	pe->size_of_image = le32(opt + OPT_SIZE_OF_IMAGE);
	pe->size_of_headers = le32(opt + OPT_SIZE_OF_HEADERS);
	pe->checksum = le32(opt + OPT_CHECKSUM);
	pe->subsystem = le16(opt + OPT_SUBSYSTEM);
	if (ndirs > DIR_CERTIFICATES) {
		pe->cert_offset = le32(opt + OPT_DATA_DIRECTORIES + 8 * DIR_CERTIFICATES);
		pe->cert_size = le32(opt + OPT_DATA_DIRECTORIES + 8 * DIR_CERTIFICATES + 4);
	}
	if ((uint64_t)pe->cert_offset + pe->cert_size > pe->len)
		return uki_error(err, errlen,
				 "its certificate table (0x%x bytes at 0x%x) lies past the end "
				 "of the file",
				 pe->cert_size, pe->cert_offset);
	pe->table_offset = pe->opt_offset + opt_size;
	return 0;
}

static void read_section(struct pe_section *s, const unsigned char *h)
{
	memcpy(s->name, h, 8);
	s->name[8] = 0;
	s->virtual_size = le32(h + 8);
	s->virtual_address = le32(h + 12);
	s->raw_size = le32(h + 16);
	s->raw_offset = le32(h + 20);
	s->characteristics = le32(h + 36);
}

static int check_section(const struct pe *pe, unsigned i, char *err, size_t errlen)
{
	const struct pe_section *s = &pe->sec[i];

	if (s->raw_size && (uint64_t)s->raw_offset + s->raw_size > pe->len)
		return uki_error(err, errlen,
				 "section %u (%s) lies past the end of the file (0x%x bytes at "
				 "0x%x, the file has 0x%zx): the file is truncated",
				 i, s->name, s->raw_size, s->raw_offset, pe->len);
	if (pe_section_memory_end(s) > UINT32_MAX)
		return uki_error(err, errlen, "section %u (%s) ends past 4 GiB in memory", i,
				 s->name);
	if (i && s->virtual_address < pe_section_memory_end(&pe->sec[i - 1]))
		return uki_error(err, errlen,
				 "section %u (%s) at 0x%x overlaps or comes before the end of "
				 "section %u in memory (0x%llx)",
				 i, s->name, s->virtual_address, i - 1,
				 (unsigned long long)pe_section_memory_end(&pe->sec[i - 1]));
	for (unsigned j = 0; j < i; j++) {
		const struct pe_section *t = &pe->sec[j];

		if (s->raw_size && t->raw_size &&
		    (uint64_t)s->raw_offset < (uint64_t)t->raw_offset + t->raw_size &&
		    (uint64_t)t->raw_offset < (uint64_t)s->raw_offset + s->raw_size)
			return uki_error(err, errlen,
					 "sections %u (%s) and %u (%s) overlap in the file", j,
					 t->name, i, s->name);
	}
	return 0;
}

static int parse_sections(struct pe *pe, char *err, size_t errlen)
{
	uint64_t table_end = pe->table_offset + (uint64_t)PE_SECTION_HEADER_SIZE * pe->nsections;

	if (table_end > pe->len)
		return uki_error(err, errlen,
				 "its section table (%u sections) lies past the end of the file",
				 pe->nsections);
	if (table_end > pe->size_of_headers)
		return uki_error(err, errlen,
				 "its section table ends at 0x%llx, past SizeOfHeaders (0x%x)",
				 (unsigned long long)table_end, pe->size_of_headers);
	for (unsigned i = 0; i < pe->nsections; i++) {
		read_section(&pe->sec[i], pe->data + pe->table_offset + PE_SECTION_HEADER_SIZE * i);
		if (check_section(pe, i, err, errlen))
			return -1;
		if (pe->sec[i].raw_size && pe->sec[i].raw_offset < table_end)
			return uki_error(err, errlen,
					 "section %u (%s) starts at 0x%x, inside the headers "
					 "(they end at 0x%llx)",
					 i, pe->sec[i].name, pe->sec[i].raw_offset,
					 (unsigned long long)table_end);
	}
	return 0;
}

int pe_parse(struct pe *pe, const unsigned char *data, size_t len, char *err, size_t errlen)
{
	memset(pe, 0, sizeof(*pe));
	pe->data = data;
	pe->len = len;
	pe->coff_offset = pe_signature(data, len, err, errlen);
	if (!pe->coff_offset)
		return -1;
	pe->machine = le16(data + pe->coff_offset);
	pe->nsections = le16(data + pe->coff_offset + COFF_NUMBER_OF_SECTIONS);
	if (!pe->nsections || pe->nsections > PE_MAX_SECTIONS)
		return uki_error(err, errlen, "it claims %u sections (a stub has 1 to %d)",
				 pe->nsections, PE_MAX_SECTIONS);
	if (parse_optional_header(pe, err, errlen))
		return -1;
	if (pe->size_of_headers > len)
		return uki_error(err, errlen,
				 "its SizeOfHeaders (0x%x) is past the end of the file (0x%zx)",
				 pe->size_of_headers, len);
	return parse_sections(pe, err, errlen);
}

/* A byte of the file, the CheckSum field's bytes read as 0. */
static uint32_t checksum_byte(const unsigned char *data, size_t i, size_t checksum_at)
{
	return i >= checksum_at && i - checksum_at < 4 ? 0 : data[i];
}

uint32_t pe_checksum(const unsigned char *data, size_t len, size_t checksum_at)
{
	uint64_t sum = 0;

	for (size_t i = 0; i < len; i += 2) {
		sum += checksum_byte(data, i, checksum_at);
		if (i + 1 < len)
			sum += checksum_byte(data, i + 1, checksum_at) << 8;
		sum = (sum & 0xffff) + (sum >> 16);
	}
	sum = (sum & 0xffff) + (sum >> 16);
	return (uint32_t)(sum + len);
}
