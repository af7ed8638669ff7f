/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A few lines of unit testing: CHECK(condition, "what") prints TAP, one
 * line per check; unit_done() prints the plan and gives the exit status.
 */
#ifndef PIDEISN_UNIT_H
#define PIDEISN_UNIT_H

#include <stdio.h>
#include <string.h>

static int unit_count, unit_failed;

static inline void unit_check(int ok, const char *file, int line, const char *what)
{
	unit_count++;
	if (!ok)
		unit_failed++;
	printf("%sok %d - %s\n", ok ? "" : "not ", unit_count, what);
	if (!ok)
		printf("#   failed at %s:%d\n", file, line);
}

#define CHECK(cond, what) unit_check(!!(cond), __FILE__, __LINE__, (what))
#define CHECK_STR(got, want, what) do {						\
	const char *got_ = (got), *want_ = (want);				\
	int same_ = got_ && want_ ? !strcmp(got_, want_) : got_ == want_;	\
	unit_check(same_, __FILE__, __LINE__, (what));				\
	if (!same_)								\
		printf("#   got '%s', want '%s'\n", got_ ? got_ : "(null)",	\
		       want_ ? want_ : "(null)");				\
} while (0)

static inline int unit_done(void)
{
	printf("1..%d\n", unit_count);
	return unit_failed ? 1 : 0;
}

#endif
