// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * kiln-rootfs users: Buildroot's users tables (docs/system.md).
 *
 * All tables are read first, then applied in passes so that the result
 * does not depend on which line comes first: main groups with a fixed gid,
 * main groups with an automatic one, missing additional groups, users with
 * a fixed uid, users with an automatic one, group members, home folders.
 * An automatic id is the lowest free one of its range, and a user or group
 * that exists already keeps its id.  A later line for the same user may
 * change its password, home, shell and comment, not its uid or group.
 */
#include "kiln-rootfs.h"
#include "util.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define AUTO_SYSTEM (-1)	/* an id from [100, 999] */
#define AUTO_USER (-2)		/* an id from [1000, 1999] */
#define NO_USER (-3)		/* a line that only makes a group */

struct user_line {
	const char *file;
	int line;
	char *name, *group, *password, *home, *shell, *groups, *comment;
	long uid, gid;
};

/* Which line last set a user ('u') or a group ('g'), for messages. */
struct origin {
	char kind;
	const char *name;
	const struct user_line *by;
};

static struct user_line *entries;
static int n_entries;
static struct origin *origins;
static int n_origins;
static struct db passwd, group, shadow, gshadow;
static const char *salt_seed = DEFAULT_SALT_SEED;

/* ---- reading the tables ------------------------------------------------ */

static int valid_name(const char *s)
{
	return *s && *s != '-' && !strpbrk(s, ":,/");
}

static long parse_id(const struct user_line *e, const char *what, const char *text)
{
	long id;

	if (parse_number(text, 10, &id) || id == 0 || id < AUTO_USER)
		die_at(e->file, e->line, "bad %s '%s' for '%s': give a number above 0, "
		       "or -1 (allocated from 100-999) or -2 (from 1000-1999)", what, text, e->name);
	return id;
}

static void check_names(const struct user_line *e)
{
	char *list, *g, *save;

	if (strcmp(e->name, "-") && !valid_name(e->name))
		die_at(e->file, e->line, "bad user name '%s': no ':', ',' or '/', and no leading '-'", e->name);
	if (!strcmp(e->name, "root") || !strcmp(e->group, "root"))
		die_at(e->file, e->line, "a users table cannot change root (it comes with the skeleton); "
		       "set its password with `kiln-rootfs password --user root`");
	if (!valid_name(e->group))
		die_at(e->file, e->line, "bad group name '%s': no ':', ',' or '/', and no leading '-'", e->group);
	if (!strcmp(e->groups, "-"))
		return;
	list = xstrdup(e->groups);
	for (g = strtok_r(list, ",", &save); g; g = strtok_r(NULL, ",", &save))
		if (!valid_name(g))
			die_at(e->file, e->line, "bad additional group '%s' in '%s': "
			       "list names separated by ',', or '-' for none", g, e->groups);
	if (strstr(e->groups, ",,") || *e->groups == ',' || e->groups[strlen(e->groups) - 1] == ',')
		die_at(e->file, e->line, "empty name in the group list '%s'", e->groups);
	free(list);
}

static void check_fields(const struct user_line *e)
{
	if (strchr(e->password, ':') || strchr(e->shell, ':') || strchr(e->home, ':') ||
	    strchr(e->comment, ':'))
		die_at(e->file, e->line, "no field may hold a ':' (it separates the fields of etc/passwd)");
	if (strcmp(e->home, "-") && (*e->home != '/' || root_path_ok(e->home)))
		die_at(e->file, e->line, "home '%s' must be an absolute path without '..', or '-' for none", e->home);
	if (!strcmp(e->home, "/"))
		die_at(e->file, e->line, "home cannot be '/'; write '-' for a user without a home (its home is then /)");
	if (*e->shell != '/' && strcmp(e->shell, "-"))
		die_at(e->file, e->line, "shell '%s' must be an absolute path, or '-' for /bin/false", e->shell);
}

