// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * kconfig diff: compare two configurations symbol by symbol, in the
 * format of Linux's scripts/diffconfig:
 *
 *   -NAME value           only in the old one
 *    NAME old -> new      changed
 *   +NAME value           only in the new one
 *
 * each group sorted by name; values as written ("n" for "is not set").
 * With a Kconfig tree (-k), both are first resolved against it, as
 * olddefconfig would, so that a minimal defconfig compares by the values
 * it really gives; unknown symbols are reported then.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tool.h"

enum { DIFF_SAME = 0, DIFF_DIFFERENT = 1, DIFF_TROUBLE = 2 };

struct entry {
	char *name, *value;
};

struct snapshot {
	struct entry *e;
	int n, cap;
};

static void add_entry(struct snapshot *s, const char *name, const char *value)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 256;
		s->e = xrealloc(s->e, s->cap * sizeof(*s->e));
	}
	s->e[s->n].name = xstrdup(name);
	s->e[s->n].value = xstrdup(value);
	s->n++;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->name, ((const struct entry *)b)->name);
}

/* names are unique: the readers keep one value per symbol */
static void finish(struct snapshot *s)
{
	qsort(s->e, s->n, sizeof(*s->e), by_name);
}

static int snapshot_text(struct snapshot *s, const char *path)
{
	struct cfg_file f;

	if (cfg_load(&f, path, true)) {
		tool_error("cannot read '%s': %s", path, strerror(errno));
		return -1;
	}
	for (int i = 0; i < f.n; i++) {
		struct cfg_line *l = &f.lines[i];
		struct cfg_line *last;

		if (!l->name)
			continue;
		last = cfg_find(&f, l->name);
		if (last != l) {
			fprintf(stderr, "%s:%d: warning: %s%s is set again at line %d; the last value counts\n",
				path, l->lineno, config_prefix(), l->name, last->lineno);
			continue;
		}
		add_entry(s, l->name, l->value);
	}
	cfg_free(&f);
	finish(s);
	return 0;
}

/* the values path gives once resolved against the parsed Kconfig tree */
static int snapshot_resolved(struct snapshot *s, const char *path)
{
	struct symbol *sym;
	int i;

	if (access(path, R_OK)) {
		tool_error("cannot read '%s': %s", path, strerror(errno));
		return -1;
	}
	if (conf_read(path)) {
		tool_error("cannot read '%s'", path);
		return -1;
	}
	for_all_symbols(i, sym)
		sym_calc_value(sym);
	for_all_symbols(i, sym) {
		const char *v;
		char *quoted = NULL;

		if (!sym->name || !(sym->flags & SF_WRITE) || sym_is_choice(sym) ||
		    (sym->flags & SF_NO_WRITE))
			continue;
		v = sym_get_string_value(sym);
		if (sym->type == TYPE_STRING)
			v = quoted = config_quote(v);
		add_entry(s, sym->name, v);
		free(quoted);
	}
	finish(s);
	return 0;
}

static bool differs;

static void print_change(char op, const struct entry *old, const struct entry *new,
			 bool merge_style)
{
	const char *prefix = config_prefix();

	differs = true;
	if (merge_style) {
		if (!new)
			printf("# %s%s was removed\n", prefix, old->name);
		else if (!strcmp(new->value, "n"))
			printf("# %s%s is not set\n", prefix, new->name);
		else
			printf("%s%s=%s\n", prefix, new->name, new->value);
		return;
	}
	if (op == '-')
		printf("-%s %s\n", old->name, old->value);
	else if (op == '+')
		printf("+%s %s\n", new->name, new->value);
	else
		printf(" %s %s -> %s\n", old->name, old->value, new->value);
}

static void usage(void)
{
	printf("Usage: %s [options] [OLD NEW]\n"
	       "\n"
	       "Compares two configurations (default: .config.old and .config) symbol by\n"
	       "symbol: '-NAME value' only in OLD, '+NAME value' only in NEW, ' NAME old -> new'\n"
	       "changed.  Values as written; n for '# NAME is not set'.\n"
	       "\n"
	       "  -m, --merge-style   print NEW's side as a fragment to merge (NAME=value lines)\n"
	       "  -k, --kconfig FILE  resolve both against this Kconfig tree first (as\n"
	       "                      olddefconfig would): compares the values they give, and\n"
	       "                      warns about symbols the tree does not define\n"
	       "  --prefix P          the symbol prefix (default: $CONFIG_ or CONFIG_)\n"
	       "  --legacy            the Kconfig tree is in the legacy dialect (Linux 4.11)\n"
	       "Exit status: 0 the same, 1 different, 2 trouble.\n", tool_name);
}

int diff_main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "merge-style", no_argument, NULL, 'm' },
		{ "kconfig", required_argument, NULL, 'k' },
		{ "prefix", required_argument, NULL, 'p' },
		{ "legacy", no_argument, NULL, 'l' },
		{ NULL, 0, NULL, 0 }
	};
	struct snapshot a = { 0 }, b = { 0 };
	const char *kconfig = NULL, *old_path = ".config.old", *new_path = ".config";
	bool merge_style = false;
	int opt, ia, ib, status = DIFF_SAME;

	while ((opt = getopt_long(argc, argv, "hmk:", opts, NULL)) != -1) {
		switch (opt) {
		case 'h':
			usage();
			return DIFF_SAME;
		case 'm':
			merge_style = true;
			break;
		case 'k':
			kconfig = optarg;
			break;
		case 'p':
			setenv("CONFIG_", optarg, 1);
			break;
		case 'l':
			kconfig_force_dialect(true);
			break;
		default:
			fprintf(stderr, "Run '%s --help' for the usage.\n", tool_name);
			return DIFF_TROUBLE;
		}
	}
	if (argc - optind == 2) {
		old_path = argv[optind];
		new_path = argv[optind + 1];
	} else if (argc != optind) {
		tool_error("give two configurations (OLD NEW), or none for .config.old and .config");
		return DIFF_TROUBLE;
	}
	if (kconfig) {
		conf_set_message_callback(NULL);
		parse_kconfig(kconfig);
		if (snapshot_resolved(&a, old_path) || snapshot_resolved(&b, new_path))
			return DIFF_TROUBLE;
	} else if (snapshot_text(&a, old_path) || snapshot_text(&b, new_path)) {
		return DIFF_TROUBLE;
	}

	/* removed, then changed, then added: each sorted */
	for (int pass = 0; pass < 3; pass++) {
		ia = ib = 0;
		while (ia < a.n || ib < b.n) {
			int c = ia >= a.n ? 1 : ib >= b.n ? -1 : strcmp(a.e[ia].name, b.e[ib].name);

			if (c < 0) {
				if (pass == 0)
					print_change('-', &a.e[ia], NULL, merge_style);
				ia++;
			} else if (c > 0) {
				if (pass == 2)
					print_change('+', NULL, &b.e[ib], merge_style);
				ib++;
			} else {
				if (pass == 1 && strcmp(a.e[ia].value, b.e[ib].value))
					print_change(' ', &a.e[ia], &b.e[ib], merge_style);
				ia++;
				ib++;
			}
		}
	}
	if (differs)
		status = DIFF_DIFFERENT;
	return status;
}
