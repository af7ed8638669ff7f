// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * kconfig merge: apply configuration fragments in order onto a base
 * configuration, resolve the result against a Kconfig tree as
 * olddefconfig would, write it, and name every requested value that did
 * not survive with the reason: an unknown symbol, a value of the wrong
 * type or out of range, an unmet dependency (its failing part), a
 * select that forces another value (the selecting symbol), a choice
 * that took another member.  The reasons come from explain.c, the same
 * sentences menuconfig shows.
 *
 * The last value given for a symbol counts (with -y, a y is not lowered
 * to m); a y for a member of a choice drops the earlier y of the other
 * members.  Without -k nor a Kconfig file around, or with -m, the inputs
 * are only merged as text, like merge_config.sh -m.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tool.h"

struct request {
	const struct cfg_file *file;
	const struct cfg_line *line;
	bool from_base;
	bool replaced;		/* a later input set the symbol again */
	const char *invalid;	/* why the line cannot be used, or NULL */
};

struct merge {
	struct cfg_file *inputs;
	int ninputs;
	struct request *req;
	int nreq, cap;
	/* name -> index of the request that counts */
	int *slots;
	unsigned nslots;
	bool y_wins, redundant, verbose, check_base;
};

static unsigned name_slot(const struct merge *m, const char *name)
{
	unsigned h = 2166136261U;

	for (; *name; name++)
		h = (h ^ (unsigned char)*name) * 0x01000193;
	return h & (m->nslots - 1);
}

enum { SLOT_EMPTY = -1, SLOT_DROPPED = -2 };

/*
 * The slot of name: SLOT_EMPTY, or the index of the request that counts,
 * or SLOT_DROPPED (a choice sibling's y, see drop_choice_siblings).
 */
static int *slot_of(struct merge *m, const char *name)
{
	unsigned i = name_slot(m, name);

	for (;; i = (i + 1) & (m->nslots - 1)) {
		int s = m->slots[i];

		if (s == SLOT_EMPTY)
			return &m->slots[i];
		if (s == SLOT_DROPPED) {
			/* a dropped slot remembers no name: keep probing */
			continue;
		}
		if (!strcmp(m->req[s].line->name, name))
			return &m->slots[i];
	}
}

static void describe_line(struct strbuf *sb, const struct request *r)
{
	sb_addf(sb, "%s:%d: '%s'", r->file->path, r->line->lineno, r->line->text);
}

/* the value as the engine compares it: strings without their quotes */
static char *plain_value(const struct cfg_line *l, struct symbol *sym)
{
	if (sym && sym->type == TYPE_STRING)
		return cfg_unquote(l->value);
	return xstrdup(l->value);
}

/* can conf read this line as it is? (it warns about the others, naming a temporary file) */
static const char *check_line(const struct cfg_line *l, struct symbol *sym)
{
	char *text;

	if (!sym || sym->type == TYPE_UNKNOWN || !sym->prop)
		return "unknown symbol: no Kconfig file defines it";
	switch (sym->type) {
	case TYPE_BOOL:
		if (l->value[0] != 'y' && l->value[0] != 'n')
			return "a bool takes y or n";
		break;
	case TYPE_TRISTATE:
		if (l->value[0] != 'y' && l->value[0] != 'm' && l->value[0] != 'n')
			return "a tristate takes y, m or n";
		break;
	case TYPE_STRING:
		if (l->unset)
			return "a string cannot be 'not set'; write NAME=\"\" for an empty one";
		text = cfg_unquote(l->value);
		if (!text)
			return "a string value goes in double quotes, with \\\" and \\\\ inside";
		free(text);
		break;
	case TYPE_INT:
	case TYPE_HEX:
		if (l->unset)
			return "a number cannot be 'not set'; remove the line to take the default";
		if (!sym_string_valid(sym, l->value))
			return sym->type == TYPE_INT ? "not a decimal integer" :
			       "not a hexadecimal number";
		break;
	default:
		break;
	}
	return NULL;
}

