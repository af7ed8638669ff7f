# SPDX-License-Identifier: GPL-2.0-or-later
#
# kiln.efi: the Unified Kernel Image (docs/uki.md).  Kiln's kiln-uki
# (support/tools/) adds to systemd-stub (package/systemd-stub/) the
# target's os-release, the command line, the kernel release, SBAT lines,
# the initramfs and the kernel as PE sections; sbsign signs it when asked;
# then esp.img, a FAT file system made with mtools (no root, no loop
# mount) with the UKI as the firmware's default program.  Reproducible:
# kiln-uki writes no time, mkfs.fat --invariant fixes the volume's id and
# dates, and mtools dates what it writes from SOURCE_DATE_EPOCH (FAT
# counts from 1980: an earlier epoch is written as 1980-01-01).

# the options of other families this file reads (declared even when the
# UKI is off: the check of what each file reads looks at all of it)
KILN_FS_SYMBOLS += KILN_ARCH KILN_LINUX_KERNEL_BZIMAGE KILN_LINUX_KERNEL_IMAGE

ifeq ($(KILN_ROOTFS_UKI),y)
KILN_FS_UKI_NAME = $(call qstrip,$(KILN_ROOTFS_UKI_NAME))
KILN_FS_UKI_CMDLINE = $(call qstrip,$(KILN_ROOTFS_UKI_CMDLINE))
KILN_FS_UKI_SBAT = $(call kiln-top-path,$(KILN_ROOTFS_UKI_SBAT))
KILN_FS_UKI_KEY = $(call kiln-top-path,$(KILN_ROOTFS_UKI_SIGN_KEY))
KILN_FS_UKI_CERT = $(call kiln-top-path,$(KILN_ROOTFS_UKI_SIGN_CERT))
KILN_FS_UKI_SIGN = $(filter y,$(KILN_ROOTFS_UKI_SIGN))
# the firmware's default program on removable media, by architecture
KILN_FS_UKI_ESP_FILE = EFI/BOOT/BOOT$(if $(filter aarch64,$(KILN_ARCH)),AA64,X64).EFI

