// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Fuzz target for the Kconfig parser and the .config reader (AFL++).
 *
 * The input is a Kconfig file, optionally followed by a line
 * "#---config---" and the text of a .config.  The harness parses the
 * Kconfig, reads the .config, computes every symbol and writes .config,
 * a minimal defconfig and auto.conf into a scratch directory
 * ($KILN_FUZZ_DIR, default /tmp/kiln-fuzz).
 * $(shell,...) is disabled: inputs never run commands.
 *
 *   fuzz-kconfig FILE
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../kconfig.h"

static char *slurp(const char *path, size_t *len)
{
	struct strbuf sb = { 0 };
	char buf[65536];
	size_t n;
	FILE *f = fopen(path, "rb");

	if (!f) {
		perror(path);
		exit(2);
	}
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		sb_add(&sb, buf, n);
	fclose(f);
	*len = sb.len;
	return sb_detach(&sb);
}

static void spit(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	if (!f || fwrite(data, 1, len, f) != len) {
		perror(path);
		exit(2);
	}
	fclose(f);
}

int main(int argc, char **argv)
{
	static const char sep[] = "\n#---config---\n";
	const char *dir = getenv("KILN_FUZZ_DIR");
	size_t len, klen;
	char *in, *cut;

	if (argc != 2) {
		fprintf(stderr, "usage: %s FILE\n", argv[0]);
		return 2;
	}
	in = slurp(argv[1], &len);
	/* one scratch directory per fuzzer instance, reused by every run */
	if (!dir)
		dir = "/tmp/kiln-fuzz";
	mkdir(dir, 0700);
	if (chdir(dir)) {
		perror(dir);
		return 2;
	}
	/* every run starts from the same state: no outputs of the last one */
	static const char *const outputs[] = {
		".config", "out.config", "out.config.old", "defconfig",
		"include/config/auto.conf", "include/config/auto.conf.cmd",
		"include/generated/autoconf.h", "include/generated/rustc_cfg",
	};
	for (size_t i = 0; i < sizeof(outputs) / sizeof(outputs[0]); i++)
		unlink(outputs[i]);
	cut = memmem(in, len, sep, sizeof(sep) - 1);
	klen = cut ? (size_t)(cut - in) + 1 : len;
	spit("Kconfig", in, klen);
	if (cut)
		spit(".config", cut + sizeof(sep) - 1, len - klen - (sizeof(sep) - 2));

	macro_allow_shell = false;
	setenv("KCONFIG_CONFIG", "out.config", 1);
	setenv("srctree", dir, 1);
	conf_set_message_callback(NULL);
	parse_kconfig("Kconfig");
	conf_read(cut ? ".config" : NULL);
	conf_write(NULL);
	conf_write_defconfig("defconfig");
	conf_write_autoconf(true);
	return 0;
}