static void parse_user_line(struct user_line *e, char *text)
{
	char *w[9];
	int n = split_blanks(text, w, 9);

	if (n < 8)
		die_at(e->file, e->line, "%d fields where a users table line needs 8 and a comment: "
		       "username uid group gid password home shell groups comment", n);
	e->name = xstrdup(w[0]);
	e->group = xstrdup(w[2]);
	e->password = xstrdup(w[4]);
	e->home = xstrdup(w[5]);
	e->shell = xstrdup(w[6]);
	e->groups = xstrdup(w[7]);
	e->comment = xstrdup(n == 9 ? w[8] : "");
	check_names(e);
	check_fields(e);
	e->uid = strcmp(e->name, "-") ? parse_id(e, "uid", w[1]) : NO_USER;
	e->gid = parse_id(e, "gid", w[3]);
}

static void read_table(const char *path)
{
	struct table t;
	char *text;

	table_open(&t, path);
	while ((text = table_next(&t))) {
		struct user_line *e;

		entries = xrealloc(entries, sizeof(*entries) * (size_t)(n_entries + 1));
		e = &entries[n_entries++];
		memset(e, 0, sizeof(*e));
		e->file = path;
		e->line = t.line;
		parse_user_line(e, text);
	}
	table_close(&t);
}

/* ---- ids and where they came from --------------------------------------- */

static void set_origin(char kind, const char *name, const struct user_line *by)
{
	int i;

	for (i = 0; i < n_origins; i++)
		if (origins[i].kind == kind && !strcmp(origins[i].name, name))
			break;
	if (i == n_origins)
		origins = xrealloc(origins, sizeof(*origins) * (size_t)++n_origins);
	origins[i] = (struct origin){ kind, name, by };
}

/* "from users.txt:3" or "in DIR/etc/passwd"; the caller frees it. */
static char *origin_of(char kind, const char *name)
{
	int i;

	for (i = 0; i < n_origins; i++)
		if (origins[i].kind == kind && !strcmp(origins[i].name, name))
			return xasprintf("from %s:%d", origins[i].by->file, origins[i].by->line);
	return xasprintf("in %s/etc/%s", root_name(), kind == 'u' ? "passwd" : "group");
}

static long id_of(const struct db_line *line)
{
	long id;

	return parse_number(db_field(line, 2), 10, &id) ? -1 : id;
}

/* The lowest id of the range that no line of db uses. */
static long allocate(struct db *db, long range, const struct user_line *e, const char *name)
{
	long first = range == AUTO_SYSTEM ? 100 : 1000;
	long last = range == AUTO_SYSTEM ? 999 : 1999;
	long id;

	for (id = first; id <= last; id++)
		if (!db_find_id(db, id))
			return id;
	die_at(e->file, e->line, "no free %s left for '%s' in %ld-%ld; give it a fixed one",
	       db == &passwd ? "uid" : "gid", name, first, last);
}

/* ---- groups ------------------------------------------------------------ */

static void check_existing_group(const struct user_line *e, const char *name,
				 const struct db_line *line, long gid)
{
	char *from;

	if (gid < 0 || id_of(line) == gid)
		return;
	from = origin_of('g', name);
	die_at(e->file, e->line, "group '%s' exists already with gid %s (%s), not %ld; "
	       "use gid %s, or -1/-2 to keep the existing one", name, db_field(line, 2), from, gid,
	       db_field(line, 2));
}

static void ensure_group(const struct user_line *e, const char *name, long gid)
{
	struct db_line *line = db_find(&group, name), *other;
	char *text, *from;

	if (line) {
		check_existing_group(e, name, line, gid);
		return;
	}
	if (gid > 0 && (other = db_find_id(&group, gid))) {
		from = origin_of('g', other->field[0]);
		die_at(e->file, e->line, "gid %ld for group '%s' is used by group '%s' already (%s); "
		       "choose another gid, or -1/-2 to have one allocated", gid, name, other->field[0], from);
	}
	if (gid < 0)
		gid = allocate(&group, gid, e, name);
	text = xasprintf("%s:x:%ld:", name, gid);
	db_put(&group, text);
	free(text);
	if (gshadow.exists && !db_find(&gshadow, name)) {
		text = xasprintf("%s:!::", name);
		db_put(&gshadow, text);
		free(text);
	}
	set_origin('g', name, e);
}

