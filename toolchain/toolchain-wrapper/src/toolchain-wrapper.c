/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Kiln's toolchain wrapper, installed as <tuple>-gcc, <tuple>-cc and
 * <tuple>-cpp.  It runs the host's external compiler with what building
 * for the target needs:
 *   the sysroot    the staging tree beside the wrapper's host tree
 *                  (<host>/../staging), so each package compiles against
 *                  its own dependencies' view, and output/host/bin/ against
 *                  output/staging: --sysroot, and the specs file
 *                  <host>/share/kiln-toolchain/wrapper.specs, which takes
 *                  headers, start files and libraries from it and from gcc's
 *                  own folder only (the host compiler's defaults would add
 *                  the host's C library)
 *   ABI flags      KILN_ABI_FLAGS, chosen in the configuration
 *   the loader     -Wl,-dynamic-linker for dynamic programs; libgcc linked
 *                  statically (the host's libgcc_s is built for glibc)
 *   -static        when the configuration links everything statically
 *   -ffile-prefix-map   the output folder becomes "." in debug information
 *                  and __FILE__, so two output folders give the same bytes
 * and it refuses -I/-L/-isystem/... paths into the host's /usr/include,
 * /usr/lib and /usr/local.  KILN_CCACHE=<ccache program> in the environment
 * runs the compiler through ccache; KILN_DEBUG_WRAPPER=1 prints the command.
 *
 * Built by toolchain/toolchain-wrapper/toolchain-wrapper.mk with:
 *   KILN_REAL_CC    absolute path of the external gcc
 *   KILN_REAL_CPP   absolute path of the external cpp
 *   KILN_TUPLE      e.g. "aarch64-kiln-linux-musl", for messages
 *   KILN_LOADER     e.g. "/lib/ld-musl-aarch64.so.1"
 *   KILN_ABI_FLAGS  e.g. "-march=armv8-a", split at spaces
 *   KILN_STATIC     1 to link statically
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef KILN_STATIC
#define KILN_STATIC 0
#endif

static const char *const host_dirs[] = { "/usr/include", "/usr/lib", "/usr/local", NULL };

/* Options whose value is a folder searched for headers or libraries. */
static const char *const path_options[] = {
	"-isystem", "-idirafter", "-iquote", "-I", "-L", NULL
};

static void fail(const char *fmt, const char *arg)
{
	fprintf(stderr, "%s-gcc: error: ", KILN_TUPLE);
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	exit(1);
}

/* Is dir the host folder prefix, or inside it? */
static int under(const char *dir, const char *prefix)
{
	size_t n = strlen(prefix);

	return strncmp(dir, prefix, n) == 0 && (dir[n] == '\0' || dir[n] == '/');
}

/* Refuses dir, written on the command line as `given`, when it is a host folder. */
static void refuse_host_path(const char *given, const char *dir)
{
	for (int i = 0; host_dirs[i]; i++) {
		if (!under(dir, host_dirs[i]))
			continue;
		fprintf(stderr,
			"%s-gcc: error: refusing '%s': it points into the host's %s, "
			"whose headers and libraries are not the target's.\n"
			"  Packages build against their dependencies' staging tree (the sysroot); "
			"remove the flag from the package's CFLAGS/LDFLAGS or configure options.\n",
			KILN_TUPLE, given, host_dirs[i]);
		exit(1);
	}
}

/* Looks at argv[i] (and argv[i + 1]); returns how many arguments it used. */
static int check_path_argument(char **argv, int i, int argc)
{
	for (int k = 0; path_options[k]; k++) {
		const char *opt = path_options[k];
		size_t n = strlen(opt);

		if (strncmp(argv[i], opt, n) != 0)
			continue;
		if (argv[i][n] != '\0') {
			refuse_host_path(argv[i], argv[i] + n);
			return 1;
		}
		if (i + 1 < argc) {
			char given[PATH_MAX + 32];

			snprintf(given, sizeof(given), "%s %s", opt, argv[i + 1]);
			refuse_host_path(given, argv[i + 1]);
			return 2;
		}
		return 1;
	}
	return 1;
}

/* The folder holding this program, as it was run (hard links keep their own path). */
static char *own_dir(void)
{
	static char path[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", path, sizeof(path) - 1);
	char *slash;

	if (n < 0)
		fail("cannot read /proc/self/exe: %s", strerror(errno));
	path[n] = '\0';
	slash = strrchr(path, '/');
	*slash = '\0';
	return path;
}

static char *join(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	char *s = malloc(la + lb + 1);

	if (!s)
		fail("%s", "out of memory");
	memcpy(s, a, la);
	memcpy(s + la, b, lb + 1);
	return s;
}

static char *parent(const char *dir)
{
	char *p = join(dir, "");
	char *slash = strrchr(p, '/');

	if (slash && slash != p)
		*slash = '\0';
	return p;
}

static int ends_with(const char *s, const char *suffix)
{
	size_t ls = strlen(s), lx = strlen(suffix);

	return ls >= lx && strcmp(s + ls - lx, suffix) == 0;
}

/*
 * The output folder, mapped to "." for reproducible builds: for
 * <out>/host/bin it is <out>; for a package's view
 * <out>/per-package/<pkg>/deps/host/bin it is <out> as well.
 */
static char *output_dir(const char *host)
{
	char *top = parent(host);
	char *pp;

	if (ends_with(top, "/deps")) {
		pp = strstr(top, "/per-package/");
		if (pp) {
			char *last;

			while ((last = strstr(pp + 1, "/per-package/")))
				pp = last;
			*pp = '\0';
		}
	}
	return top;
}

struct args {
	char **v;
	int n, cap;
};

static void add(struct args *a, const char *s)
{
	if (a->n + 2 > a->cap) {
		a->cap = a->cap ? 2 * a->cap : 64;
		a->v = realloc(a->v, a->cap * sizeof(*a->v));
		if (!a->v)
			fail("%s", "out of memory");
	}
	a->v[a->n++] = (char *)s;
	a->v[a->n] = NULL;
}

/* Adds each space-separated word of words. */
static void add_words(struct args *a, const char *words)
{
	char *copy = join(words, "");

	for (char *w = strtok(copy, " "); w; w = strtok(NULL, " "))
		add(a, w);
}

struct mode {
	int links; /* no -c, -S, -E, -M, -MM: the command ends with a link */
	int shared;
	int static_link;
	int no_inputs; /* only -v, --version, -print-*, ...: no link flags */
};

static struct mode look_at(int argc, char **argv, int cpp)
{
	struct mode m = { .links = !cpp, .no_inputs = 1 };

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "-c") || !strcmp(a, "-S") || !strcmp(a, "-E") ||
		    !strcmp(a, "-M") || !strcmp(a, "-MM"))
			m.links = 0;
		else if (!strcmp(a, "-shared") || !strcmp(a, "-r"))
			m.shared = 1;
		else if (!strcmp(a, "-static") || !strcmp(a, "-static-pie"))
			m.static_link = 1;
		if (a[0] != '-' || !strcmp(a, "-") || !strncmp(a, "-x", 2) ||
		    !strcmp(a, "-c") || !strcmp(a, "-E") || !strcmp(a, "-S"))
			m.no_inputs = 0;
	}
	return m;
}

