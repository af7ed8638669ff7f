/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The supervisor (supervisor.c): the services of a folder, started in
 * dependency order, watched, restarted by their policy and stopped in
 * reverse order.  Everything happens in callbacks of the event loop.
 */
#ifndef PIDEISN_SUPERVISOR_H
#define PIDEISN_SUPERVISOR_H

#include <stddef.h>
#include <sys/types.h>

#define SUPERVISOR_MAX_SERVICES	256
#define SUPERVISOR_STATUS_MAX	256	/* one line of status */

/* Read every service file of dir (a bad one is logged and skipped). */
int supervisor_load(const char *dir);
/* Start what may start now; called again after every change. */
void supervisor_kick(void);
/* The network counts as configured: network = wait services may go. */
void supervisor_network_ready(void);
/* A child ended (from the reaper): 1 when it was a service's process. */
int supervisor_child_exited(pid_t pid, int status);

/* Shutdown: stop every service, dependents first; done() once all ended. */
void supervisor_stop_all(void (*done)(void));

/* The control socket's commands; -1 with *why (static) on refusal. */
int supervisor_find(const char *name);
unsigned supervisor_count(void);
int supervisor_start(int index, const char **why);
int supervisor_stop(int index, const char **why);
int supervisor_restart(int index, const char **why);
/* One line (no newline) about service index: name, state, pid, ... */
void supervisor_status(int index, char *line, size_t size);

#endif
