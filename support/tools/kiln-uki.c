// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * kiln-uki: assembles a Unified Kernel Image (the UAPI group's UKI) from
 * systemd-stub and a kernel, without Python, and lists the sections of
 * PE images.
 *
 *   kiln-uki --stub STUB --linux KERNEL --machine x86_64|aarch64
 *            [--initrd FILE] [--cmdline TEXT] [--osrel FILE] [--uname TEXT]
 *            [--sbat FILE] -o OUT
 *   kiln-uki --list FILE
 *
 * The sections .osrel, .cmdline, .uname, .sbat, .initrd and .linux are
 * appended in that order (.linux last) after the stub's; docs/uki.md says
 * how.  OUT is written as OUT.tmp, read back and checked, then renamed.
 *
 * Files: kiln-uki-pe.c (reading PE images), -kernel.c (the kernel's checks
 * and release), -sbat.c (SBAT), -layout.c (placing the sections), -list.c.
 */
#include "kiln-uki.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct options {
	const char *stub, *kernel, *machine, *initrd, *cmdline, *osrel, *uname, *sbat, *out;
	const char *list;
};

struct input {
	const char *path;
	unsigned char *data;
	size_t len;
};

static void usage(void)
{
	fprintf(stderr,
		"usage: kiln-uki --stub STUB --linux KERNEL --machine x86_64|aarch64 [--initrd FILE]\n"
		"                [--cmdline TEXT] [--osrel FILE] [--uname TEXT] [--sbat FILE] -o OUT\n"
		"       kiln-uki --list FILE\n"
		"Appends the kernel and its companions to systemd-stub as a Unified Kernel Image,\n"
		"or lists the sections of a PE image (see docs/uki.md).\n");
	exit(2);
}

static void parse_options(int argc, char **argv, struct options *o)
{
	/* each long option's val is its place in slot[] */
	static const struct option longopts[] = {
		{ "stub", required_argument, NULL, 0 },
		{ "linux", required_argument, NULL, 1 },
		{ "machine", required_argument, NULL, 2 },
		{ "initrd", required_argument, NULL, 3 },
		{ "cmdline", required_argument, NULL, 4 },
		{ "osrel", required_argument, NULL, 5 },
		{ "uname", required_argument, NULL, 6 },
		{ "sbat", required_argument, NULL, 7 },
		{ "list", required_argument, NULL, 8 },
		{ NULL, 0, NULL, 0 }
	};
	const char **slot[] = { &o->stub, &o->kernel, &o->machine, &o->initrd, &o->cmdline,
				&o->osrel, &o->uname, &o->sbat, &o->list };
	int c;

	while ((c = getopt_long(argc, argv, "o:", longopts, NULL)) != -1) {
		if (c == 'o')
			o->out = optarg;
		else if (c >= 0 && c < (int)(sizeof(slot) / sizeof(slot[0])))
			*slot[c] = optarg;
		else
			usage();
	}
	if (optind != argc)
		usage();
}

/* The whole file; a missing or (unless may_be_empty) empty one is an error. */
static void read_input(struct input *in, const char *path, const char *what, int may_be_empty)
{
	in->path = path;
	in->data = (unsigned char *)read_file(path, &in->len);
	if (!in->data)
		die("%s: cannot read the %s: %s", path, what, strerror(errno));
	if (!in->len && !may_be_empty)
		die("%s: the %s is empty: give the right file, or leave the option out", path, what);
}

static uint16_t machine_of(const char *name)
{
	if (!name)
		die("--machine is missing: give x86_64 or aarch64");
	if (!strcmp(name, "x86_64"))
		return PE_MACHINE_X86_64;
	if (!strcmp(name, "aarch64"))
		return PE_MACHINE_AARCH64;
	die("--machine %s: kiln-uki knows x86_64 and aarch64", name);
}

static const char *stub_for(uint16_t machine)
{
	return machine == PE_MACHINE_X86_64 ? "linuxx64.efi.stub" : "linuxaa64.efi.stub";
}

