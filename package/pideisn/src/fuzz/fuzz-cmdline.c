// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Fuzz target of the kernel command line and ip=: the input as a command
 * line (its ip= then parsed as pideisn will), and as an ip= value.
 */
#include "../cmdline.h"
#include "../ipconfig.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define TEXT_MAX 8192

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char text[TEXT_MAX + 1];
	char error[CMDLINE_ERROR_MAX], ip_error[IPCONFIG_ERROR_MAX];
	struct cmdline cl;
	struct ipconfig ic;

	if (size > TEXT_MAX)
		size = TEXT_MAX;
	memcpy(text, data, size);
	text[size] = '\0';
	if (ipconfig_parse(&ic, text, ip_error) == 0 && ic.prefix_length > 32)
		abort();
	if (cmdline_parse(&cl, text, error) > 0 && !error[0])
		abort();
	if (cl.console_count > CMDLINE_MAX_CONSOLES || cl.init_argc > CMDLINE_MAX_INIT_ARGS)
		abort();
	if (cl.root && (cl.root_kind == ROOT_NONE || !cl.root[0]))
		abort();
	if (cl.ip && ipconfig_parse(&ic, cl.ip, ip_error) < 0 && !ip_error[0])
		abort();
	return 0;
}
