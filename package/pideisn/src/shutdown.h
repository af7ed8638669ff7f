/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The shutdown (shutdown.c), step by step in the event loop: services
 * stopped (dependents first), every other process sent SIGTERM, a grace,
 * SIGKILL, the run_at_shutdown functions, sync, file systems unmounted
 * or remounted read-only, reboot(2).  Each step is logged.
 */
#ifndef PIDEISN_SHUTDOWN_H
#define PIDEISN_SHUTDOWN_H

#include "run.h"

/* Begin, once: later requests are logged and ignored. */
void shutdown_request(enum run_end end);
/* Set by the last step when reboot(2) is not allowed: what was asked. */
enum run_end shutdown_finished(void);
/* The reaper found no child left: the waits for them end early. */
void shutdown_no_children(void);
/* Options and hooks, from run(). */
void shutdown_setup(const struct run_options *o, void (*const *hooks)(void), unsigned count);

/* Unmount what mountinfo lists, last first; busy ones remounted read-only. */
void shutdown_unmount_all(void);

#endif
