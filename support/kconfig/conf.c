// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * conf: the line-oriented front end, a drop-in for Linux's
 * scripts/kconfig/conf (same options, same environment).
 */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include "kconfig.h"

enum input_mode {
	MODE_OLDASK, MODE_OLD, MODE_SYNC, MODE_DEFCONFIG, MODE_SAVEDEFCONFIG,
	MODE_ALLNO, MODE_ALLYES, MODE_ALLMOD, MODE_ALLDEF, MODE_RAND,
	MODE_LISTNEW, MODE_HELPNEW, MODE_OLDDEF, MODE_YES2MOD, MODE_MOD2YES,
	MODE_MOD2NO,
};

enum fill { FILL_DEFAULT, FILL_YES, FILL_MOD, FILL_NO, FILL_RANDOM };

static enum input_mode input_mode = MODE_OLDASK;
static int mode_opt;
static int indent = 1;
static bool tty_stdio;
static int changes_this_pass;
static struct menu *root_entry;
static char line[4096];
static bool input_ended;		/* the last answer met the end of stdin */

static const struct option long_opts[] = {
	{ "help", no_argument, NULL, 'h' },
	{ "silent", no_argument, NULL, 's' },
	{ "oldaskconfig", no_argument, &mode_opt, MODE_OLDASK },
	{ "oldconfig", no_argument, &mode_opt, MODE_OLD },
	{ "syncconfig", no_argument, &mode_opt, MODE_SYNC },
	{ "defconfig", optional_argument, &mode_opt, MODE_DEFCONFIG },
	{ "savedefconfig", required_argument, &mode_opt, MODE_SAVEDEFCONFIG },
	{ "allnoconfig", no_argument, &mode_opt, MODE_ALLNO },
	{ "allyesconfig", no_argument, &mode_opt, MODE_ALLYES },
	{ "allmodconfig", no_argument, &mode_opt, MODE_ALLMOD },
	{ "alldefconfig", no_argument, &mode_opt, MODE_ALLDEF },
	{ "randconfig", no_argument, &mode_opt, MODE_RAND },
	{ "listnewconfig", no_argument, &mode_opt, MODE_LISTNEW },
	{ "helpnewconfig", no_argument, &mode_opt, MODE_HELPNEW },
	{ "olddefconfig", no_argument, &mode_opt, MODE_OLDDEF },
	{ "yes2modconfig", no_argument, &mode_opt, MODE_YES2MOD },
	{ "mod2yesconfig", no_argument, &mode_opt, MODE_MOD2YES },
	{ "mod2noconfig", no_argument, &mode_opt, MODE_MOD2NO },
	/* the legacy dialect (Linux 4.11, kconfig-frontends) */
	{ "legacy", no_argument, NULL, 'L' },
	{ "silentoldconfig", no_argument, NULL, 'S' },
	{ "oldnoconfig", no_argument, &mode_opt, MODE_OLDDEF },
	{ NULL, 0, NULL, 0 }
};