static void check_stub(const struct pe *stub, const char *path, uint16_t machine)
{
	if (stub->machine != machine)
		die("%s: the stub is for %s, the board is %s: use %s", path,
		    stub->machine == PE_MACHINE_AARCH64 ? "arm64" : pe_machine_name(stub->machine),
		    pe_machine_name(machine), stub_for(machine));
	if (stub->subsystem != PE_SUBSYSTEM_EFI_APPLICATION)
		die("%s: subsystem %u, not an EFI application (10): give systemd-stub's %s", path,
		    stub->subsystem, stub_for(machine));
	if (stub->cert_size)
		die("%s: the stub is signed (it has a certificate table): sign the UKI, not the stub",
		    path);
}

static void read_stub(struct input *in, struct pe *stub, const char *path, uint16_t machine)
{
	char err[256];

	read_input(in, path, "stub", 0);
	if (pe_parse(stub, in->data, in->len, err, sizeof(err)))
		die("%s: %s: give systemd-stub's %s (systemd-boot-efi)", path, err, stub_for(machine));
	check_stub(stub, path, machine);
}

static void read_kernel(struct input *in, const char *path, uint16_t machine)
{
	char err[256];
	const char *why;

	read_input(in, path, "kernel", 1);
	why = kernel_check(in->data, in->len, machine, err, sizeof(err));
	if (why)
		die("%s: the kernel %s", path, why);
}

/* The --sbat lines: text, no header line when the stub has one. */
static void check_sbat_lines(const struct input *in, const struct pe *stub)
{
	size_t stub_len;

	if (memchr(in->data, 0, in->len))
		die("%s: SBAT lines are text: this file holds a NUL byte", in->path);
	if (sbat_find(stub, &stub_len) && !strncmp((const char *)in->data, "sbat,", 5))
		die("%s: the first SBAT line (sbat,1,...) comes from the stub: give only the lines "
		    "to add (e.g. a line for the kernel)", in->path);
}

static void add_part(struct uki_part *parts, unsigned *n, const char *name,
		     const void *data, size_t len)
{
	parts[*n].name = name;
	parts[*n].data = data;
	parts[*n].len = len;
	(*n)++;
}

static void write_output(const char *path, const struct uki_output *uki)
{
	char *tmp = xasprintf("%s.tmp", path);
	int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);

	if (fd < 0)
		die("%s: cannot write: %s", tmp, strerror(errno));
	if (write_all(fd, uki->data, uki->len) || close(fd)) {
		int saved = errno;

		unlink(tmp);
		die("%s: cannot write: %s", tmp, strerror(saved));
	}
	free(tmp);
}

/* Reads OUT.tmp back: the stub's sections and then exactly the parts. */
static void self_check(const char *path, const struct pe *stub, const struct uki_part *parts,
		       unsigned nparts)
{
	char *tmp = xasprintf("%s.tmp", path), err[256];
	struct input in;
	struct pe *uki = xmalloc(sizeof(*uki));
	int bad;

	read_input(&in, tmp, "UKI just written", 0);
	bad = pe_parse(uki, in.data, in.len, err, sizeof(err));
	if (!bad && pe_checksum(in.data, in.len, uki->opt_offset + OPT_CHECKSUM) != uki->checksum)
		bad = snprintf(err, sizeof(err), "its checksum is wrong");
	if (!bad && uki->nsections != stub->nsections + nparts)
		bad = snprintf(err, sizeof(err), "%u sections, not %u", uki->nsections,
			       stub->nsections + nparts);
	for (unsigned i = 0; !bad && i < nparts; i++) {
		const struct pe_section *s = &uki->sec[stub->nsections + i];

		if (strcmp(s->name, parts[i].name) || s->virtual_size != parts[i].len ||
		    pe_section_data_size(s) != parts[i].len ||
		    memcmp(pe_section_data(uki, s), parts[i].data, parts[i].len))
			bad = snprintf(err, sizeof(err), "section %s differs from its input",
				       parts[i].name);
	}
	if (bad) {
		unlink(tmp);
		die("%s: reading back the UKI failed (a bug in kiln-uki): %s", tmp, err);
	}
	free(in.data);
	free(uki);
	free(tmp);
}

static void commit_output(const char *path)
{
	char *tmp = xasprintf("%s.tmp", path);

	if (rename(tmp, path)) {
		int saved = errno;

		unlink(tmp);
		die("%s: cannot rename to %s: %s", tmp, path, strerror(saved));
	}
	free(tmp);
}

