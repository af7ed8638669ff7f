/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A DHCPv4 client for one link (RFC 2131): a state machine driven by
 * loop.c, on a UDP socket bound to port 68 and to the link, with the
 * broadcast flag set so that servers answer before the link has an
 * address.
 *
 *   INIT -> SELECTING (DISCOVER) -> REQUESTING (REQUEST) -> BOUND (ACK)
 *   BOUND -> RENEWING at T1 (REQUEST to the server) -> REBINDING at T2
 *   (REQUEST to anyone) -> the lease ends: lost, INIT again.
 *   NAK: back to INIT.  Unanswered messages are sent again after 1, 2, 4
 *   ... 64 s (each +- up to 1 s); a REQUEST four times at most.
 *
 * The client only speaks DHCP: what the lease means for the link
 * (address, routes, MTU, DNS) is its owner's business, in bound() and
 * lost().
 */
#ifndef PIDEISN_DHCP_CLIENT_H
#define PIDEISN_DHCP_CLIENT_H

#include "dhcp.h"
#include "loop.h"
#include "rtnl.h"

enum dhcp_client_state {
	DHCP_CLIENT_STOPPED,
	DHCP_CLIENT_SELECTING,
	DHCP_CLIENT_REQUESTING,
	DHCP_CLIENT_BOUND,
	DHCP_CLIENT_RENEWING,
	DHCP_CLIENT_REBINDING,
};

struct dhcp_lease {
	struct in_addr address, server, broadcast;
	unsigned prefix_length;
	uint32_t lease_time, renewal_time, rebinding_time;	/* seconds */
	struct dhcp_message ack;	/* routers, routes, DNS, MTU, ... */
};

struct dhcp_client {
	/* set by the owner */
	const struct rtnl_link *link;
	struct in_addr wanted;		/* the address to ask for, or 0 */
	/* renewed: the same address again (the lease's times changed) */
	void (*bound)(struct dhcp_client *c, const struct dhcp_lease *l, int renewed);
	void (*lost)(struct dhcp_client *c, const struct dhcp_lease *l);

	/* the client's own */
	enum dhcp_client_state state;
	struct loop_watch socket;
	struct loop_timer resend, phase;
	uint32_t xid;
	unsigned attempt;
	uint64_t exchange_start_ms, request_sent_ms, lease_start_ms;
	struct in_addr offered, offer_server;
	int has_lease;
	struct dhcp_lease lease;
	unsigned complaints;		/* messages logged about bad answers */
};

#define DHCP_LEASE_INFINITE	0xffffffffu

/*
 * The lease an ACK from from gives (dhcp-lease.c): NULL, or what is
 * wrong with it (no usable address, no lease time, a netmask with
 * holes).  T1 and T2 default to 1/2 and 7/8 of the lease, and
 * so do both when the server's are not T1 < T2 < lease.
 */
const char *dhcp_lease_read(struct dhcp_lease *l, const struct dhcp_message *ack,
			    struct in_addr from);
/* Not 0.0.0.0/8, loopback, multicast, class E or broadcast. */
int dhcp_lease_address_usable(struct in_addr a);

/* Open the socket and send the first DISCOVER.  0, or -1 logged. */
int dhcp_client_start(struct dhcp_client *c);
/* Release the lease (when bound), close the socket, stop the timers. */
void dhcp_client_stop(struct dhcp_client *c);

#endif