static void add_request(struct merge *m, const struct cfg_file *f, const struct cfg_line *l,
			bool from_base)
{
	struct request *r;
	int *slot;

	if (m->nreq == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 1024;
		m->req = xrealloc(m->req, m->cap * sizeof(*m->req));
	}
	r = &m->req[m->nreq];
	memset(r, 0, sizeof(*r));
	r->file = f;
	r->line = l;
	r->from_base = from_base;
	slot = slot_of(m, l->name);
	if (*slot >= 0) {
		struct request *old = &m->req[*slot];

		if (m->y_wins && !strcmp(old->line->value, "y") && !strcmp(l->value, "m")) {
			if (m->verbose) {
				struct strbuf sb = { 0 };

				describe_line(&sb, r);
				fprintf(stderr, "%s: keeps y (-y): set by %s:%d\n", sb_str(&sb),
					old->file->path, old->line->lineno);
				sb_free(&sb);
			}
			return;
		}
		if (m->redundant && !from_base && !strcmp(old->line->value, l->value))
			fprintf(stderr, "%s:%d: note: '%s' is redundant: %s:%d already sets it\n",
				f->path, l->lineno, l->text, old->file->path, old->line->lineno);
		else if (m->verbose)
			fprintf(stderr, "%s:%d: note: '%s' replaces '%s' of %s:%d\n", f->path,
				l->lineno, l->text, old->line->text, old->file->path,
				old->line->lineno);
		old->replaced = true;
	}
	*slot = m->nreq++;
}

/* a y for a choice member: the earlier y of its siblings no longer count */
static void drop_choice_siblings(struct merge *m, struct request *r, struct symbol *sym)
{
	struct symbol *cs = sym->choice;

	if (!sym_is_choice_value(sym) || strcmp(r->line->value, "y") || !cs)
		return;
	for (int i = 0; i < cs->nmembers; i++) {
		struct symbol *other = cs->members[i];
		int *slot;

		if (other == sym || !other->name)
			continue;
		slot = slot_of(m, other->name);
		if (*slot >= 0 && !strcmp(m->req[*slot].line->value, "y") && *slot < r - m->req) {
			m->req[*slot].replaced = true;
			*slot = SLOT_DROPPED;
		}
	}
}

static void collect(struct merge *m)
{
	unsigned lines = 0;

	for (int i = 0; i < m->ninputs; i++)
		lines += m->inputs[i].n;
	for (m->nslots = 64; m->nslots < 2 * lines + 16; m->nslots *= 2)
		;
	m->slots = xmalloc(m->nslots * sizeof(*m->slots));
	for (unsigned i = 0; i < m->nslots; i++)
		m->slots[i] = SLOT_EMPTY;
	for (int i = 0; i < m->ninputs; i++)
		for (int j = 0; j < m->inputs[i].n; j++)
			if (m->inputs[i].lines[j].name)
				add_request(m, &m->inputs[i], &m->inputs[i].lines[j], i == 0);
}

/* -m: the base with the values replaced in place, new ones at the end */
static int write_text(struct merge *m, const char *out_path)
{
	FILE *out = fopen(out_path, "w");
	bool *written = xcalloc(m->nreq + 1, sizeof(*written));

	if (!out) {
		tool_error("cannot write '%s': %s", out_path, strerror(errno));
		free(written);
		return EXIT_ERROR;
	}
	for (int j = 0; j < m->inputs[0].n; j++) {
		const struct cfg_line *l = &m->inputs[0].lines[j];
		int slot;

		if (!l->name) {
			fprintf(out, "%s\n", l->text);
			continue;
		}
		slot = *slot_of(m, l->name);
		if (slot >= 0 && !written[slot]) {
			fprintf(out, "%s\n", m->req[slot].line->text);
			written[slot] = true;
		}
	}
	for (int i = 0; i < m->nreq; i++) {
		if (!m->req[i].replaced && !written[i]) {
			fprintf(out, "%s\n", m->req[i].line->text);
			written[i] = true;
		}
	}
	free(written);
	if (fclose(out)) {
		tool_error("cannot write '%s': %s", out_path, strerror(errno));
		return EXIT_ERROR;
	}
	return EXIT_OK;
}

