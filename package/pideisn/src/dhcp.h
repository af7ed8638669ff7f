/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * DHCPv4 messages (RFC 2131, options of RFC 2132, 3397, 3442, 3396): a
 * pure codec, no sockets, no state, no allocation.  The same struct
 * describes what a client sends and what a server answers, so pideisn's
 * DHCP client and the net daemon's DHCP server both build and parse with
 * it.
 *
 * An option is in a message when its bit is set (dhcp_has, dhcp_set);
 * dhcp_decode sets the bits of the options it read, dhcp_encode writes
 * the options whose bits are set.  Options this codec does not model are
 * skipped by the decoder; their bits are set all the same (dhcp_seen).
 */
#ifndef PIDEISN_DHCP_H
#define PIDEISN_DHCP_H

#include <stddef.h>
#include <stdint.h>
#include <netinet/in.h>

#define DHCP_FIXED_SIZE		236	/* op .. file, before the cookie */
#define DHCP_COOKIE		0x63825363u
#define DHCP_MIN_SIZE		(DHCP_FIXED_SIZE + 4)
#define DHCP_BOOTP_MIN_SIZE	300	/* pad short messages to this */
#define DHCP_MAX_SIZE		4096	/* longer messages are refused */

#define DHCP_BOOTREQUEST	1
#define DHCP_BOOTREPLY		2
#define DHCP_FLAG_BROADCAST	0x8000

enum dhcp_message_type {
	DHCP_DISCOVER = 1,
	DHCP_OFFER,
	DHCP_REQUEST,
	DHCP_DECLINE,
	DHCP_ACK,
	DHCP_NAK,
	DHCP_RELEASE,
	DHCP_INFORM,
};

enum dhcp_option {
	DHCP_OPT_PAD = 0,
	DHCP_OPT_SUBNET_MASK = 1,
	DHCP_OPT_ROUTER = 3,
	DHCP_OPT_DNS = 6,
	DHCP_OPT_HOSTNAME = 12,
	DHCP_OPT_DOMAIN_NAME = 15,
	DHCP_OPT_MTU = 26,
	DHCP_OPT_BROADCAST = 28,
	DHCP_OPT_NTP = 42,
	DHCP_OPT_REQUESTED_IP = 50,
	DHCP_OPT_LEASE_TIME = 51,
	DHCP_OPT_OVERLOAD = 52,
	DHCP_OPT_MESSAGE_TYPE = 53,
	DHCP_OPT_SERVER_ID = 54,
	DHCP_OPT_PARAM_REQUEST = 55,
	DHCP_OPT_MESSAGE = 56,
	DHCP_OPT_MAX_SIZE = 57,
	DHCP_OPT_RENEWAL_TIME = 58,	/* T1 */
	DHCP_OPT_REBINDING_TIME = 59,	/* T2 */
	DHCP_OPT_VENDOR_CLASS = 60,
	DHCP_OPT_CLIENT_ID = 61,
	DHCP_OPT_DOMAIN_SEARCH = 119,
	DHCP_OPT_CLASSLESS_ROUTES = 121,
	DHCP_OPT_END = 255,
};

/* option 52: which of the fixed fields carry options too */
#define DHCP_OVERLOAD_FILE	1
#define DHCP_OVERLOAD_SNAME	2

#define DHCP_MAX_ADDRS		8	/* routers, DNS, NTP servers */
#define DHCP_MAX_ROUTES		32	/* classless static routes */
#define DHCP_MAX_SEARCH		8	/* domain search list */
#define DHCP_NAME_MAX		254	/* a domain name, dotted, without NUL */
#define DHCP_HOSTNAME_MAX	63

struct dhcp_addrs {
	unsigned count;
	struct in_addr addr[DHCP_MAX_ADDRS];
};

struct dhcp_route {
	struct in_addr destination;
	uint8_t prefix_length;		/* 0 .. 32; 0 is the default route */
	struct in_addr gateway;
};

struct dhcp_bytes {
	uint8_t len;
	uint8_t data[255];
};

