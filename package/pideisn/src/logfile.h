/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A service's output in a file (logfile.c): the service writes into a
 * pipe, pideisn reads it in the event loop and appends it to the file;
 * when the file has reached the size limit, it becomes PATH.1 (one old
 * file is kept) and a new one is started.  The pipe lives as long as
 * pideisn: every run of the service writes into the same one.
 */
#ifndef PIDEISN_LOGFILE_H
#define PIDEISN_LOGFILE_H

#include "loop.h"

#include <stdint.h>

struct logfile {
	const char *path;
	uint64_t limit;		/* bytes; 0: never rotated */
	uint64_t size;
	int file;		/* -1: not open */
	int pipe_write;		/* what the service gets as stdout and stderr */
	struct loop_watch watch;	/* the pipe's read end */
};

/* Open path (appending) and the pipe, once; later calls do nothing.  0 or -1 (logged). */
int logfile_open(struct logfile *lf, const char *path, uint64_t limit);

#endif
