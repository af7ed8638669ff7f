// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Configuration files: reading .config and defconfig files, writing
 * .config, a minimal defconfig, and the build's view of the result
 * (auto.conf, autoconf.h, rustc_cfg, auto.conf.cmd and the per-symbol
 * files under include/config/ that tell make what changed).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "configfile.h"
#include "kconfig.h"

static bool conf_changed;
static const char *read_file;
static int read_line;

static void default_message(const char *msg)
{
	printf("#\n# %s\n#\n", msg);
}

static void (*message_fn)(const char *msg) = default_message;

void conf_set_message_callback(void (*fn)(const char *msg))
{
	message_fn = fn;
}

static void conf_message(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void conf_message(const char *fmt, ...)
{
	char buf[4096];
	va_list ap;

	if (!message_fn)
		return;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	message_fn(buf);
}

bool conf_get_changed(void)
{
	return conf_changed;
}

void conf_set_changed(bool changed)
{
	conf_changed = changed;
}

static const char *env_or(const char *var, const char *fallback)
{
	const char *v = getenv(var);

	return v ? v : fallback;
}

const char *conf_get_configname(void)
{
	return env_or("KCONFIG_CONFIG", ".config");
}

const char *conf_get_autoconfig_name(void)
{
	return env_or("KCONFIG_AUTOCONFIG", "include/config/auto.conf");
}

static void read_warning(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void read_warning(const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	kc_warn(read_file, read_line, "%s", buf);
}

/* ---- reading ---- */

/* store one value from a CONFIG_FOO=... line; false when it is unusable */
static bool set_value(struct symbol *sym, int slot, char *p)
{
	unsigned flag = SF_DEF(slot);
	char *text = p;

	switch (sym->type) {
	case TYPE_TRISTATE:
	case TYPE_BOOL:
		if (p[0] == 'm' && sym->type == TYPE_TRISTATE) {
			sym->def[slot].tri = TRI_M;
		} else if (p[0] == 'y') {
			sym->def[slot].tri = TRI_Y;
		} else if (p[0] == 'n') {
			sym->def[slot].tri = TRI_N;
		} else {
			if (slot != DEF_AUTO)
				read_warning("value '%s' is invalid for %s %s%s (use y%s or n)",
					     p, sym_type_name(sym->type), config_prefix(),
					     sym->name, sym->type == TYPE_TRISTATE ? ", m" : "");
			return false;
		}
		sym->flags |= flag;
		return true;
	case TYPE_STRING:
		/* auto.conf holds strings without quotes */
		if (slot != DEF_AUTO) {
			if (*p != '"') {
				read_warning("string value of %s%s must be in double quotes; the line is ignored",
					     config_prefix(), sym->name);
				return true;
			}
			text = config_unquote(p, NULL);
			if (!text) {
				read_warning("unterminated string value for %s%s: add the closing '\"'",
					     config_prefix(), sym->name);
				return false;
			}
		}
		/* fall through */
	case TYPE_INT:
	case TYPE_HEX:
		if (!sym_string_valid(sym, text)) {
			if (slot != DEF_AUTO)
				read_warning("value '%s' is invalid for %s %s%s%s", text,
					     sym_type_name(sym->type), config_prefix(), sym->name,
					     sym->type == TYPE_INT ? " (a decimal integer is expected)" :
					     " (a hexadecimal number is expected)");
			return false;
		}
		free(sym->def[slot].str);
		sym->def[slot].str = xstrdup(text);
		sym->flags |= flag;
		if (slot == DEF_USER)
			sym->def_line = read_line;
		return true;
	default:
		return true;
	}
}

static void touch_dep_file(const char *name);

static struct symbol *symbol_for_line(const char *name, int slot, bool is_unset)
{
	struct symbol *sym;

	if (slot == DEF_USER) {
		sym = sym_find(name);
		if (!sym) {
			read_warning("unknown symbol %s%s: no Kconfig file defines it; the line is ignored",
				     config_prefix(), name);
			conf_set_changed(true);
		} else if (sym->type == TYPE_UNKNOWN) {
			read_warning("symbol %s%s is referenced but never defined; the line is ignored",
				     config_prefix(), name);
		}
		return sym;
	}
	if (is_unset) {
		sym = sym_lookup(name, 0);
		if (sym->type == TYPE_UNKNOWN)
			sym->type = TYPE_BOOL;
		return sym;
	}
	sym = sym_find(name);
	if (!sym)
		touch_dep_file(name);	/* gone since the last build */
	return sym;
}

static void record_choice_member(struct symbol *sym, int slot)
{
	struct symbol *cs = sym->choice;

	switch (sym->def[slot].tri) {
	case TRI_N:
		break;
	case TRI_M:
		if (cs->def[slot].tri == TRI_Y) {
			read_warning("%s%s=m conflicts with the choice already set to y; the choice's value is dropped",
				     config_prefix(), sym->name);
			cs->flags &= ~SF_DEF(slot);
		}
		break;
	case TRI_Y:
		if (cs->def[slot].tri != TRI_N)
			read_warning("%s%s=y overrides an earlier member of its choice",
				     config_prefix(), sym->name);
		cs->def[slot].sel = sym;
		break;
	}
	cs->def[slot].tri = tri_or(cs->def[slot].tri, sym->def[slot].tri);
}

static FILE *open_default_config(const char **name)
{
	char *list = getenv("KCONFIG_DEFCONFIG_LIST");
	char *copy, *item, *save = NULL;
	FILE *f = NULL;

	if (kconfig_legacy && defconfig_list_sym) {
		f = legacy_open_defconfig(name);
		if (f)
			conf_message("using defaults found in %s", *name);
		return f;
	}
	if (!list)
		return NULL;
	copy = xstrdup(list);
	for (item = strtok_r(copy, " \t\n", &save); item; item = strtok_r(NULL, " \t\n", &save)) {
		f = kc_fopen_src(item);
		if (f) {
			*name = xstrdup(item);
			conf_message("using defaults found in %s", item);
			break;
		}
	}
	free(copy);
	return f;
}

/* forget what slot held: a file is read afresh */
static void clear_slot(int slot)
{
	unsigned flag = SF_DEF(slot);
	struct symbol *sym;
	int i;

	for_all_symbols(i, sym) {
		sym->flags |= SF_CHANGED;
		sym->flags &= ~(flag | SF_VALID);
		if (sym_is_choice(sym))
			sym->flags |= flag;
		free(sym->def[slot].str);
		sym->def[slot].str = NULL;
		sym->def[slot].sel = NULL;
		sym->def[slot].tri = TRI_N;
	}
}

static void warn_set_again(struct symbol *sym, int slot)
{
	if (sym->flags & SF_DEF(slot))
		read_warning("%s%s is set again; the last value wins", config_prefix(), sym->name);
}

/* one line of a configuration file: the symbol it set, or NULL */
static struct symbol *read_config_line(struct config_line *l, int slot)
{
	struct symbol *sym = NULL;

	switch (l->kind) {
	case CONFIG_UNSET:
		sym = symbol_for_line(l->name, slot, true);
		if (!sym)
			break;
		warn_set_again(sym, slot);
		if (sym->type == TYPE_BOOL || sym->type == TYPE_TRISTATE) {
			sym->def[slot].tri = TRI_N;
			sym->flags |= SF_DEF(slot);
		}
		break;
	case CONFIG_SET:
		sym = symbol_for_line(l->name, slot, false);
		if (!sym)
			break;
		warn_set_again(sym, slot);
		if (!set_value(sym, slot, l->value))
			sym = NULL;
		break;
	case CONFIG_NO_EQUALS:
		if (slot == DEF_USER && *l->name)
			read_warning("line has no '=': %.*s", (int)strcspn(l->text, "\r"), l->text);
		break;
	case CONFIG_OTHER:
		/* as in Linux, a line that begins with a carriage return passes */
		if (l->text[0] != '\r')
			read_warning("unexpected data: %.*s", (int)strcspn(l->text, "\r"), l->text);
		break;
	case CONFIG_BLANK:
	case CONFIG_COMMENT:
		break;
	}
	return sym;
}

int conf_read_simple(const char *name, int slot)
{
	struct config_reader reader;
	struct config_line *line;
	FILE *in;

	if (name) {
		in = kc_fopen_src(name);
	} else {
		name = conf_get_configname();
		in = kc_fopen_src(name);
		if (!in) {
			conf_set_changed(true);
			in = open_default_config(&name);
		}
	}
	if (!in)
		return 1;

	read_file = name;
	read_line = 0;
	clear_slot(slot);
	config_reader_init(&reader, in, config_prefix());
	while ((line = config_reader_next(&reader))) {
		struct symbol *sym;

		read_line = line->lineno;
		sym = read_config_line(line, slot);
		if (sym && sym_is_choice_value(sym))
			record_choice_member(sym, slot);
	}
	config_reader_free(&reader);
	fclose(in);
	return 0;
}

static void warn_out_of_range(struct symbol *sym)
{
	struct property *range = sym_get_range_prop(sym);

	if (!range)
		return;
	sym_calc_value(range->expr->lsym);
	sym_calc_value(range->expr->rsym);
	kc_warn(read_file, sym->def_line,
		"%s%s=%s is outside its range %s..%s; the default is used instead",
		config_prefix(), sym->name, sym->def[DEF_USER].str,
		range->expr->lsym->curr.str, range->expr->rsym->curr.str);
}

int conf_read(const char *name)
{
	struct symbol *sym;
	int unsaved = 0;
	int i;

	conf_set_changed(false);
	if (conf_read_simple(name, DEF_USER)) {
		sym_calc_value(modules_sym);
		return 1;
	}
	sym_calc_value(modules_sym);

	for_all_symbols(i, sym) {
		sym_calc_value(sym);
		if (sym_is_choice(sym) || (sym->flags & SF_NO_WRITE))
			continue;
		if (sym_has_value(sym) && (sym->flags & SF_WRITE)) {
			/* does the computed value agree with the saved one? */
			if (sym->type == TYPE_BOOL || sym->type == TYPE_TRISTATE) {
				if (sym->def[DEF_USER].tri == sym_get_tristate_value(sym))
					continue;
			} else if (!strcmp(sym->curr.str, sym->def[DEF_USER].str)) {
				continue;
			}
		} else if (!sym_has_value(sym) && !(sym->flags & SF_WRITE)) {
			continue;
		}
		unsaved++;
	}

	for_all_symbols(i, sym) {
		if (!sym_has_value(sym) || sym_is_choice_value(sym))
			continue;
		/* hidden values count as new when they may show up again */
		if (sym->visible == TRI_N && !unsaved)
			sym->flags &= ~SF_DEF_USER;
		if ((sym->type == TYPE_STRING || sym->type == TYPE_INT || sym->type == TYPE_HEX) &&
		    !sym_string_within_range(sym, sym->def[DEF_USER].str)) {
			warn_out_of_range(sym);
			sym->flags &= ~(SF_VALID | SF_DEF_USER);
			unsaved++;
		}
	}
	if (unsaved)
		conf_set_changed(true);
	return 0;
}

/* ---- writing ---- */

enum n_style { N_AS_VALUE, N_AS_UNSET, N_OMITTED };

static void print_symbol(FILE *out, struct symbol *sym, enum n_style n, bool escape)
{
	const char *val;
	char *escaped = NULL;

	if (sym->type == TYPE_UNKNOWN)
		return;
	val = sym_get_string_value(sym);
	if ((sym->type == TYPE_BOOL || sym->type == TYPE_TRISTATE) && n != N_AS_VALUE &&
	    *val == 'n') {
		if (n == N_AS_UNSET)
			fprintf(out, "# %s%s is not set\n", config_prefix(), sym->name);
		return;
	}
	if (sym->type == TYPE_STRING && escape)
		val = escaped = config_quote(val);
	fprintf(out, "%s%s=%s\n", config_prefix(), sym->name, val);
	free(escaped);
}

void print_symbol_for_listconfig(struct symbol *sym)
{
	if (listnewconfig_shows_values())
		print_symbol(stdout, sym, N_AS_VALUE, true);
	else
		printf("%s%s\n", config_prefix(), sym->name);
}

static void print_symbol_for_dotconfig(FILE *out, struct symbol *sym)
{
	print_symbol(out, sym, N_AS_UNSET, true);
}

static void print_symbol_for_autoconf(FILE *out, struct symbol *sym)
{
	print_symbol(out, sym, N_OMITTED, autoconf_strings_quoted());
}

static const char *hex_prefix(const char *val)
{
	return val[0] == '0' && (val[1] == 'x' || val[1] == 'X') ? "" : "0x";
}

static void print_symbol_for_c(FILE *out, struct symbol *sym)
{
	const char *val, *suffix = "", *prefix = "";
	char *escaped = NULL;

	if (sym->type == TYPE_UNKNOWN)
		return;
	val = sym_get_string_value(sym);
	switch (sym->type) {
	case TYPE_BOOL:
	case TYPE_TRISTATE:
		if (*val == 'n')
			return;
		if (*val == 'm')
			suffix = "_MODULE";
		val = "1";
		break;
	case TYPE_HEX:
		prefix = hex_prefix(val);
		break;
	case TYPE_STRING:
		val = escaped = config_quote(val);
		break;
	default:
		break;
	}
	fprintf(out, "#define %s%s%s %s%s\n", config_prefix(), sym->name, suffix, prefix, val);
	free(escaped);
}

static void print_symbol_for_rustccfg(FILE *out, struct symbol *sym)
{
	const char *val;
	struct strbuf v = { 0 };
	char *escaped;

	if (sym->type == TYPE_UNKNOWN)
		return;
	val = sym_get_string_value(sym);
	if (sym->type == TYPE_BOOL || sym->type == TYPE_TRISTATE) {
		if (*val == 'n')
			return;
		fprintf(out, "--cfg=%s%s\n", config_prefix(), sym->name);
	} else if (sym->type == TYPE_HEX) {
		sb_adds(&v, hex_prefix(val));
	}
	sb_adds(&v, val);
	escaped = config_quote(sb_str(&v));
	fprintf(out, "--cfg=%s%s=%s\n", config_prefix(), sym->name, escaped);
	free(escaped);
	sb_free(&v);
}

static void conf_write_heading(FILE *out, const char *begin, const char *line,
			       const char *end)
{
	fprintf(out, "%s\n", begin);
	fprintf(out, "%s Automatically generated file; DO NOT EDIT.\n", line);
	fprintf(out, "%s %s\n", line, rootmenu.prompt->text);
	fprintf(out, "%s\n", end);
}

static int make_parent_dir(const char *path)
{
	char *copy = xstrdup(path), *p;

	for (p = copy + 1; (p = strchr(p, '/')); p++) {
		*p = 0;
		if (mkdir(copy, 0755) && errno != EEXIST) {
			fprintf(stderr, "error: cannot create directory '%s': %s\n",
				copy, strerror(errno));
			free(copy);
			return -1;
		}
		*p = '/';
	}
	free(copy);
	return 0;
}

static bool is_dir(const char *path)
{
	struct stat st;

	return !stat(path, &st) && S_ISDIR(st.st_mode);
}

static bool files_equal(const char *a, const char *b)
{
	FILE *fa = fopen(a, "r"), *fb = fopen(b, "r");
	bool same = fa && fb;
	char ba[8192], bb[8192];

	while (same) {
		size_t na = fread(ba, 1, sizeof(ba), fa);
		size_t nb = fread(bb, 1, sizeof(bb), fb);

		if (na != nb || memcmp(ba, bb, na))
			same = false;
		if (na == 0 || na < sizeof(ba))
			break;
	}
	if (same && (fgetc(fa) != EOF || fgetc(fb) != EOF))
		same = false;
	if (fa)
		fclose(fa);
	if (fb)
		fclose(fb);
	return same;
}

/* walk the menu tree in order, as .config lists it */
static struct menu *next_menu(struct menu *menu, bool descend)
{
	if (descend && menu->list)
		return menu->list;
	while (menu) {
		if (menu->next)
			return menu->next;
		menu = menu->parent;
	}
	return NULL;
}

static bool is_menu_block(struct menu *menu)
{
	return !menu->sym && menu != &rootmenu && menu->prompt->kind == P_MENU;
}

static void write_dotconfig_body(FILE *out)
{
	struct menu *menu = rootmenu.list;
	bool need_newline = false;

	while (menu) {
		struct symbol *sym = menu->sym;

		if (!sym) {
			if (menu_is_visible(menu)) {
				fprintf(out, "\n#\n# %s\n#\n", menu_get_prompt(menu));
				need_newline = false;
			}
		} else if (!sym_is_choice(sym) && !(sym->flags & SF_WRITTEN)) {
			sym_calc_value(sym);
			if (sym->flags & SF_WRITE) {
				if (need_newline) {
					fputc('\n', out);
					need_newline = false;
				}
				sym->flags |= SF_WRITTEN;
				if (write_mark_kept(sym))
					sym->flags &= ~SF_WRITE;
				print_symbol_for_dotconfig(out, sym);
			}
		}
		if (menu->list) {
			menu = menu->list;
			continue;
		}
		/* leaving entries: close the menu blocks we step out of */
		for (;;) {
			if (!menu->sym && dotconfig_marks_end_of_menu() && menu_is_visible(menu) &&
			    is_menu_block(menu)) {
				fprintf(out, "# end of %s\n", menu_get_prompt(menu));
				need_newline = true;
			}
			if (menu->next) {
				menu = menu->next;
				break;
			}
			menu = menu->parent;
			if (!menu)
				break;
		}
	}
}

int conf_write(const char *name)
{
	char tmpname[4096], oldname[4096];
	const char *env;
	struct symbol *sym;
	FILE *out;
	int i;

	if (!name)
		name = conf_get_configname();
	if (!*name) {
		fprintf(stderr, "error: the configuration file name is empty (KCONFIG_CONFIG?)\n");
		return -1;
	}
	if (is_dir(name)) {
		fprintf(stderr, "error: %s: is a directory; KCONFIG_CONFIG must name a file\n", name);
		return -1;
	}
	if (make_parent_dir(name))
		return -1;
	env = getenv("KCONFIG_OVERWRITECONFIG");
	if (env && *env) {
		tmpname[0] = 0;
		out = fopen(name, "w");
	} else {
		snprintf(tmpname, sizeof(tmpname), "%s.%d.tmp", name, (int)getpid());
		out = fopen(tmpname, "w");
	}
	if (!out) {
		fprintf(stderr, "error: cannot write '%s': %s\n", *tmpname ? tmpname : name,
			strerror(errno));
		return 1;
	}
	conf_write_heading(out, "#", "#", "#");
	if (!conf_get_changed())
		sym_clear_all_valid();
	write_dotconfig_body(out);
	if (fclose(out)) {
		fprintf(stderr, "error: writing '%s' failed: %s\n", name, strerror(errno));
		return 1;
	}
	for_all_symbols(i, sym)
		sym->flags &= ~SF_WRITTEN;

	if (*tmpname) {
		if (dotconfig_kept_when_unchanged() && files_equal(name, tmpname)) {
			conf_message("No change to %s", name);
			unlink(tmpname);
			conf_set_changed(false);
			return 0;
		}
		snprintf(oldname, sizeof(oldname), "%s.old", name);
		rename(name, oldname);
		if (rename(tmpname, name)) {
			fprintf(stderr, "error: cannot rename '%s' to '%s': %s\n", tmpname, name,
				strerror(errno));
			return 1;
		}
	}
	conf_message("configuration written to %s", name);
	conf_set_changed(false);
	return 0;
}

/* a symbol belongs in a minimal defconfig when it differs from its default */
static bool worth_saving(struct symbol *sym)
{
	sym_calc_value(sym);
	if (!(sym->flags & SF_WRITE))
		return false;
	sym->flags &= ~SF_WRITE;
	if (!sym_is_changeable(sym))
		return false;
	if (!strcmp(sym_get_string_value(sym), sym_get_string_default(sym)))
		return false;
	/* the default member of a mandatory bool choice goes without saying */
	if (sym_is_choice_value(sym)) {
		struct symbol *cs = sym->choice;

		if (!sym_is_optional(cs) && sym == sym_choice_default(cs) &&
		    sym->type == TYPE_BOOL && sym_get_tristate_value(sym) == TRI_Y)
			return false;
	}
	return true;
}

int conf_write_defconfig(const char *name)
{
	struct menu *menu;
	FILE *out;

	out = fopen(name, "w");
	if (!out) {
		fprintf(stderr, "error: cannot write '%s': %s\n", name, strerror(errno));
		return 1;
	}
	sym_clear_all_valid();
	for (menu = rootmenu.list; menu; menu = next_menu(menu, true)) {
		struct symbol *sym = menu->sym;

		if (!sym) {
			menu_is_visible(menu);
			continue;
		}
		if (!sym_is_choice(sym) && worth_saving(sym))
			print_symbol_for_dotconfig(out, sym);
	}
	if (fclose(out)) {
		fprintf(stderr, "error: writing '%s' failed: %s\n", name, strerror(errno));
		return 1;
	}
	return 0;
}

/* ---- auto.conf and friends ---- */

static char dep_dir[4096];

static void touch_dep_file(const char *symname)
{
	char path[4096];
	int fd;

	snprintf(path, sizeof(path), "%s%s", dep_dir, symname);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0 && errno == ENOENT && !make_parent_dir(path))
		fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0) {
		fprintf(stderr, "warning: cannot touch '%s': %s\n", path, strerror(errno));
		return;
	}
	close(fd);
}

