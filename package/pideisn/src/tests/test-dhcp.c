// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Unit tests of the DHCP codec: messages built by hand byte by byte
 * (good, truncated, oversized, wrong cookie, overloaded, malicious), and
 * round trips through the encoder.
 */
#include "../dhcp.h"
#include "dhcp-same.h"
#include "unit.h"

#include <arpa/inet.h>

static uint8_t buf[DHCP_MAX_SIZE + 16];
static struct dhcp_message m, back;
static struct dhcp_error err;

/* A reply with options (and file, sname) as given; its length. */
static size_t packet(const uint8_t *options, size_t len)
{
	memset(buf, 0, sizeof(buf));
	buf[0] = DHCP_BOOTREPLY;
	buf[1] = 1;
	buf[2] = 6;
	buf[4] = 0xde, buf[5] = 0xad, buf[6] = 0xbe, buf[7] = 0xef;
	buf[16] = 10, buf[17] = 0, buf[18] = 2, buf[19] = 15;
	memcpy(buf + 28, "\x52\x54\x00\x12\x34\x56", 6);
	buf[236] = 0x63, buf[237] = 0x82, buf[238] = 0x53, buf[239] = 0x63;
	memcpy(buf + 240, options, len);
	return 240 + len;
}

#define PACKET(...) packet((const uint8_t[]){ __VA_ARGS__ }, sizeof((const uint8_t[]){ __VA_ARGS__ }))

static int decode(size_t len)
{
	err.what = NULL;
	return dhcp_decode(&m, buf, len, &err);
}

static const char *ip(struct in_addr a)
{
	static char text[4][INET_ADDRSTRLEN];
	static int next;

	next = (next + 1) % 4;
	return inet_ntop(AF_INET, &a, text[next], sizeof(text[next]));
}

static void test_good(void)
{
	size_t len = PACKET(53, 1, DHCP_ACK, 54, 4, 10, 0, 2, 2, 51, 4, 0, 0, 0x0e, 0x10,
			    58, 4, 0, 0, 7, 8, 59, 4, 0, 0, 0x0c, 0x4e, 1, 4, 255, 255, 255, 0,
			    3, 4, 10, 0, 2, 2, 6, 8, 10, 0, 2, 3, 1, 1, 1, 1, 26, 2, 5, 220,
			    15, 12, 'e', 'x', 'a', 'm', 'p', 'l', 'e', '.', 'c', 'o', 'm', 0,
			    12, 3, 'v', 'm', '1', 0, 0, 200, 3, 1, 2, 3, 255);

	CHECK(decode(len) == 0, "an ACK decodes");
	CHECK(m.op == DHCP_BOOTREPLY && m.xid == 0xdeadbeef, "op and xid");
	CHECK_STR(ip(m.yiaddr), "10.0.2.15", "yiaddr");
	CHECK(m.chaddr[5] == 0x56 && m.hlen == 6, "chaddr");
	CHECK(m.message_type == DHCP_ACK && dhcp_has(&m, 53), "message type");
	CHECK_STR(ip(m.server_id), "10.0.2.2", "server id");
	CHECK(m.lease_time == 3600 && m.renewal_time == 1800 && m.rebinding_time == 3150, "lease, T1, T2");
	CHECK_STR(ip(m.subnet_mask), "255.255.255.0", "subnet mask");
	CHECK(m.routers.count == 1, "a router");
	CHECK(m.dns.count == 2, "two DNS servers");
	CHECK_STR(ip(m.dns.addr[1]), "1.1.1.1", "the second DNS server");
	CHECK(m.mtu == 1500, "MTU");
	CHECK_STR(m.domain_name, "example.com", "domain name, its NUL dropped");
	CHECK_STR(m.hostname, "vm1", "hostname");
	CHECK(dhcp_has(&m, 200) && m.ignored_option == -1, "an unknown option is seen and skipped");
	CHECK(m.sname[0] == 0 && m.file[0] == 0, "empty sname and file");
	CHECK_STR(dhcp_message_type_name(m.message_type), "DHCPACK", "type name");
	CHECK_STR(dhcp_message_type_name(0), "unknown", "type 0 name");
	CHECK_STR(dhcp_message_type_name(9), "unknown", "type 9 name");

	len = PACKET(53, 1, DHCP_OFFER);
	CHECK(decode(len) == 0 && m.message_type == DHCP_OFFER, "no end option is accepted");
	len = PACKET(0, 0, 0, 53, 1, DHCP_OFFER, 0, 255, 53, 7);
	CHECK(decode(len) == 0, "pads, and bytes after the end option are ignored");
	memcpy(buf + 44, "server", 6);
	memcpy(buf + 108, "boot/file", 9);
	CHECK(decode(len) == 0, "sname and file");
	CHECK_STR(m.sname, "server", "sname");
	CHECK_STR(m.file, "boot/file", "file");
	memset(buf + 44, 'S', 64);
	CHECK(decode(len) == 0 && strlen(m.sname) == 63, "an sname without NUL is cut at 63");
}

