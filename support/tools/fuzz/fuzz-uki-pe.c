// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Fuzz target: kiln-uki on hostile PE images.  The input is read as a
 * kernel (its checks and release) and as a stub: parsed, listed, its SBAT
 * found, and a small UKI laid out on it, which must parse again with its
 * new sections in place (what kiln-uki's self-check relies on).  Built
 * with libFuzzer (make fuzz) or as a corpus replayer (make fuzz-replay).
 */
#include "../kiln-uki.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void lay_out(const struct pe *stub)
{
	static const char extra[] = "kiln,1,Kiln,kiln,1,https://example.org/\n";
	static struct pe uki;
	struct uki_part parts[3] = {
		{ ".cmdline", (const unsigned char *)"quiet", 5 },
		{ ".linux", (const unsigned char *)"MZ-kernel", 9 },
	};
	struct uki_part sbat = { ".sbat", NULL, 0 };
	struct sbat_plan plan;
	struct uki_output out;
	unsigned n = 2;
	char err[256];

	sbat_plan(stub, extra, sizeof(extra) - 1, &plan);
	sbat.data = (const unsigned char *)plan.text;
	sbat.len = plan.len;
	if (plan.action == SBAT_APPEND)
		parts[n++] = sbat;
	if (!uki_layout(stub, parts, n, plan.action == SBAT_REWRITE ? &sbat : NULL, &out, err,
			sizeof(err))) {
		if (pe_parse(&uki, out.data, out.len, err, sizeof(err)) ||
		    uki.nsections != stub->nsections + n ||
		    strcmp(uki.sec[stub->nsections + 1].name, ".linux") ||
		    pe_checksum(out.data, out.len, uki.opt_offset + OPT_CHECKSUM) != uki.checksum)
			abort();
		free(out.data);
	}
	free(plan.text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *sink;
	static struct pe pe;
	char err[256], *release;
	size_t sbat_len;

	if (!sink)
		sink = fopen("/dev/null", "w");
	kernel_check(data, size, PE_MACHINE_X86_64, err, sizeof(err));
	release = kernel_release(data, size);
	free(release);
	if (pe_parse(&pe, data, size, err, sizeof(err)))
		return 0;
	if (sink)
		pe_list(&pe, sink);
	sbat_find(&pe, &sbat_len);
	lay_out(&pe);
	return 0;
}