static void add_main_groups(int automatic)
{
	int i;

	for (i = 0; i < n_entries; i++)
		if ((entries[i].gid < 0) == automatic)
			ensure_group(&entries[i], entries[i].group, entries[i].gid);
}

/* Calls fn for each additional group of each user. */
static void for_each_additional(void (*fn)(const struct user_line *, const char *))
{
	char *list, *g, *save;
	int i;

	for (i = 0; i < n_entries; i++) {
		if (entries[i].uid == NO_USER || !strcmp(entries[i].groups, "-"))
			continue;
		list = xstrdup(entries[i].groups);
		for (g = strtok_r(list, ",", &save); g; g = strtok_r(NULL, ",", &save))
			fn(&entries[i], g);
		free(list);
	}
}

/* A missing additional group gets an id from the range of its user. */
static void add_additional_group(const struct user_line *e, const char *name)
{
	int system = e->uid == AUTO_SYSTEM || (e->uid > 0 && e->uid < 1000);

	ensure_group(e, name, system ? AUTO_SYSTEM : AUTO_USER);
}

static void add_member_to(struct db *db, const char *group_name, const char *user)
{
	struct db_line *line = db_find(db, group_name);
	const char *members;
	char *list, *m, *save;
	int found = 0;

	if (!line)
		return;
	members = db_field(line, 3);
	list = xstrdup(members);
	for (m = strtok_r(list, ",", &save); m && !found; m = strtok_r(NULL, ",", &save))
		found = !strcmp(m, user);
	free(list);
	if (found)
		return;
	list = *members ? xasprintf("%s,%s", members, user) : xstrdup(user);
	db_set_field(line, 3, list);
	free(list);
}

static void add_member(const struct user_line *e, const char *name)
{
	add_member_to(&group, name, e->name);
	if (gshadow.exists)
		add_member_to(&gshadow, name, e->name);
}

/* ---- users ------------------------------------------------------------- */

static long existing_uid(const struct user_line *e, const struct db_line *line)
{
	const struct db_line *main_group = db_find(&group, e->group);
	char *from;

	if (e->uid > 0 && id_of(line) != e->uid) {
		from = origin_of('u', e->name);
		die_at(e->file, e->line, "user '%s' exists already with uid %s (%s), not %ld; "
		       "use uid %s, or -1/-2 to keep it", e->name, db_field(line, 2), from, e->uid,
		       db_field(line, 2));
	}
	if (strcmp(db_field(line, 3), db_field(main_group, 2))) {
		from = origin_of('u', e->name);
		die_at(e->file, e->line, "user '%s' exists already with gid %s (%s), not group '%s'; "
		       "give it the same main group everywhere", e->name, db_field(line, 3), from, e->group);
	}
	return id_of(line);
}

static long choose_uid(const struct user_line *e)
{
	struct db_line *line = db_find(&passwd, e->name), *other;
	char *from;

	if (line)
		return existing_uid(e, line);
	if (e->uid < 0)
		return allocate(&passwd, e->uid, e, e->name);
	other = db_find_id(&passwd, e->uid);
	if (other) {
		from = origin_of('u', other->field[0]);
		die_at(e->file, e->line, "uid %ld for user '%s' is used by user '%s' already (%s); "
		       "choose another uid, or -1/-2 to have one allocated", e->uid, e->name,
		       other->field[0], from);
	}
	return e->uid;
}

/* The shadow password field a table's password column stands for. */
static char *shadow_password(const struct user_line *e)
{
	const char *p = e->password;
	char *hash, *locked;

	if (!strcmp(p, "-") || !strcmp(p, "="))
		return xstrdup("");
	if (!strcmp(p, "!="))
		return xstrdup("!");
	if (*p == '=')
		return password_hash(p + 1, salt_seed, e->name);
	if (p[0] == '!' && p[1] == '=') {
		hash = password_hash(p + 2, salt_seed, e->name);
		locked = xasprintf("!%s", hash);
		free(hash);
		return locked;
	}
	return xstrdup(p);
}

