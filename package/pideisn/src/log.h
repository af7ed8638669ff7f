/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * pideisn's messages: each goes to the console as "pideisn: text" and to
 * the kernel's log (/dev/kmsg) with its level.  With quiet (the kernel
 * parameter) the console gets only warnings and errors; the kernel's
 * log keeps everything.  A message the kernel itself prints on the
 * console (its level below the console log level) is left to it, so
 * that no line shows twice.  Outside PID 1 (tests, the control
 * commands) messages go to stderr alone.
 */
#ifndef PIDEISN_LOG_H
#define PIDEISN_LOG_H

enum log_level { LOG_ERROR = 3, LOG_WARN = 4, LOG_INFO = 6, LOG_DEBUG = 7 };

/* Where messages go: console_fd (-1: stderr) and /dev/kmsg when kmsg. */
void log_setup(int console_fd, int kmsg, int quiet);
void log_msg(enum log_level level, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#define log_error(...)	log_msg(LOG_ERROR, __VA_ARGS__)
#define log_warn(...)	log_msg(LOG_WARN, __VA_ARGS__)
#define log_info(...)	log_msg(LOG_INFO, __VA_ARGS__)

#endif