/* the values that count, in a file conf can read; NULL on error */
static char *write_requests(struct merge *m, const char *out_path)
{
	struct strbuf name = { 0 };
	FILE *out;
	int fd;

	sb_addf(&name, "%s.merge.XXXXXX", out_path);
	fd = mkstemp(name.buf);
	if (fd < 0 || !(out = fdopen(fd, "w"))) {
		tool_error("cannot create '%s': %s", name.buf, strerror(errno));
		sb_free(&name);
		return NULL;
	}
	for (int i = 0; i < m->nreq; i++) {
		struct request *r = &m->req[i];

		if (r->replaced || r->invalid)
			continue;
		if (r->line->unset)
			fprintf(out, "# %s%s is not set\n", config_prefix(), r->line->name);
		else
			fprintf(out, "%s%s=%s\n", config_prefix(), r->line->name, r->line->value);
	}
	if (fclose(out)) {
		tool_error("cannot write '%s': %s", name.buf, strerror(errno));
		unlink(name.buf);
		sb_free(&name);
		return NULL;
	}
	return sb_detach(&name);
}

/*
 * As conf_read, values out of their range fall back to the default; then
 * everything is computed afresh from what the inputs set (conf_write
 * keeps values computed while reading, as Linux does).
 */
static void drop_out_of_range(void)
{
	struct symbol *sym;
	int i;

	sym_calc_value(modules_sym);
	for_all_symbols(i, sym)
		sym_calc_value(sym);
	for_all_symbols(i, sym) {
		if (!sym_has_value(sym) || sym_is_choice_value(sym))
			continue;
		if ((sym->type == TYPE_STRING || sym->type == TYPE_INT || sym->type == TYPE_HEX) &&
		    !sym_string_within_range(sym, sym->def[DEF_USER].str))
			sym->flags &= ~SF_DEF_USER;
	}
	sym_clear_all_valid();
}

/* -n: what no input sets starts from n, as in allnoconfig */
static void unset_to_no(void)
{
	struct symbol *sym;
	int i;

	for_all_symbols(i, sym) {
		if (sym_has_value(sym) || sym_is_choice(sym) ||
		    (sym->type != TYPE_BOOL && sym->type != TYPE_TRISTATE))
			continue;
		sym->def[DEF_USER].tri = TRI_N;
		sym->flags |= SF_DEF_USER;
	}
	sym_clear_all_valid();
}

static int report_lost(struct merge *m, const char *out_path)
{
	int lost = 0, checked = 0;

	sym_clear_all_valid();
	for (int i = 0; i < m->nreq; i++) {
		struct request *r = &m->req[i];
		struct strbuf why = { 0 }, where = { 0 };
		struct symbol *sym;
		char *value;
		bool gone;

		if (r->replaced || (r->from_base && !m->check_base))
			continue;
		checked++;
		sym = sym_find(r->line->name);
		if (r->invalid) {
			sb_adds(&why, r->invalid);
			gone = true;
		} else {
			value = plain_value(r->line, sym);
			gone = explain_requested(&why, sym, value);
			free(value);
		}
		if (!gone)
			continue;
		lost++;
		describe_line(&where, r);
		fprintf(stderr, "%s did not survive: %s\n", sb_str(&where), sb_str(&why));
		sb_free(&where);
		sb_free(&why);
	}
	if (lost)
		fprintf(stderr, "%s: %d of %d requested values did not survive; %s is written\n",
			tool_name, lost, checked, out_path);
	return lost;
}

static const char *default_kconfig(void)
{
	static const char *const names[] = { "Kconfig", "Config.in" };

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		FILE *f = kc_fopen_src(names[i]);

		if (f) {
			fclose(f);
			return names[i];
		}
	}
	return NULL;
}

static void usage(void)
{
	printf("Usage: %s [options] BASE [FRAGMENT...]\n"
	       "\n"
	       "Applies the fragments in order onto BASE (a .config or a defconfig), resolves\n"
	       "the result against the Kconfig tree as olddefconfig does, writes it, and names\n"
	       "each value a fragment asked for that did not survive, with the reason.\n"
	       "\n"
	       "  -k, --kconfig FILE  the top Kconfig file (default: Kconfig, else Config.in,\n"
	       "                      here or under $srctree)\n"
	       "  -o, --output FILE   the result (default: $KCONFIG_CONFIG or .config)\n"
	       "  -O DIR              the result is DIR/.config\n"
	       "  -m                  merge only, as text: no Kconfig tree, no resolution\n"
	       "  -n                  symbols no input sets start from n (allnoconfig), not their\n"
	       "                      default\n"
	       "  -y                  a y is not lowered to m by a later input\n"
	       "  -r                  also note fragment values that repeat what is already set\n"
	       "  -a, --check-base    also report BASE's values that did not survive\n"
	       "  --lost-ok           exit 0 even when values did not survive\n"
	       "  -v, --verbose       note each value a later input replaces\n"
	       "  --prefix P          the symbol prefix (default: $CONFIG_ or CONFIG_)\n"
	       "  --legacy            the Kconfig tree is in the legacy dialect (Linux 4.11)\n"
	       "Exit status: 0 every requested value survived, 1 error (nothing written),\n"
	       "2 written, but some requested values did not survive (listed on stderr).\n",
	       tool_name);
}

