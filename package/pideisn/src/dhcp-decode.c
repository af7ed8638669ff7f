// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * DHCP decoding: the fixed part, then the options in three steps.  The
 * options field (and file and sname when option 52 says so) is cut into
 * segments, each checked to lie inside its field; the segments of each
 * code are joined (RFC 3396); each joined option is then read by its
 * code.  Nothing is followed but the one overload option of the options
 * field, so no input loops.
 */
#include "dhcp.h"

#include <string.h>

struct segment {
	uint16_t offset;	/* of the data, in the message */
	uint8_t code;
	uint8_t len;
};

struct scan {
	struct segment seg[DHCP_MAX_SIZE / 2];
	unsigned count;
	int overload;		/* -1 when option 52 is absent */
};

static int fail(struct dhcp_error *err, const char *what, int option)
{
	err->what = what;
	err->option = option;
	return -1;
}

static uint32_t get32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint16_t get16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static struct in_addr get_addr(const uint8_t *p)
{
	struct in_addr a;

	memcpy(&a.s_addr, p, 4);
	return a;
}

static void copy_field_string(char *out, size_t size, const uint8_t *field)
{
	size_t len = strnlen((const char *)field, size);

	if (len == size)
		len = size - 1;
	memcpy(out, field, len);
	out[len] = '\0';
}

static int scan_field(struct scan *s, const uint8_t *msg, size_t at, size_t len,
		      int main_field, struct dhcp_error *err)
{
	const uint8_t *p = msg + at;
	size_t i = 0;

	while (i < len) {
		uint8_t code = p[i];
		if (code == DHCP_OPT_PAD) {
			i++;
			continue;
		}
		if (code == DHCP_OPT_END)
			return 0;
		if (i + 2 > len || i + 2 + p[i + 1] > len)
			return fail(err, "an option runs past the end of its field", code);
		uint8_t olen = p[i + 1];
		if (code == DHCP_OPT_OVERLOAD) {
			if (main_field) {
				if (olen != 1 || p[i + 2] < 1 || p[i + 2] > 3 || s->overload >= 0)
					return fail(err, "option overload must be given once, as 1, 2 or 3", code);
				s->overload = p[i + 2];
			}
			/* in file or sname: ignored, never followed */
		} else {
			if (s->count == sizeof(s->seg) / sizeof(s->seg[0]))
				return fail(err, "too many options", code);	/* cannot happen in 4096 bytes */
			s->seg[s->count++] = (struct segment){ (uint16_t)(at + i + 2), code, olen };
		}
		i += 2 + (size_t)olen;
	}
	return 0;
}

static int ignore(struct dhcp_message *m, unsigned code, const char *why)
{
	dhcp_unset(m, code);
	if (m->ignored_option < 0) {
		m->ignored_option = (int)code;
		m->ignored_why = why;
	}
	return 0;
}

static int read_addr(struct in_addr *out, const uint8_t *p, size_t len)
{
	if (len != 4)
		return -1;
	*out = get_addr(p);
	return 0;
}

static int read_addrs(struct dhcp_addrs *out, const uint8_t *p, size_t len)
{
	if (len == 0 || len % 4)
		return -1;
	out->count = 0;
	for (size_t i = 0; i < len && out->count < DHCP_MAX_ADDRS; i += 4)
		out->addr[out->count++] = get_addr(p + i);
	return 0;
}

static int read_u32(uint32_t *out, const uint8_t *p, size_t len)
{
	if (len != 4)
		return -1;
	*out = get32(p);
	return 0;
}

static int read_u16(uint16_t *out, const uint8_t *p, size_t len, uint16_t min)
{
	if (len != 2 || get16(p) < min)
		return -1;
	*out = get16(p);
	return 0;
}

/* a name some servers end with NUL bytes: those are dropped */
static int read_name(char *out, size_t size, const uint8_t *p, size_t len)
{
	while (len && p[len - 1] == '\0')
		len--;
	if (len >= size || !dhcp_name_valid((const char *)p, len))
		return -1;
	memcpy(out, p, len);
	out[len] = '\0';
	return 0;
}