static bool same_as_last_build(struct symbol *sym)
{
	if (sym->flags & SF_WRITE) {
		if (!(sym->flags & SF_DEF_AUTO))
			/* nothing before: only "not set" is unchanged */
			return (sym->type == TYPE_BOOL || sym->type == TYPE_TRISTATE) &&
			       sym_get_tristate_value(sym) == TRI_N;
		switch (sym->type) {
		case TYPE_BOOL:
		case TYPE_TRISTATE:
			return sym_get_tristate_value(sym) == sym->def[DEF_AUTO].tri;
		case TYPE_STRING:
		case TYPE_INT:
		case TYPE_HEX:
			return !strcmp(sym_get_string_value(sym), sym->def[DEF_AUTO].str);
		default:
			return false;
		}
	}
	return !(sym->flags & SF_DEF_AUTO);
}

/* dep_dir: the folder of the files per symbol, with its '/' */
static int set_dep_dir(const char *autoconf)
{
	const char *slash = strrchr(autoconf, '/');
	size_t n = slash ? (size_t)(slash - autoconf + 1) : 0;

	if (deps_in_include_config()) {
		autoconf = "include/config/";
		n = strlen(autoconf);
	}
	if (n + 1 > sizeof(dep_dir))
		return -1;
	memcpy(dep_dir, autoconf, n);
	dep_dir[n] = 0;
	return 0;
}

