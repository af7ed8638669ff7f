/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * pideisn's network: lo up with 127.0.0.1/8 (the kernel adds ::1), every
 * Ethernet link up (IPv6 then configures itself: the kernel's SLAAC),
 * then the links configured from ip= on the kernel command line, else
 * from the file /etc/pideisn/ip (one ip= value), else by DHCP.
 *
 * The network counts as configured ("ready") when every link being
 * configured has its address, when there is no Ethernet link at all or
 * ip=off, or, at the latest, NET_READY_TIMEOUT_MS after net_start: the
 * links still without a lease are named in a warning and keep asking.
 */
#ifndef PIDEISN_NET_H
#define PIDEISN_NET_H

#include "cmdline.h"

#define NET_IP_FILE		"/etc/pideisn/ip"
#define NET_READY_TIMEOUT_MS	10000

/* Where things are; main uses the defaults, the tests their own. */
struct net_settings {
	const char *resolv_path;	/* NULL: RESOLV_PATH */
	const char *ip_file;		/* NULL: NET_IP_FILE */
	unsigned ready_timeout_ms;	/* 0: NET_READY_TIMEOUT_MS */
};

void net_use_settings(const struct net_settings *s);
/* After loop_init: bring the links up and start configuring them; returns at once. */
int net_start(const struct cmdline *cl);
/* ready() is called once, from the loop, when the network is ready. */
void net_on_ready(void (*ready)(void));
/* At shutdown: release the DHCP leases, nothing else. */
void net_stop(void);

#endif
