/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Shared parts of kiln-rootfs (see kiln-rootfs.c). */
#ifndef KILN_ROOTFS_H
#define KILN_ROOTFS_H

#include <sys/types.h>

/* ---- the target folder, treated as "/" (kiln-rootfs-root.c) ----------- */

/* Opens DIR; every other path of the target is looked up from it. */
void root_open(const char *dir);
/* DIR as given, for messages. */
const char *root_name(void);
/* 0 when path has no ".." component and is not empty, else -1. */
int root_path_ok(const char *path);
/*
 * Finds path inside the target, following symbolic links as if the target
 * were "/": absolute links restart at the target, ".." never leaves it.
 * Returns an O_PATH descriptor of the folder holding the last component
 * and sets *leaf to that component (to free); *leaf is "" for the target
 * itself.  With follow_last, a symbolic link in the last place is followed
 * too.  With make_parents, missing folders are created with dir_mode.
 * Returns -1 with errno set when a folder on the way is missing or not a
 * folder.
 */
int root_lookup(const char *path, int follow_last, int make_parents,
		mode_t dir_mode, char **leaf);
/* mkdir -p inside the target; returns an O_PATH descriptor of path. */
int root_make_dirs(const char *path, mode_t mode);

/* ---- colon-separated account files: passwd, group, shadow, gshadow ---- */

struct db_line {
	char **field;
	int n;
};

struct db {
	const char *name;	/* "passwd", ... below etc/ */
	int etc_fd;
	struct db_line *lines;
	int n, cap;
	int exists;
	char *original;		/* the file as read, to skip unchanged writes */
};

/* Reads etc/<name> of the target; a missing file is an empty one. */
void db_load(struct db *db, const char *name);
/* The line whose first field is key, or NULL. */
struct db_line *db_find(struct db *db, const char *key);
/* The line whose third field (uid or gid) is id, or NULL. */
struct db_line *db_find_id(struct db *db, long id);
/* Field i of a line, or "" when the line is shorter. */
const char *db_field(const struct db_line *line, int i);
/* Sets field i, adding empty fields before it when the line is shorter. */
void db_set_field(struct db_line *line, int i, const char *value);
/* Replaces the line with the same first field as text, or appends it. */
void db_put(struct db *db, const char *text);
/*
 * Writes the file back when its content changed, through a temporary file
 * renamed over it (the old file may be a hard link into another tree).
 */
void db_save(struct db *db, mode_t new_mode);
void db_free(struct db *db);

/* ---- passwords (kiln-rootfs-password.c) -------------------------------- */

/* SHA-512 crypt of plain, with a salt derived from seed and user. */
char *password_hash(const char *plain, const char *seed, const char *user);
int password_main(int argc, char **argv);

/* ---- the two tables ---------------------------------------------------- */

int users_main(int argc, char **argv);
int devices_main(int argc, char **argv);

/* ---- reading tables (kiln-rootfs-table.c) ----------------------------- */

struct table {
	const char *path;
	char *text, *next;
	int line;		/* of the line table_next() returned */
};

void table_open(struct table *t, const char *path);
/* The next line that is not blank, cut at its first '#'; NULL at the end. */
char *table_next(struct table *t);
void table_close(struct table *t);
/*
 * Splits s in place at blanks into at most max words; when there are more,
 * the last word is the rest of the line.  Returns the count.
 */
int split_blanks(char *s, char **words, int max);
/* Reads a whole number in base (8 or 10); 0 when s is one, else -1. */
int parse_number(const char *s, int base, long *out);
__attribute__((noreturn, format(printf, 3, 4)))
void die_at(const char *file, int line, const char *fmt, ...);

#define DEFAULT_SALT_SEED "kiln"

#endif
