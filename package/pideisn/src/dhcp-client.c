// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The DHCPv4 client's state machine (see dhcp-client.h).  Two timers:
 * resend (the unanswered message again) and phase (T1, T2, the lease's
 * end, all counted from the REQUEST that got the ACK, as RFC 2131 says).
 */
#include "dhcp-client.h"
#include "fmt.h"
#include "log.h"

#include <arpa/inet.h>
#include <errno.h>
#include <string.h>
#include <stddef.h>
#include <sys/epoll.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <unistd.h>

#define CLIENT_PORT		68
#define SERVER_PORT		67
#define FIRST_DELAY_MS		1000	/* RFC 2131 says 4 s; boot is faster */
#define MAX_DELAY_MS		64000
#define REQUEST_TRIES		4
#define RENEW_MIN_DELAY_MS	60000
#define MAX_COMPLAINTS		5

static void start_selecting(struct dhcp_client *c);

/* xorshift, seeded from the kernel when it has entropy, else the clock */
static uint32_t random32(void)
{
	static uint32_t state;

	if (!state) {
		if (getrandom(&state, sizeof(state), GRND_NONBLOCK) != sizeof(state))
			state = (uint32_t)loop_now_ms() * 2654435761u ^ (uint32_t)getpid();
		if (!state)
			state = 1;
	}
	state ^= state << 13;
	state ^= state >> 17;
	state ^= state << 5;
	return state;
}

static const char *address_text(struct in_addr a, char text[INET_ADDRSTRLEN])
{
	return fmt_ipv4(&a, text);
}

/* ---- sending ---- */

static void fill_request(struct dhcp_client *c, struct dhcp_message *m,
			 enum dhcp_message_type type)
{
	static const uint8_t wanted[] = {
		DHCP_OPT_SUBNET_MASK, DHCP_OPT_CLASSLESS_ROUTES, DHCP_OPT_ROUTER,
		DHCP_OPT_DNS, DHCP_OPT_DOMAIN_NAME, DHCP_OPT_DOMAIN_SEARCH,
		DHCP_OPT_MTU, DHCP_OPT_BROADCAST, DHCP_OPT_LEASE_TIME,
		DHCP_OPT_SERVER_ID, DHCP_OPT_RENEWAL_TIME, DHCP_OPT_REBINDING_TIME,
	};
	uint64_t secs = (loop_now_ms() - c->exchange_start_ms) / 1000;

	dhcp_init_request(m, type, c->xid, c->link->mac);
	m->secs = secs > 0xffff ? 0xffff : (uint16_t)secs;
	if (type == DHCP_RELEASE)
		return;
	m->param_request.len = sizeof(wanted);
	memcpy(m->param_request.data, wanted, sizeof(wanted));
	dhcp_set(m, DHCP_OPT_PARAM_REQUEST);
	m->max_size = 1500 - 28;	/* an Ethernet frame, less IP and UDP */
	dhcp_set(m, DHCP_OPT_MAX_SIZE);
}

static void send_message(struct dhcp_client *c, const struct dhcp_message *m,
			 struct in_addr to)
{
	struct sockaddr_in server = {
		.sin_family = AF_INET, .sin_port = htons(SERVER_PORT), .sin_addr = to,
	};
	uint8_t buf[DHCP_MAX_SIZE];
	struct dhcp_error err;
	long len = dhcp_encode(m, buf, sizeof(buf), &err);

	if (len < 0) {
		log_error("%s: encoding a %s: %s", c->link->name,
			  dhcp_message_type_name(m->message_type), err.what);
		return;
	}
	if (sendto(c->socket.fd, buf, (size_t)len, 0, (struct sockaddr *)&server,
		   sizeof(server)) < 0 && c->attempt == 0)
		log_warn("%s: sending a %s: %s", c->link->name,
			 dhcp_message_type_name(m->message_type), strerror(errno));
}

static struct in_addr broadcast_address(void)
{
	struct in_addr all = { .s_addr = INADDR_BROADCAST };

	return all;
}

static void send_discover(struct dhcp_client *c)
{
	struct dhcp_message m;

	fill_request(c, &m, DHCP_DISCOVER);
	m.flags = DHCP_FLAG_BROADCAST;
	if (c->wanted.s_addr) {
		m.requested_ip = c->wanted;
		dhcp_set(&m, DHCP_OPT_REQUESTED_IP);
	}
	send_message(c, &m, broadcast_address());
}

