// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Fuzz target of the control socket's request parser: any bytes, as the
 * line a client sent; what parses must be a request pideisn can act on.
 */
#include "../control.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int needs_name(enum control_verb verb)
{
	return verb == CONTROL_START || verb == CONTROL_STOP || verb == CONTROL_RESTART;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct control_request req;
	const char *why = NULL;

	memset(&req, 0xa5, sizeof(req));
	if (control_parse(&req, (const char *)data, size, &why) < 0) {
		if (!why || !why[0])
			abort();
		return 0;
	}
	if (req.verb > CONTROL_HALT || strnlen(req.name, sizeof(req.name)) == sizeof(req.name))
		abort();
	if (needs_name(req.verb) != !!req.name[0] && req.verb != CONTROL_STATUS)
		abort();
	if (req.name[0] && !service_name_valid(req.name))
		abort();
	if (control_verb_of(control_verb_name(req.verb)) != (int)req.verb)
		abort();
	return 0;
}
