// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Fuzz target of the service file parser: any text, parsed as the file
 * of service "fuzz"; a service that parses must be one pideisn can run.
 */
#include "../service.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct service svc;
	struct service_error err;

	if (service_parse(&svc, "fuzz", "fuzz", (const char *)data, size, &err) < 0) {
		if (!err.message[0] || strnlen(err.message, sizeof(err.message)) == sizeof(err.message))
			abort();
		return 0;
	}
	if (!svc.argv[0] || svc.argv[0][0] != '/' || svc.pool_used > sizeof(svc.pool))
		abort();
	for (unsigned i = 0; svc.env[i]; i++)
		if (!strchr(svc.env[i], '='))
			abort();
	if (svc.output == OUTPUT_FILE && (!svc.output_path || svc.output_path[0] != '/'))
		abort();
	return 0;
}