static void usage(const char *prog)
{
	printf("Usage: %s [options] <Kconfig file>\n", prog);
	printf("\n"
	       "Generic options:\n"
	       "  -h, --help              Print this message and exit.\n"
	       "  -s, --silent            Do not print log.\n"
	       "\n"
	       "Mode options:\n"
	       "  --listnewconfig         List new options\n"
	       "  --helpnewconfig         List new options and help text\n"
	       "  --oldaskconfig          Start a new configuration using a line-oriented program\n"
	       "  --oldconfig             Update a configuration using a provided .config as base\n"
	       "  --syncconfig            Similar to oldconfig but generates configuration in\n"
	       "                          include/{generated/,config/}\n"
	       "  --olddefconfig          Same as oldconfig but sets new symbols to their default value\n"
	       "  --defconfig[=<file>]    New config with default defined in <file>\n"
	       "  --savedefconfig <file>  Save the minimal current configuration to <file>\n"
	       "  --allnoconfig           New config where all options are answered with no\n"
	       "  --allyesconfig          New config where all options are answered with yes\n"
	       "  --allmodconfig          New config where all options are answered with mod\n"
	       "  --alldefconfig          New config with all symbols set to default\n"
	       "  --randconfig            New config with random answer to all options\n"
	       "  --yes2modconfig         Change answers from yes to mod if possible\n"
	       "  --mod2yesconfig         Change answers from mod to yes if possible\n"
	       "  --mod2noconfig          Change answers from mod to no if possible\n"
	       "\n"
	       "Legacy dialect (Linux 4.11, kconfig-frontends; also KCONFIG_DIALECT=legacy,\n"
	       "the default when run as kconfig-conf):\n"
	       "  --legacy                Read the legacy dialect and write its formats\n"
	       "  --silentoldconfig       The legacy name of --syncconfig\n"
	       "  --oldnoconfig           The legacy name of --olddefconfig\n"
	       "\n"
	       "Environment: KCONFIG_CONFIG, KCONFIG_ALLCONFIG, KCONFIG_AUTOCONFIG,\n"
	       "KCONFIG_AUTOHEADER, KCONFIG_RUSTCCFG, KCONFIG_OVERWRITECONFIG,\n"
	       "KCONFIG_DEFCONFIG_LIST, KCONFIG_NOSILENTUPDATE, KCONFIG_SEED,\n"
	       "KCONFIG_PROBABILITY, KCONFIG_WERROR, KCONFIG_DIALECT, CONFIG_ (symbol prefix),\n"
	       "srctree.\n"
	       "See docs/kconfig.md.\n");
}

static void strip(char *str)
{
	char *p = str;
	size_t l;

	while (isspace((unsigned char)*p))
		p++;
	l = strlen(p);
	if (p != str)
		memmove(str, p, l + 1);
	while (l > 0 && isspace((unsigned char)str[l - 1]))
		str[--l] = 0;
}

/* Linux 4.11's --silentoldconfig, asked for a value on redirected input */
static _Noreturn void refuse_redirected_input(void)
{
	printf("aborted!\n\n");
	printf("Console input/output is redirected. ");
	printf("Run 'make oldconfig' to update configuration.\n\n");
	exit(1);
}

/* an answer was refused: Linux asks again, forever if the input has ended */
static void stop_if_input_ended(struct symbol *sym)
{
	if (!input_ended)
		return;
	fflush(stdout);
	fprintf(stderr, "\nerror: the input ended, and %s%s has no valid value to take by default: "
		"set it in %s, or answer on a terminal\n",
		sym->name ? config_prefix() : "", sym->name ? sym->name : "the choice",
		conf_get_configname());
	exit(1);
}

/* the answer to a question: a value, or which member a choice takes */
static void read_answer(bool choosing)
{
	if (input_mode == MODE_SYNC && !tty_stdio && sync_refuses_redirected_input())
		refuse_redirected_input();
	/* at end of input the line keeps its "\n": take the default */
	input_ended = !fgets(line, sizeof(line), stdin);
	if (input_ended)
		fprintf(stderr, "\nError in reading or end of file.\n");
	if (tty_stdio)
		return;
	if (answers_echoed())
		printf("%s", line);
	else if (!choosing)
		putchar('\n');
}

static void print_help(struct menu *menu)
{
	struct strbuf help = { 0 };

	menu_get_ext_help(menu, &help);
	printf("\n%s\n", sb_str(&help));
	sb_free(&help);
}

/* returns false when the value was taken without asking */
static bool ask_value(struct symbol *sym, const char *def)
{
	if (!sym_has_value(sym))
		printf("(NEW) ");
	line[0] = '\n';
	line[1] = 0;
	if (!sym_is_changeable(sym)) {
		printf("%s\n", def);
		return false;
	}
	if ((input_mode == MODE_OLD || input_mode == MODE_SYNC) && sym_has_value(sym)) {
		printf("%s\n", def);
		return false;
	}
	fflush(stdout);
	read_answer(false);
	return true;
}

