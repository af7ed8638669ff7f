/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Whether two DHCP messages say the same thing: the fixed part and every
 * option the codec models (for round trips in the unit test and the fuzz
 * target).  Returns NULL, or the name of the first difference.
 */
#ifndef PIDEISN_DHCP_SAME_H
#define PIDEISN_DHCP_SAME_H

#include "../dhcp.h"

#include <string.h>

static inline int same_addrs(const struct dhcp_addrs *a, const struct dhcp_addrs *b)
{
	if (a->count != b->count)
		return 0;
	for (unsigned i = 0; i < a->count; i++)
		if (a->addr[i].s_addr != b->addr[i].s_addr)
			return 0;
	return 1;
}

static inline int same_bytes(const struct dhcp_bytes *a, const struct dhcp_bytes *b)
{
	return a->len == b->len && !memcmp(a->data, b->data, a->len);
}

static inline int same_routes(const struct dhcp_message *a, const struct dhcp_message *b)
{
	if (a->route_count != b->route_count)
		return 0;
	for (unsigned i = 0; i < a->route_count; i++) {
		const struct dhcp_route *x = &a->routes[i], *y = &b->routes[i];
		if (x->prefix_length != y->prefix_length || x->gateway.s_addr != y->gateway.s_addr ||
		    x->destination.s_addr != y->destination.s_addr)
			return 0;
	}
	return 1;
}

static inline int same_search(const struct dhcp_message *a, const struct dhcp_message *b)
{
	if (a->search_count != b->search_count)
		return 0;
	for (unsigned i = 0; i < a->search_count; i++)
		if (strcmp(a->search[i], b->search[i]))
			return 0;
	return 1;
}

/* present bits of the options the encoder writes */
static inline int same_present(const struct dhcp_message *a, const struct dhcp_message *b)
{
	static const uint8_t modelled[] = {
		1, 3, 6, 12, 15, 26, 28, 42, 50, 51, 53, 54, 55, 56, 57, 58, 59, 60, 61, 119, 121,
	};

	for (size_t i = 0; i < sizeof(modelled); i++)
		if (dhcp_has(a, modelled[i]) != dhcp_has(b, modelled[i]))
			return 0;
	return 1;
}

static inline const char *dhcp_difference(const struct dhcp_message *a, const struct dhcp_message *b)
{
	if (a->op != b->op || a->htype != b->htype || a->hlen != b->hlen || a->hops != b->hops ||
	    a->xid != b->xid || a->secs != b->secs || a->flags != b->flags)
		return "op, htype, hlen, hops, xid, secs or flags";
	if (a->ciaddr.s_addr != b->ciaddr.s_addr || a->yiaddr.s_addr != b->yiaddr.s_addr ||
	    a->siaddr.s_addr != b->siaddr.s_addr || a->giaddr.s_addr != b->giaddr.s_addr)
		return "an address of the fixed part";
	if (memcmp(a->chaddr, b->chaddr, 16) || strcmp(a->sname, b->sname) || strcmp(a->file, b->file))
		return "chaddr, sname or file";
	if (!same_present(a, b))
		return "the options present";
#define OPTION(code, same) if (dhcp_has(a, code) && !(same)) return #same
	OPTION(1, a->subnet_mask.s_addr == b->subnet_mask.s_addr);
	OPTION(28, a->broadcast.s_addr == b->broadcast.s_addr);
	OPTION(50, a->requested_ip.s_addr == b->requested_ip.s_addr);
	OPTION(54, a->server_id.s_addr == b->server_id.s_addr);
	OPTION(3, same_addrs(&a->routers, &b->routers));
	OPTION(6, same_addrs(&a->dns, &b->dns));
	OPTION(42, same_addrs(&a->ntp, &b->ntp));
	OPTION(51, a->lease_time == b->lease_time);
	OPTION(58, a->renewal_time == b->renewal_time);
	OPTION(59, a->rebinding_time == b->rebinding_time);
	OPTION(26, a->mtu == b->mtu);
	OPTION(57, a->max_size == b->max_size);
	OPTION(53, a->message_type == b->message_type);
	OPTION(12, !strcmp(a->hostname, b->hostname));
	OPTION(15, !strcmp(a->domain_name, b->domain_name));
	OPTION(56, !strcmp(a->message, b->message));
	OPTION(55, same_bytes(&a->param_request, &b->param_request));
	OPTION(61, same_bytes(&a->client_id, &b->client_id));
	OPTION(60, same_bytes(&a->vendor_class, &b->vendor_class));
	OPTION(119, same_search(a, b));
	OPTION(121, same_routes(a, b));
#undef OPTION
	return NULL;
}

#endif
