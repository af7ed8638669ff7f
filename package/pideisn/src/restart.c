// SPDX-License-Identifier: GPL-2.0-or-later
/* Restart policy, backoff and limit (see restart.h). */
#include "restart.h"

unsigned restart_delay_ms(unsigned backoff, unsigned backoff_max, unsigned failures)
{
	uint64_t delay = backoff;

	/* shifting past the maximum stops early: no overflow */
	for (unsigned i = 1; i < failures && delay < backoff_max; i++)
		delay *= 2;
	return delay > backoff_max ? backoff_max : (unsigned)delay;
}

enum restart_verdict restart_decide(const struct service *svc, int failed, uint64_t ran_ms,
				    unsigned *failures, unsigned *delay_ms)
{
	/* a run that lasted longer than the longest delay was a good one */
	if (ran_ms > svc->backoff_max_ms)
		*failures = 0;
	if (failed)
		(*failures)++;
	else
		*failures = 0;
	*delay_ms = 0;
	if (svc->restart == RESTART_NEVER || (!failed && svc->restart == RESTART_ON_FAILURE))
		return VERDICT_DONE;
	if (!failed && svc->type == SERVICE_ONESHOT)
		return VERDICT_DONE;
	if (failed && svc->limit && *failures >= svc->limit)
		return VERDICT_GIVE_UP;
	*delay_ms = restart_delay_ms(svc->backoff_ms, svc->backoff_max_ms, *failures);
	return VERDICT_RESTART;
}
