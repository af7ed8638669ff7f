// SPDX-License-Identifier: GPL-2.0-or-later
/* A link's address, routes, MTU and DNS, put in and taken out (see net-config.h) */
#include "net-config.h"

#include <arpa/inet.h>
#include <string.h>

#define MIN_MTU	68	/* RFC 791: every IPv4 link carries this */

static void add_route(struct net_config *nc, struct in_addr destination,
		      unsigned prefix_length, struct in_addr gateway)
{
	struct rtnl_route *r;

	if (nc->route_count == NET_CONFIG_MAX_ROUTES)
		return;
	r = &nc->routes[nc->route_count++];
	r->destination = destination;
	r->prefix_length = prefix_length;
	r->gateway = gateway;
}

void net_config_from_lease(struct net_config *nc, const struct dhcp_lease *l)
{
	const struct dhcp_message *m = &l->ack;
	struct in_addr any = { 0 };
	unsigned i;

	memset(nc, 0, sizeof(*nc));
	nc->address = l->address;
	nc->prefix_length = l->prefix_length;
	nc->broadcast = l->broadcast;
	if (dhcp_has(m, DHCP_OPT_MTU) && m->mtu >= MIN_MTU)
		nc->mtu = m->mtu;
	/* RFC 3442: with classless routes, the routers option is ignored */
	if (dhcp_has(m, DHCP_OPT_CLASSLESS_ROUTES)) {
		for (i = 0; i < m->route_count; i++)
			add_route(nc, m->routes[i].destination,
				  m->routes[i].prefix_length, m->routes[i].gateway);
	} else if (dhcp_has(m, DHCP_OPT_ROUTER) && m->routers.count) {
		add_route(nc, any, 0, m->routers.addr[0]);
	}
	if (dhcp_has(m, DHCP_OPT_DNS))
		for (i = 0; i < m->dns.count; i++)
			resolv_add_server(&nc->resolv, m->dns.addr[i]);
	if (dhcp_has(m, DHCP_OPT_DOMAIN_SEARCH))
		for (i = 0; i < m->search_count; i++)
			resolv_add_search(&nc->resolv, m->search[i]);
	else if (dhcp_has(m, DHCP_OPT_DOMAIN_NAME))
		resolv_add_search(&nc->resolv, m->domain_name);
}

void net_config_from_ip(struct net_config *nc, const struct ipconfig *ic)
{
	struct in_addr any = { 0 };

	memset(nc, 0, sizeof(*nc));
	nc->address = ic->client;
	nc->prefix_length = ic->prefix_length;
	nc->broadcast.s_addr = ic->client.s_addr |
		htonl(nc->prefix_length ? 0xffffffffu >> nc->prefix_length : 0xffffffffu);
	if (ic->gateway.s_addr)
		add_route(nc, any, 0, ic->gateway);
	resolv_add_server(&nc->resolv, ic->dns[0]);
	resolv_add_server(&nc->resolv, ic->dns[1]);
}

static int same_route(const struct rtnl_route *a, const struct rtnl_route *b)
{
	return a->destination.s_addr == b->destination.s_addr &&
	       a->prefix_length == b->prefix_length &&
	       a->gateway.s_addr == b->gateway.s_addr;
}

static int has_route(const struct net_config *nc, const struct rtnl_route *r)
{
	unsigned i;

	for (i = 0; i < nc->route_count; i++)
		if (same_route(&nc->routes[i], r))
			return 1;
	return 0;
}

/* routes before the address: a gateway needs its subnet (or onlink) */
static void remove_routes_not_in(const struct rtnl_link *link,
				 const struct net_config *have,
				 const struct net_config *keep)
{
	unsigned i;

	for (i = 0; i < have->route_count; i++)
		if (!keep || !has_route(keep, &have->routes[i]))
			rtnl_route_remove(link, &have->routes[i]);
}

int net_config_install(const struct rtnl_link *link, struct net_config *have,
		       const struct net_config *want)
{
	int same_address = have->address.s_addr == want->address.s_addr &&
			   have->prefix_length == want->prefix_length;
	unsigned i;

	remove_routes_not_in(link, have, same_address ? want : NULL);
	if (have->address.s_addr && !same_address)
		rtnl_address_remove(link, have->address, have->prefix_length);
	memset(have, 0, sizeof(*have));
	if (want->mtu && want->mtu != link->mtu)
		rtnl_set_mtu(link, want->mtu);
	if (rtnl_address_add(link, want->address, want->prefix_length, want->broadcast))
		return -1;
	*have = *want;
	have->route_count = 0;
	for (i = 0; i < want->route_count; i++)
		if (!rtnl_route_add(link, &want->routes[i], want->address))
			have->routes[have->route_count++] = want->routes[i];
	return 0;
}

void net_config_remove(const struct rtnl_link *link, struct net_config *have)
{
	remove_routes_not_in(link, have, NULL);
	if (have->address.s_addr)
		rtnl_address_remove(link, have->address, have->prefix_length);
	memset(have, 0, sizeof(*have));
}
