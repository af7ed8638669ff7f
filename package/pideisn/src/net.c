// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The network at boot (see net.h): which links, which configuration,
 * and when the network counts as configured.
 */
#include "net.h"
#include "fmt.h"
#include "net-config.h"
#include "log.h"
#include "readfile.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <net/if_arp.h>
#include <stddef.h>
#include <string.h>
#include <unistd.h>

#define NET_MAX_LINKS		8
#define IP_FILE_MAX		1024

struct net_link {
	struct rtnl_link link;
	struct dhcp_client dhcp;
	int dhcp_started;
	int waiting;			/* for its address, before ready */
	struct net_config have;
};

static struct net_link links[NET_MAX_LINKS];
static unsigned link_count, waiting_count;
static struct net_settings settings;
static struct loop_timer ready_timer;
static int is_ready;
static void (*on_ready)(void);

void net_use_settings(const struct net_settings *s)
{
	settings = *s;
}

static void become_ready(void)
{
	if (is_ready)
		return;
	is_ready = 1;
	loop_timer_stop(&ready_timer);
	log_info("network configured");
	if (on_ready)
		on_ready();
}

void net_on_ready(void (*ready)(void))
{
	on_ready = ready;
	if (is_ready && ready)
		ready();
}

static void ready_due(struct loop_timer *t)
{
	unsigned i, seconds = (settings.ready_timeout_ms + 999) / 1000;

	(void)t;
	for (i = 0; i < link_count; i++)
		if (links[i].waiting)
			log_warn("%s: no DHCP lease after %u s; still asking, boot goes on",
				 links[i].link.name, seconds);
	become_ready();
}

static void link_configured(struct net_link *nl)
{
	if (!nl->waiting)
		return;
	nl->waiting = 0;
	if (--waiting_count == 0)
		loop_timer_set(&ready_timer, 0);	/* from the loop, after net_start */
}

/* every link's DNS servers and search domains, in link order */
static void write_resolv(void)
{
	struct resolv all;
	unsigned i, j;

	memset(&all, 0, sizeof(all));
	for (i = 0; i < link_count; i++) {
		const struct resolv *r = &links[i].have.resolv;

		for (j = 0; j < r->server_count; j++)
			resolv_add_server(&all, r->server[j]);
		for (j = 0; j < r->search_count; j++)
			resolv_add_search(&all, r->search[j]);
	}
	resolv_write(&all, settings.resolv_path);
}

static struct net_link *link_of(struct dhcp_client *c)
{
	return (struct net_link *)((char *)c - offsetof(struct net_link, dhcp));
}

static void lease_bound(struct dhcp_client *c, const struct dhcp_lease *l, int renewed)
{
	struct net_link *nl = link_of(c);
	struct net_config want;

	(void)renewed;
	net_config_from_lease(&want, l);
	if (net_config_install(&nl->link, &nl->have, &want) == 0)
		link_configured(nl);
	write_resolv();
}

static void lease_lost(struct dhcp_client *c, const struct dhcp_lease *l)
{
	struct net_link *nl = link_of(c);

	(void)l;
	net_config_remove(&nl->link, &nl->have);
	write_resolv();
}

static void configure_static(struct net_link *nl, const struct ipconfig *ic)
{
	char address[INET_ADDRSTRLEN];
	struct net_config want;

	net_config_from_ip(&want, ic);
	if (net_config_install(&nl->link, &nl->have, &want))
		return;
	log_info("%s: %s/%u (static, ip=)", nl->link.name,
		 fmt_ipv4(&ic->client, address),
		 ic->prefix_length);
	link_configured(nl);
	write_resolv();
}

static void configure_dhcp(struct net_link *nl, const struct ipconfig *ic)
{
	nl->dhcp.link = &nl->link;
	nl->dhcp.wanted = ic->client;
	nl->dhcp.bound = lease_bound;
	nl->dhcp.lost = lease_lost;
	if (dhcp_client_start(&nl->dhcp) == 0)
		nl->dhcp_started = 1;
	else
		link_configured(nl);	/* nothing to wait for */
}

/* ---- which configuration ---- */

