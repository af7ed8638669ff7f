// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * DHCP encoding: the options whose bits are set are first written one
 * after the other (the message type first, then by code; a value longer
 * than 255 bytes as several options of the same code, RFC 3396), then
 * laid out in the options field, and, when they do not all fit and file
 * and sname are empty, in file and then sname (option 52), cutting an
 * option where a field ends.
 */
#include "dhcp.h"

#include <string.h>

struct options {
	uint8_t data[DHCP_MAX_SIZE];
	size_t len;
};

static int fail(struct dhcp_error *err, const char *what, int option)
{
	err->what = what;
	err->option = option;
	return -1;
}

static void put32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

static void put16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

static int add(struct options *o, unsigned code, const void *data, size_t len)
{
	const uint8_t *p = data;

	do {
		size_t chunk = len > 255 ? 255 : len;
		if (o->len + 2 + chunk > sizeof(o->data))
			return -1;
		o->data[o->len++] = (uint8_t)code;
		o->data[o->len++] = (uint8_t)chunk;
		memcpy(o->data + o->len, p, chunk);
		o->len += chunk;
		p += chunk;
		len -= chunk;
	} while (len);
	return 0;
}

static int add_addrs(struct options *o, unsigned code, const struct dhcp_addrs *a)
{
	uint8_t buf[4 * DHCP_MAX_ADDRS];

	if (a->count == 0 || a->count > DHCP_MAX_ADDRS)
		return -1;
	for (unsigned i = 0; i < a->count; i++)
		memcpy(buf + 4 * i, &a->addr[i].s_addr, 4);
	return add(o, code, buf, 4 * a->count);
}

static int add_u32(struct options *o, unsigned code, uint32_t v)
{
	uint8_t buf[4];

	put32(buf, v);
	return add(o, code, buf, 4);
}

static int add_u16(struct options *o, unsigned code, uint16_t v)
{
	uint8_t buf[2];

	put16(buf, v);
	return add(o, code, buf, 2);
}

static int add_name(struct options *o, unsigned code, const char *name)
{
	size_t len = strlen(name);

	if (!dhcp_name_valid(name, len))
		return -1;
	return add(o, code, name, len);
}

static int add_text(struct options *o, unsigned code, const char *text)
{
	size_t len = strlen(text);

	return len ? add(o, code, text, len) : -1;
}

static int add_bytes(struct options *o, unsigned code, const struct dhcp_bytes *b)
{
	return b->len ? add(o, code, b->data, b->len) : -1;
}

static int add_routes(struct options *o, const struct dhcp_message *m)
{
	uint8_t buf[DHCP_MAX_ROUTES * 9];
	size_t len = 0;

	if (m->route_count == 0 || m->route_count > DHCP_MAX_ROUTES)
		return -1;
	for (unsigned i = 0; i < m->route_count; i++) {
		const struct dhcp_route *r = &m->routes[i];
		size_t octets = (r->prefix_length + 7u) / 8;
		if (r->prefix_length > 32)
			return -1;
		buf[len++] = r->prefix_length;
		memcpy(buf + len, &r->destination.s_addr, octets);
		len += octets;
		memcpy(buf + len, &r->gateway.s_addr, 4);
		len += 4;
	}
	return add(o, DHCP_OPT_CLASSLESS_ROUTES, buf, len);
}

static int add_search(struct options *o, const struct dhcp_message *m)
{
	uint8_t buf[DHCP_MAX_SEARCH * (DHCP_NAME_MAX + 2)];
	long len;

	if (m->search_count == 0 || m->search_count > DHCP_MAX_SEARCH)
		return -1;
	len = dhcp_names_encode(m->search, m->search_count, buf, sizeof(buf));
	return len < 0 ? -1 : add(o, DHCP_OPT_DOMAIN_SEARCH, buf, (size_t)len);
}

static int add_option(struct options *o, const struct dhcp_message *m, unsigned code)
{
	switch (code) {
	case DHCP_OPT_MESSAGE_TYPE:	return add(o, code, &m->message_type, 1);
	case DHCP_OPT_SUBNET_MASK:	return add(o, code, &m->subnet_mask.s_addr, 4);
	case DHCP_OPT_BROADCAST:	return add(o, code, &m->broadcast.s_addr, 4);
	case DHCP_OPT_REQUESTED_IP:	return add(o, code, &m->requested_ip.s_addr, 4);
	case DHCP_OPT_SERVER_ID:	return add(o, code, &m->server_id.s_addr, 4);
	case DHCP_OPT_ROUTER:		return add_addrs(o, code, &m->routers);
	case DHCP_OPT_DNS:		return add_addrs(o, code, &m->dns);
	case DHCP_OPT_NTP:		return add_addrs(o, code, &m->ntp);
	case DHCP_OPT_LEASE_TIME:	return add_u32(o, code, m->lease_time);
	case DHCP_OPT_RENEWAL_TIME:	return add_u32(o, code, m->renewal_time);
	case DHCP_OPT_REBINDING_TIME:	return add_u32(o, code, m->rebinding_time);
	case DHCP_OPT_MTU:		return add_u16(o, code, m->mtu);
	case DHCP_OPT_MAX_SIZE:		return add_u16(o, code, m->max_size);
	case DHCP_OPT_HOSTNAME:		return add_name(o, code, m->hostname);
	case DHCP_OPT_DOMAIN_NAME:	return add_name(o, code, m->domain_name);
	case DHCP_OPT_MESSAGE:		return add_text(o, code, m->message);
	case DHCP_OPT_PARAM_REQUEST:	return add_bytes(o, code, &m->param_request);
	case DHCP_OPT_CLIENT_ID:	return add_bytes(o, code, &m->client_id);
	case DHCP_OPT_VENDOR_CLASS:	return add_bytes(o, code, &m->vendor_class);
	case DHCP_OPT_CLASSLESS_ROUTES:	return add_routes(o, m);
	case DHCP_OPT_DOMAIN_SEARCH:	return add_search(o, m);
	default:			return 0;	/* nothing to write */
	}
}

