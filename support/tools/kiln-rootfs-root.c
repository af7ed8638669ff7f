// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Paths inside the target folder, resolved as if it were "/".
 *
 * Each component is opened with O_NOFOLLOW from the folder before it; a
 * symbolic link met on the way is read and its target walked from the
 * target folder (absolute links) or from where it sits (relative ones),
 * with ".." stopping at the target folder.  So a link such as
 * /var/run -> /run works as it will on the device, and nothing the
 * tables name can reach outside the target, whatever its links say.
 */
#include "kiln-rootfs.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_LINKS 40

static int target_fd = -1;
static const char *target_name;

void root_open(const char *dir)
{
	target_fd = open(dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (target_fd < 0)
		die("cannot open the target folder %s: %s", dir, strerror(errno));
	target_name = dir;
}

const char *root_name(void)
{
	return target_name;
}

int root_path_ok(const char *path)
{
	const char *p = path;

	if (!*path)
		return -1;
	while (*p) {
		size_t len = strcspn(p, "/");

		if (len == 2 && p[0] == '.' && p[1] == '.')
			return -1;
		p += len;
		p += strspn(p, "/");
	}
	return 0;
}

/* The folders walked so far: [0] is the target, the last is where we are. */
struct walk {
	int *fd;
	int depth, cap;
	int links;
	int follow_last, make;
	mode_t mode;		/* of the folders made */
};

static int walk_top(struct walk *w)
{
	return w->fd[w->depth - 1];
}

static void walk_push(struct walk *w, int fd)
{
	if (w->depth == w->cap) {
		w->cap = w->cap ? w->cap * 2 : 16;
		w->fd = xrealloc(w->fd, sizeof(*w->fd) * (size_t)w->cap);
	}
	w->fd[w->depth++] = fd;
}

static void walk_pop_to(struct walk *w, int depth)
{
	while (w->depth > depth)
		close(w->fd[--w->depth]);
}

/* Returns the link's target, or NULL when name is not a symbolic link. */
static char *read_link(int dir_fd, const char *name)
{
	char buf[PATH_MAX];
	ssize_t n = readlinkat(dir_fd, name, buf, sizeof(buf) - 1);

	if (n < 0)
		return NULL;
	buf[n] = '\0';
	return xstrdup(buf);
}

/*
 * rest becomes link target + "/" + rest; an absolute target goes back to
 * the target folder.  Returns -1 (errno ELOOP) after too many links.
 */
static int walk_into_link(struct walk *w, char *target, char **rest)
{
	char *joined;

	if (++w->links > MAX_LINKS) {
		free(target);
		errno = ELOOP;
		return -1;
	}
	if (*target == '/')
		walk_pop_to(w, 1);
	joined = **rest ? xasprintf("%s/%s", target, *rest) : xstrdup(target);
	free(target);
	free(*rest);
	*rest = joined;
	return 0;
}

/* Cuts the first component off *rest; returns it (to free), or NULL at the end. */
static char *next_component(char **rest)
{
	char *p = *rest + strspn(*rest, "/");
	size_t len = strcspn(p, "/");
	char *name, *after;

	if (!len)
		return NULL;
	name = xmalloc(len + 1);
	memcpy(name, p, len);
	name[len] = '\0';
	after = xstrdup(p + len + strspn(p + len, "/"));
	free(*rest);
	*rest = after;
	return name;
}

static int enter_folder(struct walk *w, const char *name)
{
	int fd = openat(walk_top(w), name, O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);

	if (fd < 0 && errno == ENOENT && w->make) {
		if (mkdirat(walk_top(w), name, w->mode) && errno != EEXIST)
			die("cannot create %s/%s: %s", root_name(), name, strerror(errno));
		/* the mode asked for, whatever the umask */
		if (fchmodat(walk_top(w), name, w->mode, 0))
			die("cannot set the mode of %s: %s", name, strerror(errno));
		fd = openat(walk_top(w), name, O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	}
	if (fd < 0)
		return -1;
	walk_push(w, fd);
	return 0;
}

/* One step of the walk: 0 done, 1 went on, -1 failed. */
static int walk_step(struct walk *w, char *name, char **rest)
{
	char *target;
	int last = !**rest;

	if (!strcmp(name, "."))
		return 1;
	if (!strcmp(name, "..")) {
		walk_pop_to(w, w->depth > 1 ? w->depth - 1 : 1);
		return 1;
	}
	target = read_link(walk_top(w), name);
	if (target && (!last || w->follow_last))
		return walk_into_link(w, target, rest) ? -1 : 1;
	free(target);
	if (last)
		return 0;
	return enter_folder(w, name) ? -1 : 1;
}

static int lookup(struct walk *w, const char *path, char **leaf)
{
	char *rest = xstrdup(path), *name;
	int r = 1;

	while (r == 1 && (name = next_component(&rest))) {
		r = walk_step(w, name, &rest);
		if (r == 0)
			*leaf = name;
		else
			free(name);
	}
	free(rest);
	if (r == 1)
		*leaf = xstrdup("");
	return r < 0 ? -1 : 0;
}

int root_lookup(const char *path, int follow_last, int make_parents, mode_t dir_mode, char **leaf)
{
	struct walk w = { .follow_last = follow_last, .make = make_parents, .mode = dir_mode };
	int fd, saved;

	walk_push(&w, dup(target_fd));
	if (w.fd[0] < 0)
		die("cannot duplicate a descriptor: %s", strerror(errno));
	if (lookup(&w, path, leaf)) {
		saved = errno;
		walk_pop_to(&w, 0);
		free(w.fd);
		errno = saved;
		return -1;
	}
	fd = w.fd[--w.depth];
	walk_pop_to(&w, 0);
	free(w.fd);
	return fd;
}

int root_make_dirs(const char *path, mode_t mode)
{
	char *leaf;
	int parent = root_lookup(path, 1, 1, mode, &leaf);
	struct walk w = { .make = 1, .mode = mode };
	int fd;

	if (parent < 0)
		die("cannot create %s in %s: %s", path, root_name(), strerror(errno));
	if (!*leaf) {
		free(leaf);
		return parent;
	}
	walk_push(&w, parent);
	if (enter_folder(&w, leaf))
		die("cannot create %s in %s: %s", path, root_name(), strerror(errno));
	fd = w.fd[--w.depth];
	walk_pop_to(&w, 0);
	free(w.fd);
	free(leaf);
	return fd;
}
