// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The event loop (see loop.h): epoll for descriptors, a list of timers
 * sorted by due time, and epoll_wait's timeout as the only sleep.
 */
#include "loop.h"

#include <errno.h>
#include <sys/epoll.h>
#include <time.h>
#include <unistd.h>

/* one event a round: a callback may then unwatch and free any watch */
#define LOOP_BATCH 1

static int epoll_fd = -1;
static struct loop_timer *timers;	/* sorted, soonest first */

int loop_init(void)
{
	epoll_fd = epoll_create1(EPOLL_CLOEXEC);
	return epoll_fd < 0 ? -1 : 0;
}

int loop_watch(struct loop_watch *w, unsigned events)
{
	struct epoll_event ev = { .events = events, .data.ptr = w };

	return epoll_ctl(epoll_fd, EPOLL_CTL_ADD, w->fd, &ev);
}

void loop_unwatch(struct loop_watch *w)
{
	epoll_ctl(epoll_fd, EPOLL_CTL_DEL, w->fd, NULL);
}

uint64_t loop_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_BOOTTIME, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

void loop_timer_stop(struct loop_timer *t)
{
	struct loop_timer **p;

	if (!t->armed)
		return;
	for (p = &timers; *p; p = &(*p)->next) {
		if (*p == t) {
			*p = t->next;
			break;
		}
	}
	t->armed = 0;
	t->next = NULL;
}

void loop_timer_set(struct loop_timer *t, uint64_t ms)
{
	struct loop_timer **p;

	loop_timer_stop(t);
	t->due_ms = loop_now_ms() + ms;
	for (p = &timers; *p && (*p)->due_ms <= t->due_ms; p = &(*p)->next)
		;
	t->next = *p;
	*p = t;
	t->armed = 1;
}

/* epoll_wait's timeout: until the soonest timer, or forever */
static int wait_ms(void)
{
	uint64_t now;

	if (!timers)
		return -1;
	now = loop_now_ms();
	if (timers->due_ms <= now)
		return 0;
	if (timers->due_ms - now > 24 * 3600 * 1000u)
		return 24 * 3600 * 1000;
	return (int)(timers->due_ms - now);
}

/* fire the timers that are due, each once; a timer may re-arm itself */
static void fire_due_timers(void)
{
	uint64_t now = loop_now_ms();
	struct loop_timer *t;

	while (timers && timers->due_ms <= now) {
		t = timers;
		timers = t->next;
		t->armed = 0;
		t->next = NULL;
		t->fire(t);
	}
}

int loop_run_once(void)
{
	struct epoll_event ev[LOOP_BATCH];
	int n, i;

	n = epoll_wait(epoll_fd, ev, LOOP_BATCH, wait_ms());
	if (n < 0 && errno != EINTR)
		return -1;
	for (i = 0; i < n; i++) {
		struct loop_watch *w = ev[i].data.ptr;

		w->ready(w, ev[i].events);
	}
	fire_due_timers();
	return 0;
}