static void test_refused(void)
{
	size_t len = PACKET(53, 1, 5, 255);

	CHECK(dhcp_decode(&m, buf, 0, &err) < 0, "an empty message");
	CHECK(decode(239) < 0 && strstr(err.what, "truncated"), "truncated in the cookie");
	CHECK(decode(100) < 0, "truncated in the fixed part");
	CHECK(decode(240) == 0, "the cookie and no options");
	CHECK(decode(DHCP_MAX_SIZE + 1) < 0 && strstr(err.what, "longer"), "oversized");
	CHECK(decode(DHCP_MAX_SIZE) == 0, "4096 bytes");
	buf[239] = 0x64;
	CHECK(decode(len) < 0 && strstr(err.what, "cookie"), "wrong cookie");
	PACKET(53, 1, 5, 255);
	buf[0] = 3;
	CHECK(decode(len) < 0 && strstr(err.what, "op"), "op 3");
	PACKET(53, 1, 5, 255);
	buf[2] = 17;
	CHECK(decode(len) < 0 && strstr(err.what, "hardware"), "hlen 17");
	len = PACKET(53, 5, 1);
	CHECK(decode(len) < 0 && err.option == 53 && strstr(err.what, "past the end"), "a length past the end");
	len = PACKET(53, 1, 1, 6);
	CHECK(decode(len) < 0 && err.option == 6, "a code without its length at the end");
	len = PACKET(53, 1, 1, 6, 255);
	CHECK(decode(len) < 0, "a length of 255 with nothing after");
}

static void test_ignored(void)
{
	size_t len = PACKET(53, 2, 5, 5, 54, 4, 10, 0, 2, 2);

	CHECK(decode(len) == 0, "a bad message type does not refuse the message");
	CHECK(!dhcp_has(&m, 53) && m.ignored_option == 53, "but the option is dropped and named");
	CHECK(dhcp_has(&m, 54), "the others stay");
	len = PACKET(53, 1, 0);
	CHECK(decode(len) == 0 && !dhcp_has(&m, 53), "message type 0");
	len = PACKET(26, 2, 0, 67);
	CHECK(decode(len) == 0 && !dhcp_has(&m, 26) && m.ignored_option == 26, "MTU 67");
	len = PACKET(57, 2, 2, 63);
	CHECK(decode(len) == 0 && !dhcp_has(&m, 57), "max size 575");
	len = PACKET(3, 5, 1, 2, 3, 4, 5);
	CHECK(decode(len) == 0 && !dhcp_has(&m, 3), "routers of 5 bytes");
	len = PACKET(6, 0);
	CHECK(decode(len) == 0 && !dhcp_has(&m, 6), "no DNS servers");
	len = PACKET(51, 3, 1, 2, 3);
	CHECK(decode(len) == 0 && !dhcp_has(&m, 51), "a lease of 3 bytes");
	len = PACKET(15, 5, 'a', '\n', 'b', 'c', 'd');
	CHECK(decode(len) == 0 && !dhcp_has(&m, 15) && !strcmp(m.ignored_why, "not a domain name"),
	      "a newline in the domain name (resolv.conf injection)");
	len = PACKET(15, 3, 'a', 0, 'b');
	CHECK(decode(len) == 0 && !dhcp_has(&m, 15), "a NUL inside the domain name");
	len = PACKET(15, 4, 'a', '.', '.', 'b');
	CHECK(decode(len) == 0 && !dhcp_has(&m, 15), "an empty label");
	len = PACKET(12, 0);
	CHECK(decode(len) == 0 && !dhcp_has(&m, 12), "an empty hostname");
	len = PACKET(61, 1, 1);
	CHECK(decode(len) == 0 && !dhcp_has(&m, 61), "a client id of 1 byte");
	len = PACKET(56, 3, 'o', 0x1b, 'k');
	CHECK(decode(len) == 0, "a message with a control character");
	CHECK_STR(m.message, "o?k", "is made printable");
	uint8_t many[2 + 48];
	many[0] = 6, many[1] = 48;
	for (int i = 0; i < 48; i++)
		many[2 + i] = (uint8_t)i;
	len = packet(many, sizeof(many));
	CHECK(decode(len) == 0 && m.dns.count == DHCP_MAX_ADDRS, "12 DNS servers: the first 8 kept");
}