static int touch_changed_deps(const char *autoconf)
{
	struct symbol *sym;
	int i;

	conf_read_simple(autoconf, DEF_AUTO);
	sym_calc_value(modules_sym);
	for_all_symbols(i, sym) {
		sym_calc_value(sym);
		if ((sym->flags & SF_NO_WRITE) || !sym->name)
			continue;
		if (!same_as_last_build(sym))
			touch_dep_file(sym->name);
	}
	return 0;
}

static int write_autoconf_cmd(const char *autoconf)
{
	const char *base = deps_in_include_config() ? "include/config/auto.conf" : autoconf;
	char name[4096], tmp[4096];
	FILE *out;
	int err;

	snprintf(name, sizeof(name), "%s.cmd", base);
	snprintf(tmp, sizeof(tmp), "%s.cmd.tmp", base);
	if (make_parent_dir(name))
		return -1;
	out = fopen(tmp, "w");
	if (!out) {
		fprintf(stderr, "error: cannot write '%s': %s\n", tmp, strerror(errno));
		return -1;
	}
	fprintf(out, "deps_config := \\\n");
	for (struct kfile *f = file_list; f; f = f->next)
		fprintf(out, "\t%s \\\n", f->name);
	fprintf(out, "\n%s: $(deps_config)\n\n", autoconf);
	macro_write_env_deps(out, autoconf);
	fprintf(out, "\n$(deps_config): ;\n");
	fflush(out);
	err = ferror(out);
	fclose(out);
	if (err || rename(tmp, name))
		return -1;
	return 0;
}

