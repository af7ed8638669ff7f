// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * kiln-sig: the signature of every enabled package and build stage.
 *
 * The Make layer writes a manifest (one record per package or stage, see
 * read_manifest()); this tool hashes each record's inputs (its recipe
 * folder, the infrastructure it uses, extra input files, local source
 * trees, the config symbols it reads, its dependencies' signatures) and
 * writes, only when they changed:
 *
 *   <output>/build/<pkg>/.kiln/signature   the digest, a Make prerequisite
 *   <output>/build/<pkg>/.kiln/inputs      what went into it, one per line
 *   <output>/build/<pkg>/.kiln/deps        the dependency closure
 *   <output>/.kiln/stage-<name>.signature  (and .inputs) for stages
 *
 * It also notices a step that was killed (see check_interrupted()) and
 * removes the stamps that can no longer be trusted.  Nothing in the
 * signature depends on absolute paths or times, so it can key a shared
 * cache of built packages later (override trees are the exception: they
 * are hashed by file sizes and times, not contents).
 */
#include "configfile.h"
#include "sha256.h"
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

struct field {
	char *key;
	char **values;
	int count;
};

struct record {
	char *type;		/* "package" or "stage" */
	char *name;
	struct field *fields;
	int n_fields;
	int line;
	/* computed */
	int state;		/* 0 new, 1 in progress, 2 done */
	char signature[65];
	struct strbuf inputs;
	struct record **closure;
	int n_closure, closure_cap;
	unsigned closure_mark;	/* == closure_generation: already in the closure being built */
};

struct config_entry {
	char *name;
	char *value;		/* the text after '=', or "is-not-set" */
};

static struct record *records;
static int n_records;
static const char *manifest_path;
static char *top_dir, *config_path, *output_dir;
static struct config_entry *config;
static int n_config;

/* ---- manifest ---------------------------------------------------------- */

static char **split_words(char *s, int *count)
{
	char **words = NULL, *w;
	int n = 0;

	for (w = strtok(s, " \t"); w; w = strtok(NULL, " \t")) {
		words = xrealloc(words, sizeof(*words) * (size_t)(n + 1));
		words[n++] = xstrdup(w);
	}
	*count = n;
	return words;
}

static struct field *find_field(const struct record *r, const char *key)
{
	int i;

	for (i = 0; i < r->n_fields; i++)
		if (!strcmp(r->fields[i].key, key))
			return &r->fields[i];
	return NULL;
}

static const char *field_value(const struct record *r, const char *key)
{
	struct field *f = find_field(r, key);

	return f && f->count ? f->values[0] : "";
}

/*
 * Format: "kiln-manifest 1", then "top DIR", "config FILE", "output DIR",
 * then records: "package NAME" or "stage NAME", lines "KEY VALUE...", "end".
 */
static void read_manifest(const char *path)
{
	char *text = read_file(path, NULL), *line, *next;
	struct record *cur = NULL;
	int lineno = 0;

	if (!text)
		die("cannot read %s: %s", path, strerror(errno));
	for (line = text; line && *line; line = next) {
		char *key, *rest;
		char **words;
		int count;

		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		lineno++;
		line += strspn(line, " \t");	/* Make's $(foreach) joins with spaces */
		if (!*line || *line == '#')
			continue;
		key = line;
		rest = strchr(line, ' ');
		if (rest)
			*rest++ = '\0';
		else
			rest = line + strlen(line);
		if (lineno == 1) {
			if (strcmp(key, "kiln-manifest"))
				die("%s:1: not a Kiln manifest", path);
			continue;
		}
		if (!cur && (!strcmp(key, "package") || !strcmp(key, "stage"))) {
			records = xrealloc(records, sizeof(*records) * (size_t)(n_records + 1));
			cur = &records[n_records++];
			memset(cur, 0, sizeof(*cur));
			cur->type = xstrdup(key);
			cur->name = xstrdup(rest);
			cur->line = lineno;
			continue;
		}
		if (!cur) {
			if (!strcmp(key, "top"))
				top_dir = xstrdup(rest);
			else if (!strcmp(key, "config"))
				config_path = xstrdup(rest);
			else if (!strcmp(key, "output"))
				output_dir = xstrdup(rest);
			else
				die("%s:%d: unexpected '%s'", path, lineno, key);
			continue;
		}
		if (!strcmp(key, "end")) {
			cur = NULL;
			continue;
		}
		words = split_words(rest, &count);
		cur->fields = xrealloc(cur->fields, sizeof(*cur->fields) * (size_t)(cur->n_fields + 1));
		cur->fields[cur->n_fields++] = (struct field){ xstrdup(key), words, count };
	}
	if (cur)
		die("%s: record '%s' has no 'end'", path, cur->name);
	if (!top_dir || !output_dir)
		die("%s: 'top' and 'output' are required", path);
	free(text);
}