static void test_overload(void)
{
	size_t len = PACKET(53, 1, DHCP_OFFER, 52, 1, 3, 255);

	memcpy(buf + 108, "\x06\x04\x0a\x00\x02\x03\x34\x01\x03\xff", 10);	/* DNS, a 52 inside */
	memcpy(buf + 44, "\x0f\x03" "lan" "\xff", 6);
	CHECK(decode(len) == 0, "options in file and sname");
	CHECK(m.overload == 3 && m.dns.count == 1, "DNS from file");
	CHECK_STR(m.domain_name, "lan", "domain from sname");
	CHECK(m.file[0] == 0 && m.sname[0] == 0, "overloaded fields are not names");

	len = PACKET(52, 1, 1, 255);
	buf[108 + 126] = 6;	/* runs past file */
	buf[108 + 127] = 8;
	CHECK(decode(len) < 0 && err.option == 6, "an option running past file");
	len = PACKET(52, 1, 2, 255);
	memset(buf + 44, 0, 64);
	buf[44 + 62] = 6;
	buf[44 + 63] = 4;
	CHECK(decode(len) < 0, "an option running past sname");
	len = PACKET(52, 1, 4);
	CHECK(decode(len) < 0 && err.option == 52, "overload 4");
	len = PACKET(52, 1, 0);
	CHECK(decode(len) < 0, "overload 0");
	len = PACKET(52, 2, 1, 1);
	CHECK(decode(len) < 0, "overload of 2 bytes");
	len = PACKET(52, 1, 1, 52, 1, 1);
	CHECK(decode(len) < 0, "overload twice");
	len = PACKET(52, 1, 1);
	memset(buf + 108, 0, 128);
	for (int i = 0; i < 126; i += 3)
		memcpy(buf + 108 + i, "\x34\x01\x03", 3);
	CHECK(decode(len) == 0 && m.overload == 1, "overload options in file are never followed");
	len = PACKET(52, 1, 1);
	memset(buf + 108, 0, 128);
	CHECK(decode(len) == 0, "an overloaded file of pads");
}

static void test_split(void)
{
	size_t len = PACKET(6, 4, 10, 0, 0, 1, 53, 1, 2, 6, 4, 10, 0, 0, 2, 52, 1, 1, 255);

	memcpy(buf + 108, "\x06\x04\x0a\x00\x00\x03\xff", 7);
	CHECK(decode(len) == 0 && m.dns.count == 3, "DNS split in three, across file (RFC 3396)");
	CHECK_STR(ip(m.dns.addr[2]), "10.0.0.3", "in order: options field, then file");
	len = PACKET(53, 1, 1, 53, 1, 1);
	CHECK(decode(len) == 0 && !dhcp_has(&m, 53), "a message type given twice is 2 bytes long");
	len = PACKET(6, 2, 10, 0, 6, 2, 0, 1);
	CHECK(decode(len) == 0 && m.dns.count == 1, "an address split in the middle");
}