static void conf_string(struct menu *menu)
{
	struct symbol *sym = menu->sym;
	const char *def;

	for (;;) {
		printf("%*s%s ", indent - 1, "", menu->prompt->text);
		printf("(%s) ", sym->name);
		def = sym_get_string_value(sym);
		if (def)
			printf("[%s] ", def);
		if (!ask_value(sym, def))
			return;
		if (line[0] == '\n') {
			/* keep the default */
		} else if (line[0] == '?' && line[1] == '\n') {
			print_help(menu);
			def = NULL;
		} else {
			line[strcspn(line, "\n")] = 0;
			def = line;
		}
		if (def && sym_set_string_value(sym, def))
			return;
		stop_if_input_ended(sym);
	}
}

static void conf_sym(struct menu *menu)
{
	struct symbol *sym = menu->sym;
	enum tri oldval, newval;

	for (;;) {
		printf("%*s%s ", indent - 1, "", menu->prompt->text);
		if (sym->name)
			printf("(%s) ", sym->name);
		putchar('[');
		oldval = sym_get_tristate_value(sym);
		putchar(oldval == TRI_N ? 'N' : oldval == TRI_M ? 'M' : 'Y');
		if (oldval != TRI_N && sym_tristate_within_range(sym, TRI_N))
			printf("/n");
		if (oldval != TRI_M && sym_tristate_within_range(sym, TRI_M))
			printf("/m");
		if (oldval != TRI_Y && sym_tristate_within_range(sym, TRI_Y))
			printf("/y");
		printf("%s] ", help_offered(menu) ? "/?" : "");
		if (!ask_value(sym, sym_get_string_value(sym)))
			return;
		strip(line);
		switch (line[0]) {
		case 'n': case 'N':
			newval = TRI_N;
			if (line[1] && strcmp(line + 1, "o"))
				continue;
			break;
		case 'm': case 'M':
			newval = TRI_M;
			if (line[1])
				continue;
			break;
		case 'y': case 'Y':
			newval = TRI_Y;
			if (line[1] && strcmp(line + 1, "es"))
				continue;
			break;
		case 0:
			newval = oldval;
			break;
		case '?':
			print_help(menu);
			continue;
		default:
			continue;
		}
		if (sym_set_tristate_value(sym, newval))
			return;
		stop_if_input_ended(sym);
		print_help(menu);
	}
}

static void conf(struct menu *menu);

static int count_and_show_members(struct menu *menu, struct symbol *chosen, int *def)
{
	int cnt = 0;

	for (struct menu *child = menu->list; child; child = child->next) {
		if (!menu_is_visible(child))
			continue;
		if (!child->sym) {
			printf("%*c %s\n", indent, '*', menu_get_prompt(child));
			continue;
		}
		cnt++;
		if (child->sym == chosen) {
			*def = cnt;
			printf("%*c", indent, '>');
		} else {
			printf("%*c", indent, ' ');
		}
		printf(" %d. %s", cnt, menu_get_prompt(child));
		if (child->sym->name)
			printf(" (%s)", child->sym->name);
		if (!sym_has_value(child->sym))
			printf(" (NEW)");
		printf("\n");
	}
	return cnt;
}

static struct menu *nth_visible_member(struct menu *menu, int n)
{
	for (struct menu *child = menu->list; child; child = child->next) {
		if (!child->sym || !menu_is_visible(child))
			continue;
		if (!--n)
			return child;
	}
	return NULL;
}

