// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Dependency order (see depends.h): repeatedly take the lowest node whose
 * dependencies are all placed.  Quadratic, and plain: a system has tens
 * of services, and the order is then the same on every boot.
 */
#include "depends.h"

#include <string.h>

static int all_placed(const struct depends_node *node, const unsigned char *placed)
{
	for (unsigned i = 0; i < node->count; i++)
		if (!placed[node->on[i]])
			return 0;
	return 1;
}

/* the lowest unplaced node free to go, or n */
static unsigned next_free(unsigned n, const struct depends_node *nodes,
			  const unsigned char *placed)
{
	for (unsigned i = 0; i < n; i++)
		if (!placed[i] && all_placed(&nodes[i], placed))
			return i;
	return n;
}

unsigned depends_order(unsigned n, const struct depends_node *nodes, unsigned *order,
		       unsigned char *stuck)
{
	unsigned char *placed = stuck;	/* reused: placed now, stuck at the end */
	unsigned done = 0, rest, i, next;

	memset(placed, 0, n);
	while ((next = next_free(n, nodes, placed)) < n) {
		placed[next] = 1;
		order[done++] = next;
	}
	rest = done;
	for (i = 0; i < n; i++) {
		stuck[i] = !placed[i];
		if (stuck[i])
			order[rest++] = i;
	}
	return done;
}
