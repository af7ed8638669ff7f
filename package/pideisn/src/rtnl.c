// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * rtnetlink requests (see rtnl.h): each message is built in one buffer,
 * a header, the family's struct, then attributes; sent with NLM_F_ACK
 * and answered by an NLMSG_ERROR carrying 0 or the error.
 */
#include "rtnl.h"
#include "fmt.h"
#include "log.h"

#include <arpa/inet.h>
#include <errno.h>
#include <linux/if_addr.h>
#include <linux/if_link.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <net/if_arp.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#define REQUEST_SIZE	512
#define ANSWER_SIZE	16384

struct request {
	struct nlmsghdr *header;
	unsigned char buf[REQUEST_SIZE] __attribute__((aligned(NLMSG_ALIGNTO)));
};

static int rtnl_fd = -1;
static uint32_t rtnl_seq;

int rtnl_open(void)
{
	struct sockaddr_nl local = { .nl_family = AF_NETLINK };
	struct timeval timeout = {
		.tv_sec = RTNL_TIMEOUT_MS / 1000,
		.tv_usec = RTNL_TIMEOUT_MS % 1000 * 1000,
	};

	rtnl_fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	if (rtnl_fd < 0 ||
	    setsockopt(rtnl_fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout)) ||
	    bind(rtnl_fd, (struct sockaddr *)&local, sizeof(local))) {
		log_error("rtnetlink socket: %s", strerror(errno));
		rtnl_close();
		return -1;
	}
	return 0;
}

void rtnl_close(void)
{
	if (rtnl_fd >= 0)
		close(rtnl_fd);
	rtnl_fd = -1;
}

/* start a request of type with the family's struct (size bytes) */
static void *request_start(struct request *r, unsigned type, unsigned flags,
			   size_t size)
{
	memset(r->buf, 0, sizeof(r->buf));
	r->header = (struct nlmsghdr *)r->buf;
	r->header->nlmsg_len = NLMSG_LENGTH(size);
	r->header->nlmsg_type = (uint16_t)type;
	r->header->nlmsg_flags = (uint16_t)(NLM_F_REQUEST | flags);
	r->header->nlmsg_seq = ++rtnl_seq;
	return NLMSG_DATA(r->header);
}

static void request_attr(struct request *r, unsigned type, const void *data,
			 size_t len)
{
	struct rtattr *a = (struct rtattr *)(r->buf + NLMSG_ALIGN(r->header->nlmsg_len));

	/* requests are small and fixed: REQUEST_SIZE holds the largest */
	a->rta_type = (unsigned short)type;
	a->rta_len = (unsigned short)RTA_LENGTH(len);
	memcpy(RTA_DATA(a), data, len);
	r->header->nlmsg_len = NLMSG_ALIGN(r->header->nlmsg_len) + RTA_ALIGN(a->rta_len);
}

static int request_send(struct request *r)
{
	struct sockaddr_nl kernel = { .nl_family = AF_NETLINK };

	if (sendto(rtnl_fd, r->buf, r->header->nlmsg_len, 0,
		   (struct sockaddr *)&kernel, sizeof(kernel)) < 0)
		return -1;
	return 0;
}

/*
 * Read answers to request seq: each message goes to each(), until the
 * ACK (or an error) or, for dumps, NLMSG_DONE.  0, or -1 with errno.
 */
static int read_answers(uint32_t seq, void (*each)(struct nlmsghdr *, void *),
			void *data)
{
	static unsigned char buf[ANSWER_SIZE] __attribute__((aligned(NLMSG_ALIGNTO)));

	for (;;) {
		ssize_t n = recv(rtnl_fd, buf, sizeof(buf), 0);
		struct nlmsghdr *h;

		if (n < 0) {
			if (errno == EAGAIN)
				errno = ETIMEDOUT;
			if (errno == EINTR)
				continue;
			return -1;
		}
		for (h = (struct nlmsghdr *)buf; NLMSG_OK(h, (size_t)n);
		     h = NLMSG_NEXT(h, n)) {
			if (h->nlmsg_seq != seq)
				continue;
			if (h->nlmsg_type == NLMSG_DONE)
				return 0;
			if (h->nlmsg_type == NLMSG_ERROR) {
				struct nlmsgerr *e = NLMSG_DATA(h);

				if (h->nlmsg_len < NLMSG_LENGTH(sizeof(*e))) {
					errno = EPROTO;
					return -1;
				}
				errno = -e->error;
				return e->error ? -1 : 0;
			}
			if (each)
				each(h, data);
		}
	}
}