/* Packages sorted by name, for find_package(). */
static struct record **by_name;
static int n_packages;

static int compare_records(const void *a, const void *b)
{
	return strcmp((*(struct record *const *)a)->name, (*(struct record *const *)b)->name);
}

static void index_packages(void)
{
	int i;

	by_name = xmalloc(sizeof(*by_name) * (size_t)n_records);
	for (i = 0; i < n_records; i++)
		if (!strcmp(records[i].type, "package"))
			by_name[n_packages++] = &records[i];
	qsort(by_name, (size_t)n_packages, sizeof(*by_name), compare_records);
}

static struct record *find_package(const char *name)
{
	struct record key = { .name = (char *)name }, *keyp = &key, **found;

	found = bsearch(&keyp, by_name, (size_t)n_packages, sizeof(*by_name), compare_records);
	return found ? *found : NULL;
}

/* ---- configuration ----------------------------------------------------- */

static int compare_config(const void *a, const void *b)
{
	return strcmp(((const struct config_entry *)a)->name,
		      ((const struct config_entry *)b)->name);
}

static void add_config(const char *name, const char *value)
{
	config = xrealloc(config, sizeof(*config) * (size_t)(n_config + 1));
	config[n_config].name = xstrdup(name);
	config[n_config].value = xstrdup(value);
	n_config++;
}

/* Every assignment of .config, names as written (with their KILN_ prefix). */
static void read_config(const char *path)
{
	struct config_reader reader;
	struct config_line *line;
	FILE *in;

	if (!path)
		return;
	in = fopen(path, "r");
	if (!in)
		die("cannot read %s: %s (run a configuration target first)", path, strerror(errno));
	config_reader_init(&reader, in, "");
	while ((line = config_reader_next(&reader))) {
		if (line->kind == CONFIG_SET)
			add_config(line->name, line->value);
		else if (line->kind == CONFIG_UNSET)
			add_config(line->name, "is-not-set");
	}
	if (ferror(in))
		die("cannot read %s: %s", path, strerror(errno));
	config_reader_free(&reader);
	fclose(in);
	qsort(config, (size_t)n_config, sizeof(*config), compare_config);
}

static const struct config_entry *config_lookup(const char *name)
{
	struct config_entry key = { (char *)name, NULL };

	return bsearch(&key, config, (size_t)n_config, sizeof(*config), compare_config);
}