static void conf_choice(struct menu *menu)
{
	struct symbol *sym = menu->sym;
	bool is_new = !sym_has_value(sym);
	bool changeable = sym_is_changeable(sym);

	if (changeable) {
		conf_sym(menu);
		sym_calc_value(sym);
	}
	switch (sym_get_tristate_value(sym)) {
	case TRI_N:
		return;
	case TRI_M:
		if (!changeable)
			printf("%*s%s\n", indent - 1, "", menu_get_prompt(menu));
		return;
	case TRI_Y:
		break;
	}
	for (;;) {
		int cnt, def = 0;
		struct menu *child;

		printf("%*s%s\n", indent - 1, "", menu_get_prompt(menu));
		line[0] = 0;
		cnt = count_and_show_members(menu, sym_get_choice_value(sym), &def);
		printf("%*schoice", indent - 1, "");
		if (cnt == 1) {
			printf("[1]: 1\n");
		} else {
			printf("[1-%d%s]: ", cnt, help_offered(menu) ? "?" : "");
			if ((input_mode == MODE_OLD || input_mode == MODE_SYNC) && !is_new) {
				cnt = def;
				printf("%d\n", cnt);
			} else if (input_mode == MODE_OLD || input_mode == MODE_SYNC ||
				   input_mode == MODE_OLDASK) {
				fflush(stdout);
				read_answer(true);
				strip(line);
				if (line[0] == '?') {
					print_help(menu);
					continue;
				}
				if (!line[0])
					cnt = def;
				else if (isdigit((unsigned char)line[0]))
					cnt = atoi(line);
				else
					continue;
			}
		}
		child = nth_visible_member(menu, cnt);
		if (!child) {
			stop_if_input_ended(sym);
			continue;
		}
		if (line[0] && line[strlen(line) - 1] == '?') {
			print_help(child);
			continue;
		}
		sym_set_tristate_value(child->sym, TRI_Y);
		for (child = child->list; child; child = child->next) {
			indent += 2;
			conf(child);
			indent -= 2;
		}
		return;
	}
}

static void check_conf(struct menu *menu);

static void conf(struct menu *menu)
{
	struct symbol *sym;
	struct property *prop;

	if (!menu_is_visible(menu))
		return;
	sym = menu->sym;
	prop = menu->prompt;
	if (prop && (prop->kind == P_MENU || prop->kind == P_COMMENT)) {
		/* except in oldaskconfig, only menus holding new symbols are shown */
		if (prop->kind == P_MENU && input_mode != MODE_OLDASK && root_entry != menu) {
			check_conf(menu);
			return;
		}
		if (menu_get_prompt(menu))
			printf("%*c\n%*c %s\n%*c\n", indent, '*', indent, '*',
			       menu_get_prompt(menu), indent, '*');
	}
	if (sym) {
		if (sym_is_choice(sym)) {
			conf_choice(menu);
			if (sym->curr.tri != TRI_M)
				return;
		} else if (sym->type == TYPE_INT || sym->type == TYPE_HEX ||
			   sym->type == TYPE_STRING) {
			conf_string(menu);
		} else {
			conf_sym(menu);
		}
		indent += 2;
	}
	for (struct menu *child = menu->list; child; child = child->next)
		conf(child);
	if (sym)
		indent -= 2;
}

static void check_conf(struct menu *menu)
{
	struct symbol *sym;

	if (!menu_is_visible(menu))
		return;
	sym = menu->sym;
	if (sym && !sym_has_value(sym) &&
	    (sym_is_changeable(sym) ||
	     (sym_is_choice(sym) && sym_get_tristate_value(sym) == TRI_Y))) {
		switch (input_mode) {
		case MODE_LISTNEW:
			if (sym->name && (listnewconfig_lists_choice_members() ||
					  !sym_is_choice_value(sym)))
				print_symbol_for_listconfig(sym);
			break;
		case MODE_HELPNEW:
			printf("-----\n");
			print_help(menu);
			printf("-----\n");
			break;
		default:
			if (!changes_this_pass++)
				printf("*\n* Restart config...\n*\n");
			root_entry = menu_get_parent_menu(menu);
			conf(root_entry);
			break;
		}
	}
	for (struct menu *child = menu->list; child; child = child->next)
		check_conf(child);
}

