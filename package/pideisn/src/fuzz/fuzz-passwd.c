// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Fuzz target of passwd.c: the input as /etc/passwd and as /etc/group,
 * each lookup's answer checked against the input's own lines.
 */
#include "../passwd.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define TEXT_MAX 8192
#define GROUPS_MAX 8

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char text[TEXT_MAX + 1];
	struct passwd_user pw, again;
	gid_t gid, groups[GROUPS_MAX];
	int n;

	if (size > TEXT_MAX)
		size = TEXT_MAX;
	memcpy(text, data, size);
	text[size] = '\0';
	if (passwd_by_uid(text, 0, &pw) == 0) {
		if (pw.uid != 0 || strchr(pw.name, ':') || strchr(pw.name, '\n'))
			abort();
		/* the name found by uid finds an entry (maybe an earlier one) */
		if (passwd_by_name(text, pw.name, &again) < 0)
			abort();
		n = passwd_user_groups(text, pw.name, pw.gid, groups, GROUPS_MAX);
		if (n == 0 || n > GROUPS_MAX || groups[0] != pw.gid)
			abort();
	}
	if (passwd_by_name(text, "root", &pw) == 0 && strcmp(pw.name, "root"))
		abort();
	passwd_group_by_name(text, "wheel", &gid);
	n = passwd_user_groups(text, "root", 0, groups, GROUPS_MAX);
	if (n == 0 || n > GROUPS_MAX)
		abort();
	return 0;
}