static void test_search(void)
{
	/* RFC 3397's example: eng.apple.com, marketing.apple.com */
	size_t len = PACKET(119, 27, 3, 'e', 'n', 'g', 5, 'a', 'p', 'p', 'l', 'e', 3, 'c', 'o', 'm', 0,
			    9, 'm', 'a', 'r', 'k', 'e', 't', 'i', 'n', 'g', 0xc0, 0x04);

	CHECK(decode(len) == 0 && m.search_count == 2, "RFC 3397's example");
	CHECK_STR(m.search[0], "eng.apple.com", "the first name");
	CHECK_STR(m.search[1], "marketing.apple.com", "the compressed name");
	len = PACKET(119, 14, 3, 'e', 'n', 'g', 5, 'a', 'p', 'p', 'l', 'e', 0, 0xc0, 0x00, 0xc0);
	CHECK(decode(len) == 0 && !dhcp_has(&m, 119), "a pointer cut in half");
	len = PACKET(119, 2, 0xc0, 0x00);
	CHECK(decode(len) == 0 && !dhcp_has(&m, 119), "a pointer to itself");
	len = PACKET(119, 6, 1, 'a', 0xc0, 0x04, 1, 'b');
	CHECK(decode(len) == 0 && !dhcp_has(&m, 119), "a forward pointer");
	len = PACKET(119, 8, 1, 'a', 0, 1, 'b', 0xc0, 0x03, 0);
	CHECK(decode(len) == 0 && !dhcp_has(&m, 119), "a pointer into its own name (a loop)");
	len = PACKET(119, 7, 1, 'a', 0, 0xc0, 0x00, 0xc0, 0x03);
	CHECK(decode(len) == 0 && m.search_count == 3, "a pointer to a pointer, backwards");
	CHECK_STR(m.search[2], "a", "resolves");
	len = PACKET(119, 3, 0x41, 'a', 0);
	CHECK(decode(len) == 0 && !dhcp_has(&m, 119), "label type 0x40");
	len = PACKET(119, 1, 0);
	CHECK(decode(len) == 0 && !dhcp_has(&m, 119), "the root name alone");
	len = PACKET(119, 3, 5, 'a', 'b');
	CHECK(decode(len) == 0 && !dhcp_has(&m, 119), "a label past the end");
	len = PACKET(119, 3, 1, 'a', 0xff);
	CHECK(decode(len) == 0 && !dhcp_has(&m, 119), "a pointer byte at the end");

	/* names of 253 and 255 characters, split in two options */
	uint8_t wire[300], opts[310], *p;
	for (int extra = 0; extra <= 2; extra += 2) {
		p = wire;
		for (int l = 0; l < 4; l++) {
			uint8_t label = (uint8_t)(l < 3 ? 63 : 61 + extra);
			*p++ = label;
			memset(p, 'a' + l, label);
			p += label;
		}
		*p++ = 0;
		size_t wire_len = (size_t)(p - wire);
		opts[0] = 119, opts[1] = 100;
		memcpy(opts + 2, wire, 100);
		opts[102] = 119, opts[103] = (uint8_t)(wire_len - 100);
		memcpy(opts + 104, wire + 100, wire_len - 100);
		len = packet(opts, wire_len + 4);
		if (!extra)
			CHECK(decode(len) == 0 && strlen(m.search[0]) == 253, "a name of 253 characters");
		else
			CHECK(decode(len) == 0 && !dhcp_has(&m, 119), "a name of 255 characters");
	}

	uint8_t nine[2 + 9 * 3];
	nine[0] = 119, nine[1] = 27;
	for (int i = 0; i < 9; i++)
		memcpy(nine + 2 + 3 * i, (const uint8_t[]){ 1, (uint8_t)('a' + i), 0 }, 3);
	len = packet(nine, sizeof(nine));
	CHECK(decode(len) == 0 && !dhcp_has(&m, 119), "nine names: more than the search list holds");
}