static bool randomize_choice(struct symbol *cs)
{
	int pick;

	/* a choice at m may have several members; at n none */
	if (cs->curr.tri != TRI_Y)
		return false;
	pick = rand() % cs->nmembers;
	for (int i = 0; i < cs->nmembers; i++) {
		struct symbol *m = cs->members[i];

		m->def[DEF_USER].tri = i == pick ? TRI_Y : TRI_N;
		if (i == pick)
			cs->def[DEF_USER].sel = m;
		m->flags |= SF_DEF_USER;
		m->flags &= ~SF_VALID;
	}
	cs->flags |= SF_DEF_USER;
	cs->flags &= ~SF_VALID;
	return true;
}

static void read_probabilities(int *pby, int *pty, int *ptm)
{
	const char *env = getenv("KCONFIG_PROBABILITY");
	int p[3], n = 0;

	while (env && *env && n < 3) {
		char *end;
		long v = strtol(env, &end, 10);

		if (v < 0 || v > 100 || end == env) {
			fprintf(stderr, "KCONFIG_PROBABILITY: each value must be a percentage 0..100 ('%s')\n",
				env);
			exit(1);
		}
		p[n++] = (int)v;
		env = *end == ':' ? end + 1 : end;
	}
	switch (n) {
	case 1:
		*pby = p[0];
		*ptm = *pby / 2;
		*pty = *pby - *ptm;
		break;
	case 2:
		*pty = p[0];
		*ptm = p[1];
		*pby = *pty + *ptm;
		break;
	case 3:
		*pby = p[0];
		*pty = p[1];
		*ptm = p[2];
		break;
	}
	if (*pty + *ptm > 100) {
		fprintf(stderr, "KCONFIG_PROBABILITY: y and m together exceed 100%%\n");
		exit(1);
	}
}

static bool fill_new_symbols(enum fill how)
{
	int pby = 50, pty = 33, ptm = 33;
	bool changed = false;
	struct symbol *sym;
	int i;

	if (how == FILL_RANDOM)
		read_probabilities(&pby, &pty, &ptm);

	for_all_symbols(i, sym) {
		enum sym_type type = sym_get_type(sym);

		if (sym_has_value(sym) || (sym->flags & SF_VALID))
			continue;
		if (type != TYPE_BOOL && type != TYPE_TRISTATE)
			continue;
		changed = true;
		switch (how) {
		case FILL_YES:
			sym->def[DEF_USER].tri = TRI_Y;
			break;
		case FILL_MOD:
			sym->def[DEF_USER].tri = TRI_M;
			break;
		case FILL_NO:
			/* legacy 'option allnoconfig_y' */
			sym->def[DEF_USER].tri = sym->flags & SF_ALLNOCONFIG_Y ? TRI_Y : TRI_N;
			break;
		case FILL_RANDOM: {
			int r = rand() % 100;

			sym->def[DEF_USER].tri = TRI_N;
			if (sym->type == TYPE_TRISTATE) {
				if (r < pty)
					sym->def[DEF_USER].tri = TRI_Y;
				else if (r < pty + ptm)
					sym->def[DEF_USER].tri = TRI_M;
			} else if (r < pby) {
				sym->def[DEF_USER].tri = TRI_Y;
			}
			break;
		}
		default:
			continue;
		}
		if (!(sym_is_choice(sym) && how == FILL_RANDOM))
			sym->flags |= SF_DEF_USER;
	}

	sym_clear_all_valid();

	/* choices at y get exactly one member; at m nothing is forced */
	if (how != FILL_RANDOM) {
		for_all_symbols(i, sym)
			if ((sym_is_choice(sym) && !sym_has_value(sym)) || sym_is_choice_value(sym))
				sym->flags |= SF_NEED_SET_CHOICE_VALUES;
	}
	for_all_symbols(i, sym) {
		if (sym_has_value(sym) || !sym_is_choice(sym))
			continue;
		sym_calc_value(sym);
		if (how == FILL_RANDOM) {
			changed |= randomize_choice(sym);
		} else {
			set_all_choice_values(sym);
			changed = true;
		}
	}
	return changed;
}

