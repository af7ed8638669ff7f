/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What a link is given, from a DHCP lease or from a static ip=: an
 * address, routes, an MTU, DNS servers and search domains.  Installing
 * it remembers what went in, so that it can be taken out again (a lease
 * that ends) or changed (a renewal with other routes).
 */
#ifndef PIDEISN_NET_CONFIG_H
#define PIDEISN_NET_CONFIG_H

#include "dhcp-client.h"
#include "ipconfig.h"
#include "resolv.h"
#include "rtnl.h"

#define NET_CONFIG_MAX_ROUTES	DHCP_MAX_ROUTES

struct net_config {
	struct in_addr address, broadcast;	/* address 0: nothing installed */
	unsigned prefix_length;
	unsigned mtu;				/* 0: leave it */
	unsigned route_count;
	struct rtnl_route routes[NET_CONFIG_MAX_ROUTES];
	struct resolv resolv;
};

void net_config_from_lease(struct net_config *nc, const struct dhcp_lease *l);
void net_config_from_ip(struct net_config *nc, const struct ipconfig *ic);
/*
 * Make link carry want instead of *have (the routes of *have that want
 * lacks go; an address that changes is replaced); *have becomes want.
 * 0, or -1 when the address could not be added (failures are logged).
 */
int net_config_install(const struct rtnl_link *link, struct net_config *have,
		       const struct net_config *want);
/* Take out what *have put in; *have becomes empty. */
void net_config_remove(const struct rtnl_link *link, struct net_config *have);

#endif
