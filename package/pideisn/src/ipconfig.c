// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * ip=: the short forms, else up to ten fields separated by colons, each
 * checked on its own, then the mode and the prefix length.
 */
#include "ipconfig.h"
#include "fmt.h"

#include <arpa/inet.h>
#include <string.h>

#define FIELDS 10
#define FIELD_MAX 128

static const char *const field_names[FIELDS] = {
	"client", "server", "gateway", "netmask", "hostname", "device",
	"autoconf", "dns0", "dns1", "ntp0",
};

enum autoconf { AUTOCONF_UNSET, AUTOCONF_OFF, AUTOCONF_ON, AUTOCONF_RARP };

static enum autoconf autoconf_of(const char *text)
{
	static const char *const off[] = { "off", "none" };
	static const char *const on[] = { "on", "any", "dhcp", "bootp", "both" };

	if (!*text)
		return AUTOCONF_UNSET;
	for (size_t i = 0; i < sizeof(off) / sizeof(off[0]); i++)
		if (!strcmp(text, off[i]))
			return AUTOCONF_OFF;
	for (size_t i = 0; i < sizeof(on) / sizeof(on[0]); i++)
		if (!strcmp(text, on[i]))
			return AUTOCONF_ON;
	return AUTOCONF_RARP;	/* rarp, or a word nobody knows */
}

static int bad_field(char *error, int field, const char *value, const char *why)
{
	fmt_print(error, IPCONFIG_ERROR_MAX, "ip= field %d (%s): '%.40s' %s",
		 field + 1, field_names[field], value, why);
	return -1;
}

static int prefix_of_mask(struct in_addr mask)
{
	uint32_t m = ntohl(mask.s_addr);
	int len = 0;

	while (len < 32 && (m & (0x80000000u >> len)))
		len++;
	return len < 32 && (m << len) ? -1 : len;
}

/* the kernel's default when the netmask is not given: by address class */
static unsigned class_prefix(struct in_addr addr)
{
	uint32_t a = ntohl(addr.s_addr);

	if ((a >> 31) == 0)
		return 8;
	if ((a >> 30) == 2)
		return 16;
	return 24;
}

static int name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_';
}

static int parse_name(char *out, size_t max, const char *value, int field, char *error)
{
	size_t len = strlen(value);

	if (len > max)
		return bad_field(error, field, value, "is too long");
	for (size_t i = 0; i < len; i++)
		if (!name_char(value[i]))
			return bad_field(error, field, value,
					 "has a character other than letters, digits, '-', '.', '_'");
	memcpy(out, value, len + 1);
	return 0;
}

static int parse_addr(struct in_addr *out, const char *value, int field, char *error)
{
	if (*value && inet_pton(AF_INET, value, out) != 1)
		return bad_field(error, field, value, "is not an IPv4 address (a.b.c.d)");
	return 0;
}

static int parse_field(struct ipconfig *ic, int field, const char *value,
		       enum autoconf *autoconf, char *error)
{
	switch (field) {
	case 0: return parse_addr(&ic->client, value, field, error);
	case 1: return parse_addr(&ic->server, value, field, error);
	case 2: return parse_addr(&ic->gateway, value, field, error);
	case 3:
		if (parse_addr(&ic->netmask, value, field, error) < 0)
			return -1;
		if (*value && prefix_of_mask(ic->netmask) < 0)
			return bad_field(error, field, value, "is not a netmask (ones, then zeros)");
		return 0;
	case 4: return parse_name(ic->hostname, IPCONFIG_HOSTNAME_MAX, value, field, error);
	case 5: return parse_name(ic->device, IPCONFIG_DEVICE_MAX, value, field, error);
	case 6:
		*autoconf = autoconf_of(value);
		if (*autoconf == AUTOCONF_RARP)
			return bad_field(error, field, value,
					 "is not one of off, none, on, any, dhcp, bootp, both (rarp is not supported)");
		return 0;
	case 7: return parse_addr(&ic->dns[0], value, field, error);
	case 8: return parse_addr(&ic->dns[1], value, field, error);
	default: return parse_addr(&ic->ntp, value, field, error);
	}
}

static void decide_mode(struct ipconfig *ic, enum autoconf autoconf)
{
	int have_client = ic->client.s_addr != 0;

	if (autoconf == AUTOCONF_ON)
		ic->mode = IPCONFIG_DHCP;
	else if (autoconf == AUTOCONF_OFF)
		ic->mode = have_client ? IPCONFIG_STATIC : IPCONFIG_OFF;
	else
		ic->mode = have_client ? IPCONFIG_STATIC : IPCONFIG_DHCP;
	if (ic->netmask.s_addr)
		ic->prefix_length = (unsigned)prefix_of_mask(ic->netmask);
	else if (have_client)
		ic->prefix_length = class_prefix(ic->client);
}

static int parse_short_form(struct ipconfig *ic, const char *text)
{
	if (strchr(text, ':'))
		return 0;
	switch (autoconf_of(text)) {
	case AUTOCONF_OFF:
		ic->mode = IPCONFIG_OFF;
		return 1;
	case AUTOCONF_ON:
		ic->mode = IPCONFIG_DHCP;
		return 1;
	default:
		return 0;	/* a client address alone, or an error */
	}
}

int ipconfig_parse(struct ipconfig *ic, const char *text, char error[IPCONFIG_ERROR_MAX])
{
	enum autoconf autoconf = AUTOCONF_UNSET;
	const char *p = text;

	memset(ic, 0, sizeof(*ic));
	error[0] = '\0';
	if (parse_short_form(ic, text))
		return 0;
	for (int field = 0;; field++) {
		size_t len = strcspn(p, ":");
		char value[FIELD_MAX];

		if (field == FIELDS) {
			fmt_print(error, IPCONFIG_ERROR_MAX,
				 "ip=: more than 10 fields (the last is ntp0)");
			return -1;
		}
		if (len >= sizeof(value))
			len = sizeof(value) - 1;	/* too long for any field */
		memcpy(value, p, len);
		value[len] = '\0';
		if (parse_field(ic, field, value, &autoconf, error) < 0)
			return -1;
		p += strcspn(p, ":");
		if (!*p++)
			break;
	}
	decide_mode(ic, autoconf);
	return 0;
}
