// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Unit tests of what needs no network: a lease or an ip= turned into
 * a link's configuration (net-config.c), and resolv.conf (resolv.c).
 */
#include "../log.h"
#include "../net-config.h"
#include "../resolv.h"
#include "unit.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static struct in_addr ip(const char *text)
{
	struct in_addr a;

	inet_aton(text, &a);
	return a;
}

static struct dhcp_lease lease;
static struct net_config nc;

static void start_lease(void)
{
	memset(&lease, 0, sizeof(lease));
	lease.address = ip("10.0.2.15");
	lease.prefix_length = 24;
	lease.broadcast = ip("10.0.2.255");
	lease.ack.routers.count = 1;
	lease.ack.routers.addr[0] = ip("10.0.2.2");
	dhcp_set(&lease.ack, DHCP_OPT_ROUTER);
}

static void test_lease(void)
{
	start_lease();
	lease.ack.mtu = 1400;
	dhcp_set(&lease.ack, DHCP_OPT_MTU);
	net_config_from_lease(&nc, &lease);
	CHECK(nc.address.s_addr == ip("10.0.2.15").s_addr && nc.prefix_length == 24,
	      "the lease's address and prefix");
	CHECK(nc.route_count == 1 && nc.routes[0].prefix_length == 0 &&
	      nc.routes[0].gateway.s_addr == ip("10.0.2.2").s_addr,
	      "option 3: the default route through the first router");
	CHECK(nc.mtu == 1400, "option 26: the MTU");

	lease.ack.route_count = 2;
	lease.ack.routes[0] = (struct dhcp_route){ ip("192.168.0.0"), 16, ip("10.0.2.3") };
	lease.ack.routes[1] = (struct dhcp_route){ ip("0.0.0.0"), 0, ip("10.0.2.4") };
	dhcp_set(&lease.ack, DHCP_OPT_CLASSLESS_ROUTES);
	net_config_from_lease(&nc, &lease);
	CHECK(nc.route_count == 2 && nc.routes[0].prefix_length == 16 &&
	      nc.routes[1].gateway.s_addr == ip("10.0.2.4").s_addr,
	      "RFC 3442: the classless routes, and option 3 ignored");
}

static void test_lease_dns(void)
{
	start_lease();
	lease.ack.dns.count = 4;
	lease.ack.dns.addr[0] = ip("10.0.2.3");
	lease.ack.dns.addr[1] = ip("10.0.2.3");
	lease.ack.dns.addr[2] = ip("1.1.1.1");
	lease.ack.dns.addr[3] = ip("8.8.8.8");
	dhcp_set(&lease.ack, DHCP_OPT_DNS);
	strcpy(lease.ack.domain_name, "example.org");
	dhcp_set(&lease.ack, DHCP_OPT_DOMAIN_NAME);
	net_config_from_lease(&nc, &lease);
	CHECK(nc.resolv.server_count == 3, "DNS servers: each once");
	CHECK(nc.resolv.search_count == 1 && !strcmp(nc.resolv.search[0], "example.org"),
	      "option 15 as the search domain without option 119");
	lease.ack.search_count = 2;
	strcpy(lease.ack.search[0], "a.example");
	strcpy(lease.ack.search[1], "b.example");
	dhcp_set(&lease.ack, DHCP_OPT_DOMAIN_SEARCH);
	net_config_from_lease(&nc, &lease);
	CHECK(nc.resolv.search_count == 2 && !strcmp(nc.resolv.search[1], "b.example"),
	      "option 119 over option 15");
	CHECK(nc.mtu == 0, "no option 26: the MTU left alone");
}

static void test_static(void)
{
	struct ipconfig ic;
	char error[IPCONFIG_ERROR_MAX];

	CHECK(ipconfig_parse(&ic, "192.168.1.5::192.168.1.1:255.255.255.0::eth0:off:192.168.1.53",
			     error) == 0, "a static ip=");
	net_config_from_ip(&nc, &ic);
	CHECK(nc.address.s_addr == ip("192.168.1.5").s_addr && nc.prefix_length == 24 &&
	      nc.broadcast.s_addr == ip("192.168.1.255").s_addr,
	      "address, prefix and broadcast");
	CHECK(nc.route_count == 1 && nc.routes[0].gateway.s_addr == ip("192.168.1.1").s_addr,
	      "the gateway as the default route");
	CHECK(nc.resolv.server_count == 1, "the DNS server");
	CHECK(ipconfig_parse(&ic, "192.168.1.5:::::eth0:off", error) == 0, "ip= without gateway");
	net_config_from_ip(&nc, &ic);
	CHECK(nc.route_count == 0 && nc.prefix_length == 24, "no route; the class's prefix");
}

static int read_file(const char *path, char *buf, size_t size)
{
	FILE *f = fopen(path, "r");
	size_t n;

	if (!f)
		return -1;
	n = fread(buf, 1, size - 1, f);
	buf[n] = '\0';
	fclose(f);
	return 0;
}

static void test_resolv(void)
{
	char dir[] = "/tmp/pideisn-test-resolv.XXXXXX", path[64], temporary[80], text[512];
	struct resolv r;
	struct stat st;
	unsigned i;

	memset(&r, 0, sizeof(r));
	CHECK(mkdtemp(dir) != NULL, "a scratch folder");
	snprintf(path, sizeof(path), "%s/resolv.conf", dir);
	resolv_add_server(&r, ip("10.0.2.3"));
	resolv_add_search(&r, "example.org");
	resolv_add_search(&r, "example.org");
	for (i = 0; i < 10; i++)
		resolv_add_search(&r, i % 2 ? "x.example" : "y.example");
	CHECK(r.search_count == 3, "search domains: each once");
	CHECK(resolv_write(&r, path) == 0, "resolv.conf written");
	CHECK(read_file(path, text, sizeof(text)) == 0 &&
	      !strcmp(text, "# written by pideisn\nsearch example.org y.example x.example\n"
		      "nameserver 10.0.2.3\n"), "... with the search line and the server");
	snprintf(temporary, sizeof(temporary), "%s.pideisn", path);
	CHECK(stat(temporary, &st) < 0, "no temporary file left");
	CHECK(stat(path, &st) == 0 && (st.st_mode & 0777) == 0644, "mode 0644");
	memset(&r, 0, sizeof(r));
	CHECK(resolv_write(&r, path) == 0 && read_file(path, text, sizeof(text)) == 0 &&
	      !strcmp(text, "# written by pideisn\n"), "no servers: an empty resolv.conf");
	unlink(path);
	rmdir(dir);
	snprintf(path, sizeof(path), "%s/resolv.conf", dir);
	CHECK(resolv_write(&r, path) < 0, "a missing folder: an error");
}

int main(void)
{
	/* the expected error message stays out of the way */
	log_setup(open("/dev/null", O_WRONLY | O_CLOEXEC), 0, 0);
	test_lease();
	test_lease_dns();
	test_static();
	test_resolv();
	return unit_done();
}
