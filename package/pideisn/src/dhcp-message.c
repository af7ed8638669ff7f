// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Starting points for the messages a client and a server send, and the
 * names of the message types for logs.
 */
#include "dhcp.h"

#include <string.h>

void dhcp_init_request(struct dhcp_message *m, enum dhcp_message_type type,
		       uint32_t xid, const uint8_t mac[6])
{
	memset(m, 0, sizeof(*m));
	m->op = DHCP_BOOTREQUEST;
	m->htype = 1;
	m->hlen = 6;
	m->xid = xid;
	memcpy(m->chaddr, mac, 6);
	m->message_type = (uint8_t)type;
	dhcp_set(m, DHCP_OPT_MESSAGE_TYPE);
}

void dhcp_init_reply(struct dhcp_message *m, enum dhcp_message_type type,
		     const struct dhcp_message *request)
{
	memset(m, 0, sizeof(*m));
	m->op = DHCP_BOOTREPLY;
	m->htype = request->htype;
	m->hlen = request->hlen;
	m->xid = request->xid;
	m->flags = request->flags;
	m->giaddr = request->giaddr;
	memcpy(m->chaddr, request->chaddr, sizeof(m->chaddr));
	m->message_type = (uint8_t)type;
	dhcp_set(m, DHCP_OPT_MESSAGE_TYPE);
}

const char *dhcp_message_type_name(unsigned type)
{
	static const char *const names[] = {
		[DHCP_DISCOVER] = "DHCPDISCOVER", [DHCP_OFFER] = "DHCPOFFER",
		[DHCP_REQUEST] = "DHCPREQUEST", [DHCP_DECLINE] = "DHCPDECLINE",
		[DHCP_ACK] = "DHCPACK", [DHCP_NAK] = "DHCPNAK",
		[DHCP_RELEASE] = "DHCPRELEASE", [DHCP_INFORM] = "DHCPINFORM",
	};

	if (type >= sizeof(names) / sizeof(names[0]) || !names[type])
		return "unknown";
	return names[type];
}
