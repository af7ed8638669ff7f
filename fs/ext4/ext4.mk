# SPDX-License-Identifier: GPL-2.0-or-later
#
# rootfs.img: an ext4 filesystem filled from the target by 'mke2fs -d'
# (no loop mount, no root).  Reproducible: a fixed UUID and directory hash
# seed, and every time set to the epoch: the superblock's through
# E2FSPROGS_FAKE_TIME (which e2fsprogs ignores when 0: 1 then), the files'
# modification times are already, and fs/ext4/ext4-set-times.sh sets the
# others mke2fs copies from the files (change and access times).

ifeq ($(KILN_ROOTFS_EXT4),y)
KILN_FS_EXT4_LABEL = $(call qstrip,$(KILN_ROOTFS_EXT4_LABEL))
# a UUID from the label and the epoch unless one is set
KILN_FS_EXT4_UUID = $(or $(call qstrip,$(KILN_ROOTFS_EXT4_UUID)),$$(printf '%s' \
	'kiln-ext4 $(KILN_FS_EXT4_LABEL) $(KILN_EPOCH)' | sha256sum | \
	sed -E 's/^(.{8})(.{4}).(.{3}).(.{3})(.{12}).*/\1-\2-4\3-8\4-\5/'))

define KILN_FS_EXT4_CMDS
uuid=$(KILN_FS_EXT4_UUID)
rm -f $(KILN_IMAGES_DIR)/rootfs.img.tmp
E2FSPROGS_FAKE_TIME=$(if $(filter 0,$(KILN_EPOCH)),1,$(KILN_EPOCH)) mke2fs -q -F -t ext4 -d $(KILN_FS_ROOTFS) \
	-L $(call kiln-sh-quote,$(KILN_FS_EXT4_LABEL)) -U $$uuid -E hash_seed=$$uuid,root_owner=0:0 \
	-T default -m 0 $(KILN_IMAGES_DIR)/rootfs.img.tmp $(call qstrip,$(KILN_ROOTFS_EXT4_SIZE)) || \
	{ echo "Kiln: mke2fs failed: does the target ($$(du -sh $(KILN_FS_ROOTFS) | cut -f1)) fit in KILN_ROOTFS_EXT4_SIZE=$(call qstrip,$(KILN_ROOTFS_EXT4_SIZE))?"; exit 1; }
$(KILN_TOP)/fs/ext4/ext4-set-times.sh $(KILN_IMAGES_DIR)/rootfs.img.tmp $(KILN_FS_ROOTFS) $(KILN_EPOCH)
mv $(KILN_IMAGES_DIR)/rootfs.img.tmp $(KILN_IMAGES_DIR)/rootfs.img

endef
KILN_FS_IMAGE_CMDS += $(KILN_FS_EXT4_CMDS)
KILN_FS_IMAGE_NAMES += rootfs.img
endif