# What cannot make a UKI is reported before building starts, with the option.
KILN_BUILD_ERRORS += $(if $(filter y,$(KILN_ROOTFS_CPIO)),,$(KILN_CONFIG): KILN_ROOTFS_UKI needs the initramfs: turn on KILN_ROOTFS_CPIO (Filesystem images)$(newline))
KILN_BUILD_ERRORS += $(if $(KILN_FS_UKI_CMDLINE),,$(KILN_CONFIG): KILN_ROOTFS_UKI_CMDLINE is empty: give the kernel command line (at least its console$(comma) e.g. console=ttyS0)$(newline))
KILN_BUILD_ERRORS += $(if $(filter y,$(KILN_LINUX_KERNEL_BZIMAGE) $(KILN_LINUX_KERNEL_IMAGE)),,$(KILN_CONFIG): KILN_ROOTFS_UKI needs the kernel as an EFI program: choose KILN_LINUX_KERNEL_IMAGE (Image) as the kernel image format (Image.gz and vmlinux are not PE files)$(newline))
KILN_BUILD_ERRORS += $(if $(KILN_FS_UKI_NAME),,$(KILN_CONFIG): KILN_ROOTFS_UKI_NAME is empty: name the UKI's file (kiln.efi)$(newline))
KILN_BUILD_ERRORS += $(call kiln-missing-files,KILN_ROOTFS_UKI_SBAT,$(KILN_FS_UKI_SBAT))
ifneq ($(KILN_FS_UKI_SIGN),)
KILN_BUILD_ERRORS += $(if $(KILN_FS_UKI_KEY),,$(KILN_CONFIG): KILN_ROOTFS_UKI_SIGN is on but KILN_ROOTFS_UKI_SIGN_KEY is empty: name the signing key$(newline))
KILN_BUILD_ERRORS += $(if $(KILN_FS_UKI_CERT),,$(KILN_CONFIG): KILN_ROOTFS_UKI_SIGN is on but KILN_ROOTFS_UKI_SIGN_CERT is empty: name its certificate$(newline))
KILN_BUILD_ERRORS += $(call kiln-missing-files,KILN_ROOTFS_UKI_SIGN_KEY,$(KILN_FS_UKI_KEY))
KILN_BUILD_ERRORS += $(call kiln-missing-files,KILN_ROOTFS_UKI_SIGN_CERT,$(KILN_FS_UKI_CERT))
endif
# the files the options name are inputs of the images stage; kiln-uki's
# sources are part of its infrastructure
KILN_FS_INFRA_FILES += $(wildcard $(KILN_TOP)/support/tools/kiln-uki*)
KILN_FS_INPUT_FILES += $(KILN_FS_UKI_SBAT) $(if $(KILN_FS_UKI_SIGN),$(KILN_FS_UKI_KEY) $(KILN_FS_UKI_CERT))

define KILN_FS_UKI_CMDS
uki=$(KILN_IMAGES_DIR)/$(KILN_FS_UKI_NAME)
osrel=$(KILN_FS_ROOTFS)/etc/os-release
[ -f "$$osrel" ] && [ ! -L "$$osrel" ] || osrel=$(KILN_FS_ROOTFS)/usr/lib/os-release
$(KILN_UKI) --machine $(KILN_ARCH) --stub $(KILN_STAGING_ROOT)/$(SYSTEMD_STUB_PATH) \
	--linux $(KILN_IMAGES_DIR)/$(LINUX_IMAGE_NAME) --initrd $(KILN_IMAGES_DIR)/$(KILN_FS_CPIO_NAME) \
	--cmdline $(call kiln-sh-quote,$(KILN_FS_UKI_CMDLINE)) $$( [ -f "$$osrel" ] && echo --osrel "$$osrel") \
	$(if $(KILN_FS_UKI_SBAT),--sbat $(KILN_FS_UKI_SBAT)) -o "$$uki"
$(if $(KILN_FS_UKI_SIGN),command -v sbsign >/dev/null || { echo "Kiln: KILN_ROOTFS_UKI_SIGN needs sbsign (Debian package sbsigntool)"; exit 1; }
sbsign --key $(KILN_FS_UKI_KEY) --cert $(KILN_FS_UKI_CERT) --output "$$uki.signed" "$$uki"
mv "$$uki.signed" "$$uki")
$(if $(filter y,$(KILN_ROOTFS_UKI_ESP)),$(KILN_FS_UKI_ESP_CMDS))

endef

# esp.img: the UKI's size and 1 MiB more, in whole MiB; mkfs.fat picks the
# FAT type for that size
define KILN_FS_UKI_ESP_CMDS
command -v mkfs.fat >/dev/null && command -v mcopy >/dev/null || { echo "Kiln: esp.img needs mkfs.fat and mcopy (Debian packages dosfstools and mtools): run support/dependencies/install-debian, or turn KILN_ROOTFS_UKI_ESP off"; exit 1; }
esp=$(KILN_IMAGES_DIR)/esp.img fat_epoch=$$(( $(KILN_EPOCH) < 315532800 ? 315532800 : $(KILN_EPOCH) ))
rm -f "$$esp.tmp"
mkfs.fat --invariant -i 4b494c4e -n KILN-ESP -C "$$esp.tmp" $$(( ($$(stat -c %s "$$uki") / 1048576 + 2) * 1024 )) >/dev/null
TZ=UTC SOURCE_DATE_EPOCH=$$fat_epoch mmd -i "$$esp.tmp" ::/EFI ::/EFI/BOOT
TZ=UTC SOURCE_DATE_EPOCH=$$fat_epoch mcopy -i "$$esp.tmp" "$$uki" ::/$(KILN_FS_UKI_ESP_FILE)
mv "$$esp.tmp" "$$esp"

endef
KILN_FS_IMAGE_CMDS += $(KILN_FS_UKI_CMDS)
KILN_FS_IMAGE_NAMES += $(KILN_FS_UKI_NAME)$(if $(filter y,$(KILN_ROOTFS_UKI_ESP)), esp.img)
endif