/* Index of the first entry not sorting before prefix. */
static int config_lower_bound(const char *prefix)
{
	int lo = 0, hi = n_config;

	while (lo < hi) {
		int mid = (lo + hi) / 2;

		if (strcmp(config[mid].name, prefix) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* ---- symbol names mentioned in files ----------------------------------- */

struct name_set {
	char **names;
	int count;
};

static void name_set_add(struct name_set *set, const char *name, size_t len)
{
	int i;

	for (i = 0; i < set->count; i++)
		if (strlen(set->names[i]) == len && !strncmp(set->names[i], name, len))
			return;
	set->names = xrealloc(set->names, sizeof(char *) * (size_t)(set->count + 1));
	set->names[set->count++] = xstrndup(name, len);
}

static int is_symbol_char(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/*
 * The options a Make file reads: every KILN_ word outside comments that
 * names a symbol of the configuration ("KILN_PACKAGE_FOO" in
 * "$(KILN_PACKAGE_FOO)" too).  A comment is a line starting with '#', or
 * what follows a '#' after a blank.  They are not what a signature is made
 * of (records declare their options); they only check the declarations.
 */
struct option_read {
	char *name;
	int line;
};

struct option_reads {
	struct option_read *reads;
	int count;
};

static void add_read(struct option_reads *r, const char *name, size_t len, int line)
{
	char *symbol = xstrndup(name, len);

	if (!config_lookup(symbol)) {
		free(symbol);
		return;
	}
	r->reads = xrealloc(r->reads, sizeof(*r->reads) * (size_t)(r->count + 1));
	r->reads[r->count].name = symbol;
	r->reads[r->count++].line = line;
}

static size_t code_length(const char *line, size_t len)
{
	size_t i = strspn(line, " \t");

	if (i < len && line[i] == '#')
		return 0;
	for (; i < len; i++)
		if (line[i] == '#' && (line[i - 1] == ' ' || line[i - 1] == '\t'))
			return i;
	return len;
}

static void scan_reads(const char *text, struct option_reads *out)
{
	const char *line = text;
	int lineno = 0;

	while (*line) {
		size_t len = strcspn(line, "\n"), code = code_length(line, len);
		const char *p = line, *end;

		lineno++;
		while ((p = memmem(p, code - (size_t)(p - line), "KILN_", 5))) {
			end = p + 5;
			if (p > line && is_symbol_char(p[-1])) {
				p = end;
				continue;
			}
			while (end < line + code && is_symbol_char(*end))
				end++;
			add_read(out, p, (size_t)(end - p), lineno);
			p = end;
		}
		line += len + (line[len] == '\n');
	}
}

static void free_reads(struct option_reads *r)
{
	int i;

	for (i = 0; i < r->count; i++)
		free(r->reads[i].name);
	free(r->reads);
}

static int compare_strings(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* ---- file and tree digests --------------------------------------------- */

/*
 * How a file is named in a signature: relative to Kiln's tree when inside
 * it, else by its base name (external trees live anywhere), so that the
 * same inputs give the same signature on any machine and in any folder.
 */
static const char *portable_path(const char *path)
{
	size_t n = strlen(top_dir);
	const char *slash;

	if (!strncmp(path, top_dir, n) && path[n] == '/')
		return path + n + 1;
	slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

static void file_digest(const char *path, char hex[65])
{
	if (sha256_file(path, hex))
		die("cannot read %s: %s", path, strerror(errno));
}

static int compare_dirents(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

/*
 * Walks dir in name order and calls visit for every entry below it with its
 * path relative to dir.  ".git" folders are skipped.
 */
static void walk_tree(const char *dir, const char *rel,
		      void (*visit)(const char *path, const char *rel, const struct stat *st, void *ctx),
		      void *ctx)
{
	struct dirent **entries;
	char *here = *rel ? xasprintf("%s/%s", dir, rel) : xstrdup(dir);
	int i, n = scandir(here, &entries, NULL, compare_dirents);

	if (n < 0)
		die("cannot read folder %s: %s", here, strerror(errno));
	for (i = 0; i < n; i++) {
		const char *name = entries[i]->d_name;
		char *path, *sub;
		struct stat st;

		if (!strcmp(name, ".") || !strcmp(name, "..") || !strcmp(name, ".git")) {
			free(entries[i]);
			continue;
		}
		path = xasprintf("%s/%s", here, name);
		sub = *rel ? xasprintf("%s/%s", rel, name) : xstrdup(name);
		if (lstat(path, &st))
			die("cannot stat %s: %s", path, strerror(errno));
		visit(path, sub, &st, ctx);
		if (S_ISDIR(st.st_mode))
			walk_tree(dir, sub, visit, ctx);
		free(path);
		free(sub);
		free(entries[i]);
	}
	free(entries);
	free(here);
}

struct listing {
	struct strbuf *out;
	const char *prefix;	/* line prefix, e.g. "file " */
	int by_content;		/* 0: size and time only (override trees) */
	struct record *reader;	/* recipe folders: whose declarations its .mk files check */
};

static void check_recipe_reads(const struct record *r, const char *path, const char *text);

static int is_make_file(const char *path)
{
	size_t n = strlen(path);

	return n > 3 && !strcmp(path + n - 3, ".mk");
}

static void list_entry(const char *path, const char *rel, const struct stat *st, void *ctx)
{
	struct listing *l = ctx;
	char hex[65];

	if (S_ISDIR(st->st_mode))
		return;
	if (S_ISLNK(st->st_mode)) {
		char target[4096];
		ssize_t n = readlink(path, target, sizeof(target) - 1);

		if (n < 0)
			die("cannot read link %s: %s", path, strerror(errno));
		target[n] = '\0';
		sb_addf(l->out, "%s%s link:%s\n", l->prefix, rel, target);
		return;
	}
	if (!S_ISREG(st->st_mode))
		return;
	if (!l->by_content) {
		sb_addf(l->out, "%s%s %lld.%09ld:%lld\n", l->prefix, rel, (long long)st->st_mtim.tv_sec,
			   st->st_mtim.tv_nsec, (long long)st->st_size);
		return;
	}
	if (l->reader && is_make_file(rel) && st->st_size < (1 << 20)) {
		/* a recipe: one read for the digest and the check of what it reads */
		size_t len;
		char *text = read_file(path, &len);

		if (!text)
			die("cannot read %s: %s", path, strerror(errno));
		sha256_string(text, len, hex);
		check_recipe_reads(l->reader, path, text);
		free(text);
	} else {
		file_digest(path, hex);
	}
	sb_addf(l->out, "%s%s %s%s\n", l->prefix, rel, hex, st->st_mode & 0100 ? ":x" : "");
}

/* One line per file of the folder (recipe folders: reasons can name the file). */
static void list_folder(struct strbuf *out, const char *dir, const char *prefix, struct record *reader)
{
	struct listing l = { out, prefix, 1, reader };

	walk_tree(dir, "", list_entry, &l);
}

/* One digest for a whole tree (local sources, overlays). */
static void tree_digest(const char *dir, int by_content, char hex[65])
{
	struct strbuf listing = { 0 };
	struct listing l = { &listing, "", by_content, NULL };
	struct stat st;

	if (stat(dir, &st) || !S_ISDIR(st.st_mode))
		die("source folder %s does not exist", dir);
	sb_add(&listing, "", 0);
	walk_tree(dir, "", list_entry, &l);
	sha256_string(listing.buf, listing.len, hex);
	sb_free(&listing);
}

/* ---- signatures -------------------------------------------------------- */

/* The infrastructure files are shared by every package: read each once. */
struct infra_file {
	char *path;
	char digest[65];
	struct option_reads reads;
};
static struct infra_file *infra_files;
static int n_infra_files;

static const struct infra_file *infra_file(const char *path)
{
	struct infra_file *f;
	size_t len;
	char *text;
	int i;

	for (i = 0; i < n_infra_files; i++)
		if (!strcmp(infra_files[i].path, path))
			return &infra_files[i];
	infra_files = xrealloc(infra_files, sizeof(*infra_files) * (size_t)(n_infra_files + 1));
	f = &infra_files[n_infra_files++];
	memset(f, 0, sizeof(*f));
	f->path = xstrdup(path);
	text = read_file(path, &len);
	if (!text)
		die("cannot read %s: %s", path, strerror(errno));
	sha256_string(text, len, f->digest);
	if (is_make_file(path))
		scan_reads(text, &f->reads);
	free(text);
	return f;
}

/* ---- declared options -------------------------------------------------- */

/*
 * Each record declares the options that make it what it is ("symbols",
 * "symbol-prefixes": the package's own family, what its recipe lists in
 * <PKG>_CONFIG_SYMBOLS, what its infrastructure lists) and those it reads
 * but that must not change it ("untracked": download sites, ccache).  An
 * option read by a recipe or an infrastructure file and declared nowhere is
 * an error: a change of it would rebuild nothing.
 */
static struct strbuf undeclared;

static int in_field(const struct record *r, const char *key, const char *name, int as_prefix)
{
	struct field *f = find_field(r, key);
	int i;

	for (i = 0; f && i < f->count; i++)
		if (as_prefix ? !strncmp(name, f->values[i], strlen(f->values[i])) : !strcmp(name, f->values[i]))
			return 1;
	return 0;
}

static int declares(const struct record *r, const char *name)
{
	return in_field(r, "symbols", name, 0) || in_field(r, "symbol-prefixes", name, 1) ||
	       in_field(r, "untracked", name, 0);
}

/* Adds the message once (an infrastructure file serves many records). */
static void report_undeclared(const char *message)
{
	if (!undeclared.buf || !strstr(undeclared.buf, message))
		sb_addf(&undeclared, "%s", message);
}

static void check_reads(const struct record *r, const char *path, const struct option_reads *reads, int infra)
{
	char *message;
	int i;

	for (i = 0; i < reads->count; i++) {
		const struct option_read *read = &reads->reads[i];

		if (declares(r, read->name))
			continue;
		if (infra)
			message = xasprintf("%s:%d: %s is read here, but no infrastructure declares it: add it to "
					    "this file's KILN_INFRA_SYMBOLS_... list, or to KILN_UNTRACKED_SYMBOLS if "
					    "changing it must not rebuild anything\n",
					    portable_path(path), read->line, read->name);
		else
			message = xasprintf("%s:%d: %s reads %s, which it does not declare: add it to %s, so "
					    "that changing it rebuilds %s\n", portable_path(path), read->line,
					    r->name, read->name, field_value(r, "declare-in"), r->name);
		report_undeclared(message);
		free(message);
	}
}

static void check_recipe_reads(const struct record *r, const char *path, const char *text)
{
	struct option_reads reads = { 0 };

	scan_reads(text, &reads);
	check_reads(r, path, &reads, 0);
	free_reads(&reads);
}

/*
 * The values of the symbols in .config.  A symbol that is not in it gets no
 * line: its appearing later adds a line, which changes the signature too.
 */
static void add_config_lines(struct strbuf *out, struct name_set *symbols, struct field *prefixes,
			     struct field *untracked)
{
	int i, j;

	for (i = 0; prefixes && i < prefixes->count; i++) {
		const char *prefix = prefixes->values[i];
		size_t len = strlen(prefix);

		for (j = config_lower_bound(prefix); j < n_config; j++) {
			if (strncmp(config[j].name, prefix, len))
				break;
			name_set_add(symbols, config[j].name, strlen(config[j].name));
		}
	}
	qsort(symbols->names, (size_t)symbols->count, sizeof(char *), compare_strings);
	for (i = 0; i < symbols->count; i++) {
		const struct config_entry *e = config_lookup(symbols->names[i]);
		int skip = 0;

		for (j = 0; untracked && j < untracked->count; j++)
			skip |= !strcmp(untracked->values[j], symbols->names[i]);
		if (e && !skip)
			sb_addf(out, "config %s %s\n", symbols->names[i], e->value);
	}
}

static unsigned closure_generation;

static void add_closure(struct record *r, struct record *dep)
{
	if (dep->closure_mark == closure_generation)
		return;
	dep->closure_mark = closure_generation;
	if (r->n_closure == r->closure_cap) {
		r->closure_cap = r->closure_cap ? 2 * r->closure_cap : 8;
		r->closure = xrealloc(r->closure, sizeof(*r->closure) * (size_t)r->closure_cap);
	}
	r->closure[r->n_closure++] = dep;
}

/* Everything r depends on, directly or not (its dependencies are computed). */
static void build_closure(struct record *r, struct field *deps)
{
	int i, k;

	closure_generation++;
	for (i = 0; deps && i < deps->count; i++) {
		struct record *dep = find_package(deps->values[i]);

		add_closure(r, dep);
		for (k = 0; k < dep->n_closure; k++)
			add_closure(r, dep->closure[k]);
	}
}

static void compute(struct record *r);

static void add_dependencies(struct record *r, struct strbuf *out)
{
	struct field *deps = find_field(r, "depends");
	struct field *members = find_field(r, "members");
	char **names;
	int i, j, count;

	for (j = 0; j < 2; j++) {
		struct field *list = j ? members : deps;
		const char *label = j ? "member" : "depends";

		if (!list || !list->count)
			continue;
		count = list->count;
		names = xmalloc(sizeof(char *) * (size_t)count);
		memcpy(names, list->values, sizeof(char *) * (size_t)count);
		qsort(names, (size_t)count, sizeof(char *), compare_strings);
		for (i = 0; i < count; i++) {
			struct record *dep = find_package(names[i]);

			if (!dep)
				die("%s %s needs %s, which is not an enabled package (select it from the "
				    "package's Config.in, or enable it)", r->type, r->name, names[i]);
			if (i && !strcmp(names[i], names[i - 1]))
				continue;
			compute(dep);
			sb_addf(out, "%s %s %s\n", label, dep->name, dep->signature);
		}
		free(names);
	}
	build_closure(r, deps);
}

/* The records being computed, outermost first: a cycle is a path back into them. */
static struct record **in_progress;
static int n_in_progress;

static void die_of_cycle(const struct record *back)
{
	struct strbuf path = { 0 };
	int i = 0;

	while (in_progress[i] != back)
		i++;
	for (; i < n_in_progress; i++)
		sb_addf(&path, "%s -> ", in_progress[i]->name);
	sb_adds(&path, back->name);
	die("dependency cycle: %s (see the _DEPENDENCIES of these packages: one of them must not "
	    "depend on the next)", sb_str(&path));
}

static void compute(struct record *r)
{
	struct name_set symbols = { 0 };
	struct field *f;
	struct strbuf *out = &r->inputs;
	char hex[65];
	int i;

	if (r->state == 2)
		return;
	if (r->state == 1)
		die_of_cycle(r);
	r->state = 1;
	if (!in_progress)
		in_progress = xmalloc(sizeof(*in_progress) * (size_t)n_records);
	in_progress[n_in_progress++] = r;
	sb_add(out, "", 0);
	sb_addf(out, "%s %s %s\n", r->type, r->name, field_value(r, "version"));
	if ((f = find_field(r, "kind")))
		sb_addf(out, "kind %s %s\n", r->name, f->values[0]);
	for (i = 0; (f = find_field(r, "infra")) && i < f->count; i++) {
		const struct infra_file *infra = infra_file(f->values[i]);

		sb_addf(out, "infra %s %s\n", portable_path(infra->path), infra->digest);
		check_reads(r, infra->path, &infra->reads, 1);
	}
	if (*field_value(r, "recipe-dir"))
		list_folder(out, field_value(r, "recipe-dir"), "file ", r);
	for (i = 0; (f = find_field(r, "input")) && i < f->count; i++) {
		file_digest(f->values[i], hex);
		sb_addf(out, "input %s %s\n", portable_path(f->values[i]), hex);
	}
	for (i = 0; (f = find_field(r, "source-tree")) && i < f->count; i++) {
		tree_digest(f->values[i], 1, hex);
		sb_addf(out, "source-tree %s %s\n", portable_path(f->values[i]), hex);
	}
	for (i = 0; (f = find_field(r, "override-tree")) && i < f->count; i++) {
		tree_digest(f->values[i], 0, hex);
		sb_addf(out, "override-tree %s %s\n", portable_path(f->values[i]), hex);
	}
	for (i = 0; (f = find_field(r, "symbols")) && i < f->count; i++)
		name_set_add(&symbols, f->values[i], strlen(f->values[i]));
	add_config_lines(out, &symbols, find_field(r, "symbol-prefixes"), find_field(r, "untracked"));
	add_dependencies(r, out);
	sha256_string(out->buf, out->len, r->signature);
	r->state = 2;
	n_in_progress--;
	for (i = 0; i < symbols.count; i++)
		free(symbols.names[i]);
	free(symbols.names);
}

/* ---- reasons ----------------------------------------------------------- */

/* "file foo.mk <digest>" -> key "file foo.mk" */
static size_t key_length(const char *line)
{
	const char *space = strchr(line, ' ');

	space = space ? strchr(space + 1, ' ') : NULL;
	return space ? (size_t)(space - line) : strcspn(line, "\n");
}

static const char *find_line(const char *text, const char *key, size_t len)
{
	const char *p = text;

	while (p && *p) {
		if (key_length(p) == len && !strncmp(p, key, len))
			return p;
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	return NULL;
}

static int same_line(const char *a, const char *b)
{
	size_t la = strcspn(a, "\n"), lb = strcspn(b, "\n");

	return la == lb && !strncmp(a, b, la);
}

static void note_change(struct strbuf *why, int *count, const char *line, size_t len, const char *what)
{
	if (++*count <= 4)
		sb_addf(why, "%s%.*s %s", *count > 1 ? ", " : "", (int)len, line, what);
}

/* Prints one line saying which inputs changed since the last build. */
static void explain(const struct record *r, const char *old)
{
	struct strbuf why = { 0 };
	const char *p;
	int count = 0;

	for (p = r->inputs.buf; *p; p = strchr(p, '\n') + 1) {
		size_t len = key_length(p);
		const char *was = find_line(old, p, len);

		if (!was)
			note_change(&why, &count, p, len, "added");
		else if (!same_line(was, p))
			note_change(&why, &count, p, len, "changed");
	}
	for (p = old; *p && strchr(p, '\n'); p = strchr(p, '\n') + 1) {
		size_t len = key_length(p);

		if (!find_line(r->inputs.buf, p, len))
			note_change(&why, &count, p, len, "removed");
	}
	if (count > 4)
		sb_addf(&why, " and %d more", count - 4);
	if (count)
		fprintf(stderr, ">>> %s: inputs changed: %s\n", r->name, why.buf);
	sb_free(&why);
}

/* ---- interrupted steps ------------------------------------------------- */

/* the steps, as kiln-step names them, and their stamps, in order */
static const char *const steps[] = {
	"download", "extract", "patch", "configure", "build", "install",
};
static const char *const stamps[] = {
	"downloaded", "extracted", "patched", "configured", "built", "installed",
};

static void remove_stamps_from(const char *build_dir, int first)
{
	int i;

	for (i = first; i < (int)(sizeof(steps) / sizeof(steps[0])); i++) {
		char *stamp = xasprintf("%s/.stamp_%s", build_dir, stamps[i]);

		unlink(stamp);
		free(stamp);
	}
}

static int step_index(const char *step)
{
	int i;

	for (i = 0; i < (int)(sizeof(steps) / sizeof(steps[0])); i++)
		if (!strcmp(steps[i], step))
			return i;
	return -1;
}

/*
 * kiln-step holds an exclusive lock on .kiln/running while a step runs and
 * removes it when the step ends.  A file that is there but not locked was
 * left by a killed build.  Packages whose build system survives a kill
 * (kbuild) say "resumable yes" and continue where they stopped; the others
 * start again from a fresh extraction, since a killed compiler can leave a
 * truncated object file that make would then trust.  Make has already
 * looked at the stamps when this runs, so removing them is not enough for
 * this build: a restart from the beginning also renews the signature's
 * time, which is read again.  Returns 1 for that.
 */
static int check_interrupted(const struct record *r, const char *build_dir)
{
	char *marker = xasprintf("%s/.kiln/running", build_dir);
	int fd = open(marker, O_RDWR | O_CLOEXEC);
	char step[32] = "";
	ssize_t n;
	int index, restart;

	if (fd < 0) {
		free(marker);
		return 0;
	}
	if (flock(fd, LOCK_EX | LOCK_NB)) {
		/* a step is running right now, in another make */
		close(fd);
		free(marker);
		return 0;
	}
	n = read(fd, step, sizeof(step) - 1);
	step[n > 0 ? n : 0] = '\0';
	step[strcspn(step, "\n")] = '\0';
	index = step_index(step);
	if (index < 0)
		index = 1;
	restart = index;
	if (index >= 1 && index <= 4) {
		int resumable = !strcmp(field_value(r, "resumable"), "yes");

		restart = resumable && index >= 3 ? index : 1;
	}
	fprintf(stderr, ">>> %s: the last build was interrupted during '%s'; %s\n", r->name,
		step, restart == index ? "running that step again" : "starting again from extract");
	remove_stamps_from(build_dir, restart);
	unlink(marker);
	close(fd);
	free(marker);
	return restart == 1;
}

/* ---- output ------------------------------------------------------------ */

static void write_package(struct record *r)
{
	char *build_dir = xasprintf("%s/build/%s", output_dir, r->name);
	char *state_dir = xasprintf("%s/.kiln", build_dir);
	char *path;
	struct strbuf deps = { 0 };
	char *old;
	int i, restart;

	make_dirs(state_dir);
	restart = check_interrupted(r, build_dir);
	path = xasprintf("%s/inputs", state_dir);
	old = read_file(path, NULL);
	if (old && !strcmp(old, r->inputs.buf) && !restart) {
		/*
		 * Same inputs: same signature, and the same closure (the
		 * inputs name the dependencies and their signatures).
		 */
		free(old);
		free(path);
		free(state_dir);
		free(build_dir);
		return;
	}
	if (old)
		explain(r, old);
	free(old);
	write_if_changed(path, r->inputs.buf, r->inputs.len);
	free(path);

	sb_add(&deps, "", 0);
	for (i = 0; i < r->n_closure; i++)
		sb_addf(&deps, "%s\n", r->closure[i]->name);
	path = xasprintf("%s/deps", state_dir);
	write_if_changed(path, deps.buf, deps.len);
	free(path);
	sb_free(&deps);

	path = xasprintf("%s/signature", state_dir);
	if (!write_if_changed(path, r->signature, 64) && restart && utimensat(AT_FDCWD, path, NULL, 0))
		die("cannot touch %s: %s", path, strerror(errno));
	free(path);
	free(state_dir);
	free(build_dir);
}

static void write_stage(struct record *r)
{
	char *dir = xasprintf("%s/.kiln", output_dir);
	char *path;

	make_dirs(dir);
	path = xasprintf("%s/stage-%s.inputs", dir, r->name);
	write_if_changed(path, r->inputs.buf, r->inputs.len);
	free(path);
	path = xasprintf("%s/stage-%s.signature", dir, r->name);
	write_if_changed(path, r->signature, 64);
	free(path);
	free(dir);
}

int main(int argc, char **argv)
{
	int i;

	program_name = "kiln-sig";
	if (argc != 2 || argv[1][0] == '-') {
		fprintf(stderr, "usage: kiln-sig MANIFEST\n"
			"Computes package and stage signatures (see support/tools/kiln-sig.c).\n");
		return 2;
	}
	manifest_path = argv[1];
	read_manifest(manifest_path);
	read_config(config_path);
	index_packages();
	for (i = 0; i < n_records; i++)
		compute(&records[i]);
	if (undeclared.len) {
		fprintf(stderr, "%s", undeclared.buf);
		die("options read but not declared: no signature was written (docs/rebuild-tracking.md)");
	}
	for (i = 0; i < n_records; i++) {
		if (!strcmp(records[i].type, "package"))
			write_package(&records[i]);
		else
			write_stage(&records[i]);
	}
	return 0;
}
