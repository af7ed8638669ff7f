# SPDX-License-Identifier: GPL-2.0-or-later
#
# rootfs.cpio.gz (or .zst, .xz, none): the initramfs.  A newc archive of
# the target, entries sorted, with fs/cpio/init as /init unless the
# target has its own (pideisn's link, which it then keeps); GNU cpio's
# --reproducible zeroes the inode and device numbers, and the compressors
# are told to store no name or time.

ifeq ($(KILN_ROOTFS_CPIO),y)
KILN_FS_CPIO_NAME = rootfs.cpio$(if $(filter y,$(KILN_ROOTFS_CPIO_GZIP)),.gz)$(if \
	$(filter y,$(KILN_ROOTFS_CPIO_ZSTD)),.zst)$(if $(filter y,$(KILN_ROOTFS_CPIO_XZ)),.xz)
KILN_FS_CPIO_COMPRESS = $(if $(filter y,$(KILN_ROOTFS_CPIO_GZIP)),gzip -9 -n)$(if \
	$(filter y,$(KILN_ROOTFS_CPIO_ZSTD)),zstd -q -19 -T1)$(if \
	$(filter y,$(KILN_ROOTFS_CPIO_XZ)),xz -9 --check=crc32 -T1)$(if $(filter y,$(KILN_ROOTFS_CPIO_NONE)),cat)

define KILN_FS_CPIO_CMDS
[ -e $(KILN_FS_ROOTFS)/init ] || [ -L $(KILN_FS_ROOTFS)/init ] || { \
	install -m 0755 $(KILN_TOP)/fs/cpio/init $(KILN_FS_ROOTFS)/init && \
	touch -h -d @$(KILN_EPOCH) $(KILN_FS_ROOTFS)/init; }
cd $(KILN_FS_ROOTFS) && find . -mindepth 1 | LC_ALL=C sort | \
	cpio --quiet -o -H newc --reproducible | $(KILN_FS_CPIO_COMPRESS) >$(KILN_IMAGES_DIR)/$(KILN_FS_CPIO_NAME).tmp
mv $(KILN_IMAGES_DIR)/$(KILN_FS_CPIO_NAME).tmp $(KILN_IMAGES_DIR)/$(KILN_FS_CPIO_NAME)
! cmp -s $(KILN_TOP)/fs/cpio/init $(KILN_FS_ROOTFS)/init || rm $(KILN_FS_ROOTFS)/init

endef
KILN_FS_IMAGE_CMDS += $(KILN_FS_CPIO_CMDS)
KILN_FS_IMAGE_NAMES += $(KILN_FS_CPIO_NAME)
endif