/* REQUEST: to the offer's server, or to renew (unicast) or rebind */
static void send_request(struct dhcp_client *c)
{
	struct dhcp_message m;

	fill_request(c, &m, DHCP_REQUEST);
	c->request_sent_ms = loop_now_ms();
	if (c->state == DHCP_CLIENT_REQUESTING) {
		m.flags = DHCP_FLAG_BROADCAST;
		m.requested_ip = c->offered;
		m.server_id = c->offer_server;
		dhcp_set(&m, DHCP_OPT_REQUESTED_IP);
		dhcp_set(&m, DHCP_OPT_SERVER_ID);
		send_message(c, &m, broadcast_address());
		return;
	}
	m.ciaddr = c->lease.address;
	send_message(c, &m, c->state == DHCP_CLIENT_RENEWING ?
		     c->lease.server : broadcast_address());
}

/* ---- timers ---- */

/* 1, 2, 4 ... 64 s, each moved by up to a second either way */
static uint64_t backoff_ms(unsigned attempt)
{
	uint64_t base = attempt >= 6 ? MAX_DELAY_MS : (uint64_t)FIRST_DELAY_MS << attempt;
	uint64_t spread = base / 2 < 1000 ? base / 2 : 1000;

	return base - spread + random32() % (2 * spread + 1);
}

static uint64_t lease_ms(uint32_t seconds)
{
	return (uint64_t)seconds * 1000;
}

/* in RENEWING and REBINDING: half the time left, at least a minute */
static void arm_renewal_resend(struct dhcp_client *c, uint64_t until_ms)
{
	uint64_t now = loop_now_ms();
	uint64_t left = until_ms > now ? until_ms - now : 0;
	uint64_t delay = left / 2;

	if (delay < RENEW_MIN_DELAY_MS)
		delay = left < RENEW_MIN_DELAY_MS ? left : RENEW_MIN_DELAY_MS;
	if (delay)
		loop_timer_set(&c->resend, delay);
}

static void arm_phase(struct dhcp_client *c)
{
	const struct dhcp_lease *l = &c->lease;
	uint64_t now = loop_now_ms(), elapsed = now - c->lease_start_ms, next;

	if (l->lease_time == DHCP_LEASE_INFINITE)
		return;
	if (c->state == DHCP_CLIENT_BOUND)
		next = lease_ms(l->renewal_time);
	else if (c->state == DHCP_CLIENT_RENEWING)
		next = lease_ms(l->rebinding_time);
	else
		next = lease_ms(l->lease_time);
	loop_timer_set(&c->phase, next > elapsed ? next - elapsed : 0);
}

static void lose_lease(struct dhcp_client *c)
{
	if (!c->has_lease)
		return;
	c->has_lease = 0;
	if (c->lost)
		c->lost(c, &c->lease);
}

/* T1, T2 or the end of the lease */
static void phase_due(struct loop_timer *t)
{
	struct dhcp_client *c = (struct dhcp_client *)((char *)t -
		offsetof(struct dhcp_client, phase));
	char server[INET_ADDRSTRLEN], address[INET_ADDRSTRLEN];
	uint64_t start = c->lease_start_ms;

	address_text(c->lease.address, address);
	if (c->state == DHCP_CLIENT_BOUND) {
		c->state = DHCP_CLIENT_RENEWING;
		c->xid = random32();
		c->exchange_start_ms = loop_now_ms();
		log_info("%s: renewing the lease of %s with %s", c->link->name,
			 address, address_text(c->lease.server, server));
		send_request(c);
		arm_renewal_resend(c, start + lease_ms(c->lease.rebinding_time));
	} else if (c->state == DHCP_CLIENT_RENEWING) {
		c->state = DHCP_CLIENT_REBINDING;
		log_warn("%s: %s did not renew the lease of %s; asking any server",
			 c->link->name, address_text(c->lease.server, server), address);
		send_request(c);
		arm_renewal_resend(c, start + lease_ms(c->lease.lease_time));
	} else {
		log_warn("%s: the lease of %s ended; address and routes removed, asking again",
			 c->link->name, address);
		lose_lease(c);
		start_selecting(c);
		return;
	}
	arm_phase(c);
}

