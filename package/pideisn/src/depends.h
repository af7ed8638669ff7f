/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The order services start in (depends.c): a node per service, its
 * dependencies (after and requires, resolved to indexes) as edges.  Pure
 * logic, tested on its own.
 */
#ifndef PIDEISN_DEPENDS_H
#define PIDEISN_DEPENDS_H

#include "service.h"

#define DEPENDS_MAX_EDGES	(2 * SERVICE_MAX_DEPS)

struct depends_node {
	unsigned count;
	unsigned on[DEPENDS_MAX_EDGES];	/* indexes of the services it waits for */
};

/*
 * Fill order[0..n) with the indexes of the n nodes, each after those it
 * depends on; among nodes free to go, the lower index first.  Returns how
 * many could be ordered: the nodes left out (in a cycle, or depending on
 * one) are set in stuck[] and follow in order[] by index.
 */
unsigned depends_order(unsigned n, const struct depends_node *nodes, unsigned *order,
		       unsigned char *stuck);

#endif