static int read_text(char *out, size_t size, const uint8_t *p, size_t len)
{
	while (len && p[len - 1] == '\0')
		len--;
	if (len == 0 || len >= size)
		return -1;
	for (size_t i = 0; i < len; i++)
		out[i] = p[i] >= 0x20 && p[i] < 0x7f ? (char)p[i] : '?';
	out[len] = '\0';
	return 0;
}

static int read_bytes(struct dhcp_bytes *out, const uint8_t *p, size_t len, size_t min)
{
	if (len < min || len > sizeof(out->data))
		return -1;
	out->len = (uint8_t)len;
	memcpy(out->data, p, len);
	return 0;
}

/* RFC 3442: width, the significant octets of the destination, router */
static int read_routes(struct dhcp_message *m, const uint8_t *p, size_t len)
{
	size_t i = 0;

	m->route_count = 0;
	if (len == 0)
		return -1;
	while (i < len) {
		uint8_t width = p[i];
		size_t octets = (width + 7u) / 8;
		if (width > 32 || i + 1 + octets + 4 > len)
			return -1;
		struct dhcp_route r = { .prefix_length = width };
		uint8_t dest[4] = { 0 };
		memcpy(dest, p + i + 1, octets);
		memcpy(&r.destination.s_addr, dest, 4);
		r.gateway = get_addr(p + i + 1 + octets);
		if (m->route_count < DHCP_MAX_ROUTES)
			m->routes[m->route_count++] = r;
		i += 1 + octets + 4;
	}
	return 0;
}

static int read_option(struct dhcp_message *m, unsigned code, const uint8_t *p, size_t len)
{
	switch (code) {
	case DHCP_OPT_SUBNET_MASK:	return read_addr(&m->subnet_mask, p, len);
	case DHCP_OPT_BROADCAST:	return read_addr(&m->broadcast, p, len);
	case DHCP_OPT_REQUESTED_IP:	return read_addr(&m->requested_ip, p, len);
	case DHCP_OPT_SERVER_ID:	return read_addr(&m->server_id, p, len);
	case DHCP_OPT_ROUTER:		return read_addrs(&m->routers, p, len);
	case DHCP_OPT_DNS:		return read_addrs(&m->dns, p, len);
	case DHCP_OPT_NTP:		return read_addrs(&m->ntp, p, len);
	case DHCP_OPT_LEASE_TIME:	return read_u32(&m->lease_time, p, len);
	case DHCP_OPT_RENEWAL_TIME:	return read_u32(&m->renewal_time, p, len);
	case DHCP_OPT_REBINDING_TIME:	return read_u32(&m->rebinding_time, p, len);
	case DHCP_OPT_MTU:		return read_u16(&m->mtu, p, len, 68);
	case DHCP_OPT_MAX_SIZE:		return read_u16(&m->max_size, p, len, 576);
	case DHCP_OPT_HOSTNAME:
		return read_name(m->hostname, sizeof(m->hostname), p, len);
	case DHCP_OPT_DOMAIN_NAME:
		return read_name(m->domain_name, sizeof(m->domain_name), p, len);
	case DHCP_OPT_MESSAGE:
		return read_text(m->message, sizeof(m->message), p, len);
	case DHCP_OPT_PARAM_REQUEST:	return read_bytes(&m->param_request, p, len, 1);
	case DHCP_OPT_CLIENT_ID:	return read_bytes(&m->client_id, p, len, 2);
	case DHCP_OPT_VENDOR_CLASS:	return read_bytes(&m->vendor_class, p, len, 1);
	case DHCP_OPT_CLASSLESS_ROUTES:	return read_routes(m, p, len);
	case DHCP_OPT_DOMAIN_SEARCH:
		return dhcp_names_decode(p, len, m->search, DHCP_MAX_SEARCH,
					 &m->search_count);
	case DHCP_OPT_MESSAGE_TYPE:
		if (len != 1 || p[0] == 0)
			return -1;
		m->message_type = p[0];
		return 0;
	default:
		return 0;	/* not modelled: only its bit is kept */
	}
}