static void resend_due(struct loop_timer *t)
{
	struct dhcp_client *c = (struct dhcp_client *)((char *)t -
		offsetof(struct dhcp_client, resend));
	uint64_t start = c->lease_start_ms;

	c->attempt++;
	switch (c->state) {
	case DHCP_CLIENT_SELECTING:
		send_discover(c);
		loop_timer_set(&c->resend, backoff_ms(c->attempt));
		break;
	case DHCP_CLIENT_REQUESTING:
		if (c->attempt >= REQUEST_TRIES) {
			start_selecting(c);
			break;
		}
		send_request(c);
		loop_timer_set(&c->resend, backoff_ms(c->attempt));
		break;
	case DHCP_CLIENT_RENEWING:
		send_request(c);
		arm_renewal_resend(c, start + lease_ms(c->lease.rebinding_time));
		break;
	case DHCP_CLIENT_REBINDING:
		send_request(c);
		arm_renewal_resend(c, start + lease_ms(c->lease.lease_time));
		break;
	default:
		break;
	}
}

static void start_selecting(struct dhcp_client *c)
{
	loop_timer_stop(&c->phase);
	c->state = DHCP_CLIENT_SELECTING;
	c->xid = random32();
	c->attempt = 0;
	c->exchange_start_ms = loop_now_ms();
	send_discover(c);
	loop_timer_set(&c->resend, backoff_ms(0));
}

/* ---- answers ---- */

static void complain(struct dhcp_client *c, struct in_addr from, const char *what)
{
	char text[INET_ADDRSTRLEN];

	/* a broken or hostile server must not fill the log */
	if (c->complaints++ < MAX_COMPLAINTS)
		log_warn("%s: ignored a DHCP message from %s: %s", c->link->name,
			 address_text(from, text), what);
}

static void log_bound(const struct dhcp_client *c, int renewed)
{
	char address[INET_ADDRSTRLEN], server[INET_ADDRSTRLEN], lease[24] = "infinite";
	const struct dhcp_lease *l = &c->lease;

	if (l->lease_time != DHCP_LEASE_INFINITE)
		fmt_print(lease, sizeof(lease), "%u s", (unsigned)l->lease_time);
	address_text(l->address, address);
	address_text(l->server, server);
	if (renewed)
		log_info("%s: lease of %s renewed by %s, %s", c->link->name,
			 address, server, lease);
	else
		log_info("%s: %s/%u from %s, lease %s", c->link->name, address,
			 l->prefix_length, server, lease);
}

static void take_ack(struct dhcp_client *c, const struct dhcp_message *m,
		     struct in_addr from)
{
	struct dhcp_lease *l = &c->lease;
	const char *wrong;
	int renewed;
	static struct dhcp_lease fresh;	/* large: not on the stack */

	wrong = dhcp_lease_read(&fresh, m, from);
	if (wrong) {
		complain(c, from, wrong);
		return;
	}
	renewed = c->has_lease && l->address.s_addr == fresh.address.s_addr &&
		  l->prefix_length == fresh.prefix_length;
	if (c->has_lease && !renewed)
		lose_lease(c);
	*l = fresh;
	c->has_lease = 1;
	c->lease_start_ms = c->request_sent_ms;
	c->state = DHCP_CLIENT_BOUND;
	c->complaints = 0;
	loop_timer_stop(&c->resend);
	arm_phase(c);
	log_bound(c, renewed);
	if (c->bound)
		c->bound(c, l, renewed);
}

static void take_nak(struct dhcp_client *c, const struct dhcp_message *m,
		     struct in_addr from)
{
	char server[INET_ADDRSTRLEN];

	if (c->state == DHCP_CLIENT_REQUESTING && dhcp_has(m, DHCP_OPT_SERVER_ID) &&
	    m->server_id.s_addr != c->offer_server.s_addr)
		return;	/* another server's refusal of another offer */
	log_warn("%s: %s refused the address (DHCPNAK%s%s); asking again",
		 c->link->name, address_text(from, server),
		 dhcp_has(m, DHCP_OPT_MESSAGE) ? ": " : "",
		 dhcp_has(m, DHCP_OPT_MESSAGE) ? m->message : "");
	lose_lease(c);
	start_selecting(c);
}

static void take_offer(struct dhcp_client *c, const struct dhcp_message *m,
		       struct in_addr from)
{
	if (!dhcp_lease_address_usable(m->yiaddr)) {
		complain(c, from, "the address offered (yiaddr) is not a host's");
		return;
	}
	c->offered = m->yiaddr;
	c->offer_server = dhcp_has(m, DHCP_OPT_SERVER_ID) ? m->server_id : from;
	c->state = DHCP_CLIENT_REQUESTING;
	c->attempt = 0;
	send_request(c);
	loop_timer_set(&c->resend, backoff_ms(0));
}

