/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Service files: /etc/pideisn/services/NAME, one service each, lines of
 * "key = value" (the format is in docs/pideisn.md).  The parser reads
 * text, not files, so it is tested and fuzzed on its own; service_load
 * reads the file.  A struct service keeps its strings in its own pool:
 * never copy one by value.
 */
#ifndef PIDEISN_SERVICE_H
#define PIDEISN_SERVICE_H

#include <stddef.h>
#include <stdint.h>

#define SERVICE_NAME_MAX	63
#define SERVICE_FILE_MAX	16384
#define SERVICE_LINE_MAX	1024
#define SERVICE_MAX_ARGS	32
#define SERVICE_MAX_ENV		32
#define SERVICE_MAX_DEPS	16
#define SERVICE_POOL_SIZE	8192
#define SERVICE_ERROR_MAX	320

enum service_type { SERVICE_DAEMON, SERVICE_ONESHOT };
enum service_restart { RESTART_ON_FAILURE, RESTART_NEVER, RESTART_ALWAYS };
enum service_network { NETWORK_NONE, NETWORK_WAIT };
enum service_input { INPUT_NULL, INPUT_CONSOLE };
/* the signals a service may be stopped with, in the order of stop-signal's words */
enum service_stop_signal { STOP_TERM, STOP_HUP, STOP_INT, STOP_QUIT, STOP_USR1, STOP_USR2 };
enum service_output { OUTPUT_CONSOLE, OUTPUT_NULL, OUTPUT_FILE };
enum service_ready { READY_START, READY_FILE, READY_FD };

struct service {
	char name[SERVICE_NAME_MAX + 1];
	const char *description;		/* NULL when not given */
	enum service_type type;
	char *argv[SERVICE_MAX_ARGS + 1];	/* NULL-terminated, for execve */
	char *env[SERVICE_MAX_ENV + 1];		/* "NAME=value", NULL-terminated */
	const char *workdir, *user, *group;	/* NULL when not given */
	enum service_restart restart;
	unsigned backoff_ms, backoff_max_ms;	/* first delay, doubled up to max */
	unsigned limit;				/* failed runs in a row; 0: no limit */
	enum service_stop_signal stop_signal;	/* what stopping it sends first */
	unsigned stop_timeout_ms;		/* that signal to SIGKILL */
	unsigned after_count, requires_count;
	const char *after[SERVICE_MAX_DEPS], *requires[SERVICE_MAX_DEPS];
	enum service_network network;
	enum service_input input;
	enum service_output output;
	const char *output_path;		/* output = file:PATH */
	uint64_t rotate_bytes;			/* 0: never rotated */
	enum service_ready ready;
	const char *ready_path;			/* ready = file:PATH */
	int ready_fd;				/* ready = fd:N */

	size_t pool_used;
	char pool[SERVICE_POOL_SIZE];
};

/* "path:line: what is wrong; what to do" */
struct service_error {
	char message[SERVICE_ERROR_MAX];
};

/* 1 when name may name a service: 1..63 of [A-Za-z0-9_.@-], no leading '.' */
int service_name_valid(const char *name);

/*
 * Parse len bytes of text, the file path (named in messages) of service
 * name.  0 on success; -1 with the first problem in *err: the service is
 * then to be skipped.
 */
int service_parse(struct service *svc, const char *name, const char *path,
		  const char *text, size_t len, struct service_error *err);

/* Read and parse dir/name (at most SERVICE_FILE_MAX bytes). */
int service_load(struct service *svc, const char *dir, const char *name,
		 struct service_error *err);

#endif
