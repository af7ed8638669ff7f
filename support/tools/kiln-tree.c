// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * kiln-tree assemble [--copy] DEST TREE...
 *
 * Makes DEST the union of the TREEs, with hard links (no file is copied),
 * or with copies with --copy (for a tree that is changed afterwards, as
 * the target is before the images are made).  The union is built next to
 * DEST as DEST.new and swapped in whole, so a killed run leaves either the
 * old DEST or the new one, never a mix.  The same path from two trees is an
 * error naming both, unless both hold the same bytes.  A TREE written as
 * weak:PATH gives way instead: its entries are added last, and only where
 * no other tree put anything (BusyBox's applet links yield to real
 * programs).  Used for the dependency views each package builds against
 * and for the target, host and images folders.
 */
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	if ((flag == FTW_DP ? rmdir(path) : unlink(path)) && errno != ENOENT)
		die("cannot remove %s: %s", path, strerror(errno));
	return 0;
}

static void remove_tree(const char *path)
{
	struct stat st;

	if (lstat(path, &st))
		return;
	if (nftw(path, remove_entry, 32, FTW_DEPTH | FTW_PHYS))
		die("cannot remove %s: %s", path, strerror(errno));
}

static int same_content(const char *a, const char *b)
{
	struct stat sa, sb;
	size_t la, lb;
	char *ca, *cb;
	int same;

	if (lstat(a, &sa) || lstat(b, &sb))
		return 0;
	if (sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino)
		return 1;
	if ((sa.st_mode & S_IFMT) != (sb.st_mode & S_IFMT) || sa.st_size != sb.st_size)
		return 0;
	if (S_ISLNK(sa.st_mode)) {
		char ta[4096], tb[4096];
		ssize_t na = readlink(a, ta, sizeof(ta)), nb = readlink(b, tb, sizeof(tb));

		return na >= 0 && na == nb && !memcmp(ta, tb, (size_t)na);
	}
	if ((sa.st_mode & 07777) != (sb.st_mode & 07777))
		return 0;
	ca = read_file(a, &la);
	cb = read_file(b, &lb);
	same = ca && cb && la == lb && !memcmp(ca, cb, la);
	free(ca);
	free(cb);
	return same;
}

static char **trees;
static int n_trees;
static int copy_files;
static int weak_tree; /* the tree being merged gives way */

/* Copies a file or a symbolic link (mode kept, owner and times not). */
static int copy_entry(const char *src, const char *dst, const struct stat *st)
{
	char target[4096];
	char buf[65536];
	ssize_t n;
	int in, out;

	if (S_ISLNK(st->st_mode)) {
		n = readlink(src, target, sizeof(target) - 1);
		if (n < 0)
			die("cannot read the link %s: %s", src, strerror(errno));
		target[n] = '\0';
		return symlink(target, dst);
	}
	if (!S_ISREG(st->st_mode))
		die("%s is neither a file, a folder nor a link: packages install device "
		    "nodes through a device table", src);
	in = open(src, O_RDONLY | O_CLOEXEC);
	if (in < 0)
		die("cannot open %s: %s", src, strerror(errno));
	out = open(dst, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, st->st_mode & 07777);
	if (out < 0) {
		int saved = errno;

		close(in);
		errno = saved;
		return -1;
	}
	while ((n = read(in, buf, sizeof(buf))) > 0)
		if (write_all(out, buf, (size_t)n))
			die("cannot write %s: %s", dst, strerror(errno));
	if (n < 0)
		die("cannot read %s: %s", src, strerror(errno));
	if (fchmod(out, st->st_mode & 07777) || close(out))
		die("cannot write %s: %s", dst, strerror(errno));
	close(in);
	return 0;
}

static int add_entry(const char *src, const char *dst, const struct stat *st)
{
	if (copy_files)
		return copy_entry(src, dst, st);
	return linkat(AT_FDCWD, src, AT_FDCWD, dst, 0);
}

