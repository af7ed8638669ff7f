// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * kiln-rootfs devices: Buildroot's device tables (docs/system.md).
 *
 * Lines are applied in order.  Owners and device nodes need root, so this
 * runs under fakeroot, which records them (fakeroot -s STATE) for the
 * image step (fakeroot -i STATE).  Owner names are looked up in the
 * target's etc/passwd and etc/group, never the host's.
 */
#include "kiln-rootfs.h"
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#define UNSET (-1L)		/* a '-' field */

struct device_line {
	const char *file;
	int line;
	char *name;
	char type;
	long mode;		/* -1: leave the mode alone (f, F, r) */
	long uid, gid;
	long major, minor, start, inc, count;
};

static struct db passwd, group;
static int accounts_loaded;

/* ---- reading a line ---------------------------------------------------- */

static long owner_id(const struct device_line *d, const char *text, int is_group)
{
	struct db *db = is_group ? &group : &passwd;
	const struct db_line *line;
	long id;

	if (!parse_number(text, 10, &id) && id >= 0)
		return id;
	if (!accounts_loaded) {
		db_load(&passwd, "passwd");
		db_load(&group, "group");
		accounts_loaded = 1;
	}
	line = db_find(db, text);
	if (!line || parse_number(db_field(line, 2), 10, &id) || id < 0)
		die_at(d->file, d->line, "no %s '%s' in %s/etc/%s; give a number, or add it with a users table "
		       "applied before the device tables", is_group ? "group" : "user", text, root_name(),
		       db->name);
	return id;
}

static long optional_number(const struct device_line *d, const char *what, const char *text)
{
	long v;

	if (!strcmp(text, "-"))
		return UNSET;
	if (parse_number(text, 10, &v) || v < 0)
		die_at(d->file, d->line, "bad %s '%s': give a number from 0 up, or '-'", what, text);
	return v;
}

static void parse_mode(struct device_line *d, const char *text)
{
	if (!strcmp(text, "-1")) {
		if (!strchr("fFr", d->type))
			die_at(d->file, d->line, "mode -1 (keep the mode) is for types f, F and r only; "
			       "give an octal mode such as 755");
		d->mode = -1;
	} else if (parse_number(text, 8, &d->mode) || d->mode < 0 || d->mode > 07777) {
		die_at(d->file, d->line, "bad mode '%s': give it in octal, such as 755 or 0644", text);
	}
}

static void parse_type(struct device_line *d, const char *text)
{
	if (strlen(text) != 1 || !strchr("fFdrcbp", *text))
		die_at(d->file, d->line, "unknown type '%s': use f (file), F (file, if there), d (folder), "
		       "r (folder and all below), c or b (character or block device), p (fifo)", text);
	d->type = *text;
}

static void parse_numbers(struct device_line *d, char **w)
{
	d->major = optional_number(d, "major", w[5]);
	d->minor = optional_number(d, "minor", w[6]);
	d->start = optional_number(d, "start", w[7]);
	d->inc = optional_number(d, "inc", w[8]);
	d->count = optional_number(d, "count", w[9]);
	if (strchr("cb", d->type) && (d->major == UNSET || d->minor == UNSET))
		die_at(d->file, d->line, "a device node needs a major and a minor number");
	if (d->count > 0 && !strchr("cb", d->type))
		die_at(d->file, d->line, "start/inc/count make series of devices; for type %c write '-'", d->type);
}

static void parse_device_line(struct device_line *d, char *text)
{
	char *w[11];
	int n = split_blanks(text, w, 11);

	if (n != 10)
		die_at(d->file, d->line, "%d fields where a device table line needs 10: "
		       "name type mode uid gid major minor start inc count ('-' for none)", n);
	if (root_path_ok(w[0]))
		die_at(d->file, d->line, "'%s' has a '..' in it; name paths from the target's root, such as /dev/null",
		       w[0]);
	d->name = w[0];
	parse_type(d, w[1]);
	parse_mode(d, w[2]);
	d->uid = owner_id(d, w[3], 0);
	d->gid = owner_id(d, w[4], 1);
	parse_numbers(d, w);
}

