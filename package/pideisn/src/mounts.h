/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The file systems every boot needs, and the device nodes behind them. */
#ifndef PIDEISN_MOUNTS_H
#define PIDEISN_MOUNTS_H

#include <stddef.h>

/*
 * Mount /dev (devtmpfs) first, so that the console can be opened; the
 * messages of this step go to the kernel's log only.
 */
void mount_dev(void);
/* The others: /proc, /sys, /dev/pts, /dev/shm, /run, /tmp, cgroup2. */
void mount_early(void);
/* /proc/filesystems' text ("nodev\tproc\n\text4\n..."): 0, or -1 */
#define PROC_FILESYSTEMS_MAX 2048
int proc_filesystems(char *text, size_t size);
/* Whether something is mounted on path (its device differs from its parent's). */
int is_mount_point(const char *path);

#endif
