// SPDX-License-Identifier: GPL-2.0-or-later
#include "pool.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* below glibc's mmap threshold, so that chunks pack into the heap */
#define CHUNK_SIZE (64 * 1024 - 64)

#ifdef __SANITIZE_ADDRESS__

void *pool_alloc(struct pool *pool)
{
	return xcalloc(1, pool->size);
}

void pool_free(struct pool *pool, void *obj)
{
	(void)pool;
	free(obj);
}

#else

/* the object size rounded up to keep every object pointer-aligned */
static size_t slot_size(const struct pool *pool)
{
	size_t align = sizeof(void *);
	size_t size = pool->size < align ? align : pool->size;

	return (size + align - 1) / align * align;
}

void *pool_alloc(struct pool *pool)
{
	size_t size = slot_size(pool);
	void *obj = pool->free_list;

	if (obj) {
		memcpy(&pool->free_list, obj, sizeof(void *));
	} else {
		if ((size_t)(pool->end - pool->next) < size) {
			pool->next = xmalloc(CHUNK_SIZE);
			pool->end = pool->next + CHUNK_SIZE / size * size;
		}
		obj = pool->next;
		pool->next += size;
	}
	return memset(obj, 0, size);
}

void pool_free(struct pool *pool, void *obj)
{
	if (!obj)
		return;
	memcpy(obj, &pool->free_list, sizeof(void *));
	pool->free_list = obj;
}

#endif
