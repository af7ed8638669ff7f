// SPDX-License-Identifier: GPL-2.0-or-later
/* Unit tests of cmdline.c: the kernel command line. */
#include "../cmdline.h"
#include "unit.h"

static struct cmdline cl;
static char text[4096], error[CMDLINE_ERROR_MAX];

static int parse(const char *line)
{
	snprintf(text, sizeof(text), "%s", line);
	return cmdline_parse(&cl, text, error);
}

static void test_root(void)
{
	CHECK(parse("console=ttyS0 root=/dev/vda rw rootwait\n") == 0, "a disk boot parses");
	CHECK(cl.root_kind == ROOT_PATH, "root= a path");
	CHECK_STR(cl.root, "/dev/vda", "root= value");
	CHECK(cl.access == ACCESS_RW && cl.rootwait && cl.rootwait_seconds == 0, "rw and rootwait");
	parse("root=LABEL=rootfs");
	CHECK(cl.root_kind == ROOT_LABEL, "root=LABEL=");
	CHECK_STR(cl.root, "rootfs", "the label");
	parse("root=UUID=0a1b-22");
	CHECK(cl.root_kind == ROOT_UUID, "root=UUID=");
	CHECK_STR(cl.root, "0a1b-22", "the UUID");
	parse("root=PARTUUID=abcd-01 root=PARTLABEL=sys");
	CHECK(cl.root_kind == ROOT_PARTLABEL, "the last root= wins");
	CHECK_STR(cl.root, "sys", "the partition label");
	CHECK(parse("root=vda") == 1, "root= without /dev/ is a problem");
	CHECK(strstr(error, "root=vda: expected a device path") == error, "the message names the parameter");
	CHECK(cl.root_kind == ROOT_NONE && !cl.root, "a bad root= keeps the default");
	CHECK(parse("root=LABEL=") == 1, "root=LABEL= empty");
	CHECK(parse("root=/") == 1, "root=/ alone");
	CHECK(parse("ro rw ro") == 0 && cl.access == ACCESS_RO, "the last of ro and rw wins");
	CHECK(parse("") == 0 && cl.access == ACCESS_DEFAULT && cl.root_kind == ROOT_NONE, "empty line");
	CHECK(parse("rootfstype=ext4 rootflags=noatime,data=ordered") == 0, "fstype and flags");
	CHECK_STR(cl.rootfstype, "ext4", "rootfstype");
	CHECK_STR(cl.rootflags, "noatime,data=ordered", "rootflags keeps its '='");
	CHECK(parse("rootfstype=") == 1, "an empty rootfstype is a problem");
}

static void test_numbers(void)
{
	CHECK(parse("rootdelay=5 rootwait=30") == 0, "rootdelay and rootwait=N");
	CHECK(cl.rootdelay == 5 && cl.rootwait && cl.rootwait_seconds == 30, "their values");
	CHECK(parse("rootdelay=abc") == 1, "rootdelay=abc");
	CHECK_STR(error, "rootdelay=abc: expected a number of seconds, 0 to 86400", "its message");
	CHECK(parse("rootdelay=") == 1, "rootdelay= empty");
	CHECK(parse("rootdelay=99999999999999999999") == 1 && cl.rootdelay == 0, "rootdelay overflow");
	CHECK(parse("rootdelay=86401") == 1, "rootdelay over a day");
	CHECK(parse("rootdelay=-1 rootwait=x") == 2, "two problems counted");
	CHECK(strstr(error, "rootdelay=-1") == error, "the first is described");
}

static void test_quoting(void)
{
	CHECK(parse("hostname=\"my host\" quiet") == 0, "a quoted value");
	CHECK_STR(cl.hostname, "my host", "quotes removed, blank kept");
	CHECK(cl.quiet, "quiet after a quoted value");
	parse("\"hostname=a b\"");
	CHECK_STR(cl.hostname, "a b", "a quoted word");
	parse("hostname=\"unterminated value");
	CHECK_STR(cl.hostname, "unterminated value", "an unterminated quote runs to the end");
	parse("hostname=a\"b c\"d");
	CHECK_STR(cl.hostname, "a\"b c\"d", "quotes inside a value stay, as the kernel keeps them");
	parse("hostname=\"\"");
	CHECK(cl.hostname == NULL, "an empty quoted value");
	CHECK(parse("\t  \n") == 0, "blanks only");
	parse("hostname=x\tquiet\n");
	CHECK_STR(cl.hostname, "x", "tabs and newlines separate words");
	CHECK(cl.quiet, "the last word before the newline");
}

static void test_console_init(void)
{
	parse("console=tty0 console=ttyS0,115200n8 init=/sbin/init rdinit=/init");
	CHECK(cl.console_count == 2, "two consoles");
	CHECK_STR(cl.console[1], "ttyS0,115200n8", "the last console");
	CHECK(cmdline_console_name_length(cl.console[1]) == 5, "its device name");
	CHECK_STR(cl.init, "/sbin/init", "init=");
	CHECK_STR(cl.rdinit, "/init", "rdinit=");
	CHECK(parse("console=a console=b console=c console=d console=e console=f console=g "
		    "console=h console=i") == 1, "a ninth console is a problem");
	CHECK(cl.console_count == 8, "eight consoles kept");
	parse("quiet -- single \"two words\" hostname=x");
	CHECK(cl.init_argc == 3, "three init arguments after --");
	CHECK_STR(cl.init_argv[1], "two words", "a quoted init argument");
	CHECK_STR(cl.init_argv[2], "hostname=x", "after --, parameters are init's");
	CHECK(cl.hostname == NULL, "hostname= after -- is not pideisn's");
	char many[512] = "--";
	for (int i = 0; i < 40; i++)
		strcat(many, " a");
	CHECK(parse(many) == 8 && cl.init_argc == 32, "at most 32 init arguments");
	parse("ip=10.0.2.15::10.0.2.2:255.255.255.0::eth0:off ip=dhcp");
	CHECK_STR(cl.ip, "dhcp", "the last ip=");
	CHECK(parse("=x =") == 0, "an empty name is someone else's");
	CHECK(parse("foo.bar=1 nokaslr ipv6.disable=0") == 0, "the kernel's parameters are ignored");
}

int main(void)
{
	test_root();
	test_numbers();
	test_quoting();
	test_console_init();
	return unit_done();
}
