/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What follows a service's exit (restart.c): the restart policy, the
 * exponential backoff and the limit, as pure arithmetic.
 */
#ifndef PIDEISN_RESTART_H
#define PIDEISN_RESTART_H

#include "service.h"

#include <stdint.h>

enum restart_verdict {
	VERDICT_DONE,		/* not restarted: a success, or restart = never */
	VERDICT_RESTART,	/* start again after *delay_ms */
	VERDICT_GIVE_UP,	/* the limit of failed runs in a row is reached */
};

/* backoff << (failures - 1), at most backoff_max; backoff itself for 0 */
unsigned restart_delay_ms(unsigned backoff, unsigned backoff_max, unsigned failures);

/*
 * A run of svc ended, failed or not, after ran_ms: update *failures (the
 * failed runs in a row; a run longer than backoff-max resets it) and say
 * what comes next, with the delay before a restart.
 */
enum restart_verdict restart_decide(const struct service *svc, int failed, uint64_t ran_ms,
				    unsigned *failures, unsigned *delay_ms);

#endif