/* Which earlier tree put rel into the union (for the error message). */
static const char *owner_of(const char *rel, int before)
{
	int i;

	for (i = 0; i < before; i++) {
		char *path = xasprintf("%s/%s", trees[i], rel);
		struct stat st;
		int found = !lstat(path, &st);

		free(path);
		if (found)
			return trees[i];
	}
	return "an earlier tree";
}

static void merge(const char *dest, int index, const char *rel)
{
	const char *tree = trees[index];
	char *src_dir = *rel ? xasprintf("%s/%s", tree, rel) : xstrdup(tree);
	DIR *dir = opendir(src_dir);
	struct dirent *e;

	if (!dir)
		die("cannot read %s: %s", src_dir, strerror(errno));
	while ((e = readdir(dir))) {
		char *sub, *src, *dst;
		struct stat st, existing;

		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		sub = *rel ? xasprintf("%s/%s", rel, e->d_name) : xstrdup(e->d_name);
		src = xasprintf("%s/%s", tree, sub);
		dst = xasprintf("%s/%s", dest, sub);
		if (lstat(src, &st))
			die("cannot stat %s: %s", src, strerror(errno));
		if (S_ISDIR(st.st_mode)) {
			if (!lstat(dst, &existing) && !S_ISDIR(existing.st_mode)) {
				if (weak_tree)
					goto next;
				die("%s is a folder in %s but not in %s", sub, tree, owner_of(sub, index));
			}
			if (mkdir(dst, st.st_mode & 07777) && errno != EEXIST)
				die("cannot create %s: %s", dst, strerror(errno));
			merge(dest, index, sub);
		} else if (add_entry(src, dst, &st)) {
			if (errno != EEXIST)
				die("cannot add %s as %s: %s", src, dst, strerror(errno));
			if (!weak_tree && !same_content(src, dst))
				die("%s is installed by both %s and %s, with different contents; "
				    "remove it from one of them", sub, owner_of(sub, index), tree);
		}
next:
		free(sub);
		free(src);
		free(dst);
	}
	closedir(dir);
	free(src_dir);
}

static void assemble(const char *dest)
{
	char *next = xasprintf("%s.new", dest);
	struct stat st;
	int i;

	remove_tree(next);
	make_dirs(next);
	/* the trees that give way come last */
	for (weak_tree = 0; weak_tree < 2; weak_tree++) {
		for (i = 0; i < n_trees; i++) {
			int weak = !strncmp(trees[i], "weak:", 5);

			if (weak != weak_tree)
				continue;
			if (weak)
				trees[i] += 5;
			if (stat(trees[i], &st))
				continue;	/* a package that installs nothing there */
			if (!S_ISDIR(st.st_mode))
				die("%s is not a folder", trees[i]);
			merge(next, i, "");
		}
	}
	if (!lstat(dest, &st)) {
		if (renameat2(AT_FDCWD, next, AT_FDCWD, dest, RENAME_EXCHANGE) == 0) {
			remove_tree(next);	/* now holds the old union */
		} else {
			char *old = xasprintf("%s.old", dest);

			remove_tree(old);
			if (rename(dest, old) || rename(next, dest))
				die("cannot replace %s: %s", dest, strerror(errno));
			remove_tree(old);
			free(old);
		}
	} else if (rename(next, dest)) {
		die("cannot rename %s to %s: %s", next, dest, strerror(errno));
	}
	free(next);
}

int main(int argc, char **argv)
{
	program_name = "kiln-tree";
	if (argc > 2 && !strcmp(argv[2], "--copy")) {
		copy_files = 1;
		argv[2] = argv[1];
		argv++;
		argc--;
	}
	if (argc < 3 || strcmp(argv[1], "assemble")) {
		fprintf(stderr, "usage: kiln-tree assemble [--copy] DEST [[weak:]TREE...]\n"
			"Makes DEST the union of the TREEs, with hard links (--copy: copies);\n"
			"a weak: tree only fills paths no other tree has.\n");
		return 2;
	}
	trees = argv + 3;
	n_trees = argc - 3;
	assemble(argv[2]);
	return 0;
}