static int collect_options(struct options *o, const struct dhcp_message *m,
			   struct dhcp_error *err)
{
	o->len = 0;
	if (dhcp_has(m, DHCP_OPT_MESSAGE_TYPE) &&
	    add_option(o, m, DHCP_OPT_MESSAGE_TYPE) < 0)
		return fail(err, "the options do not fit", DHCP_OPT_MESSAGE_TYPE);
	for (unsigned code = 1; code < 255; code++) {
		if (code == DHCP_OPT_MESSAGE_TYPE || code == DHCP_OPT_OVERLOAD ||
		    !dhcp_has(m, code))
			continue;
		if (add_option(o, m, code) < 0)
			return fail(err, "an option's value is empty, too long or invalid", (int)code);
	}
	return 0;
}

/* where laying out has got to: an option of o, and how much of its data */
struct cursor {
	size_t at;
	size_t done;
};

/*
 * Options from the cursor into field, room bytes with the end option.
 * With split, an option that does not fit whole is cut (RFC 3396: the
 * receiver joins the parts); without, the field ends before it.
 */
static size_t fill_field(uint8_t *field, size_t room, const struct options *o,
			 struct cursor *c, int split)
{
	size_t len = 0;

	while (c->at < o->len) {
		size_t left = o->data[c->at + 1] - c->done;
		size_t fits = room - len - 1 < 2 ? 0 : room - len - 1 - 2;
		if (fits > left)
			fits = left;
		if (fits < left && (!split || fits == 0))
			break;
		field[len++] = o->data[c->at];
		field[len++] = (uint8_t)fits;
		memcpy(field + len, o->data + c->at + 2 + c->done, fits);
		len += fits;
		c->done += fits;
		if (c->done == o->data[c->at + 1]) {
			c->at += 2 + (size_t)o->data[c->at + 1];
			c->done = 0;
		}
	}
	field[len++] = DHCP_OPT_END;
	return len;
}

static void encode_fixed(const struct dhcp_message *m, uint8_t *buf)
{
	memset(buf, 0, DHCP_MIN_SIZE);
	buf[0] = m->op;
	buf[1] = m->htype;
	buf[2] = m->hlen;
	buf[3] = m->hops;
	put32(buf + 4, m->xid);
	put16(buf + 8, m->secs);
	put16(buf + 10, m->flags);
	memcpy(buf + 12, &m->ciaddr.s_addr, 4);
	memcpy(buf + 16, &m->yiaddr.s_addr, 4);
	memcpy(buf + 20, &m->siaddr.s_addr, 4);
	memcpy(buf + 24, &m->giaddr.s_addr, 4);
	memcpy(buf + 28, m->chaddr, 16);
	memcpy(buf + 44, m->sname, strnlen(m->sname, sizeof(m->sname) - 1));
	memcpy(buf + 108, m->file, strnlen(m->file, sizeof(m->file) - 1));
	put32(buf + DHCP_FIXED_SIZE, DHCP_COOKIE);
}

/* the options field, then file and sname when needed: the message's length */
static long lay_out(const struct dhcp_message *m, uint8_t *buf, size_t size,
		    const struct options *o, struct dhcp_error *err)
{
	size_t room = size - DHCP_MIN_SIZE, len;
	uint8_t *field = buf + DHCP_MIN_SIZE;
	struct cursor c = { 0, 0 };

	if (o->len + 1 <= room)
		return (long)(DHCP_MIN_SIZE + fill_field(field, room, o, &c, 0));
	if (m->sname[0] || m->file[0])
		return fail(err, "the options do not fit", -1);
	len = 3 + fill_field(field + 3, room - 3, o, &c, 1);
	field[0] = DHCP_OPT_OVERLOAD;
	field[1] = 1;
	field[2] = DHCP_OVERLOAD_FILE;
	fill_field(buf + 108, 128, o, &c, 1);
	if (c.at < o->len) {
		field[2] |= DHCP_OVERLOAD_SNAME;
		fill_field(buf + 44, 64, o, &c, 1);
	}
	if (c.at < o->len)
		return fail(err, "the options do not fit, even in file and sname", -1);
	return (long)(DHCP_MIN_SIZE + len);
}

long dhcp_encode(const struct dhcp_message *m, uint8_t *buf, size_t size,
		 struct dhcp_error *err)
{
	struct options o;
	long len;

	if (size < DHCP_BOOTP_MIN_SIZE)
		return fail(err, "the buffer is shorter than 300 bytes", -1);
	if (size > DHCP_MAX_SIZE)
		size = DHCP_MAX_SIZE;
	if (m->hlen > 16)
		return fail(err, "hardware address length over 16", -1);
	if (collect_options(&o, m, err) < 0)
		return -1;
	encode_fixed(m, buf);
	len = lay_out(m, buf, size, &o, err);
	if (len < 0)
		return -1;
	if (len < DHCP_BOOTP_MIN_SIZE) {
		memset(buf + len, 0, (size_t)(DHCP_BOOTP_MIN_SIZE - len));
		len = DHCP_BOOTP_MIN_SIZE;
	}
	return len;
}
