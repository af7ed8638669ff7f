# SPDX-License-Identifier: GPL-2.0-or-later
#
# The target and the images, once every enabled package is installed, in
# two steps of one stage:
#   target   fs/system/system.mk: output/staging and output/host (the
#            unions of the packages' trees), and output/target, the root
#            filesystem: the union of the target packages' own trees, then
#            the system options applied (overlays, users tables, root
#            password, stripping, post-build scripts)
#   images   below: what packages install as images (the kernel), then the
#            filesystem images of fs/<type>/, made under fakeroot from a
#            copy of the target with the device tables and the users'
#            homes applied, then what the post-image scripts write (the
#            board's start-qemu.sh)
# Both steps depend on the "images" stage signature: the enabled packages'
# signatures, the KILN_TARGET_/KILN_ROOTFS_/KILN_FS_ options and the files
# of fs/.  A removed package is simply absent from the next union.

KILN_FS_DIR := $(KILN_BUILD_DIR)/kiln-rootfs
KILN_FS_STAMP_TARGET := $(KILN_FS_DIR)/.stamp_target
KILN_FS_STAMP_IMAGES := $(KILN_FS_DIR)/.stamp_images
KILN_FS_STAGE_SIGNATURE := $(KILN_STATE_DIR)/stage-images.signature
# the copy of the target the images are made from, and its fakeroot state
KILN_FS_ROOTFS := $(KILN_FS_DIR)/rootfs
KILN_FS_FAKEROOT_STATE := $(KILN_FS_DIR)/fakeroot.state
KILN_FS_USERS_PERMS := $(KILN_FS_DIR)/users.perms

KILN_TARGET_PACKAGES = $(filter-out host-%,$(KILN_PACKAGES))
KILN_HOST_PACKAGES = $(filter host-%,$(KILN_PACKAGES))

# what boards' post-image scripts use to write start-qemu.sh
KILN_FS_QEMU_SCRIPTS = $(KILN_TOP)/support/scripts/write-start-qemu $(KILN_TOP)/support/scripts/start-qemu.in

define KILN_MANIFEST_STAGES
stage images
members $(KILN_PACKAGES)
infra $(wildcard $(KILN_TOP)/fs/*.mk $(KILN_TOP)/fs/*/*) $(KILN_FS_QEMU_SCRIPTS) $(KILN_SYSTEM_SCRIPTS) $(KILN_FS_INFRA_FILES)
input $(KILN_SYSTEM_TABLE_FILES) $(KILN_SYSTEM_POST_BUILD_SCRIPTS) $(KILN_SYSTEM_POST_IMAGE_SCRIPTS) $(KILN_FS_INPUT_FILES)
source-tree $(KILN_SYSTEM_OVERLAYS)
symbols KILN_PACKAGE_SKELETON $(KILN_FS_SYMBOLS)
symbol-prefixes KILN_TARGET_ KILN_ROOTFS_ KILN_FS_
untracked $(KILN_UNTRACKED_SYMBOLS)
end
endef

$(KILN_FS_STAGE_SIGNATURE): kiln-signatures ;

# the environment of post-build scripts and image commands
define KILN_FS_ENVIRONMENT
export TARGET_DIR=$(KILN_TARGET_ROOT) BINARIES_DIR=$(KILN_IMAGES_DIR) HOST_DIR=$(KILN_HOST_ROOT)
export STAGING_DIR=$(KILN_STAGING_ROOT) BUILD_DIR=$(KILN_BUILD_DIR) KILN_CONFIG=$(KILN_CONFIG) KILN_TOP=$(KILN_TOP)
export SOURCE_DATE_EPOCH=$(KILN_EPOCH)
endef

# $(call kiln-fs-run,name,step,commands): one line of output, a log, the stamp
kiln-fs-run = $(file >$(KILN_FS_DIR)/.kiln/$(1).sh,cd $(KILN_TOP)$(newline)$(KILN_FS_ENVIRONMENT)$(newline)$(3))$(KILN_STEP) \
	$(1) - $(2) $(KILN_FS_DIR)/.kiln/$(1).sh $(KILN_LOG_DIR)/$(1).log $@
$(if $(wildcard $(KILN_FS_DIR)/.kiln/.),,$(shell mkdir -p $(KILN_FS_DIR)/.kiln))

# ---- output/target ----------------------------------------------------------------

include $(KILN_TOP)/fs/system/system.mk

# ---- output/images ---------------------------------------------------------------
# Image types add their commands to KILN_FS_IMAGE_CMDS; they run under
# fakeroot in $(KILN_FS_ROOTFS) (the target with the tables applied, every
# time set to the epoch) and write into $(KILN_IMAGES_DIR).
KILN_FS_IMAGE_CMDS =
KILN_FS_INPUT_FILES =
# options of other families an image type reads
KILN_FS_SYMBOLS =
# the programs of Kiln's own that image types run, when their sources change
KILN_FS_INFRA_FILES =
include $(filter-out $(KILN_TOP)/fs/system/%,$(sort $(wildcard $(KILN_TOP)/fs/*/*.mk)))

define KILN_FS_IMAGES_CMDS
$(KILN_TREE) assemble $(KILN_IMAGES_DIR) $(patsubst %,$(KILN_PER_PACKAGE_DIR)/%/images,$(KILN_PACKAGES))
$(KILN_TREE) assemble --copy $(KILN_FS_ROOTFS) $(KILN_TARGET_ROOT)
rm -f $(KILN_FS_FAKEROOT_STATE)
fakeroot -s $(KILN_FS_FAKEROOT_STATE) -- bash -e -x $(KILN_FS_DIR)/.kiln/fakeroot.sh
$(foreach s,$(KILN_SYSTEM_POST_IMAGE_SCRIPTS),$(s) $(KILN_IMAGES_DIR) $(call qstrip,$(KILN_ROOTFS_POST_SCRIPT_ARGS))$(newline))
endef

define KILN_FS_FAKEROOT_CMDS
cd $(KILN_TOP)
$(KILN_FS_ENVIRONMENT)
export ROOTFS=$(KILN_FS_ROOTFS)
chown -R -h 0:0 $(KILN_FS_ROOTFS)
$(KILN_ROOTFS) devices --target $(KILN_FS_ROOTFS) $(KILN_SYSTEM_DEVICE_TABLES) $(KILN_FS_USERS_PERMS)
find $(KILN_FS_ROOTFS) -exec touch -h -d @$(KILN_EPOCH) {} +
$(KILN_FS_IMAGE_CMDS)
endef

$(KILN_FS_STAMP_IMAGES): $(KILN_FS_STAMP_TARGET)
	$(file >$(KILN_FS_DIR)/.kiln/fakeroot.sh,$(KILN_FS_FAKEROOT_CMDS))
	$(Q)$(call kiln-fs-run,images,make,$(KILN_FS_IMAGES_CMDS))
	@echo ">>> images: $(KILN_IMAGES_DIR) ($(strip $(KILN_FS_IMAGE_NAMES))$$(sed 's/^/; /' $(KILN_SYSTEM_TARGET_SIZE) 2>/dev/null))"

.PHONY: all target-finalize images
all: $(KILN_FS_STAMP_IMAGES)
target-finalize: $(KILN_FS_STAMP_TARGET)
images: $(KILN_FS_STAMP_IMAGES)
