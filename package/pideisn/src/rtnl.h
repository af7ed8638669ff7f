/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A small rtnetlink client on one NETLINK_ROUTE socket: list the links,
 * set a link up and its MTU, add and remove IPv4 addresses and routes.
 * Each request waits for the kernel's answer (its ACK), at most
 * RTNL_TIMEOUT_MS: the kernel answers at once, this never waits for the
 * network itself.  Failures are logged, naming the link and what
 * failed ("eth0: adding address 10.0.2.15/24: File exists"), and
 * returned as -1 with errno.
 */
#ifndef PIDEISN_RTNL_H
#define PIDEISN_RTNL_H

#include <net/if.h>
#include <netinet/in.h>
#include <stdint.h>

#define RTNL_TIMEOUT_MS	2000
#define RTNL_MAX_LINKS	32

struct rtnl_link {
	int index;
	char name[IF_NAMESIZE];
	unsigned short type;		/* ARPHRD_ETHER, ARPHRD_LOOPBACK, ... */
	unsigned flags;			/* IFF_UP, IFF_LOOPBACK, ... */
	unsigned mtu;
	uint8_t mac[6];			/* for ARPHRD_ETHER */
};

struct rtnl_route {
	struct in_addr destination;
	unsigned prefix_length;		/* 0: the default route */
	struct in_addr gateway;		/* 0: on the link */
};

/* Open the socket (close-on-exec).  0, or -1 logged. */
int rtnl_open(void);
void rtnl_close(void);
/* The links, at most max of them (RTM_GETLINK dump).  Their count, or -1. */
int rtnl_links(struct rtnl_link *links, unsigned max);
int rtnl_link_up(const struct rtnl_link *link);
int rtnl_set_mtu(const struct rtnl_link *link, unsigned mtu);
/* Add (replacing one that is there) or remove address/prefix. */
int rtnl_address_add(const struct rtnl_link *link, struct in_addr address,
		     unsigned prefix_length, struct in_addr broadcast);
int rtnl_address_remove(const struct rtnl_link *link, struct in_addr address,
			unsigned prefix_length);
/* Add (replacing) or remove a route through link; source may be 0. */
int rtnl_route_add(const struct rtnl_link *link, const struct rtnl_route *r,
		   struct in_addr source);
int rtnl_route_remove(const struct rtnl_link *link, const struct rtnl_route *r);

#endif
