// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * kconfig-random-same: do pairs of conf run directories hold the same files?
 *
 *   kconfig-random-same DIR1 DIR2 [DIR1 DIR2]...
 *
 * Two directories are the same when they hold the same file names
 * (recursively) with the same contents.  For each pair that is not, a
 * line "N WHAT" names the pair (from 1) and its first difference (a file,
 * or "files: ..." when the names differ).  Exit 0 when every pair is the
 * same, 1 when one is not, 2 on an error.  auto.conf, autoconf.h and rustc_cfg are compared as sorted
 * lines: Linux writes them in hash table order.  One process compares
 * all the cases of a tree, so that support/testing/kconfig-random stays
 * fast.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct names {
	char **v;
	size_t n, cap;
};

static void *must(void *p)
{
	if (!p) {
		perror("kconfig-random-same");
		exit(2);
	}
	return p;
}

/* BUF = A/B, or exit when it does not fit */
static void join(char buf[4096], const char *a, const char *sep, const char *b)
{
	if ((size_t)snprintf(buf, 4096, "%s%s%s", a, sep, b) >= 4096) {
		fprintf(stderr, "kconfig-random-same: path too long: %s%s%s\n", a, sep, b);
		exit(2);
	}
}

static void add_name(struct names *names, const char *name)
{
	if (names->n == names->cap) {
		names->cap = names->cap ? 2 * names->cap : 32;
		names->v = must(realloc(names->v, names->cap * sizeof(*names->v)));
	}
	names->v[names->n++] = must(strdup(name));
}

/* list the files under ROOT/REL into NAMES, as paths relative to ROOT */
static void list_files(const char *root, const char *rel, struct names *names)
{
	char path[4096], sub[4096];
	struct dirent *e;
	struct stat st;
	DIR *d;

	join(path, root, "/", rel);
	d = must(opendir(path));
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		join(sub, rel, *rel ? "/" : "", e->d_name);
		join(path, root, "/", sub);
		if (lstat(path, &st))
			must(NULL);
		if (S_ISDIR(st.st_mode))
			list_files(root, sub, names);
		else
			add_name(names, sub);
	}
	closedir(d);
}

static int compare_strings(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *slurp(const char *root, const char *name, size_t *len)
{
	char path[4096], *buf;
	FILE *f;
	long size;

	join(path, root, "/", name);
	f = must(fopen(path, "rb"));
	fseek(f, 0, SEEK_END);
	size = ftell(f);
	rewind(f);
	buf = must(malloc((size_t)size + 1));
	*len = fread(buf, 1, (size_t)size, f);
	buf[*len] = '\0';
	fclose(f);
	return buf;
}

/* sort the lines of BUF (LEN bytes) in place, as a newline-joined text */
static void sort_lines(char *buf, size_t len)
{
	struct names lines = { 0 };
	char *copy = must(malloc(len + 1)), *line, *save, *p = buf;
	size_t i;

	memcpy(copy, buf, len + 1);
	for (line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
		add_name(&lines, line);
	qsort(lines.v, lines.n, sizeof(*lines.v), compare_strings);
	for (i = 0; i < lines.n; i++) {
		p += sprintf(p, "%s\n", lines.v[i]);
		free(lines.v[i]);
	}
	*p = '\0';
	free(lines.v);
	free(copy);
}

static int is_unordered(const char *name)
{
	const char *base = strrchr(name, '/');

	base = base ? base + 1 : name;
	return !strcmp(base, "auto.conf") || !strcmp(base, "autoconf.h") ||
	       !strcmp(base, "rustc_cfg");
}

static int same_file(const char *a, const char *b, const char *name)
{
	size_t la, lb;
	char *x = slurp(a, name, &la), *y = slurp(b, name, &lb);
	int same;

	if (is_unordered(name)) {
		sort_lines(x, la);
		sort_lines(y, lb);
		la = strlen(x);
		lb = strlen(y);
	}
	same = la == lb && !memcmp(x, y, la);
	free(x);
	free(y);
	return same;
}

static void free_names(struct names *names)
{
	size_t i;

	for (i = 0; i < names->n; i++)
		free(names->v[i]);
	free(names->v);
}

/* print how A and B differ, or return 1 when they do not */
static int same_dirs(const char *a, const char *b, int pair)
{
	struct names x = { 0 }, y = { 0 };
	int same = 1;
	size_t i;

	list_files(a, "", &x);
	list_files(b, "", &y);
	qsort(x.v, x.n, sizeof(*x.v), compare_strings);
	qsort(y.v, y.n, sizeof(*y.v), compare_strings);
	for (i = 0; same && i < x.n && i < y.n; i++) {
		if (strcmp(x.v[i], y.v[i])) {
			printf("%d files: %s against %s\n", pair, x.v[i], y.v[i]);
			same = 0;
		}
	}
	if (same && x.n != y.n) {
		printf("%d files: %s only in one\n", pair, i < x.n ? x.v[i] : y.v[i]);
		same = 0;
	}
	for (i = 0; same && i < x.n; i++) {
		if (!same_file(a, b, x.v[i])) {
			printf("%d %s\n", pair, x.v[i]);
			same = 0;
		}
	}
	free_names(&x);
	free_names(&y);
	return same;
}

int main(int argc, char **argv)
{
	int i, all_same = 1;

	if (argc < 3 || argc % 2 == 0) {
		fprintf(stderr, "usage: kconfig-random-same DIR1 DIR2 [DIR1 DIR2]...\n");
		return 2;
	}
	for (i = 1; i + 1 < argc; i += 2)
		if (!same_dirs(argv[i], argv[i + 1], (i + 1) / 2))
			all_same = 0;
	return all_same ? 0 : 1;
}