/* send r and wait for its ACK; on failure log "link: what: error" */
static int transact(struct request *r, const char *link, const char *what)
{
	r->header->nlmsg_flags |= NLM_F_ACK;
	if (request_send(r) == 0 && read_answers(r->header->nlmsg_seq, NULL, NULL) == 0)
		return 0;
	/* removing what is gone already (the kernel drops an address's routes) */
	if ((r->header->nlmsg_type == RTM_DELROUTE && errno == ESRCH) ||
	    (r->header->nlmsg_type == RTM_DELADDR && errno == EADDRNOTAVAIL))
		return 0;
	log_error("%s: %s: %s", link, what, strerror(errno));
	return -1;
}

struct link_list {
	struct rtnl_link *links;
	unsigned max, count;
};

static void read_link_attr(struct rtnl_link *l, const struct rtattr *a)
{
	size_t len = RTA_PAYLOAD(a);

	if (a->rta_type == IFLA_IFNAME && len > 0 && len <= sizeof(l->name)) {
		memcpy(l->name, RTA_DATA(a), len);
		l->name[len - 1] = '\0';
	} else if (a->rta_type == IFLA_MTU && len == 4) {
		memcpy(&l->mtu, RTA_DATA(a), 4);
	} else if (a->rta_type == IFLA_ADDRESS && len == 6) {
		memcpy(l->mac, RTA_DATA(a), 6);
	}
}

static void add_link(struct nlmsghdr *h, void *data)
{
	struct link_list *list = data;
	struct ifinfomsg *info = NLMSG_DATA(h);
	struct rtnl_link *l;
	struct rtattr *a;
	int len;

	if (h->nlmsg_type != RTM_NEWLINK || list->count == list->max ||
	    h->nlmsg_len < NLMSG_LENGTH(sizeof(*info)))
		return;
	l = &list->links[list->count];
	memset(l, 0, sizeof(*l));
	l->index = info->ifi_index;
	l->type = info->ifi_type;
	l->flags = info->ifi_flags;
	len = (int)(h->nlmsg_len - NLMSG_LENGTH(sizeof(*info)));
	for (a = IFLA_RTA(info); RTA_OK(a, len); a = RTA_NEXT(a, len))
		read_link_attr(l, a);
	if (l->name[0])
		list->count++;
}

int rtnl_links(struct rtnl_link *links, unsigned max)
{
	struct link_list list = { links, max, 0 };
	struct request r;
	struct ifinfomsg *info;

	info = request_start(&r, RTM_GETLINK, NLM_F_DUMP, sizeof(*info));
	info->ifi_family = AF_UNSPEC;
	if (request_send(&r) || read_answers(r.header->nlmsg_seq, add_link, &list)) {
		log_error("listing the network links: %s", strerror(errno));
		return -1;
	}
	return (int)list.count;
}

static struct ifinfomsg *link_request(struct request *r, const struct rtnl_link *link)
{
	struct ifinfomsg *info = request_start(r, RTM_NEWLINK, 0, sizeof(*info));

	info->ifi_family = AF_UNSPEC;
	info->ifi_index = link->index;
	return info;
}

int rtnl_link_up(const struct rtnl_link *link)
{
	struct request r;
	struct ifinfomsg *info = link_request(&r, link);

	info->ifi_flags = IFF_UP;
	info->ifi_change = IFF_UP;
	return transact(&r, link->name, "setting the link up");
}

int rtnl_set_mtu(const struct rtnl_link *link, unsigned mtu)
{
	struct request r;
	char what[48];
	uint32_t value = mtu;

	link_request(&r, link);
	request_attr(&r, IFLA_MTU, &value, sizeof(value));
	fmt_print(what, sizeof(what), "setting the MTU to %u", mtu);
	return transact(&r, link->name, what);
}

/* "verb address/prefix" for messages */
static void describe(char *out, size_t size, const char *verb,
		     struct in_addr address, unsigned prefix_length)
{
	char text[INET_ADDRSTRLEN];

	fmt_ipv4(&address, text);
	fmt_print(out, size, "%s %s/%u", verb, text, prefix_length);
}

