// SPDX-License-Identifier: GPL-2.0-or-later
/* Unit tests of dhcp-lease.c: what an ACK means for the client. */
#include "../dhcp-client.h"
#include "unit.h"

#include <arpa/inet.h>

static struct dhcp_message ack;
static struct dhcp_lease lease;

static struct in_addr ip(const char *text)
{
	struct in_addr a;

	inet_aton(text, &a);
	return a;
}

static void start_ack(void)
{
	memset(&ack, 0, sizeof(ack));
	ack.yiaddr = ip("10.0.2.15");
	ack.lease_time = 86400;
	dhcp_set(&ack, DHCP_OPT_LEASE_TIME);
	ack.subnet_mask = ip("255.255.255.0");
	dhcp_set(&ack, DHCP_OPT_SUBNET_MASK);
}

static const char *read_ack(void)
{
	return dhcp_lease_read(&lease, &ack, ip("10.0.2.2"));
}

static void test_good(void)
{
	start_ack();
	CHECK(read_ack() == NULL, "a plain ACK is a lease");
	CHECK(lease.prefix_length == 24 && lease.broadcast.s_addr == ip("10.0.2.255").s_addr,
	      "prefix and broadcast from the netmask");
	CHECK(lease.server.s_addr == ip("10.0.2.2").s_addr, "no option 54: the sender is the server");
	CHECK(lease.renewal_time == 43200 && lease.rebinding_time == 75600,
	      "T1 and T2 default to 1/2 and 7/8");
	ack.server_id = ip("10.0.2.4");
	dhcp_set(&ack, DHCP_OPT_SERVER_ID);
	ack.renewal_time = 100;
	ack.rebinding_time = 200;
	dhcp_set(&ack, DHCP_OPT_RENEWAL_TIME);
	dhcp_set(&ack, DHCP_OPT_REBINDING_TIME);
	CHECK(read_ack() == NULL && lease.server.s_addr == ip("10.0.2.4").s_addr,
	      "option 54 names the server");
	CHECK(lease.renewal_time == 100 && lease.rebinding_time == 200, "T1 and T2 of the server");
	ack.rebinding_time = 90000;
	CHECK(read_ack() == NULL && lease.renewal_time == 43200 && lease.rebinding_time == 75600,
	      "T2 beyond the lease: both defaults");
	ack.rebinding_time = 50;
	CHECK(read_ack() == NULL && lease.renewal_time == 43200, "T1 after T2: both defaults");
	dhcp_unset(&ack, DHCP_OPT_SUBNET_MASK);
	ack.yiaddr = ip("172.16.1.2");
	CHECK(read_ack() == NULL && lease.prefix_length == 16, "no netmask: the class's prefix");
	ack.subnet_mask = ip("255.255.255.255");
	dhcp_set(&ack, DHCP_OPT_SUBNET_MASK);
	CHECK(read_ack() == NULL && lease.prefix_length == 32 && lease.broadcast.s_addr == 0,
	      "a /32 (as clouds give): no broadcast");
	ack.broadcast = ip("172.16.1.255");
	dhcp_set(&ack, DHCP_OPT_BROADCAST);
	CHECK(read_ack() == NULL && lease.broadcast.s_addr == ip("172.16.1.255").s_addr,
	      "option 28 as given");
	ack.lease_time = DHCP_LEASE_INFINITE;
	CHECK(read_ack() == NULL && lease.lease_time == DHCP_LEASE_INFINITE, "an infinite lease");
}

static void test_bad(void)
{
	static const char *const unusable[] = {
		"0.0.0.0", "0.1.2.3", "127.0.0.1", "224.0.0.1", "240.0.0.1", "255.255.255.255",
	};

	for (size_t i = 0; i < sizeof(unusable) / sizeof(unusable[0]); i++) {
		start_ack();
		ack.yiaddr = ip(unusable[i]);
		CHECK(read_ack() != NULL && strstr(read_ack(), "yiaddr"), unusable[i]);
	}
	start_ack();
	dhcp_unset(&ack, DHCP_OPT_LEASE_TIME);
	CHECK(read_ack() && strstr(read_ack(), "option 51"), "no lease time: refused");
	start_ack();
	ack.lease_time = 0;
	CHECK(read_ack() != NULL, "a lease of 0 s: refused");
	start_ack();
	ack.subnet_mask = ip("255.0.255.0");
	CHECK(read_ack() && strstr(read_ack(), "option 1"), "a netmask with holes: refused");
	ack.subnet_mask = ip("0.0.0.0");
	CHECK(read_ack() != NULL, "a netmask of 0 bits: refused");
}

int main(void)
{
	test_good();
	test_bad();
	return unit_done();
}