/* ---- applying it ------------------------------------------------------- */

static const char *hint(void)
{
	return errno == EPERM ? " (run kiln-rootfs devices under fakeroot)" : "";
}

/* Owner, then mode: a real chown would clear set-id bits set before it. */
static void set_owner_mode(const struct device_line *d, int dir, const char *leaf, long mode)
{
	const char *name = *leaf ? leaf : ".";

	if (fchownat(dir, name, (uid_t)d->uid, (gid_t)d->gid, AT_SYMLINK_NOFOLLOW))
		die("%s:%d: cannot change the owner of %s: %s%s", d->file, d->line, d->name,
		    strerror(errno), hint());
	if (mode >= 0 && fchmodat(dir, name, (mode_t)mode, 0))
		die("%s:%d: cannot change the mode of %s: %s", d->file, d->line, d->name, strerror(errno));
}

/* The folder holding d->name and the last component; dies when missing. */
static int find(const struct device_line *d, int make_parents, char **leaf)
{
	int dir = root_lookup(d->name, 1, make_parents, (mode_t)d->mode, leaf);

	if (dir < 0)
		die_at(d->file, d->line, "cannot reach the folder of %s in %s: %s; "
		       "add a 'd' line for it before this one", d->name, root_name(), strerror(errno));
	return dir;
}

static void apply_file(const struct device_line *d)
{
	struct stat st;
	char *leaf;
	int dir = root_lookup(d->name, 1, 0, 0, &leaf);

	if (dir < 0) {
		if (d->type == 'F' && errno == ENOENT)
			return;	/* F: a missing folder of the file is no error either */
		die_at(d->file, d->line, "cannot reach the folder of %s in %s: %s; "
		       "add a 'd' line for it before this one", d->name, root_name(), strerror(errno));
	}
	if (fstatat(dir, *leaf ? leaf : ".", &st, AT_SYMLINK_NOFOLLOW)) {
		if (errno != ENOENT || d->type == 'f')
			die_at(d->file, d->line, "%s is not in %s: type f changes a file installed already "
			       "(type F skips missing files)", d->name, root_name());
	} else if (S_ISDIR(st.st_mode)) {
		die_at(d->file, d->line, "%s is a folder: use type d, or r for it and all below", d->name);
	} else {
		set_owner_mode(d, dir, leaf, d->mode);
	}
	close(dir);
	free(leaf);
}

static void apply_dir(const struct device_line *d)
{
	struct stat st;
	char *leaf;
	int dir = find(d, 1, &leaf);

	if (*leaf && mkdirat(dir, leaf, (mode_t)d->mode) && errno != EEXIST)
		die("%s:%d: cannot create %s: %s", d->file, d->line, d->name, strerror(errno));
	if (*leaf && (fstatat(dir, leaf, &st, AT_SYMLINK_NOFOLLOW) || !S_ISDIR(st.st_mode)))
		die_at(d->file, d->line, "%s exists and is not a folder; remove it or fix the table", d->name);
	set_owner_mode(d, dir, leaf, d->mode);
	close(dir);
	free(leaf);
}

