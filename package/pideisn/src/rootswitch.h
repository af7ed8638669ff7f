/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Switching from the initramfs to the root file system of root=.
 */
#ifndef PIDEISN_ROOTSWITCH_H
#define PIDEISN_ROOTSWITCH_H

#include "cmdline.h"

/*
 * With root= and / on the initramfs: wait for the device (rootwait=N, or
 * ROOT_WAIT_DEFAULT seconds), mount it, free the initramfs, move /dev,
 * /proc, /sys and /run over and exec the new root's init, which does not
 * return.  Returns 0 when there is nothing to switch to, -1 (logged, with
 * what to do) when the switch failed.
 */
int root_switch(const struct cmdline *cl);

#define ROOT_WAIT_DEFAULT 10

#endif
