# SPDX-License-Identifier: GPL-2.0-or-later
#
# rootfs.tar: the target as a tar archive, reproducible: entries sorted,
# owners and modes from the tables, every time set to the epoch.

ifeq ($(KILN_ROOTFS_TAR),y)
define KILN_FS_TAR_CMDS
tar -C $(KILN_FS_ROOTFS) --sort=name --numeric-owner --mtime=@$(KILN_EPOCH) \
	--format=gnu -cf $(KILN_IMAGES_DIR)/rootfs.tar.tmp .
mv $(KILN_IMAGES_DIR)/rootfs.tar.tmp $(KILN_IMAGES_DIR)/rootfs.tar

endef
KILN_FS_IMAGE_CMDS += $(KILN_FS_TAR_CMDS)
KILN_FS_IMAGE_NAMES += rootfs.tar
endif
