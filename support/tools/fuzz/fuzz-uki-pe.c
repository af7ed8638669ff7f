// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Fuzz target: kiln-uki's reading of hostile PE images (the parser and
 * its checks, --list, the stub's SBAT text, a kernel's checks and its
 * release).  Built with libFuzzer (make fuzz) or as a corpus replayer
 * (make fuzz-replay).
 */
#include "../kiln-uki.h"

#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

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
	return 0;
}