int merge_main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "kconfig", required_argument, NULL, 'k' },
		{ "output", required_argument, NULL, 'o' },
		{ "check-base", no_argument, NULL, 'a' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "lost-ok", no_argument, NULL, 'L' },
		{ "prefix", required_argument, NULL, 'p' },
		{ "legacy", no_argument, NULL, 'l' },
		{ NULL, 0, NULL, 0 }
	};
	struct merge m = { 0 };
	const char *kconfig = NULL, *out_path = NULL;
	struct strbuf out_dir = { 0 };
	bool text_only = false, all_no = false, lost_ok = false;
	char *tmp;
	int opt, lost;

	while ((opt = getopt_long(argc, argv, "hk:o:O:mnyrav", opts, NULL)) != -1) {
		switch (opt) {
		case 'h':
			usage();
			return EXIT_OK;
		case 'k': kconfig = optarg; break;
		case 'o': out_path = optarg; break;
		case 'O':
			sb_free(&out_dir);
			sb_addf(&out_dir, "%s/.config", optarg);
			out_path = out_dir.buf;
			break;
		case 'm': text_only = true; break;
		case 'n': all_no = true; break;
		case 'y': m.y_wins = true; break;
		case 'r': m.redundant = true; break;
		case 'a': m.check_base = true; break;
		case 'v': m.verbose = true; break;
		case 'L': lost_ok = true; break;
		case 'p': setenv("CONFIG_", optarg, 1); break;
		case 'l': kconfig_force_dialect(true); break;
		default:
			fprintf(stderr, "Run '%s --help' for the usage.\n", tool_name);
			return EXIT_ERROR;
		}
	}
	if (optind >= argc)
		tool_usage_error("give the base configuration, then the fragments to apply");
	if (!out_path)
		out_path = conf_get_configname();
	m.ninputs = argc - optind;
	m.inputs = xcalloc(m.ninputs, sizeof(*m.inputs));
	for (int i = 0; i < m.ninputs; i++) {
		if (cfg_load(&m.inputs[i], argv[optind + i], true)) {
			tool_error("cannot read '%s': %s", argv[optind + i], strerror(errno));
			return EXIT_ERROR;
		}
	}
	if (!text_only && !kconfig && !(kconfig = default_kconfig()))
		tool_usage_error("no Kconfig file here or under $srctree: name it with -k, or merge as text with -m");

	if (!text_only) {
		/* the tree first: choices and types decide what a line means */
		conf_set_message_callback(NULL);
		parse_kconfig(kconfig);
	}
	collect(&m);
	if (text_only)
		return write_text(&m, out_path);

	for (int i = 0; i < m.nreq; i++) {
		struct request *r = &m.req[i];
		struct symbol *sym = sym_find(r->line->name);

		r->invalid = check_line(r->line, sym);
		if (!r->invalid && !r->replaced)
			drop_choice_siblings(&m, r, sym);
	}
	tmp = write_requests(&m, out_path);
	if (!tmp)
		return EXIT_ERROR;
	if (conf_read_simple(tmp, DEF_USER)) {
		tool_error("cannot read back '%s'", tmp);
		unlink(tmp);
		return EXIT_ERROR;
	}
	unlink(tmp);
	free(tmp);
	drop_out_of_range();
	if (all_no)
		unset_to_no();
	if (conf_write(out_path))
		return EXIT_ERROR;
	lost = report_lost(&m, out_path);
	for (int i = 0; i < m.ninputs; i++)
		cfg_free(&m.inputs[i]);
	free(m.inputs);
	free(m.req);
	free(m.slots);
	sb_free(&out_dir);
	return lost && !lost_ok ? EXIT_LOST : EXIT_OK;
}