static void test_routes(void)
{
	/* RFC 3442's examples: 0/0, 10/8, 10.17/16, 10.27.129/24, 10.229.0.128/25 */
	size_t len = PACKET(121, 44, 0, 10, 0, 0, 1, 8, 10, 10, 0, 0, 1, 16, 10, 17, 10, 0, 0, 1,
			    24, 10, 27, 129, 10, 0, 0, 1, 25, 10, 229, 0, 128, 10, 0, 0, 1,
			    32, 1, 2, 3, 4, 10, 0, 0, 2);

	CHECK(decode(len) == 0 && m.route_count == 6, "six classless routes");
	CHECK(m.routes[0].prefix_length == 0 && !strcmp(ip(m.routes[0].gateway), "10.0.0.1"), "the default route");
	CHECK_STR(ip(m.routes[2].destination), "10.17.0.0", "10.17/16");
	CHECK_STR(ip(m.routes[4].destination), "10.229.0.128", "/25");
	CHECK(m.routes[5].prefix_length == 32, "/32");
	len = PACKET(121, 5, 33, 10, 0, 0, 1);
	CHECK(decode(len) == 0 && !dhcp_has(&m, 121), "a prefix of 33");
	len = PACKET(121, 5, 8, 10, 0, 0, 1);
	CHECK(decode(len) == 0 && !dhcp_has(&m, 121), "a route cut short");
	len = PACKET(121, 0);
	CHECK(decode(len) == 0 && !dhcp_has(&m, 121), "no routes");
}

static int round_trip(const struct dhcp_message *in, size_t size)
{
	uint8_t out[DHCP_MAX_SIZE];
	long len = dhcp_encode(in, out, size, &err);

	if (len < 0) {
		printf("#   encode: %s (option %d)\n", err.what, err.option);
		return 0;
	}
	if (dhcp_decode(&back, out, (size_t)len, &err) < 0) {
		printf("#   decode: %s\n", err.what);
		return 0;
	}
	const char *diff = dhcp_difference(in, &back);
	if (diff)
		printf("#   differs: %s\n", diff);
	return !diff && (size_t)len <= size;
}

static void offer(struct dhcp_message *o, const struct dhcp_message *discover)
{
	dhcp_init_reply(o, DHCP_OFFER, discover);
	inet_pton(AF_INET, "10.0.2.15", &o->yiaddr);
	inet_pton(AF_INET, "10.0.2.2", &o->server_id);
	inet_pton(AF_INET, "255.255.255.0", &o->subnet_mask);
	o->routers.count = 1;
	o->routers.addr[0] = o->server_id;
	o->dns.count = 1;
	inet_pton(AF_INET, "10.0.2.3", &o->dns.addr[0]);
	o->lease_time = 86400;
	o->renewal_time = 43200;
	o->rebinding_time = 75600;
	o->mtu = 1500;
	snprintf(o->domain_name, sizeof(o->domain_name), "example.org");
	o->search_count = 3;
	snprintf(o->search[0], sizeof(o->search[0]), "example.org");
	snprintf(o->search[1], sizeof(o->search[1]), "lab.example.org");
	snprintf(o->search[2], sizeof(o->search[2]), "other.net");
	o->route_count = 2;
	inet_pton(AF_INET, "10.0.0.1", &o->routes[0].gateway);
	o->routes[1].prefix_length = 24;
	inet_pton(AF_INET, "192.168.7.0", &o->routes[1].destination);
	inet_pton(AF_INET, "10.0.2.9", &o->routes[1].gateway);
	static const unsigned codes[] = { 54, 1, 3, 6, 51, 58, 59, 26, 15, 119, 121 };
	for (size_t i = 0; i < sizeof(codes) / sizeof(codes[0]); i++)
		dhcp_set(o, codes[i]);
}