struct inputs {
	struct input stub, kernel, initrd, osrel, sbat;
	char *release;
	struct sbat_plan sbat_plan;
};

static void read_inputs(const struct options *o, struct inputs *in, struct pe *stub)
{
	uint16_t machine = machine_of(o->machine);

	if (!o->stub || !o->kernel || !o->out)
		die("--stub, --linux and -o are needed: see kiln-uki --help");
	if (o->cmdline && !*o->cmdline)
		die("--cmdline '': empty command line: give the kernel's arguments or leave it out");
	if (o->uname && !*o->uname)
		die("--uname '': empty release: give the kernel's release or leave it out");
	read_stub(&in->stub, stub, o->stub, machine);
	read_kernel(&in->kernel, o->kernel, machine);
	if (o->initrd)
		read_input(&in->initrd, o->initrd, "initrd", 0);
	if (o->osrel)
		read_input(&in->osrel, o->osrel, "os-release file", 0);
	if (o->sbat) {
		read_input(&in->sbat, o->sbat, "SBAT file", 0);
		check_sbat_lines(&in->sbat, stub);
	}
	in->release = o->uname ? xstrdup(o->uname) : kernel_release(in->kernel.data, in->kernel.len);
	if (!in->release)
		warn("%s: no kernel release found (no setup header, no \"Linux version\"): "
		     "the UKI has no .uname (give --uname)", o->kernel);
	sbat_plan(stub, o->sbat ? (const char *)in->sbat.data : NULL, in->sbat.len, &in->sbat_plan);
	if (in->sbat_plan.action == SBAT_NONE)
		warn("%s: no SBAT text in the stub: the UKI has no .sbat (give --sbat)", o->stub);
}

static int assemble(const struct options *o)
{
	struct inputs in = { 0 };
	struct pe *stub = xmalloc(sizeof(*stub));
	struct uki_part parts[6], sbat = { ".sbat", NULL, 0 };
	struct uki_output uki;
	unsigned n = 0;
	char err[256];

	read_inputs(o, &in, stub);
	sbat.data = (const unsigned char *)in.sbat_plan.text;
	sbat.len = in.sbat_plan.len;
	if (o->osrel)
		add_part(parts, &n, ".osrel", in.osrel.data, in.osrel.len);
	if (o->cmdline)
		add_part(parts, &n, ".cmdline", o->cmdline, strlen(o->cmdline));
	if (in.release)
		add_part(parts, &n, ".uname", in.release, strlen(in.release));
	if (in.sbat_plan.action == SBAT_APPEND)
		add_part(parts, &n, ".sbat", sbat.data, sbat.len);
	if (o->initrd)
		add_part(parts, &n, ".initrd", in.initrd.data, in.initrd.len);
	add_part(parts, &n, ".linux", in.kernel.data, in.kernel.len);
	if (uki_layout(stub, parts, n, in.sbat_plan.action == SBAT_REWRITE ? &sbat : NULL,
		       &uki, err, sizeof(err)))
		die("%s: %s", o->stub, err);
	write_output(o->out, &uki);
	self_check(o->out, stub, parts, n);
	commit_output(o->out);
	free(uki.data);
	free(in.sbat_plan.text);
	free(in.release);
	free(in.stub.data);
	free(in.kernel.data);
	free(in.initrd.data);
	free(in.osrel.data);
	free(in.sbat.data);
	free(stub);
	return 0;
}

static int list(const char *path)
{
	struct input in;
	struct pe *pe = xmalloc(sizeof(*pe));
	char err[256];

	read_input(&in, path, "image", 0);
	if (pe_parse(pe, in.data, in.len, err, sizeof(err)))
		die("%s: %s", path, err);
	pe_list(pe, stdout);
	free(pe);
	free(in.data);
	return fflush(stdout) ? 1 : 0;
}

int main(int argc, char **argv)
{
	struct options o = { 0 };

	program_name = "kiln-uki";
	if (argc == 2 && !strcmp(argv[1], "--help"))
		usage();
	parse_options(argc, argv, &o);
	if (o.list) {
		if (o.stub || o.kernel || o.out)
			usage();
		return list(o.list);
	}
	return assemble(&o);
}
