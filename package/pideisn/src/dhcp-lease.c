// SPDX-License-Identifier: GPL-2.0-or-later
/* What an ACK means: the lease (see dhcp-client.h) */
#include "dhcp-client.h"

#include <arpa/inet.h>
#include <string.h>

int dhcp_lease_address_usable(struct in_addr a)
{
	uint32_t h = ntohl(a.s_addr);

	return (h >> 24) != 0 && (h >> 24) != 127 && (h >> 28) < 0xe;
}

/* the netmask's prefix length, or -1 when its ones are not contiguous */
static int mask_prefix(struct in_addr mask)
{
	uint32_t m = ntohl(mask.s_addr);
	int n = 0;

	while (m & 0x80000000u) {
		m <<= 1;
		n++;
	}
	return m ? -1 : n;
}

static unsigned class_prefix(struct in_addr a)
{
	uint32_t h = ntohl(a.s_addr);

	return h < 0x80000000u ? 8 : h < 0xc0000000u ? 16 : 24;
}

const char *dhcp_lease_read(struct dhcp_lease *l, const struct dhcp_message *m,
			      struct in_addr from)
{
	int prefix = -1;

	memset(l, 0, sizeof(*l));
	if (!dhcp_lease_address_usable(m->yiaddr))
		return "the address offered (yiaddr) is not a host's";
	if (!dhcp_has(m, DHCP_OPT_LEASE_TIME) || m->lease_time == 0)
		return "no lease time (option 51)";
	if (dhcp_has(m, DHCP_OPT_SUBNET_MASK) &&
	    (prefix = mask_prefix(m->subnet_mask)) < 1)
		return "the subnet mask (option 1) is not a netmask (ones, then zeros)";
	l->address = m->yiaddr;
	l->prefix_length = prefix > 0 ? (unsigned)prefix : class_prefix(m->yiaddr);
	l->server = dhcp_has(m, DHCP_OPT_SERVER_ID) ? m->server_id : from;
	/* /31 and /32 (RFC 3021, clouds) have no broadcast address */
	if (l->prefix_length <= 30)
		l->broadcast.s_addr = l->address.s_addr |
			htonl(0xffffffffu >> l->prefix_length);
	if (dhcp_has(m, DHCP_OPT_BROADCAST))
		l->broadcast = m->broadcast;
	l->lease_time = m->lease_time;
	l->renewal_time = l->lease_time / 2;
	l->rebinding_time = (uint32_t)((uint64_t)l->lease_time * 7 / 8);
	if (dhcp_has(m, DHCP_OPT_RENEWAL_TIME) && dhcp_has(m, DHCP_OPT_REBINDING_TIME) &&
	    m->renewal_time < m->rebinding_time && m->rebinding_time < m->lease_time) {
		l->renewal_time = m->renewal_time;
		l->rebinding_time = m->rebinding_time;
	}
	l->ack = *m;
	return NULL;
}