static void rewrite_tristates(enum tri from, enum tri to)
{
	struct symbol *sym;
	int i;

	for_all_symbols(i, sym)
		if (sym_get_type(sym) == TYPE_TRISTATE && sym->def[DEF_USER].tri == from)
			sym->def[DEF_USER].tri = to;
	sym_clear_all_valid();
}

static void seed_random(void)
{
	struct timeval now;
	unsigned seed;
	const char *env = getenv("KCONFIG_SEED");

	gettimeofday(&now, NULL);
	seed = (unsigned)((now.tv_sec + 1) * (now.tv_usec + 1));
	if (env && *env) {
		char *end;
		long v = strtol(env, &end, 0);

		if (!*end)
			seed = (unsigned)(int)v;
	}
	printf("KCONFIG_SEED=0x%X\n", seed);
	srand(seed);
}

static void read_allconfig(void)
{
	const char *name = getenv("KCONFIG_ALLCONFIG");
	const char *file = NULL;

	if (!name)
		return;
	if (*name && strcmp(name, "1")) {
		if (conf_read_simple(name, DEF_USER)) {
			fprintf(stderr, "*** Can't read seed configuration \"%s\"!\n", name);
			exit(1);
		}
		return;
	}
	switch (input_mode) {
	case MODE_ALLNO: file = "allno.config"; break;
	case MODE_ALLYES: file = "allyes.config"; break;
	case MODE_ALLMOD: file = "allmod.config"; break;
	case MODE_ALLDEF: file = "alldef.config"; break;
	case MODE_RAND: file = "allrandom.config"; break;
	default: break;
	}
	if (conf_read_simple(file, DEF_USER) && conf_read_simple("all.config", DEF_USER)) {
		fprintf(stderr, "*** KCONFIG_ALLCONFIG set, but no \"%s\" or \"all.config\" file found\n",
			file);
		exit(1);
	}
}