/* the first line of the file that is not blank or a comment; 1, 0 (no file), -1 */
static int read_ip_file(const char *path, char *value, size_t size)
{
	char text[IP_FILE_MAX + 1], *line, *end;

	if (read_file(path, text, sizeof(text)) < 0) {
		if (errno == ENOENT)
			return 0;
		log_warn("%s: %s; configuring the network by DHCP", path,
			 errno == EFBIG ? "longer than 1 KiB, not one ip= value" : strerror(errno));
		return -1;
	}
	for (line = strtok_r(text, "\n", &end); line; line = strtok_r(NULL, "\n", &end)) {
		size_t len;

		while (isspace((unsigned char)*line))
			line++;
		len = strlen(line);
		while (len > 0 && isspace((unsigned char)line[len - 1]))
			line[--len] = '\0';
		if (!len || line[0] == '#')
			continue;
		if (!strncmp(line, "ip=", 3))
			line += 3;
		fmt_print(value, size, "%s", line);
		return 1;
	}
	return 0;
}

/* ip= of the command line, else of the file, else DHCP on every link */
static void choose_ipconfig(const struct cmdline *cl, struct ipconfig *ic)
{
	char from_file[IP_FILE_MAX + 1], error[IPCONFIG_ERROR_MAX];
	const char *value = cl ? cl->ip : NULL, *origin = "the kernel command line";

	if (!value && read_ip_file(settings.ip_file, from_file, sizeof(from_file)) == 1) {
		value = from_file;
		origin = settings.ip_file;
	}
	memset(ic, 0, sizeof(*ic));
	ic->mode = IPCONFIG_DHCP;
	if (value && ipconfig_parse(ic, value, error)) {
		log_warn("%s: %s; configuring the network by DHCP", origin, error);
		memset(ic, 0, sizeof(*ic));
		ic->mode = IPCONFIG_DHCP;
	}
}

/* ---- the links ---- */

static void bring_up_loopback(const struct rtnl_link *lo)
{
	struct in_addr address = { htonl(INADDR_LOOPBACK) }, none = { 0 };

	if (rtnl_link_up(lo) == 0)
		rtnl_address_add(lo, address, 8, none);
}

/* lo up, the Ethernet links up and kept in links[] */
static int find_links(void)
{
	struct rtnl_link all[RTNL_MAX_LINKS];
	int n = rtnl_links(all, RTNL_MAX_LINKS), i;

	if (n < 0)
		return -1;
	for (i = 0; i < n; i++) {
		if (all[i].flags & IFF_LOOPBACK) {
			bring_up_loopback(&all[i]);
		} else if (all[i].type == ARPHRD_ETHER && link_count < NET_MAX_LINKS) {
			memset(&links[link_count], 0, sizeof(links[0]));
			links[link_count].link = all[i];
			if (rtnl_link_up(&all[i]) == 0)
				link_count++;
		}
	}
	return 0;
}

static int chosen(const struct net_link *nl, const struct ipconfig *ic, unsigned index)
{
	if (ic->device[0])
		return !strcmp(ic->device, nl->link.name);
	/* the kernel's ip= too gives a static address to one link only */
	return ic->mode != IPCONFIG_STATIC || index == 0;
}

static void configure_links(const struct ipconfig *ic)
{
	unsigned i, any = 0;

	for (i = 0; i < link_count; i++) {
		if (!chosen(&links[i], ic, i))
			continue;
		any = 1;
		links[i].waiting = 1;
		waiting_count++;
	}
	if (ic->device[0] && !any)
		log_warn("ip=: no Ethernet link named %s", ic->device);
	for (i = 0; i < link_count; i++) {
		if (!links[i].waiting)
			continue;
		if (ic->mode == IPCONFIG_STATIC)
			configure_static(&links[i], ic);
		else
			configure_dhcp(&links[i], ic);
	}
}

int net_start(const struct cmdline *cl)
{
	struct ipconfig ic;

	if (!settings.resolv_path)
		settings.resolv_path = RESOLV_PATH;
	if (!settings.ip_file)
		settings.ip_file = NET_IP_FILE;
	if (!settings.ready_timeout_ms)
		settings.ready_timeout_ms = NET_READY_TIMEOUT_MS;
	ready_timer.fire = ready_due;
	if (rtnl_open() || find_links()) {
		loop_timer_set(&ready_timer, 0);
		return -1;
	}
	choose_ipconfig(cl, &ic);
	if (ic.mode == IPCONFIG_OFF) {
		log_info("ip=off: the network is left alone");
	} else if (link_count == 0) {
		log_info("no Ethernet link");
	} else {
		configure_links(&ic);
	}
	loop_timer_set(&ready_timer, waiting_count ? settings.ready_timeout_ms : 0);
	return 0;
}

void net_stop(void)
{
	unsigned i;

	for (i = 0; i < link_count; i++) {
		if (links[i].dhcp_started)
			dhcp_client_stop(&links[i].dhcp);
		links[i].dhcp_started = 0;
	}
}
