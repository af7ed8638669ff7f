/* SPDX-License-Identifier: GPL-2.0-or-later */
/* When boot cannot go on: a shell on the console, instead of a panic. */
#ifndef PIDEISN_EMERGENCY_H
#define PIDEISN_EMERGENCY_H

/* Log why, then run /bin/sh on the console, again each time it ends. */
__attribute__((noreturn)) void emergency_shell(const char *why);

#endif
