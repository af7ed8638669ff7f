// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * A DHCP server for t/37, on one link, for what dnsmasq will not do:
 *
 *   dhcp-test-server IFACE SERVER-ADDRESS CLIENT-ADDRESS short|hostile|nak
 *
 * short:   leases of 8 s (T1 2 s, T2 4 s), so that a test sees renewal,
 *          rebinding and the end of a lease once the server is killed.
 * hostile: before each good answer, a volley of broken ones built to
 *          hurt a client (truncated, wrong cookie, an option running
 *          past the end, oversized, a name compression loop, unusable
 *          addresses, an ACK without a lease time or with a bad netmask,
 *          another server's NAK); the client must ignore them all and
 *          take the good answer.  Leases of 3600 s.
 * nak:     the first REQUEST refused (a NAK saying why), then leases of
 *          3600 s.
 * Prints one line per message on stdout.  Runs until killed.
 */
#include "../dhcp.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static int sock;
static struct in_addr server, client;
static int hostile, naks, long_leases;

static void send_bytes(const void *buf, size_t len, const char *what)
{
	struct sockaddr_in to = {
		.sin_family = AF_INET, .sin_port = htons(68),
		.sin_addr.s_addr = INADDR_BROADCAST,
	};

	if (sendto(sock, buf, len, 0, (struct sockaddr *)&to, sizeof(to)) < 0)
		perror("dhcp-test-server: sendto");
	printf("sent %s (%zu bytes)\n", what, len);
	fflush(stdout);
}

static void reply(const struct dhcp_message *request, unsigned type, int lease,
		  uint8_t *buf, long *len)
{
	struct dhcp_message m;
	struct dhcp_error err;

	dhcp_init_reply(&m, type, request);
	m.yiaddr = client;
	m.server_id = server;
	dhcp_set(&m, DHCP_OPT_SERVER_ID);
	if (lease) {
		m.subnet_mask.s_addr = htonl(0xffffff00u);
		m.routers.count = 1;
		m.routers.addr[0] = server;
		m.lease_time = long_leases ? 3600 : 8;
		m.renewal_time = long_leases ? 1800 : 2;
		m.rebinding_time = long_leases ? 3000 : 4;
		dhcp_set(&m, DHCP_OPT_SUBNET_MASK);
		dhcp_set(&m, DHCP_OPT_ROUTER);
		dhcp_set(&m, DHCP_OPT_LEASE_TIME);
		dhcp_set(&m, DHCP_OPT_RENEWAL_TIME);
		dhcp_set(&m, DHCP_OPT_REBINDING_TIME);
	}
	*len = dhcp_encode(&m, buf, DHCP_MAX_SIZE, &err);
	if (*len < 0) {
		fprintf(stderr, "dhcp-test-server: %s\n", err.what);
		exit(1);
	}
}

/* the broken answers to request (of type OFFER or ACK when good) */
static void send_volley(const struct dhcp_message *request, unsigned type)
{
	static uint8_t good[DHCP_MAX_SIZE], bad[DHCP_MAX_SIZE + 1000];
	static const uint8_t loop_name[] = { 53, 1, 2, 119, 4, 0xc0, 0x00, 0xc0, 0x00, 255 };
	static const uint8_t past_end[] = { 53, 1, 2, 3, 250, 10, 0, 0 };
	long len;

	reply(request, type, 1, good, &len);
	send_bytes("", 0, "an empty datagram");
	send_bytes(good, 100, "a message cut at 100 bytes");
	memcpy(bad, good, (size_t)len);
	bad[236] ^= 0xff;
	send_bytes(bad, (size_t)len, "a wrong cookie");
	memcpy(bad, good, (size_t)len);
	memcpy(bad + 240, past_end, sizeof(past_end));
	send_bytes(bad, 240 + sizeof(past_end), "an option running past the end");
	memset(bad, 0, sizeof(bad));
	memcpy(bad, good, (size_t)len);
	send_bytes(bad, DHCP_MAX_SIZE + 1000, "an oversized message");
	memcpy(bad, good, 240);
	memcpy(bad + 240, loop_name, sizeof(loop_name));
	send_bytes(bad, 300, "a search list pointing at itself");
	memcpy(bad, good, (size_t)len);
	bad[0] = DHCP_BOOTREQUEST;
	send_bytes(bad, (size_t)len, "a BOOTREQUEST");
	memcpy(bad, good, (size_t)len);
	memset(bad + 16, 0xff, 4);	/* yiaddr 255.255.255.255 */
	send_bytes(bad, (size_t)len, "yiaddr 255.255.255.255");
	memset(bad + 16, 0, 4);
	send_bytes(bad, (size_t)len, "yiaddr 0.0.0.0");
	if (type == DHCP_ACK) {
		struct dhcp_message m;
		struct dhcp_error err;

		dhcp_init_reply(&m, DHCP_ACK, request);
		m.yiaddr = client;
		len = dhcp_encode(&m, bad, sizeof(bad), &err);
		send_bytes(bad, (size_t)len, "an ACK without lease time");
		dhcp_init_reply(&m, DHCP_NAK, request);
		m.server_id.s_addr = htonl(ntohl(server.s_addr) + 1);
		dhcp_set(&m, DHCP_OPT_SERVER_ID);
		len = dhcp_encode(&m, bad, sizeof(bad), &err);
		send_bytes(bad, (size_t)len, "another server's NAK");
	}
}

static void answer(const struct dhcp_message *request)
{
	static uint8_t buf[DHCP_MAX_SIZE];
	unsigned type;
	long len;

	if (request->message_type == DHCP_DISCOVER)
		type = DHCP_OFFER;
	else if (request->message_type == DHCP_REQUEST)
		type = DHCP_ACK;
	else
		return;
	if (hostile)
		send_volley(request, type);
	if (type == DHCP_ACK && naks > 0) {
		struct dhcp_message m;
		struct dhcp_error err;

		naks--;
		dhcp_init_reply(&m, DHCP_NAK, request);
		m.server_id = server;
		snprintf(m.message, sizeof(m.message), "wrong network");
		dhcp_set(&m, DHCP_OPT_SERVER_ID);
		dhcp_set(&m, DHCP_OPT_MESSAGE);
		len = dhcp_encode(&m, buf, sizeof(buf), &err);
		send_bytes(buf, (size_t)len, "DHCPNAK");
		return;
	}
	reply(request, type, 1, buf, &len);
	send_bytes(buf, (size_t)len, dhcp_message_type_name(type));
}

static int open_socket(const char *iface)
{
	struct sockaddr_in local = { .sin_family = AF_INET, .sin_port = htons(67) };
	int fd = socket(AF_INET, SOCK_DGRAM, 0), on = 1;

	if (fd < 0 ||
	    setsockopt(fd, SOL_SOCKET, SO_BROADCAST, &on, sizeof(on)) ||
	    setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, iface, strlen(iface) + 1) ||
	    bind(fd, (struct sockaddr *)&local, sizeof(local))) {
		perror("dhcp-test-server: socket");
		exit(1);
	}
	return fd;
}

int main(int argc, char **argv)
{
	static uint8_t buf[DHCP_MAX_SIZE];
	struct dhcp_message request;
	struct dhcp_error err;
	ssize_t n;

	if (argc != 5 || !inet_aton(argv[2], &server) || !inet_aton(argv[3], &client)) {
		fprintf(stderr, "usage: dhcp-test-server IFACE SERVER CLIENT short|hostile|nak\n");
		return 2;
	}
	hostile = !strcmp(argv[4], "hostile");
	naks = !strcmp(argv[4], "nak");
	long_leases = hostile || naks;
	sock = open_socket(argv[1]);
	for (;;) {
		n = recv(sock, buf, sizeof(buf), 0);
		if (n < 0 || dhcp_decode(&request, buf, (size_t)n, &err) ||
		    request.op != DHCP_BOOTREQUEST)
			continue;
		printf("got %s\n", dhcp_message_type_name(request.message_type));
		answer(&request);
	}
}
