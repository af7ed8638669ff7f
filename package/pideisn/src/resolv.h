/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * resolv.conf, written whole and atomically (a temporary file beside it,
 * then rename): a reader sees the old file or the new one, never half.
 * /etc/resolv.conf is a link to /run/resolv.conf on Kiln's images.
 */
#ifndef PIDEISN_RESOLV_H
#define PIDEISN_RESOLV_H

#include <netinet/in.h>

#define RESOLV_PATH		"/run/resolv.conf"
#define RESOLV_MAX_SERVERS	3	/* what the C libraries read */
#define RESOLV_MAX_SEARCH	6
#define RESOLV_NAME_MAX		254

struct resolv {
	unsigned server_count, search_count;
	struct in_addr server[RESOLV_MAX_SERVERS];
	char search[RESOLV_MAX_SEARCH][RESOLV_NAME_MAX + 1];
};

/* Add a server or a search domain once; beyond the limits, dropped. */
void resolv_add_server(struct resolv *r, struct in_addr server);
void resolv_add_search(struct resolv *r, const char *domain);
/* Write r to path.  0, or -1 logged naming the file. */
int resolv_write(const struct resolv *r, const char *path);

#endif