/* Below dir_fd first, then the folder itself (a mode may close it to us). */
static void apply_tree(const struct device_line *d, int dir_fd)
{
	DIR *dir = fdopendir(dir_fd);
	struct dirent *e;
	struct stat st;
	int sub;

	if (!dir)
		die("%s:%d: cannot read %s: %s", d->file, d->line, d->name, strerror(errno));
	while ((e = readdir(dir))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		if (fstatat(dirfd(dir), e->d_name, &st, AT_SYMLINK_NOFOLLOW))
			die("%s:%d: cannot stat %s/%s: %s", d->file, d->line, d->name, e->d_name, strerror(errno));
		if (S_ISDIR(st.st_mode)) {
			sub = openat(dirfd(dir), e->d_name,
				     O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
			if (sub < 0)
				die("%s:%d: cannot open %s/%s: %s", d->file, d->line, d->name, e->d_name,
				    strerror(errno));
			apply_tree(d, sub);
		}
		set_owner_mode(d, dirfd(dir), e->d_name, S_ISLNK(st.st_mode) ? -1 : d->mode);
	}
	closedir(dir);
}

static void apply_recursive(const struct device_line *d)
{
	char *leaf;
	int dir = find(d, 0, &leaf);
	int top = openat(dir, *leaf ? leaf : ".", O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);

	if (top < 0)
		die_at(d->file, d->line, "%s is not a folder in %s (%s); type r needs one that exists",
		       d->name, root_name(), strerror(errno));
	apply_tree(d, top);
	set_owner_mode(d, dir, leaf, d->mode);
	close(dir);
	free(leaf);
}

/* A node replaces whatever file was there: the table says what it is. */
static void make_node(const struct device_line *d, int dir, const char *leaf,
		      mode_t kind, dev_t dev)
{
	struct stat st;

	if (!fstatat(dir, leaf, &st, AT_SYMLINK_NOFOLLOW)) {
		if (S_ISDIR(st.st_mode))
			die_at(d->file, d->line, "%s is a folder in %s; remove it or fix the table", leaf,
			       root_name());
		if (unlinkat(dir, leaf, 0))
			die("%s:%d: cannot replace %s: %s", d->file, d->line, leaf, strerror(errno));
	}
	if (mknodat(dir, leaf, kind | (mode_t)d->mode, dev))
		die("%s:%d: cannot make %s: %s%s", d->file, d->line, leaf, strerror(errno), hint());
	set_owner_mode(d, dir, leaf, d->mode);
}

static void apply_node(const struct device_line *d)
{
	mode_t kind = d->type == 'c' ? S_IFCHR : d->type == 'b' ? S_IFBLK : S_IFIFO;
	long major = d->major == UNSET ? 0 : d->major, minor = d->minor == UNSET ? 0 : d->minor;
	long start = d->start == UNSET ? 0 : d->start, inc = d->inc == UNSET ? 1 : d->inc, i;
	char *leaf, *name;
	int dir = find(d, 0, &leaf);

	if (!*leaf)
		die_at(d->file, d->line, "'%s' names the target folder itself, not a node", d->name);
	if (d->count <= 0) {
		make_node(d, dir, leaf, kind, makedev(major, minor));
	} else {
		for (i = 0; i < d->count; i++) {
			name = xasprintf("%s%ld", leaf, start + i);
			make_node(d, dir, name, kind, makedev(major, minor + i * inc));
			free(name);
		}
	}
	close(dir);
	free(leaf);
}

static void apply_line(const struct device_line *d)
{
	switch (d->type) {
	case 'f':
	case 'F':
		apply_file(d);
		break;
	case 'd':
		apply_dir(d);
		break;
	case 'r':
		apply_recursive(d);
		break;
	default:
		apply_node(d);
	}
}

/* ---- the command ------------------------------------------------------- */

static void apply_table(const char *path)
{
	struct table t;
	char *text;

	table_open(&t, path);
	while ((text = table_next(&t))) {
		struct device_line d = { .file = path, .line = t.line };

		if (text[strspn(text, " \t")] == '|')
			die_at(path, t.line, "extended attributes (|xattr lines) are not supported yet; "
			       "set capabilities in a post-build script");
		parse_device_line(&d, text);
		apply_line(&d);
	}
	table_close(&t);
}

int devices_main(int argc, char **argv)
{
	static const struct option options[] = {
		{ "target", required_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 }
	};
	const char *target = NULL;
	int c;

	while ((c = getopt_long(argc, argv, "", options, NULL)) != -1) {
		if (c != 't') {
			fprintf(stderr, "usage: kiln-rootfs devices --target DIR TABLE...\n");
			return 2;
		}
		target = optarg;
	}
	if (!target) {
		fprintf(stderr, "usage: kiln-rootfs devices --target DIR TABLE...\n");
		return 2;
	}
	root_open(target);
	for (; optind < argc; optind++)
		apply_table(argv[optind]);
	if (accounts_loaded) {
		db_free(&passwd);
		db_free(&group);
	}
	return 0;
}
