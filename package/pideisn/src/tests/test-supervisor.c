// SPDX-License-Identifier: GPL-2.0-or-later
/* Unit tests of the supervisor's pure logic: start order (depends.c), restarts (restart.c). */
#include "../depends.h"
#include "../restart.h"
#include "unit.h"

static struct depends_node nodes[8];
static unsigned order[8];
static unsigned char stuck[8];

static void edge(unsigned from, unsigned to)
{
	nodes[from].on[nodes[from].count++] = to;
}

static void reset(void)
{
	memset(nodes, 0, sizeof(nodes));
}

static void test_order(void)
{
	/* 0 after 2, 2 after 1, 3 free, 4 after 0 and 3 */
	reset();
	edge(0, 2);
	edge(2, 1);
	edge(4, 0);
	edge(4, 3);
	CHECK(depends_order(5, nodes, order, stuck) == 5, "a chain: all ordered");
	CHECK(order[0] == 1 && order[1] == 2 && order[2] == 0 && order[3] == 3 && order[4] == 4,
	      "each after what it depends on, lower index first among the free");
	CHECK(!stuck[0] && !stuck[4], "nothing stuck");

	reset();
	CHECK(depends_order(3, nodes, order, stuck) == 3 && order[0] == 0 && order[2] == 2,
	      "no dependencies: the given order");

	/* 1 <-> 2 cycle, 3 after 2, 0 free */
	reset();
	edge(1, 2);
	edge(2, 1);
	edge(3, 2);
	CHECK(depends_order(4, nodes, order, stuck) == 1, "a cycle: only the free one ordered");
	CHECK(order[0] == 0 && order[1] == 1 && order[2] == 2 && order[3] == 3,
	      "the stuck ones follow by index");
	CHECK(!stuck[0] && stuck[1] && stuck[2] && stuck[3], "the cycle and its dependent stuck");

	reset();
	edge(0, 0);
	CHECK(depends_order(1, nodes, order, stuck) == 0 && stuck[0], "itself: stuck");
	CHECK(depends_order(0, nodes, order, stuck) == 0, "no services");
}

static void test_delay(void)
{
	CHECK(restart_delay_ms(1000, 60000, 0) == 1000, "delay before any failure: backoff");
	CHECK(restart_delay_ms(1000, 60000, 1) == 1000, "first failure: backoff");
	CHECK(restart_delay_ms(1000, 60000, 2) == 2000, "second: doubled");
	CHECK(restart_delay_ms(1000, 60000, 4) == 8000, "fourth: 8 s");
	CHECK(restart_delay_ms(1000, 60000, 7) == 60000, "capped at backoff-max");
	CHECK(restart_delay_ms(1000, 60000, 4000000000u) == 60000, "no overflow on many failures");
	CHECK(restart_delay_ms(86400000, 86400000, 40) == 86400000, "a day at most");
	CHECK(restart_delay_ms(0, 60000, 5) == 0, "a zero backoff stays zero");
	CHECK(restart_delay_ms(5000, 1000, 1) == 1000, "backoff over its max: the max");
}

static struct service svc;

static void policy(enum service_restart restart, enum service_type type, unsigned limit)
{
	memset(&svc, 0, sizeof(svc));
	svc.restart = restart;
	svc.type = type;
	svc.limit = limit;
	svc.backoff_ms = 100;
	svc.backoff_max_ms = 1000;
}

static void test_decide(void)
{
	unsigned failures = 0, delay = 0;

	policy(RESTART_ON_FAILURE, SERVICE_DAEMON, 3);
	CHECK(restart_decide(&svc, 1, 10, &failures, &delay) == VERDICT_RESTART && delay == 100 &&
	      failures == 1, "on-failure, a failure: restart after backoff");
	CHECK(restart_decide(&svc, 1, 10, &failures, &delay) == VERDICT_RESTART && delay == 200,
	      "again: twice the delay");
	CHECK(restart_decide(&svc, 1, 10, &failures, &delay) == VERDICT_GIVE_UP && failures == 3,
	      "the third failure in a row: given up");

	failures = 2;
	CHECK(restart_decide(&svc, 1, 5000, &failures, &delay) == VERDICT_RESTART &&
	      failures == 1 && delay == 100, "a long run resets the count, then counts");
	CHECK(restart_decide(&svc, 0, 10, &failures, &delay) == VERDICT_DONE && failures == 0,
	      "on-failure, a success: done");

	policy(RESTART_ALWAYS, SERVICE_DAEMON, 0);
	failures = 0;
	CHECK(restart_decide(&svc, 0, 10, &failures, &delay) == VERDICT_RESTART && delay == 100,
	      "always, a success: restarted after backoff");
	failures = 50;
	CHECK(restart_decide(&svc, 1, 10, &failures, &delay) == VERDICT_RESTART && delay == 1000,
	      "limit 0: never given up");

	policy(RESTART_NEVER, SERVICE_DAEMON, 3);
	failures = 0;
	CHECK(restart_decide(&svc, 1, 10, &failures, &delay) == VERDICT_DONE && failures == 1,
	      "never: done, the failure counted");

	policy(RESTART_ALWAYS, SERVICE_ONESHOT, 3);
	failures = 0;
	CHECK(restart_decide(&svc, 0, 10, &failures, &delay) == VERDICT_DONE,
	      "a oneshot that ended well is done, even with always");
	CHECK(restart_decide(&svc, 1, 10, &failures, &delay) == VERDICT_RESTART,
	      "a oneshot that failed is restarted");
}

int main(void)
{
	test_order();
	test_delay();
	test_decide();
	return unit_done();
}
