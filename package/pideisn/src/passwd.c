// SPDX-License-Identifier: GPL-2.0-or-later
/* /etc/passwd and /etc/group, without libc's getpw* and getgr* (see passwd.h) */
#include "passwd.h"
#include "readfile.h"

#include <errno.h>
#include <string.h>

#define FIELDS_MAX 7

/* one line's fields, split at ':' (the last one runs to the line's end) */
struct fields {
	const char *start[FIELDS_MAX];
	size_t len[FIELDS_MAX];
	int count;
};

/* the fields of the line at text; returns the next line's start */
static const char *split_line(const char *text, struct fields *f)
{
	const char *end = text + strcspn(text, "\n");
	const char *p = text;

	f->count = 0;
	while (f->count < FIELDS_MAX) {
		const char *colon = memchr(p, ':', (size_t)(end - p));

		f->start[f->count] = p;
		f->len[f->count] = (size_t)((colon ? colon : end) - p);
		f->count++;
		if (!colon)
			break;
		p = colon + 1;
	}
	return *end ? end + 1 : end;
}

/* a uid or gid: decimal digits only, at most 2^32 - 1 */
static int id_of(const char *text, size_t len, unsigned *out)
{
	unsigned long long n = 0;
	size_t i;

	if (len == 0 || len > 10)
		return -1;
	for (i = 0; i < len; i++) {
		if (text[i] < '0' || text[i] > '9')
			return -1;
		n = n * 10 + (unsigned)(text[i] - '0');
	}
	if (n > 0xffffffffULL)
		return -1;
	*out = (unsigned)n;
	return 0;
}

static int same_name(const struct fields *f, int i, const char *name)
{
	return f->len[i] == strlen(name) && !memcmp(f->start[i], name, f->len[i]);
}

/* a well-formed passwd line into out */
static int user_of(const struct fields *f, struct passwd_user *out)
{
	unsigned uid, gid;

	if (f->count < 7 || f->len[0] >= sizeof(out->name) ||
	    id_of(f->start[2], f->len[2], &uid) || id_of(f->start[3], f->len[3], &gid))
		return -1;
	memcpy(out->name, f->start[0], f->len[0]);
	out->name[f->len[0]] = '\0';
	out->uid = (uid_t)uid;
	out->gid = (gid_t)gid;
	return 0;
}

int passwd_by_name(const char *passwd, const char *name, struct passwd_user *out)
{
	struct fields f;

	while (*passwd) {
		passwd = split_line(passwd, &f);
		if (same_name(&f, 0, name) && user_of(&f, out) == 0)
			return 0;
	}
	return -1;
}

int passwd_by_uid(const char *passwd, uid_t uid, struct passwd_user *out)
{
	struct fields f;

	while (*passwd) {
		passwd = split_line(passwd, &f);
		if (user_of(&f, out) == 0 && out->uid == uid)
			return 0;
	}
	return -1;
}

int passwd_group_by_name(const char *group, const char *name, gid_t *gid)
{
	struct fields f;
	unsigned n;

	while (*group) {
		group = split_line(group, &f);
		if (f.count >= 4 && same_name(&f, 0, name) && id_of(f.start[2], f.len[2], &n) == 0) {
			*gid = (gid_t)n;
			return 0;
		}
	}
	return -1;
}

/* whether the comma-separated list of len bytes at members names user */
static int is_member(const char *members, size_t len, const char *user)
{
	size_t user_len = strlen(user), i = 0, end;

	while (i < len) {
		const char *comma = memchr(members + i, ',', len - i);

		end = comma ? (size_t)(comma - members) : len;
		if (end - i == user_len && !memcmp(members + i, user, user_len))
			return 1;
		i = end + 1;
	}
	return 0;
}

int passwd_user_groups(const char *group, const char *user, gid_t primary, gid_t *groups,
		       int max)
{
	struct fields f;
	int count = 0;
	unsigned n;

	if (count < max)
		groups[count] = primary;
	count++;
	while (*group) {
		group = split_line(group, &f);
		if (f.count < 4 || id_of(f.start[2], f.len[2], &n) ||
		    !is_member(f.start[3], f.len[3], user))
			continue;
		if (count < max)
			groups[count] = (gid_t)n;
		count++;
	}
	return count > max ? -1 : count;
}

int passwd_read_file(const char *path, char *text, size_t size)
{
	if (read_file(path, text, size) >= 0)
		return 0;
	return errno == ENOENT || errno == ENOTDIR ? 1 : -1;
}
