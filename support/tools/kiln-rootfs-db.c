// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The target's account files (etc/passwd, group, shadow, gshadow): lines
 * of colon-separated fields, kept in their order; changed lines stay in
 * place, new ones go at the end.  A file is written only when its content
 * changed, into a temporary file renamed over the old one: the old one may
 * be a hard link shared with a package's tree, which must not change.
 */
#include "kiln-rootfs.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void split_fields(struct db_line *line, const char *text)
{
	const char *p = text;

	line->field = NULL;
	line->n = 0;
	for (;;) {
		size_t len = strcspn(p, ":");

		line->field = xrealloc(line->field, sizeof(char *) * (size_t)(line->n + 1));
		line->field[line->n] = xmalloc(len + 1);
		memcpy(line->field[line->n], p, len);
		line->field[line->n++][len] = '\0';
		if (!p[len])
			break;
		p += len + 1;
	}
}

static void free_line(struct db_line *line)
{
	int i;

	for (i = 0; i < line->n; i++)
		free(line->field[i]);
	free(line->field);
}

static struct db_line *append_line(struct db *db)
{
	if (db->n == db->cap) {
		db->cap = db->cap ? db->cap * 2 : 32;
		db->lines = xrealloc(db->lines, sizeof(*db->lines) * (size_t)db->cap);
	}
	return &db->lines[db->n++];
}

/* The target's etc folder, made when make is set; -1 when missing. */
static int open_etc(int make)
{
	char *leaf;
	int parent, dir;

	if (make) {
		parent = root_make_dirs("etc", 0755);
		leaf = xstrdup(".");
	} else {
		parent = root_lookup("etc", 1, 0, 0, &leaf);
		if (parent < 0)
			return -1;
	}
	dir = openat(parent, leaf, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dir < 0 && (make || errno != ENOENT))
		die("cannot open %s/etc: %s", root_name(), strerror(errno));
	close(parent);
	free(leaf);
	return dir;
}

static char *read_at(int dir, const char *name)
{
	int fd = dir < 0 ? -1 : openat(dir, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	struct strbuf b = { 0 };
	char chunk[16384];
	ssize_t n;

	if (dir < 0)
		return NULL;
	if (fd < 0) {
		if (errno == ELOOP)
			die("%s/etc/%s is a symbolic link; make it a file, kiln-rootfs does not write through links",
			    root_name(), name);
		if (errno != ENOENT)
			die("cannot read %s/etc/%s: %s", root_name(), name, strerror(errno));
		return NULL;
	}
	sb_add(&b, "", 0);
	while ((n = read(fd, chunk, sizeof(chunk))) > 0)
		sb_add(&b, chunk, (size_t)n);
	if (n < 0)
		die("cannot read %s/etc/%s: %s", root_name(), name, strerror(errno));
	close(fd);
	return b.buf;
}

void db_load(struct db *db, const char *name)
{
	char *text, *p, *one;
	size_t len;

	memset(db, 0, sizeof(*db));
	db->name = name;
	db->etc_fd = open_etc(0);
	text = read_at(db->etc_fd, name);
	db->exists = text != NULL;
	db->original = text ? text : xstrdup("");
	for (p = db->original; *p; p += len + (p[len] == '\n')) {
		len = strcspn(p, "\n");
		one = xmalloc(len + 1);
		memcpy(one, p, len);
		one[len] = '\0';
		split_fields(append_line(db), one);
		free(one);
	}
}

struct db_line *db_find(struct db *db, const char *key)
{
	int i;

	for (i = 0; i < db->n; i++)
		if (!strcmp(db->lines[i].field[0], key))
			return &db->lines[i];
	return NULL;
}

struct db_line *db_find_id(struct db *db, long id)
{
	char text[32];
	int i;

	snprintf(text, sizeof(text), "%ld", id);
	for (i = 0; i < db->n; i++)
		if (db->lines[i].n > 2 && !strcmp(db->lines[i].field[2], text))
			return &db->lines[i];
	return NULL;
}

const char *db_field(const struct db_line *line, int i)
{
	return i < line->n ? line->field[i] : "";
}

void db_set_field(struct db_line *line, int i, const char *value)
{
	while (line->n <= i) {
		line->field = xrealloc(line->field, sizeof(char *) * (size_t)(line->n + 1));
		line->field[line->n++] = xstrdup("");
	}
	free(line->field[i]);
	line->field[i] = xstrdup(value);
}

void db_put(struct db *db, const char *text)
{
	struct db_line fresh, *line;

	split_fields(&fresh, text);
	line = db_find(db, fresh.field[0]);
	if (line)
		free_line(line);
	else
		line = append_line(db);
	*line = fresh;
}

static void join(struct db *db, struct strbuf *out)
{
	int i, j;

	sb_add(out, "", 0);
	for (i = 0; i < db->n; i++) {
		for (j = 0; j < db->lines[i].n; j++) {
			if (j)
				sb_add(out, ":", 1);
			sb_add(out, db->lines[i].field[j], strlen(db->lines[i].field[j]));
		}
		sb_add(out, "\n", 1);
	}
}

/* The new file keeps the old one's mode and owner (recorded by fakeroot). */
static void copy_attributes(struct db *db, int fd, mode_t new_mode)
{
	struct stat old;

	if (fstatat(db->etc_fd, db->name, &old, AT_SYMLINK_NOFOLLOW)) {
		if (fchmod(fd, new_mode))
			die("cannot set the mode of etc/%s: %s", db->name, strerror(errno));
		return;
	}
	if (fchown(fd, old.st_uid, old.st_gid)) {
		/* not root and not fakeroot: the file stays ours */
	}
	if (fchmod(fd, old.st_mode & 07777))
		die("cannot set the mode of etc/%s: %s", db->name, strerror(errno));
}

void db_save(struct db *db, mode_t new_mode)
{
	struct strbuf out = { 0 };
	char *tmp;
	int fd;

	join(db, &out);
	if (db->exists && !strcmp(out.buf, db->original)) {
		sb_free(&out);
		return;
	}
	if (db->etc_fd < 0)
		db->etc_fd = open_etc(1);
	tmp = xasprintf(".%s.kiln-rootfs", db->name);
	unlinkat(db->etc_fd, tmp, 0);
	fd = openat(db->etc_fd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0)
		die("cannot create %s/etc/%s: %s", root_name(), tmp, strerror(errno));
	copy_attributes(db, fd, new_mode);
	if (write_all(fd, out.buf, out.len) || close(fd))
		die("cannot write %s/etc/%s: %s", root_name(), tmp, strerror(errno));
	if (renameat(db->etc_fd, tmp, db->etc_fd, db->name))
		die("cannot rename %s/etc/%s: %s", root_name(), tmp, strerror(errno));
	free(tmp);
	sb_free(&out);
}

void db_free(struct db *db)
{
	int i;

	for (i = 0; i < db->n; i++)
		free_line(&db->lines[i]);
	free(db->lines);
	free(db->original);
	if (db->etc_fd >= 0)
		close(db->etc_fd);
	memset(db, 0, sizeof(*db));
}
