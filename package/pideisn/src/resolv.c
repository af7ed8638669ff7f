// SPDX-License-Identifier: GPL-2.0-or-later
/* resolv.conf written atomically (see resolv.h) */
#include "resolv.h"
#include "fmt.h"
#include "log.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define RESOLV_FILE_MAX	2048

void resolv_add_server(struct resolv *r, struct in_addr server)
{
	unsigned i;

	if (!server.s_addr)
		return;
	for (i = 0; i < r->server_count; i++)
		if (r->server[i].s_addr == server.s_addr)
			return;
	if (r->server_count < RESOLV_MAX_SERVERS)
		r->server[r->server_count++] = server;
}

void resolv_add_search(struct resolv *r, const char *domain)
{
	unsigned i;

	if (!domain[0] || strlen(domain) > RESOLV_NAME_MAX)
		return;
	for (i = 0; i < r->search_count; i++)
		if (!strcmp(r->search[i], domain))
			return;
	if (r->search_count < RESOLV_MAX_SEARCH)
		strcpy(r->search[r->search_count++], domain);
}

/* the file's text; its length */
static size_t format(const struct resolv *r, char *text, size_t size)
{
	char address[INET_ADDRSTRLEN];
	size_t len;
	unsigned i;

	len = (size_t)fmt_print(text, size, "# written by pideisn\n");
	if (r->search_count) {
		len += (size_t)fmt_print(text + len, size - len, "search");
		for (i = 0; i < r->search_count; i++)
			len += (size_t)fmt_print(text + len, size - len, " %s", r->search[i]);
		len += (size_t)fmt_print(text + len, size - len, "\n");
	}
	for (i = 0; i < r->server_count; i++) {
		fmt_ipv4(&r->server[i], address);
		len += (size_t)fmt_print(text + len, size - len, "nameserver %s\n", address);
	}
	return len;
}

/* a regular file takes a small write whole, unless it is full */
static int write_file(int fd, const char *text, size_t len)
{
	ssize_t n = write(fd, text, len);

	if (n >= 0 && (size_t)n != len)
		errno = ENOSPC;
	return n >= 0 && (size_t)n == len ? 0 : -1;
}

int resolv_write(const struct resolv *r, const char *path)
{
	/* 6 names of 254 bytes and 3 servers fit: no truncation */
	char text[RESOLV_FILE_MAX], temporary[4096];
	size_t len = format(r, text, sizeof(text));
	int fd, failed;

	if ((size_t)fmt_print(temporary, sizeof(temporary), "%s.pideisn", path) >= sizeof(temporary)) {
		log_error("%s: the path is too long", path);
		return -1;
	}
	fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
	if (fd < 0) {
		log_error("%s: %s", temporary, strerror(errno));
		return -1;
	}
	failed = write_file(fd, text, len) || fsync(fd);
	if (close(fd))
		failed = 1;
	if (failed) {
		log_error("%s: %s", temporary, strerror(errno));
		unlink(temporary);
		return -1;
	}
	if (rename(temporary, path)) {
		log_error("renaming %s to %s: %s", temporary, path, strerror(errno));
		unlink(temporary);
		return -1;
	}
	return 0;
}