static int write_symbol_file(const char *filename, void (*print)(FILE *, struct symbol *),
			     bool c_style, bool heading)
{
	char tmp[4096];
	struct symbol *sym;
	FILE *out;
	int i, err;

	if (make_parent_dir(filename))
		return -1;
	snprintf(tmp, sizeof(tmp), "%s.tmp", filename);
	out = fopen(tmp, "w");
	if (!out) {
		fprintf(stderr, "error: cannot write '%s': %s\n", tmp, strerror(errno));
		return -1;
	}
	if (heading) {
		if (c_style)
			conf_write_heading(out, "/*", " *", " */");
		else
			conf_write_heading(out, "#", "#", "#");
	}
	for_all_symbols(i, sym)
		if ((sym->flags & SF_WRITE) && sym->name)
			print(out, sym);
	fflush(out);
	err = ferror(out);
	fclose(out);
	if (err)
		return -1;
	if (rename(tmp, filename)) {
		fprintf(stderr, "error: cannot rename '%s': %s\n", tmp, strerror(errno));
		return -1;
	}
	return 0;
}

int conf_write_autoconf(bool overwrite)
{
	const char *autoconf = conf_get_autoconfig_name();
	struct symbol *sym;
	struct stat st;
	int i;

	if (!overwrite && !stat(autoconf, &st))
		return 0;
	if (set_dep_dir(autoconf))
		return 1;
	if (autoconf_recalculates_all())
		sym_clear_all_valid();
	if (write_autoconf_cmd(autoconf))
		return -1;
	if (touch_changed_deps(autoconf))
		return 1;
	for_all_symbols(i, sym)
		sym_calc_value(sym);
	if (write_symbol_file(env_or("KCONFIG_AUTOHEADER", "include/generated/autoconf.h"),
			      print_symbol_for_c, true, true))
		return -1;
	if (write_symbol_file(env_or("KCONFIG_RUSTCCFG", "include/generated/rustc_cfg"),
			      print_symbol_for_rustccfg, false, false))
		return -1;
	/* last: the build takes auto.conf as the mark of a finished update */
	return write_symbol_file(autoconf, print_symbol_for_autoconf, false, true);
}