struct dhcp_message {
	/* the fixed part */
	uint8_t op;			/* DHCP_BOOTREQUEST or DHCP_BOOTREPLY */
	uint8_t htype;			/* 1: Ethernet */
	uint8_t hlen;			/* 6 for Ethernet; at most 16 */
	uint8_t hops;
	uint32_t xid;			/* host order */
	uint16_t secs;
	uint16_t flags;			/* DHCP_FLAG_BROADCAST */
	struct in_addr ciaddr, yiaddr, siaddr, giaddr;
	uint8_t chaddr[16];
	char sname[64];			/* NUL-terminated when not overloaded */
	char file[128];

	/* the options: bit n of present is option n */
	uint8_t present[32];
	uint8_t message_type;		/* enum dhcp_message_type */
	uint8_t overload;		/* read back; the encoder decides itself */
	struct in_addr subnet_mask, broadcast, requested_ip, server_id;
	struct dhcp_addrs routers, dns, ntp;
	uint32_t lease_time, renewal_time, rebinding_time;	/* seconds */
	uint16_t mtu, max_size;
	char hostname[DHCP_HOSTNAME_MAX + 1];
	char domain_name[DHCP_NAME_MAX + 1];
	char message[256];		/* option 56, printable ASCII */
	unsigned search_count;
	char search[DHCP_MAX_SEARCH][DHCP_NAME_MAX + 1];
	unsigned route_count;
	struct dhcp_route routes[DHCP_MAX_ROUTES];
	struct dhcp_bytes param_request, client_id, vendor_class;

	/* dhcp_decode: the first option dropped for a bad value, or -1 */
	int ignored_option;
	const char *ignored_why;
};

struct dhcp_error {
	const char *what;		/* a sentence, no trailing period */
	int option;			/* the option at fault, or -1 */
};

static inline int dhcp_has(const struct dhcp_message *m, unsigned code)
{
	return code < 256 && (m->present[code / 8] >> (code % 8)) & 1;
}

static inline void dhcp_set(struct dhcp_message *m, unsigned code)
{
	if (code < 256)
		m->present[code / 8] |= (uint8_t)(1u << (code % 8));
}

static inline void dhcp_unset(struct dhcp_message *m, unsigned code)
{
	if (code < 256)
		m->present[code / 8] &= (uint8_t)~(1u << (code % 8));
}

/*
 * Parse len bytes into *m.  0 on success; -1 with *err filled when the
 * message is truncated, too long, has the wrong cookie or op, or an
 * option runs past the end of its field.  An option whose value is wrong
 * (a length its code does not allow, a bad domain name, a route with a
 * prefix over 32) is dropped, its bit left clear, and named in
 * m->ignored_option: a client then finds that option missing.  Options
 * given more than once are joined first (RFC 3396), in the order options
 * field, file, sname.  A message without the end option is accepted.
 */
int dhcp_decode(struct dhcp_message *m, const uint8_t *buf, size_t len,
		struct dhcp_error *err);

/*
 * Write *m into buf (size bytes: a server answering a client that sent
 * option 57 passes at most that size).  Options that do not fit in the
 * options field go to file and sname (option overload) when those are
 * empty; options longer than 255 bytes are split (RFC 3396).  Returns
 * the length written, padded to 300 bytes, or -1 with *err filled.
 */
long dhcp_encode(const struct dhcp_message *m, uint8_t *buf, size_t size,
		 struct dhcp_error *err);

/* A client's message: op, Ethernet address, xid; flags stay 0 (the
 * client sets the broadcast flag when it needs one). */
void dhcp_init_request(struct dhcp_message *m, enum dhcp_message_type type,
		       uint32_t xid, const uint8_t mac[6]);

/* A server's answer to request: xid, flags, giaddr and chaddr copied. */
void dhcp_init_reply(struct dhcp_message *m, enum dhcp_message_type type,
		     const struct dhcp_message *request);

/* "DHCPDISCOVER", ...; "unknown" outside 1..8 */
const char *dhcp_message_type_name(unsigned type);

/* RFC 1035 names as option 119 carries them (dhcp-names.c) */
int dhcp_names_decode(const uint8_t *data, size_t len,
		      char names[][DHCP_NAME_MAX + 1], unsigned max,
		      unsigned *count);
long dhcp_names_encode(const char (*names)[DHCP_NAME_MAX + 1], unsigned count,
		       uint8_t *out, size_t size);
int dhcp_name_valid(const char *name, size_t len);

#endif