static void print_command(char **v)
{
	fputs("kiln-wrapper:", stderr);
	for (; *v; v++) {
		if (strpbrk(*v, " \t\"'\\$"))
			fprintf(stderr, " '%s'", *v);
		else
			fprintf(stderr, " %s", *v);
	}
	fputc('\n', stderr);
}

int main(int argc, char **argv)
{
	int cpp = ends_with(argv[0], "cpp");
	char *bin = own_dir();
	char *host = parent(bin);
	char *sysroot = join(parent(host), "/staging");
	char *out = output_dir(host);
	const char *ccache = getenv("KILN_CCACHE");
	const char *debug = getenv("KILN_DEBUG_WRAPPER");
	struct mode m = look_at(argc, argv, cpp);
	struct args a = { 0 };

	for (int i = 1; i < argc; i += check_path_argument(argv, i, argc))
		;

	if (ccache && *ccache && strcmp(ccache, "0") && !cpp) {
		add(&a, ccache);
		/* paths under the output folder hash as relative ones, and
		 * the prefix map (which names the folder) not at all: another
		 * output folder then hits the same cache */
		setenv("CCACHE_BASEDIR", out, 0);
		setenv("CCACHE_IGNOREOPTIONS", "-ffile-prefix-map=*", 0);
	}
	add(&a, cpp ? KILN_REAL_CPP : KILN_REAL_CC);
	setenv("KILN_SYSROOT", sysroot, 1);
	add(&a, join("-specs=", join(host, "/share/kiln-toolchain/wrapper.specs")));
	add(&a, join("--sysroot=", sysroot));
	add_words(&a, KILN_ABI_FLAGS);
	add(&a, join(join("-ffile-prefix-map=", out), "=."));
	for (int i = 1; i < argc; i++)
		add(&a, argv[i]);
	if (m.links && !m.no_inputs) {
		add(&a, "-static-libgcc");
		if (KILN_STATIC && !m.shared && !m.static_link) {
			add(&a, "-static");
			m.static_link = 1;
		}
		if (!m.shared && !m.static_link)
			add(&a, "-Wl,-dynamic-linker," KILN_LOADER);
	}
	if (debug && *debug && strcmp(debug, "0"))
		print_command(a.v);
	execvp(a.v[0], a.v);
	fprintf(stderr, "%s-gcc: error: cannot run %s: %s\n", KILN_TUPLE, a.v[0], strerror(errno));
	return 127;
}
