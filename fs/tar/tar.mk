# SPDX-License-Identifier: GPL-2.0-or-later
#
# rootfs.tar: the target as a tar archive, reproducible: entries sorted,
# owned by root, every time set to SOURCE_DATE_EPOCH (KILN_FS_EPOCH).

ifeq ($(KILN_ROOTFS_TAR),y)
define KILN_FS_TAR_CMDS
tar -C $(KILN_TARGET_ROOT) --sort=name --owner=0 --group=0 --numeric-owner \
	--mtime=@$(KILN_FS_EPOCH) --format=gnu -cf $(KILN_IMAGES_DIR)/rootfs.tar.tmp .
mv $(KILN_IMAGES_DIR)/rootfs.tar.tmp $(KILN_IMAGES_DIR)/rootfs.tar
echo ">>> images: rootfs.tar"

endef
KILN_FS_IMAGE_CMDS += $(KILN_FS_TAR_CMDS)
endif

# The time written into images: SOURCE_DATE_EPOCH when set, else a fixed one.
KILN_FS_EPOCH := $(or $(SOURCE_DATE_EPOCH),$(KILN_ROOTFS_EPOCH),0)