static void test_encode(void)
{
	static struct dhcp_message d, o;
	static const uint8_t mac[6] = { 0x52, 0x54, 0, 0x12, 0x34, 0x56 };
	uint8_t out[DHCP_MAX_SIZE];

	dhcp_init_request(&d, DHCP_DISCOVER, 0x1234, mac);
	d.flags = DHCP_FLAG_BROADCAST;
	d.param_request.len = 6;
	memcpy(d.param_request.data, (const uint8_t[]){ 1, 3, 6, 15, 26, 119 }, 6);
	d.client_id.len = 7;
	memcpy(d.client_id.data, (const uint8_t[]){ 1, 0x52, 0x54, 0, 0x12, 0x34, 0x56 }, 7);
	d.max_size = 1500;
	snprintf(d.hostname, sizeof(d.hostname), "vm1");
	dhcp_set(&d, 55), dhcp_set(&d, 61), dhcp_set(&d, 57), dhcp_set(&d, 12);
	CHECK(round_trip(&d, 576), "a DISCOVER round trip");
	long len = dhcp_encode(&d, out, sizeof(out), &err);
	CHECK(len == DHCP_BOOTP_MIN_SIZE, "padded to 300 bytes");
	CHECK(out[240] == 53 && out[241] == 1 && out[242] == DHCP_DISCOVER, "the message type first");
	CHECK(out[10] == 0x80 && out[0] == 1 && out[2] == 6, "broadcast flag, op, hlen");

	offer(&o, &d);
	CHECK(o.xid == 0x1234 && o.op == DHCP_BOOTREPLY && o.flags == DHCP_FLAG_BROADCAST &&
	      o.chaddr[1] == 0x54, "a reply copies xid, flags, chaddr");
	CHECK(round_trip(&o, 576), "an OFFER round trip");
	len = dhcp_encode(&o, out, sizeof(out), &err);
	static const uint8_t search[] = { 119, 30, 7, 'e', 'x', 'a', 'm', 'p', 'l', 'e', 3, 'o', 'r', 'g', 0,
					  3, 'l', 'a', 'b', 0xc0, 0, 5, 'o', 't', 'h', 'e', 'r', 3, 'n', 'e', 't', 0 };
	int found = 0;
	for (long i = 240; i + (long)sizeof(search) <= len; i++)
		found |= !memcmp(out + i, search, sizeof(search));
	CHECK(found, "the search list is compressed");

	/* many routes: split in two options, then into file and sname */
	o.route_count = DHCP_MAX_ROUTES;
	for (unsigned i = 0; i < DHCP_MAX_ROUTES; i++) {
		o.routes[i].prefix_length = 32;
		o.routes[i].destination.s_addr = htonl(0x0a000000u + i);
		o.routes[i].gateway.s_addr = htonl(0x0a000001u);
	}
	CHECK(round_trip(&o, DHCP_MAX_SIZE), "32 routes: a split option (RFC 3396)");
	CHECK(round_trip(&o, 576), "... overloaded into file in 576 bytes");
	len = dhcp_encode(&o, out, 576, &err);
	CHECK(len == 576 && out[240] == 52 && out[242] == 1, "option 52 says file");
	CHECK(round_trip(&o, 460), "... into file and sname in 460 bytes");
	len = dhcp_encode(&o, out, 460, &err);
	CHECK(len > 0 && out[240] == 52 && out[242] == 3, "option 52 says file and sname");
	CHECK(dhcp_encode(&o, out, 400, &err) < 0 && strstr(err.what, "do not fit"), "too much for 400 bytes");
	snprintf(o.sname, sizeof(o.sname), "srv");
	CHECK(dhcp_encode(&o, out, 576, &err) < 0, "no overload when sname is used");
	o.sname[0] = 0;
	CHECK(dhcp_encode(&o, out, 299, &err) < 0, "a buffer under 300 bytes");
	snprintf(o.hostname, sizeof(o.hostname), "bad name");
	dhcp_set(&o, DHCP_OPT_HOSTNAME);
	CHECK(dhcp_encode(&o, out, 576, &err) < 0 && err.option == DHCP_OPT_HOSTNAME, "a bad hostname is refused");
	dhcp_unset(&o, DHCP_OPT_HOSTNAME);
	o.routes[3].prefix_length = 33;
	CHECK(dhcp_encode(&o, out, 576, &err) < 0 && err.option == 121, "a route of /33 is refused");
	o.route_count = 0;
	CHECK(dhcp_encode(&o, out, 576, &err) < 0 && err.option == 121, "an empty route list is refused");
	dhcp_unset(&o, 121);
	o.dns.count = 9;
	CHECK(dhcp_encode(&o, out, 576, &err) < 0 && err.option == 6, "9 DNS servers are refused");
	o.dns.count = 1;
	o.hlen = 17;
	CHECK(dhcp_encode(&o, out, 576, &err) < 0, "hlen 17 is refused");
}

int main(void)
{
	test_good();
	test_refused();
	test_ignored();
	test_overload();
	test_split();
	test_search();
	test_routes();
	test_encode();
	return unit_done();
}
