/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * pideisn's one event loop: descriptors watched with epoll and timers on
 * the monotonic clock.  Nothing polls: the loop sleeps until a watched
 * descriptor is ready or the nearest timer is due.  Single-threaded; the
 * structs belong to their callers, which keep them alive while armed.
 */
#ifndef PIDEISN_LOOP_H
#define PIDEISN_LOOP_H

#include <stdint.h>

struct loop_watch {
	int fd;
	/* events: EPOLLIN, EPOLLOUT, EPOLLHUP, EPOLLERR as epoll gave them */
	void (*ready)(struct loop_watch *w, unsigned events);
};

struct loop_timer {
	void (*fire)(struct loop_timer *t);
	/* the loop's own */
	uint64_t due_ms;
	struct loop_timer *next;
	int armed;
};

/* Create the epoll instance (close-on-exec).  0, or -1 with errno. */
int loop_init(void);
/* Watch w->fd for events (EPOLLIN, EPOLLOUT).  0, or -1 with errno. */
int loop_watch(struct loop_watch *w, unsigned events);
/* Stop watching (before closing w->fd). */
void loop_unwatch(struct loop_watch *w);
/* Fire t once, ms milliseconds from now; re-arming moves it. */
void loop_timer_set(struct loop_timer *t, uint64_t ms);
void loop_timer_stop(struct loop_timer *t);
/* Milliseconds on the monotonic clock (CLOCK_BOOTTIME: counts suspend). */
uint64_t loop_now_ms(void);
/* Wait for the next events and dispatch them; -1 only on a broken epoll. */
int loop_run_once(void);

#endif
