// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Loading the services (see supervisor.h): the files of the folder in
 * name order, their dependencies resolved to units, the start order,
 * each environment with a PATH.  A bad file, an unknown required
 * service or a cycle is logged; the service concerned does not start.
 */
#include "unit.h"
#include "log.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_PATH	"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

struct unit *units[SUPERVISOR_MAX_SERVICES];
unsigned unit_count;
unsigned unit_order[SUPERVISOR_MAX_SERVICES];

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void load_one(const char *dir, const char *name)
{
	struct service_error err;
	struct unit *u;

	if (unit_count == SUPERVISOR_MAX_SERVICES) {
		log_error("%s/%s: more than %d services; skipped", dir, name,
			  SUPERVISOR_MAX_SERVICES);
		return;
	}
	u = calloc(1, sizeof(*u));
	if (!u) {
		log_error("%s/%s: out of memory; skipped", dir, name);
		return;
	}
	if (service_load(&u->svc, dir, name, &err) < 0) {
		log_error("%s; the service is skipped", err.message);
		free(u);
		return;
	}
	u->log.file = -1;
	u->log.pipe_write = -1;
	unit_set_state(u, UNIT_WAITING);
	units[unit_count++] = u;
}

/* the names of dir's entries, sorted: the same order on every boot */
static unsigned list_dir(const char *dir, char **names, unsigned max)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	unsigned n = 0;

	if (!d) {
		if (errno != ENOENT)
			log_error("cannot read %s: %s", dir, strerror(errno));
		return 0;
	}
	while ((e = readdir(d)) && n < max) {
		if (e->d_name[0] == '.')
			continue;
		if (!service_name_valid(e->d_name)) {
			log_error("%s/%s: not a service name (1 to %d of letters, digits, _ . @ -); skipped",
				  dir, e->d_name, SERVICE_NAME_MAX);
			continue;
		}
		names[n] = strdup(e->d_name);
		if (names[n])
			n++;
	}
	closedir(d);
	qsort(names, n, sizeof(*names), compare_names);
	return n;
}

int supervisor_find(const char *name)
{
	for (unsigned i = 0; i < unit_count; i++)
		if (!strcmp(units[i]->svc.name, name))
			return (int)i;
	return -1;
}

static void add_dep(struct unit *u, const char *name, int required)
{
	int i = supervisor_find(name);

	if (i < 0) {
		if (required)
			log_error("service %s requires %s, which does not exist; it will not start",
				  u->svc.name, name);
		else
			log_warn("service %s: 'after = %s' names no service; ignored", u->svc.name,
				 name);
		if (required)
			unit_set_state(u, UNIT_FAILED);
		return;
	}
	if (&units[i]->svc == &u->svc) {
		log_error("service %s depends on itself; it will not start", name);
		unit_set_state(u, UNIT_FAILED);
		return;
	}
	u->deps.on[u->deps.count] = (unsigned)i;
	u->required[u->deps.count++] = (unsigned char)required;
}

static void resolve_deps(void)
{
	struct depends_node nodes[SUPERVISOR_MAX_SERVICES];
	unsigned char stuck[SUPERVISOR_MAX_SERVICES];
	unsigned i, j;

	for (i = 0; i < unit_count; i++) {
		struct unit *u = units[i];

		for (j = 0; j < u->svc.after_count; j++)
			add_dep(u, u->svc.after[j], 0);
		for (j = 0; j < u->svc.requires_count; j++)
			add_dep(u, u->svc.requires[j], 1);
		nodes[i] = u->deps;
	}
	depends_order(unit_count, nodes, unit_order, stuck);
	for (i = 0; i < unit_count; i++) {
		if (!stuck[i])
			continue;
		log_error("service %s is in a dependency cycle (after, requires); it will not start",
			  units[i]->svc.name);
		unit_set_state(units[i], UNIT_FAILED);
	}
}

static void make_env(struct unit *u)
{
	unsigned n = 0, has_path = 0;

	for (; u->svc.env[n]; n++) {
		u->envp[n] = u->svc.env[n];
		has_path |= !strncmp(u->svc.env[n], "PATH=", 5);
	}
	if (!has_path)
		u->envp[n++] = DEFAULT_PATH;
	u->envp[n] = NULL;
}

int supervisor_load(const char *dir)
{
	char *names[SUPERVISOR_MAX_SERVICES];
	unsigned n = list_dir(dir, names, SUPERVISOR_MAX_SERVICES);

	for (unsigned i = 0; i < n; i++) {
		load_one(dir, names[i]);
		free(names[i]);
	}
	for (unsigned i = 0; i < unit_count; i++)
		make_env(units[i]);
	resolve_deps();
	log_info("%u services in %s", unit_count, dir);
	return 0;
}

unsigned supervisor_count(void)
{
	return unit_count;
}