static void put_shadow(const struct user_line *e)
{
	struct db_line *line = db_find(&shadow, e->name);
	char *field = shadow_password(e), *text;

	if (line) {
		db_set_field(line, 1, field);	/* ageing fields are kept */
	} else {
		text = xasprintf("%s:%s:::::::", e->name, field);
		db_put(&shadow, text);
		free(text);
	}
	free(field);
}

static void add_user(const struct user_line *e)
{
	long uid = choose_uid(e);
	const char *gid = db_field(db_find(&group, e->group), 2);
	const char *home = strcmp(e->home, "-") ? e->home : "/";
	const char *shell = strcmp(e->shell, "-") ? e->shell : "/bin/false";
	char *text = xasprintf("%s:x:%ld:%s:%s:%s:%s", e->name, uid, gid, e->comment, home, shell);

	db_put(&passwd, text);
	free(text);
	put_shadow(e);
	set_origin('u', e->name, e);
}

static void add_users(int automatic)
{
	int i;

	for (i = 0; i < n_entries; i++)
		if (entries[i].uid != NO_USER && (entries[i].uid < 0) == automatic)
			add_user(&entries[i]);
}

/* A later line gives the same user the same home. */
static int home_again(int i)
{
	int j;

	for (j = i + 1; j < n_entries; j++)
		if (!strcmp(entries[j].name, entries[i].name) &&
		    !strcmp(entries[j].home, entries[i].home))
			return 1;
	return 0;
}

/* Home folders are made now; their owner is set later, under fakeroot. */
static void make_homes(FILE *perms)
{
	const struct db_line *line;
	int i;

	for (i = 0; i < n_entries; i++) {
		if (entries[i].uid == NO_USER || !strcmp(entries[i].home, "-") || home_again(i))
			continue;
		close(root_make_dirs(entries[i].home, 0755));
		line = db_find(&passwd, entries[i].name);
		fprintf(perms, "%s r -1 %s %s - - - - -\n", entries[i].home,
			db_field(line, 2), db_field(line, 3));
	}
}

/* ---- the command ------------------------------------------------------- */

static void apply(const char *perms_out)
{
	FILE *perms = fopen(perms_out, "a");

	if (!perms)
		die("cannot open %s: %s", perms_out, strerror(errno));
	db_load(&passwd, "passwd");
	db_load(&group, "group");
	db_load(&shadow, "shadow");
	db_load(&gshadow, "gshadow");
	add_main_groups(0);
	add_main_groups(1);
	for_each_additional(add_additional_group);
	add_users(0);
	add_users(1);
	for_each_additional(add_member);
	make_homes(perms);
	if (fclose(perms))
		die("cannot write %s: %s", perms_out, strerror(errno));
	db_save(&group, 0644);
	if (gshadow.exists)
		db_save(&gshadow, 0600);
	db_save(&passwd, 0644);
	db_save(&shadow, 0600);
}

static void free_all(void)
{
	int i;

	for (i = 0; i < n_entries; i++) {
		free(entries[i].name);
		free(entries[i].group);
		free(entries[i].password);
		free(entries[i].home);
		free(entries[i].shell);
		free(entries[i].groups);
		free(entries[i].comment);
	}
	free(entries);
	free(origins);
	db_free(&passwd);
	db_free(&group);
	db_free(&shadow);
	db_free(&gshadow);
}

static void users_usage(void)
{
	fprintf(stderr, "usage: kiln-rootfs users --target DIR --perms-out FILE [--salt-seed STR] TABLE...\n");
	exit(2);
}

int users_main(int argc, char **argv)
{
	static const struct option options[] = {
		{ "target", required_argument, NULL, 't' },
		{ "perms-out", required_argument, NULL, 'p' },
		{ "salt-seed", required_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 }
	};
	const char *target = NULL, *perms_out = NULL;
	int c;

	while ((c = getopt_long(argc, argv, "", options, NULL)) != -1) {
		if (c == 't')
			target = optarg;
		else if (c == 'p')
			perms_out = optarg;
		else if (c == 's')
			salt_seed = optarg;
		else
			users_usage();
	}
	if (!target || !perms_out)
		users_usage();
	root_open(target);
	for (; optind < argc; optind++)
		read_table(argv[optind]);
	apply(perms_out);
	free_all();
	return 0;
}
