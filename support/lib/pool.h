/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Many small objects of one size, without malloc's header on each: they
 * are cut from large chunks, and a freed object waits on a list for the
 * next allocation.  Chunks go back to the system only at exit.  Meant for
 * the nodes a program keeps by the hundred thousand (Kconfig expressions,
 * symbols, menus); objects need at most a pointer's alignment.
 *
 * Built with AddressSanitizer, every object is its own malloc block, so
 * that overflows and uses after free are still caught.
 *
 *	static struct pool nodes = POOL_INIT(struct node);
 *	struct node *n = pool_alloc(&nodes);	(zeroed)
 *	pool_free(&nodes, n);
 */
#ifndef KILN_LIB_POOL_H
#define KILN_LIB_POOL_H

#include <stddef.h>

struct pool {
	size_t size;		/* of one object */
	void *free_list;	/* freed objects, each holding the next */
	char *next, *end;	/* what is left of the current chunk */
};

#define POOL_INIT(type) { .size = sizeof(type) }

void *pool_alloc(struct pool *pool);
void pool_free(struct pool *pool, void *obj);

#endif