int main(int argc, char **argv)
{
	const char *prog = argv[0];
	const char *defconfig_file = NULL;
	bool sync_kconfig = false, no_conf_write = false;
	const char *env;
	bool silentoldconfig = false;
	int opt;

	tty_stdio = isatty(0) && isatty(1);
	/* installed under kconfig-frontends' name: its dialect by default */
	kconfig_dialect_from_program(prog);
	env = getenv("KCONFIG_WERROR");
	kc_werror = env && *env && strcmp(env, "0");

	while ((opt = getopt_long(argc, argv, "hs", long_opts, NULL)) != -1) {
		switch (opt) {
		case 'h':
			usage(prog);
			exit(1);
		case 's':
			conf_set_message_callback(NULL);
			break;
		case 'L':
			kconfig_force_dialect(true);
			break;
		case 'S':
			silentoldconfig = true;
			mode_opt = MODE_SYNC;
			/* fall through */
		case 0:
			input_mode = (enum input_mode)mode_opt;
			if (input_mode == MODE_SYNC) {
				sync_kconfig = true;
			} else if (input_mode == MODE_DEFCONFIG || input_mode == MODE_SAVEDEFCONFIG) {
				defconfig_file = optarg;
			} else if (input_mode == MODE_RAND) {
				seed_random();
			}
			break;
		default:
			fprintf(stderr, "Run '%s --help' for the list of options.\n", prog);
			exit(1);
		}
	}
	/* "--defconfig FILE Kconfig" as well as "--defconfig=FILE Kconfig" */
	if (input_mode == MODE_DEFCONFIG && !defconfig_file && argc - optind >= 2)
		defconfig_file = argv[optind++];
	if (argc == optind) {
		fprintf(stderr, "%s: Kconfig file missing\n", prog);
		usage(prog);
		exit(1);
	}
	if (argc - optind > 1) {
		fprintf(stderr, "%s: too many arguments: '%s' after the Kconfig file\n", prog,
			argv[optind + 1]);
		exit(1);
	}
	parse_kconfig(argv[optind]);
	if (sync_kconfig && sync_is_silent())
		conf_set_message_callback(NULL);
	if (silentoldconfig && !kconfig_legacy) {
		fprintf(stderr, "%s: --silentoldconfig belongs to the legacy dialect: use --syncconfig, or --legacy\n",
			prog);
		exit(1);
	}

	switch (input_mode) {
	case MODE_DEFCONFIG:
		if (conf_read(defconfig_file)) {
			fprintf(stderr, "***\n*** Can't find default configuration \"%s\"!\n***\n",
				defconfig_file ? defconfig_file : "(KCONFIG_DEFCONFIG_LIST)");
			exit(1);
		}
		break;
	case MODE_SAVEDEFCONFIG: case MODE_SYNC: case MODE_OLDASK: case MODE_OLD:
	case MODE_LISTNEW: case MODE_HELPNEW: case MODE_OLDDEF: case MODE_YES2MOD:
	case MODE_MOD2YES: case MODE_MOD2NO:
		conf_read(NULL);
		break;
	case MODE_ALLNO: case MODE_ALLYES: case MODE_ALLMOD: case MODE_ALLDEF: case MODE_RAND:
		read_allconfig();
		break;
	}

	if (kc_werror && kc_warnings) {
		fprintf(stderr, "error: stopping on %d warning(s): KCONFIG_WERROR is set\n",
			kc_warnings);
		exit(1);
	}

	if (sync_kconfig) {
		env = getenv("KCONFIG_NOSILENTUPDATE");
		if (env && *env) {
			if (conf_get_changed()) {
				fprintf(stderr, "\n*** The configuration requires explicit update.\n\n");
				return 1;
			}
			no_conf_write = true;
		}
	}

	switch (input_mode) {
	case MODE_ALLNO:
		fill_new_symbols(FILL_NO);
		break;
	case MODE_ALLYES:
		fill_new_symbols(FILL_YES);
		break;
	case MODE_ALLMOD:
		fill_new_symbols(FILL_MOD);
		break;
	case MODE_ALLDEF:
	case MODE_DEFCONFIG:
		fill_new_symbols(FILL_DEFAULT);
		break;
	case MODE_RAND:
		while (fill_new_symbols(FILL_RANDOM))
			;
		break;
	case MODE_YES2MOD:
		rewrite_tristates(TRI_Y, TRI_M);
		break;
	case MODE_MOD2YES:
		rewrite_tristates(TRI_M, TRI_Y);
		break;
	case MODE_MOD2NO:
		rewrite_tristates(TRI_M, TRI_N);
		break;
	case MODE_OLDASK:
		root_entry = &rootmenu;
		conf(&rootmenu);
		input_mode = MODE_OLD;
		/* fall through */
	case MODE_OLD:
	case MODE_LISTNEW:
	case MODE_HELPNEW:
	case MODE_SYNC:
		/* ask until a pass finds nothing new */
		do {
			changes_this_pass = 0;
			check_conf(&rootmenu);
		} while (changes_this_pass);
		break;
	default:
		break;
	}

	if (input_mode == MODE_SAVEDEFCONFIG) {
		if (conf_write_defconfig(defconfig_file)) {
			fprintf(stderr, "\n*** Error while saving defconfig to: %s\n\n", defconfig_file);
			return 1;
		}
	} else if (input_mode != MODE_LISTNEW && input_mode != MODE_HELPNEW) {
		if (sync_kconfig && !conf_get_changed() && sync_writes_dotconfig_only_when_changed())
			no_conf_write = true;
		if (!no_conf_write && conf_write(NULL)) {
			fprintf(stderr, "\n*** Error during writing of the configuration.\n\n");
			exit(1);
		}
		/* auto.conf must exist for make; syncconfig always refreshes it */
		if ((sync_kconfig || autoconf_written_by_every_mode()) &&
		    conf_write_autoconf(sync_kconfig) && sync_kconfig) {
			fprintf(stderr, "\n*** Error during update of the configuration.\n\n");
			return 1;
		}
	}
	return 0;
}
