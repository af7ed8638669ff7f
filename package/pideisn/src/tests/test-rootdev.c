// SPDX-License-Identifier: GPL-2.0-or-later
/* The ext2/3/4 superblock reader of rootdev.c: label and UUID. */
#include "../rootdev.h"
#include "unit.h"

#include <string.h>

static void test_identity(void)
{
	static const unsigned char uuid[16] = {
		0x3f, 0x2a, 0x00, 0xff, 0x12, 0x34, 0xab, 0xcd,
		0x80, 0x01, 0xde, 0xad, 0xbe, 0xef, 0x00, 0x42,
	};
	unsigned char sb[1024];
	char label[17], text[37];

	memset(sb, 0, sizeof(sb));
	CHECK(ext_identity(sb, label, text) == -1, "no magic: not an ext file system");
	sb[56] = 0x53;
	sb[57] = 0xef;
	memcpy(sb + 104, uuid, 16);
	memcpy(sb + 120, "rootfs", 6);
	CHECK(ext_identity(sb, label, text) == 0, "the magic 0xef53: an ext file system");
	CHECK_STR(label, "rootfs", "the label");
	CHECK_STR(text, "3f2a00ff-1234-abcd-8001-deadbeef0042", "the UUID, 8-4-4-4-12, lower case");
	memset(sb + 120, 'x', 16);
	ext_identity(sb, label, text);
	CHECK(strlen(label) == 16, "a label of the full 16 bytes ends there");
}

int main(void)
{
	test_identity();
	return unit_done();
}
