/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The control commands (client.c): `pideisn status [NAME]`,
 * `pideisn start|stop|restart NAME`, `pideisn poweroff|reboot|halt`,
 * and `poweroff`, `reboot`, `halt` as links to pideisn.  They ask PID 1
 * over its control socket (PIDEISN_CONTROL in the environment, else
 * /run/pideisn/control).
 */
#ifndef PIDEISN_CLIENT_H
#define PIDEISN_CLIENT_H

/* Exit statuses of the control commands (docs/pideisn.md) */
enum client_status {
	CLIENT_OK = 0,		/* done */
	CLIENT_REFUSED = 1,	/* pideisn answered with an error */
	CLIENT_USAGE = 2,	/* wrong arguments */
	CLIENT_UNREACHABLE = 3,	/* no pideisn to ask, or not allowed to */
};

/* 1 when argv[0] (or argv[1]) makes this run a control command */
int client_wanted(int argc, char **argv);
/* Run the command; returns an enum client_status. */
int client_main(int argc, char **argv);

#endif
