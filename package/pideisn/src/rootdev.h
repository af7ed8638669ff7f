/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Finding the root device of root=: a path, or the block device whose
 * ext2/3/4 file system has that label or UUID, or the GPT partition of
 * that name (PARTLABEL=, as the kernel reports it in uevent).
 */
#ifndef PIDEISN_ROOTDEV_H
#define PIDEISN_ROOTDEV_H

#include <stddef.h>

#include "cmdline.h"

/*
 * Look once: 1 with the device's path in path, 0 when it is not there
 * (yet), -1 when this kind of root= cannot be looked up (why in path).
 */
int rootdev_find(enum cmdline_root kind, const char *value, char *path, size_t size);

/* The label and UUID ("8-4-4-4-12", lower case) of an ext2/3/4 superblock
 * (the 1024 bytes at offset 1024); -1 when it is not one. */
int ext_identity(const unsigned char *sb, char label[17], char uuid[37]);

#endif
