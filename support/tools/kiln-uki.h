/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Shared parts of kiln-uki (see kiln-uki.c). */
#ifndef KILN_UKI_H
#define KILN_UKI_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define PE_MACHINE_X86_64 0x8664
#define PE_MACHINE_AARCH64 0xaa64
#define PE_SUBSYSTEM_EFI_APPLICATION 10
#define PE_MAX_SECTIONS 96
#define PE_SECTION_HEADER_SIZE 40
/* initialized data, readable */
#define PE_SECTION_DATA 0x40000040u

/* ---- reading and checking a PE32+ image (kiln-uki-pe.c) ---------------- */

struct pe_section {
	char name[9];		/* the 8 bytes of the header, NUL-terminated */
	uint32_t virtual_size, virtual_address;
	uint32_t raw_size, raw_offset;
	uint32_t characteristics;
};

/*
 * A parsed image: the offsets of the header fields kiln-uki rewrites, and
 * a copy of the section table.  Every section lies inside the file.
 */
struct pe {
	const unsigned char *data;
	size_t len;
	uint16_t machine, subsystem;
	uint32_t section_alignment, file_alignment;
	uint32_t size_of_image, size_of_headers, checksum;
	uint32_t cert_offset, cert_size;	/* data directory 4, 0 when absent */
	size_t coff_offset;		/* of the COFF file header, after "PE\0\0" */
	size_t opt_offset;		/* of the optional header */
	size_t table_offset;		/* of the section table */
	unsigned nsections;
	struct pe_section sec[PE_MAX_SECTIONS];
};

/* Field offsets inside the COFF header and the PE32+ optional header. */
#define COFF_NUMBER_OF_SECTIONS 2
#define COFF_POINTER_TO_SYMBOL_TABLE 8
#define COFF_NUMBER_OF_SYMBOLS 12
#define OPT_SIZE_OF_INITIALIZED_DATA 8
#define OPT_SIZE_OF_IMAGE 56
#define OPT_CHECKSUM 64

/* Writes the message into err (errlen bytes) and returns -1. */
__attribute__((format(printf, 3, 4)))
int uki_error(char *err, size_t errlen, const char *fmt, ...);

uint16_t le16(const unsigned char *p);
uint32_t le32(const unsigned char *p);
void put_le16(unsigned char *p, uint16_t v);
void put_le32(unsigned char *p, uint32_t v);

/*
 * The offset of the COFF header of a PE file (after "MZ", e_lfanew and
 * "PE\0\0"), or 0 with a message in err.
 */
size_t pe_signature(const unsigned char *data, size_t len, char *err, size_t errlen);
/*
 * Parses and checks the headers and sections of a PE32+ image: 0, or -1
 * with the reason (and what to do) in err.  Nothing is allocated.
 */
int pe_parse(struct pe *pe, const unsigned char *data, size_t len, char *err, size_t errlen);
/* The bytes of a section's contents that the file holds. */
uint32_t pe_section_data_size(const struct pe_section *s);
/* Its first byte in the file (its size is pe_section_data_size). */
const unsigned char *pe_section_data(const struct pe *pe, const struct pe_section *s);
/*
 * How many more section headers fit after the table, before SizeOfHeaders
 * and the first section's data.
 */
unsigned pe_header_room(const struct pe *pe);
/* Where a section ends in memory (its VirtualSize, or raw size when 0). */
uint64_t pe_section_memory_end(const struct pe_section *s);
/* The PE checksum of data, its CheckSum field (at checksum_at) counted as 0. */
uint32_t pe_checksum(const unsigned char *data, size_t len, size_t checksum_at);
const char *pe_machine_name(uint16_t machine);

/* ---- the kernel (kiln-uki-kernel.c) ------------------------------------ */

/* NULL when kernel is an EFI-stub kernel for machine, else the reason. */
const char *kernel_check(const unsigned char *data, size_t len, uint16_t machine,
			 char *err, size_t errlen);
/* The kernel's release (to free), or NULL when it cannot be found. */
char *kernel_release(const unsigned char *data, size_t len);

/* ---- SBAT (kiln-uki-sbat.c) -------------------------------------------- */

/*
 * The stub's SBAT CSV: its .sbat section's contents up to the first NUL,
 * else the text in the file starting with the mandatory first line.  Sets
 * *len; NULL when there is none.  Points into the image.
 */
const char *sbat_find(const struct pe *pe, size_t *len);
/* The index of the section called name, or -1. */
int pe_find_section(const struct pe *pe, const char *name);

struct sbat_plan {
	enum { SBAT_NONE, SBAT_KEEP, SBAT_REWRITE, SBAT_APPEND } action;
	char *text;		/* the .sbat contents (NUL-terminated CSV) to write */
	size_t len;
};

/*
 * What the UKI's .sbat is: none (no SBAT text anywhere), the stub's own
 * section kept, or the stub's CSV followed by extra (when not NULL),
 * rewritten into the stub's .sbat section or appended as a new one.
 */
void sbat_plan(const struct pe *stub, const char *extra, size_t extra_len,
	       struct sbat_plan *plan);

/* ---- assembling (kiln-uki-layout.c) ------------------------------------ */

struct uki_part {
	const char *name;	/* ".linux", ... */
	const unsigned char *data;
	size_t len;
};

struct uki_output {
	unsigned char *data;
	size_t len;
};

/*
 * The stub (without what its file holds after its last section) with
 * parts appended as new sections, in the order given, and (when
 * sbat_rewrite) its .sbat section replaced by sbat_rewrite: 0, or -1 with
 * the reason in err.
 */
int uki_layout(const struct pe *stub, const struct uki_part *parts, unsigned nparts,
	       const struct uki_part *sbat_rewrite, struct uki_output *out,
	       char *err, size_t errlen);

/* ---- --list (kiln-uki-list.c) ------------------------------------------ */

void pe_list(const struct pe *pe, FILE *out);

#endif