static void take_message(struct dhcp_client *c, const uint8_t *buf, size_t len,
			 struct in_addr from)
{
	static struct dhcp_message m;	/* large: not on the stack */
	struct dhcp_error err;

	if (dhcp_decode(&m, buf, len, &err)) {
		complain(c, from, err.what);
		return;
	}
	if (m.op != DHCP_BOOTREPLY || m.xid != c->xid || memcmp(m.chaddr, c->link->mac, 6))
		return;	/* not an answer to us: other clients share the link */
	if (!dhcp_has(&m, DHCP_OPT_MESSAGE_TYPE)) {
		complain(c, from, "no message type (option 53)");
		return;
	}
	if (m.message_type == DHCP_OFFER && c->state == DHCP_CLIENT_SELECTING)
		take_offer(c, &m, from);
	else if (m.message_type == DHCP_ACK && c->state >= DHCP_CLIENT_REQUESTING &&
		 c->state != DHCP_CLIENT_BOUND)
		take_ack(c, &m, from);
	else if (m.message_type == DHCP_NAK && c->state >= DHCP_CLIENT_REQUESTING &&
		 c->state != DHCP_CLIENT_BOUND)
		take_nak(c, &m, from);
}

static void socket_ready(struct loop_watch *w, unsigned events)
{
	struct dhcp_client *c = (struct dhcp_client *)((char *)w -
		offsetof(struct dhcp_client, socket));
	/* one more byte than the codec takes: longer messages are refused */
	static uint8_t buf[DHCP_MAX_SIZE + 1];
	struct sockaddr_in from;
	socklen_t from_len = sizeof(from);
	ssize_t n;

	(void)events;
	n = recvfrom(w->fd, buf, sizeof(buf), MSG_TRUNC, (struct sockaddr *)&from, &from_len);
	if (n < 0)
		return;
	if (from_len < sizeof(from) || from.sin_port != htons(SERVER_PORT))
		return;
	take_message(c, buf, (size_t)n > sizeof(buf) ? sizeof(buf) : (size_t)n,
		     from.sin_addr);
}

/* ---- start and stop ---- */

static int open_socket(const struct rtnl_link *link)
{
	struct sockaddr_in local = {
		.sin_family = AF_INET, .sin_port = htons(CLIENT_PORT),
	};
	int fd, on = 1;

	fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	if (fd < 0)
		return -1;
	if (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on)) ||
	    setsockopt(fd, SOL_SOCKET, SO_BROADCAST, &on, sizeof(on)) ||
	    setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, link->name, strlen(link->name) + 1) ||
	    bind(fd, (struct sockaddr *)&local, sizeof(local))) {
		int saved = errno;

		close(fd);
		errno = saved;
		return -1;
	}
	return fd;
}

int dhcp_client_start(struct dhcp_client *c)
{
	c->resend.fire = resend_due;
	c->phase.fire = phase_due;
	c->socket.ready = socket_ready;
	c->socket.fd = open_socket(c->link);
	if (c->socket.fd < 0 || loop_watch(&c->socket, EPOLLIN)) {
		log_error("%s: the DHCP client's socket (UDP port 68): %s",
			  c->link->name, strerror(errno));
		if (c->socket.fd >= 0)
			close(c->socket.fd);
		c->socket.fd = -1;
		return -1;
	}
	c->has_lease = 0;
	c->complaints = 0;
	start_selecting(c);
	return 0;
}

static void send_release(struct dhcp_client *c)
{
	char address[INET_ADDRSTRLEN], server[INET_ADDRSTRLEN];
	struct dhcp_message m;

	c->xid = random32();
	fill_request(c, &m, DHCP_RELEASE);
	m.ciaddr = c->lease.address;
	m.server_id = c->lease.server;
	dhcp_set(&m, DHCP_OPT_SERVER_ID);
	send_message(c, &m, c->lease.server);
	log_info("%s: lease of %s released to %s", c->link->name,
		 address_text(c->lease.address, address),
		 address_text(c->lease.server, server));
}

void dhcp_client_stop(struct dhcp_client *c)
{
	if (c->state == DHCP_CLIENT_STOPPED)
		return;
	if (c->has_lease)
		send_release(c);
	loop_timer_stop(&c->resend);
	loop_timer_stop(&c->phase);
	loop_unwatch(&c->socket);
	close(c->socket.fd);
	c->socket.fd = -1;
	c->state = DHCP_CLIENT_STOPPED;
}
