/* SPDX-License-Identifier: GPL-2.0-or-later */
/* SHA-256 (FIPS 180-4), for content signatures. */
#ifndef KILN_SHA256_H
#define KILN_SHA256_H

#include <stddef.h>
#include <stdint.h>

struct sha256 {
	uint32_t state[8];
	uint64_t length;
	unsigned char block[64];
	size_t used;
};

void sha256_init(struct sha256 *ctx);
void sha256_update(struct sha256 *ctx, const void *data, size_t len);
/* Writes 64 lowercase hex digits and a NUL into hex. */
void sha256_hex(struct sha256 *ctx, char hex[65]);
void sha256_string(const void *data, size_t len, char hex[65]);
/* Returns 0, or -1 with errno set. */
int sha256_file(const char *path, char hex[65]);

#endif
