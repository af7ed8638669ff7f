// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * kiln-rootfs: applies Buildroot's users tables and device tables to a
 * target folder, as an ordinary user.
 *
 *   kiln-rootfs users --target DIR --perms-out FILE [--salt-seed STR] TABLE...
 *   kiln-rootfs devices --target DIR TABLE...
 *   kiln-rootfs password --target DIR --user NAME (--plain PW | --hash HASH
 *                        | --empty) [--locked] [--salt-seed STR]
 *
 * `users` edits DIR/etc/passwd, group, shadow (and gshadow when there is
 * one), makes home folders, and appends device table lines for their
 * owners to FILE.  `devices` makes folders, nodes and fifos and sets
 * modes and owners: run it under fakeroot, which records what a real root
 * would have done.  Names of users and groups are those of DIR/etc, never
 * the host's.  The formats are described in docs/system.md.
 *
 * Files: kiln-rootfs-users.c, -devices.c, -password.c (the subcommands),
 * -table.c (reading the tables), -db.c (account files), -root.c (paths
 * that cannot leave DIR).
 */
#include "kiln-rootfs.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(void)
{
	fprintf(stderr,
		"usage: kiln-rootfs users --target DIR --perms-out FILE [--salt-seed STR] TABLE...\n"
		"       kiln-rootfs devices --target DIR TABLE...\n"
		"       kiln-rootfs password --target DIR --user NAME\n"
		"           (--plain PW | --hash HASH | --empty) [--locked] [--salt-seed STR]\n"
		"Applies users tables and device tables (Buildroot's formats, see\n"
		"docs/system.md) to the target folder DIR; run `devices` under fakeroot.\n");
	exit(2);
}

int main(int argc, char **argv)
{
	program_name = "kiln-rootfs";
	if (argc < 2)
		usage();
	if (!strcmp(argv[1], "users"))
		return users_main(argc - 1, argv + 1);
	if (!strcmp(argv[1], "devices"))
		return devices_main(argc - 1, argv + 1);
	if (!strcmp(argv[1], "password"))
		return password_main(argc - 1, argv + 1);
	usage();
}