static void address_request(struct request *r, unsigned type, unsigned flags,
			    const struct rtnl_link *link, struct in_addr address,
			    unsigned prefix_length)
{
	struct ifaddrmsg *a = request_start(r, type, flags, sizeof(*a));

	a->ifa_family = AF_INET;
	a->ifa_prefixlen = (unsigned char)prefix_length;
	a->ifa_index = (unsigned)link->index;
	a->ifa_scope = (ntohl(address.s_addr) >> 24) == 127 ? RT_SCOPE_HOST : RT_SCOPE_UNIVERSE;
	request_attr(r, IFA_LOCAL, &address, 4);
	request_attr(r, IFA_ADDRESS, &address, 4);
}

int rtnl_address_add(const struct rtnl_link *link, struct in_addr address,
		     unsigned prefix_length, struct in_addr broadcast)
{
	struct request r;
	char what[64];

	/* NLM_F_REPLACE: a renewed lease adds the address again */
	address_request(&r, RTM_NEWADDR, NLM_F_CREATE | NLM_F_REPLACE, link,
			address, prefix_length);
	if (broadcast.s_addr)
		request_attr(&r, IFA_BROADCAST, &broadcast, 4);
	describe(what, sizeof(what), "adding address", address, prefix_length);
	return transact(&r, link->name, what);
}

int rtnl_address_remove(const struct rtnl_link *link, struct in_addr address,
			unsigned prefix_length)
{
	struct request r;
	char what[64];

	address_request(&r, RTM_DELADDR, 0, link, address, prefix_length);
	describe(what, sizeof(what), "removing address", address, prefix_length);
	return transact(&r, link->name, what);
}

static void route_request(struct request *r, unsigned type, unsigned flags,
			  const struct rtnl_link *link, const struct rtnl_route *route)
{
	struct rtmsg *m = request_start(r, type, flags, sizeof(*m));
	uint32_t oif = (uint32_t)link->index;

	m->rtm_family = AF_INET;
	m->rtm_dst_len = (unsigned char)route->prefix_length;
	m->rtm_table = RT_TABLE_MAIN;
	m->rtm_protocol = RTPROT_BOOT;
	m->rtm_type = RTN_UNICAST;
	m->rtm_scope = route->gateway.s_addr ? RT_SCOPE_UNIVERSE : RT_SCOPE_LINK;
	if (type == RTM_DELROUTE)
		m->rtm_scope = RT_SCOPE_NOWHERE;	/* any */
	if (route->prefix_length)
		request_attr(r, RTA_DST, &route->destination, 4);
	if (route->gateway.s_addr) {
		/* a server may name a gateway outside the subnet (RFC 3442) */
		if (type == RTM_NEWROUTE)
			m->rtm_flags = RTNH_F_ONLINK;
		request_attr(r, RTA_GATEWAY, &route->gateway, 4);
	}
	request_attr(r, RTA_OIF, &oif, sizeof(oif));
}

static void describe_route(char *out, size_t size, const char *verb,
			   const struct rtnl_route *route)
{
	char via[INET_ADDRSTRLEN + 8] = "";
	char text[INET_ADDRSTRLEN];

	if (route->gateway.s_addr) {
		fmt_ipv4(&route->gateway, text);
		fmt_print(via, sizeof(via), " via %s", text);
	}
	if (route->prefix_length == 0) {
		fmt_print(out, size, "%s the default route%s", verb, via);
		return;
	}
	fmt_ipv4(&route->destination, text);
	fmt_print(out, size, "%s the route to %s/%u%s", verb, text,
		 route->prefix_length, via);
}

int rtnl_route_add(const struct rtnl_link *link, const struct rtnl_route *route,
		   struct in_addr source)
{
	struct request r;
	char what[96];

	route_request(&r, RTM_NEWROUTE, NLM_F_CREATE | NLM_F_REPLACE, link, route);
	if (source.s_addr)
		request_attr(&r, RTA_PREFSRC, &source, 4);
	describe_route(what, sizeof(what), "adding", route);
	return transact(&r, link->name, what);
}

int rtnl_route_remove(const struct rtnl_link *link, const struct rtnl_route *route)
{
	struct request r;
	char what[96];

	route_request(&r, RTM_DELROUTE, 0, link, route);
	describe_route(what, sizeof(what), "removing", route);
	return transact(&r, link->name, what);
}
