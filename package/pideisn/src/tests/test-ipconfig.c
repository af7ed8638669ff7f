// SPDX-License-Identifier: GPL-2.0-or-later
/* Unit tests of ipconfig.c: the kernel's ip= syntax. */
#include "../ipconfig.h"
#include "unit.h"

#include <arpa/inet.h>

static struct ipconfig ic;
static char error[IPCONFIG_ERROR_MAX];

static const char *addr(struct in_addr a)
{
	static char buf[INET_ADDRSTRLEN];

	return inet_ntop(AF_INET, &a, buf, sizeof(buf));
}

static void test_short_forms(void)
{
	static const char *const dhcp[] = { "dhcp", "on", "any", "bootp", "both", "" };

	for (size_t i = 0; i < sizeof(dhcp) / sizeof(dhcp[0]); i++)
		CHECK(ipconfig_parse(&ic, dhcp[i], error) == 0 && ic.mode == IPCONFIG_DHCP,
		      dhcp[i][0] ? dhcp[i] : "an empty ip= is DHCP");
	CHECK(ipconfig_parse(&ic, "off", error) == 0 && ic.mode == IPCONFIG_OFF, "off");
	CHECK(ipconfig_parse(&ic, "none", error) == 0 && ic.mode == IPCONFIG_OFF, "none");
	CHECK(ipconfig_parse(&ic, "rarp", error) < 0, "rarp is refused");
	CHECK(strstr(error, "field 1 (client)") != NULL, "... as a client address");
	CHECK(ipconfig_parse(&ic, "DHCP", error) < 0, "keywords are lower case");
}

static void test_static(void)
{
	CHECK(ipconfig_parse(&ic, "10.0.2.15:10.0.2.2:10.0.2.1:255.255.255.0:box:eth0:off:10.0.2.3:1.1.1.1:10.0.2.4",
			     error) == 0, "all ten fields");
	CHECK(ic.mode == IPCONFIG_STATIC, "static");
	CHECK_STR(addr(ic.client), "10.0.2.15", "client");
	CHECK_STR(addr(ic.server), "10.0.2.2", "server");
	CHECK_STR(addr(ic.gateway), "10.0.2.1", "gateway");
	CHECK(ic.prefix_length == 24, "prefix from the netmask");
	CHECK_STR(ic.hostname, "box", "hostname");
	CHECK_STR(ic.device, "eth0", "device");
	CHECK_STR(addr(ic.dns[0]), "10.0.2.3", "dns0");
	CHECK_STR(addr(ic.dns[1]), "1.1.1.1", "dns1");
	CHECK_STR(addr(ic.ntp), "10.0.2.4", "ntp0");
	CHECK(ipconfig_parse(&ic, "10.1.2.3", error) == 0 && ic.mode == IPCONFIG_STATIC, "a client alone");
	CHECK(ic.prefix_length == 8, "class A prefix");
	ipconfig_parse(&ic, "172.16.0.9::", error);
	CHECK(ic.prefix_length == 16, "class B prefix");
	ipconfig_parse(&ic, "192.168.1.9", error);
	CHECK(ic.prefix_length == 24, "class C prefix");
	ipconfig_parse(&ic, "1.2.3.4:::0.0.0.0", error);
	CHECK(ic.prefix_length == 8, "a netmask of 0.0.0.0 means not given");
	ipconfig_parse(&ic, "1.2.3.4:::255.255.255.255", error);
	CHECK(ic.prefix_length == 32, "a /32");
	CHECK(ipconfig_parse(&ic, "10.0.0.2::::::dhcp", error) == 0 && ic.mode == IPCONFIG_DHCP,
	      "a client and dhcp: DHCP asking for it");
	CHECK(ipconfig_parse(&ic, ":::::eth1:dhcp", error) == 0 && ic.mode == IPCONFIG_DHCP, "DHCP on one device");
	CHECK_STR(ic.device, "eth1", "its device");
	CHECK(ipconfig_parse(&ic, ":::::eth1:off", error) == 0 && ic.mode == IPCONFIG_OFF, "off without a client");
	CHECK(ipconfig_parse(&ic, ":::::", error) == 0 && ic.mode == IPCONFIG_DHCP, "all fields empty: DHCP");
}

static void test_errors(void)
{
	CHECK(ipconfig_parse(&ic, "10.0.2.300", error) < 0, "a bad client address");
	CHECK_STR(error, "ip= field 1 (client): '10.0.2.300' is not an IPv4 address (a.b.c.d)", "its message");
	static const struct { const char *text, *names; } refused[] = {
		{ "1.2.3.4:::255.0.255.0", "field 4 (netmask)" },	/* holes */
		{ "1.2.3.4::1.2.3", "field 3 (gateway)" },
		{ "::::a b", "field 5 (hostname)" },
		{ ":::::averyveryverylongdevice", "field 6 (device)" },
		{ "::::::rarp", "field 7 (autoconf)" },
		{ ":::::::x", "field 8 (dns0)" },
		{ "::::::::x", "field 9 (dns1)" },
		{ ":::::::::1.2.3.4.5", "field 10 (ntp0)" },
		{ "::::::::::extra", "more than 10 fields" },
	};
	for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
		int failed = ipconfig_parse(&ic, refused[i].text, error) < 0;
		CHECK(failed && strstr(error, refused[i].names), refused[i].text);
		if (!failed || !strstr(error, refused[i].names))
			printf("#   message: %s\n", error);
	}
	char longer[600];
	memset(longer, 'a', sizeof(longer) - 1);
	longer[sizeof(longer) - 1] = '\0';
	longer[4] = ':';
	CHECK(ipconfig_parse(&ic, longer, error) < 0, "an overlong field");
	CHECK(ipconfig_parse(&ic, " 1.2.3.4", error) < 0, "a leading blank is not an address");
}

int main(void)
{
	test_short_forms();
	test_static();
	test_errors();
	return unit_done();
}
