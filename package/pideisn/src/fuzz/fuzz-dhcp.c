// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Fuzz target of the DHCP codec: every input is decoded; what decodes is
 * encoded again, into 4096 bytes and into a size between 300 and 810
 * bytes the input chooses (its last byte of xid), and what that encoding
 * gives must decode to the same message.  Bounds of the decoded message
 * are checked too.
 */
#include "../dhcp.h"
#include "../tests/dhcp-same.h"

#include <stdlib.h>

static void check_bounds(const struct dhcp_message *m)
{
	if (m->routers.count > DHCP_MAX_ADDRS || m->dns.count > DHCP_MAX_ADDRS ||
	    m->ntp.count > DHCP_MAX_ADDRS || m->route_count > DHCP_MAX_ROUTES ||
	    m->search_count > DHCP_MAX_SEARCH)
		abort();
	if (strnlen(m->hostname, sizeof(m->hostname)) == sizeof(m->hostname) ||
	    strnlen(m->domain_name, sizeof(m->domain_name)) == sizeof(m->domain_name) ||
	    strnlen(m->message, sizeof(m->message)) == sizeof(m->message) ||
	    strnlen(m->sname, sizeof(m->sname)) == sizeof(m->sname) ||
	    strnlen(m->file, sizeof(m->file)) == sizeof(m->file))
		abort();
	for (unsigned i = 0; i < m->search_count; i++)
		if (!dhcp_name_valid(m->search[i], strlen(m->search[i])))
			abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* encode m into size bytes; what encodes must decode to m */
static void round_trip(const struct dhcp_message *m, size_t size)
{
	static struct dhcp_message again;
	static uint8_t out[DHCP_MAX_SIZE];
	struct dhcp_error err;
	long len = dhcp_encode(m, out, size, &err);

	if (len < 0) {
		if (!strstr(err.what, "do not fit"))
			abort();	/* what decodes is valid to encode */
		return;
	}
	if ((size_t)len > size || dhcp_decode(&again, out, (size_t)len, &err) < 0 ||
	    dhcp_difference(m, &again))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct dhcp_message m;
	struct dhcp_error err;

	if (dhcp_decode(&m, data, size, &err) < 0)
		return 0;
	check_bounds(&m);
	round_trip(&m, DHCP_MAX_SIZE);
	/* a smaller buffer, from the input (xid): overload and cut options */
	round_trip(&m, DHCP_BOOTP_MIN_SIZE + (size_t)data[7] * 2);
	return 0;
}
