/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The kernel's ip= parameter (Documentation/admin-guide/nfs/nfsroot.rst):
 *
 *   ip=<client>:<server>:<gateway>:<netmask>:<hostname>:<device>:<autoconf>:
 *      <dns0>:<dns1>:<ntp0>
 *
 * Any field may be empty, trailing fields may be left out.  The short
 * forms: ip=off or ip=none (no configuration), ip=on, any, dhcp, bootp or
 * both (DHCP; pideisn speaks DHCP, which answers BOOTP's questions too).
 * RARP is not supported.
 *
 * What pideisn does with it (ipconfig_parse decides the mode):
 *   IPCONFIG_OFF     leave the links alone (ip=off, or autoconf off
 *                    without a client address)
 *   IPCONFIG_STATIC  a client address and no autoconf, or autoconf off
 *   IPCONFIG_DHCP    no client address, or autoconf on|any|dhcp|bootp|both
 *                    (a client address then is the address to ask for)
 */
#ifndef PIDEISN_IPCONFIG_H
#define PIDEISN_IPCONFIG_H

#include <netinet/in.h>

#define IPCONFIG_HOSTNAME_MAX	64	/* the kernel's __NEW_UTS_LEN */
#define IPCONFIG_DEVICE_MAX	15	/* IFNAMSIZ - 1 */
#define IPCONFIG_ERROR_MAX	160

enum ipconfig_mode { IPCONFIG_OFF, IPCONFIG_STATIC, IPCONFIG_DHCP };

struct ipconfig {
	enum ipconfig_mode mode;
	struct in_addr client, server, gateway, netmask;	/* 0: not given */
	unsigned prefix_length;		/* of netmask, or of the client's class */
	char hostname[IPCONFIG_HOSTNAME_MAX + 1];	/* "": not given */
	char device[IPCONFIG_DEVICE_MAX + 1];		/* "": every Ethernet link */
	struct in_addr dns[2], ntp;
};

/*
 * Fill *ic from the value of ip= (without "ip=").  0 on success; -1 with
 * error naming the field ("ip= field 4 (netmask): '255.0.255.0' is not a
 * netmask").
 */
int ipconfig_parse(struct ipconfig *ic, const char *text,
		   char error[IPCONFIG_ERROR_MAX]);

#endif