static const char *why_ignored(unsigned code)
{
	switch (code) {
	case DHCP_OPT_HOSTNAME:
	case DHCP_OPT_DOMAIN_NAME:	return "not a domain name";
	case DHCP_OPT_DOMAIN_SEARCH:	return "not a list of domain names";
	case DHCP_OPT_CLASSLESS_ROUTES:	return "not a list of routes";
	case DHCP_OPT_MTU:
	case DHCP_OPT_MAX_SIZE:		return "a length of 2 and a value above the minimum expected";
	default:			return "a length or value its code does not allow";
	}
}

/* join the segments of each code (counting sort keeps their order) */
static void decode_options(struct dhcp_message *m, const uint8_t *msg,
			   const struct scan *s)
{
	uint16_t ordered[DHCP_MAX_SIZE / 2];
	unsigned start[257] = { 0 };
	uint8_t joined[DHCP_MAX_SIZE];

	for (unsigned i = 0; i < s->count; i++)
		start[s->seg[i].code + 1]++;
	for (unsigned c = 1; c <= 256; c++)
		start[c] += start[c - 1];
	unsigned next[256];
	memcpy(next, start, sizeof(next));
	for (unsigned i = 0; i < s->count; i++)
		ordered[next[s->seg[i].code]++] = (uint16_t)i;

	for (unsigned code = 1; code < 255; code++) {
		size_t len = 0;
		if (start[code] == start[code + 1])
			continue;
		for (unsigned i = start[code]; i < start[code + 1]; i++) {
			const struct segment *seg = &s->seg[ordered[i]];
			memcpy(joined + len, msg + seg->offset, seg->len);
			len += seg->len;
		}
		dhcp_set(m, code);
		if (read_option(m, code, joined, len) < 0)
			ignore(m, code, why_ignored(code));
	}
}

static void decode_fixed(struct dhcp_message *m, const uint8_t *buf)
{
	m->op = buf[0];
	m->htype = buf[1];
	m->hlen = buf[2];
	m->hops = buf[3];
	m->xid = get32(buf + 4);
	m->secs = get16(buf + 8);
	m->flags = get16(buf + 10);
	m->ciaddr = get_addr(buf + 12);
	m->yiaddr = get_addr(buf + 16);
	m->siaddr = get_addr(buf + 20);
	m->giaddr = get_addr(buf + 24);
	memcpy(m->chaddr, buf + 28, 16);
}

int dhcp_decode(struct dhcp_message *m, const uint8_t *buf, size_t len,
		struct dhcp_error *err)
{
	struct scan s;
	const size_t sname = 44, file = 108;

	memset(m, 0, sizeof(*m));
	m->ignored_option = -1;
	if (len < DHCP_MIN_SIZE)
		return fail(err, "truncated: shorter than the fixed part and the cookie", -1);
	if (len > DHCP_MAX_SIZE)
		return fail(err, "longer than 4096 bytes", -1);
	if (get32(buf + DHCP_FIXED_SIZE) != DHCP_COOKIE)
		return fail(err, "not DHCP: the magic cookie is wrong", -1);
	if (buf[0] != DHCP_BOOTREQUEST && buf[0] != DHCP_BOOTREPLY)
		return fail(err, "op is neither request (1) nor reply (2)", -1);
	if (buf[2] > 16)
		return fail(err, "hardware address length over 16", -1);
	decode_fixed(m, buf);

	s.count = 0;
	s.overload = -1;
	if (scan_field(&s, buf, DHCP_MIN_SIZE, len - DHCP_MIN_SIZE, 1, err) < 0)
		return -1;
	if (s.overload > 0) {
		m->overload = (uint8_t)s.overload;
		dhcp_set(m, DHCP_OPT_OVERLOAD);
	}
	if (m->overload & DHCP_OVERLOAD_FILE && scan_field(&s, buf, file, 128, 0, err) < 0)
		return -1;
	if (m->overload & DHCP_OVERLOAD_SNAME && scan_field(&s, buf, sname, 64, 0, err) < 0)
		return -1;
	if (!(m->overload & DHCP_OVERLOAD_SNAME))
		copy_field_string(m->sname, sizeof(m->sname), buf + sname);
	if (!(m->overload & DHCP_OVERLOAD_FILE))
		copy_field_string(m->file, sizeof(m->file), buf + file);
	decode_options(m, buf, &s);
	return 0;
}
