# SPDX-License-Identifier: GPL-2.0-or-later
#
# The target and the images.  Once every enabled package is installed:
#   output/staging   the union of the target packages' staging trees and
#   output/host      of the host packages' trees (hard links, kiln-tree)
#   output/target    the root filesystem: a copy of the union of the target
#                    packages' own trees, then finalized: overlays, users
#                    tables, root password, stripping, post-build scripts
#   output/images    what packages install as images (the kernel), then the
#                    filesystem images, made under fakeroot from a copy of
#                    the target with the device tables and the users' homes
#                    applied, then what the post-image scripts write
#                    (the board's start-qemu.sh)
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

define KILN_MANIFEST_STAGES
stage images
members $(KILN_PACKAGES)
infra $(wildcard $(KILN_TOP)/fs/*.mk $(KILN_TOP)/fs/*.txt $(KILN_TOP)/fs/*/*) $(KILN_FS_QEMU_SCRIPTS)
input $(KILN_FS_TABLE_FILES) $(KILN_FS_POST_BUILD_SCRIPTS) $(KILN_FS_POST_IMAGE_SCRIPTS)
source-tree $(KILN_FS_OVERLAYS)
symbol-prefixes KILN_TARGET_ KILN_ROOTFS_ KILN_FS_
end
endef

# The time written into images (toolchain/toolchain.mk).
KILN_FS_EPOCH := $(KILN_SOURCE_DATE_EPOCH)

KILN_FS_OVERLAYS = $(call kiln-top-path,$(KILN_ROOTFS_OVERLAY))
KILN_FS_POST_BUILD_SCRIPTS = $(call kiln-top-path,$(KILN_ROOTFS_POST_BUILD_SCRIPT))
KILN_FS_POST_IMAGE_SCRIPTS = $(call kiln-top-path,$(KILN_ROOTFS_POST_IMAGE_SCRIPT))
# what boards' post-image scripts use to write start-qemu.sh
KILN_FS_QEMU_SCRIPTS = $(KILN_TOP)/support/scripts/write-start-qemu $(KILN_TOP)/support/scripts/start-qemu.in
KILN_FS_USERS_TABLES = $(call kiln-top-path,$(KILN_ROOTFS_USERS_TABLES))
KILN_FS_DEVICE_TABLES = $(call kiln-top-path,$(KILN_ROOTFS_DEVICE_TABLES))
KILN_FS_TABLE_FILES = $(KILN_FS_USERS_TABLES) $(KILN_FS_DEVICE_TABLES)

# Named files and folders must be there (reported when building starts).
KILN_BUILD_ERRORS += $(call kiln-missing-files,KILN_ROOTFS_OVERLAY,$(KILN_FS_OVERLAYS))$(call \
	kiln-missing-files,KILN_ROOTFS_POST_BUILD_SCRIPT,$(KILN_FS_POST_BUILD_SCRIPTS))$(call \
	kiln-missing-files,KILN_ROOTFS_POST_IMAGE_SCRIPT,$(KILN_FS_POST_IMAGE_SCRIPTS))$(call \
	kiln-missing-files,KILN_ROOTFS_USERS_TABLES,$(KILN_FS_USERS_TABLES))$(call \
	kiln-missing-files,KILN_ROOTFS_DEVICE_TABLES,$(KILN_FS_DEVICE_TABLES))

# A package whose files give way to others' (BusyBox's applet links).
kiln-fs-target-tree = $(if $(filter YES,$($(KILN_VAR_$(1))_TARGET_FILES_YIELD)),weak:)$(KILN_PER_PACKAGE_DIR)/$(1)/target

$(KILN_FS_STAGE_SIGNATURE): kiln-signatures ;

# ---- output/target --------------------------------------------------------------

kiln-fs-root-password = $(call qstrip,$(KILN_TARGET_ROOT_PASSWORD))

define KILN_FS_TARGET_CMDS
$(KILN_TREE) assemble $(KILN_STAGING_ROOT) $(patsubst %,$(KILN_PER_PACKAGE_DIR)/%/staging,$(KILN_TARGET_PACKAGES))
$(KILN_TREE) assemble $(KILN_HOST_ROOT) $(patsubst %,$(KILN_PER_PACKAGE_DIR)/%/host,$(KILN_HOST_PACKAGES))
$(KILN_TREE) assemble --copy $(KILN_TARGET_ROOT) $(foreach p,$(KILN_TARGET_PACKAGES),$(call kiln-fs-target-tree,$(p)))
$(foreach d,$(KILN_FS_OVERLAYS),test -d $(d) || { echo "Kiln: the overlay $(d) (KILN_ROOTFS_OVERLAY) is not a folder"; exit 1; }
cp -dR --preserve=mode,timestamps --remove-destination $(d)/. $(KILN_TARGET_ROOT)/$(newline))
rm -f $(KILN_FS_USERS_PERMS) && touch $(KILN_FS_USERS_PERMS)
$(if $(KILN_FS_USERS_TABLES),$(KILN_ROOTFS) users --target $(KILN_TARGET_ROOT) \
	--perms-out $(KILN_FS_USERS_PERMS) --salt-seed $(KILN_FS_EPOCH) $(KILN_FS_USERS_TABLES))
$(if $(filter y,$(KILN_PACKAGE_SKELETON)),$(if $(kiln-fs-root-password),
$(KILN_ROOTFS) password --target $(KILN_TARGET_ROOT) --user root --salt-seed $(KILN_FS_EPOCH) \
	--plain $(call kiln-sh-quote,$(kiln-fs-root-password)),
$(KILN_ROOTFS) password --target $(KILN_TARGET_ROOT) --user root --empty
echo "root has no password (KILN_TARGET_ROOT_PASSWORD is empty): anyone at the console is root" >>$(KILN_FS_DIR)/.kiln/warnings))
$(if $(filter y,$(KILN_ROOTFS_STRIP)),$(KILN_TOP)/support/scripts/strip-target $(TOOLCHAIN_EXTERNAL_PREFIX)strip $(KILN_TARGET_ROOT))
$(foreach s,$(KILN_FS_POST_BUILD_SCRIPTS),$(s) $(KILN_TARGET_ROOT) $(call qstrip,$(KILN_ROOTFS_POST_SCRIPT_ARGS))$(newline))
endef

# the environment of post-build scripts and image commands
define KILN_FS_ENVIRONMENT
export TARGET_DIR=$(KILN_TARGET_ROOT) BINARIES_DIR=$(KILN_IMAGES_DIR) HOST_DIR=$(KILN_HOST_ROOT)
export STAGING_DIR=$(KILN_STAGING_ROOT) BUILD_DIR=$(KILN_BUILD_DIR) KILN_CONFIG=$(KILN_CONFIG) KILN_TOP=$(KILN_TOP)
export SOURCE_DATE_EPOCH=$(KILN_FS_EPOCH)
endef

# $(call kiln-fs-run,name,step,commands): one line of output, a log, the stamp
kiln-fs-run = $(file >$(KILN_FS_DIR)/.kiln/$(1).sh,cd $(KILN_TOP)$(newline)$(KILN_FS_ENVIRONMENT)$(newline)$(3))$(KILN_STEP) \
	$(1) - $(2) $(KILN_FS_DIR)/.kiln/$(1).sh $(KILN_LOG_DIR)/$(1).log $@
$(if $(wildcard $(KILN_FS_DIR)/.kiln/.),,$(shell mkdir -p $(KILN_FS_DIR)/.kiln))

$(KILN_FS_STAMP_TARGET): $(KILN_FS_STAGE_SIGNATURE) $(patsubst %,$(KB)/%/.stamp_installed,$(KILN_PACKAGES_IN_START_ORDER)) | $(KILN_ROOTFS)
	$(Q)$(call kiln-fs-run,target,finalize,$(KILN_FS_TARGET_CMDS))
	@echo ">>> target: $(KILN_TARGET_ROOT) ($(words $(KILN_TARGET_PACKAGES)) target package$(if $(filter 1,$(words $(KILN_TARGET_PACKAGES))),,s))"

# ---- output/images ---------------------------------------------------------------
# Image types add their commands to KILN_FS_IMAGE_CMDS; they run under
# fakeroot in $(KILN_FS_ROOTFS) (the target with the tables applied, every
# time set to the epoch) and write into $(KILN_IMAGES_DIR).
KILN_FS_IMAGE_CMDS =
include $(sort $(wildcard $(KILN_TOP)/fs/*/*.mk))

define KILN_FS_IMAGES_CMDS
$(KILN_TREE) assemble $(KILN_IMAGES_DIR) $(patsubst %,$(KILN_PER_PACKAGE_DIR)/%/images,$(KILN_PACKAGES))
$(KILN_TREE) assemble --copy $(KILN_FS_ROOTFS) $(KILN_TARGET_ROOT)
rm -f $(KILN_FS_FAKEROOT_STATE)
fakeroot -s $(KILN_FS_FAKEROOT_STATE) -- bash -e -x $(KILN_FS_DIR)/.kiln/fakeroot.sh
$(foreach s,$(KILN_FS_POST_IMAGE_SCRIPTS),$(s) $(KILN_IMAGES_DIR) $(call qstrip,$(KILN_ROOTFS_POST_SCRIPT_ARGS))$(newline))
endef

define KILN_FS_FAKEROOT_CMDS
cd $(KILN_TOP)
$(KILN_FS_ENVIRONMENT)
export ROOTFS=$(KILN_FS_ROOTFS)
chown -R -h 0:0 $(KILN_FS_ROOTFS)
$(KILN_ROOTFS) devices --target $(KILN_FS_ROOTFS) $(KILN_FS_DEVICE_TABLES) $(KILN_FS_USERS_PERMS)
find $(KILN_FS_ROOTFS) -exec touch -h -d @$(KILN_FS_EPOCH) {} +
$(KILN_FS_IMAGE_CMDS)
endef

$(KILN_FS_STAMP_IMAGES): $(KILN_FS_STAMP_TARGET)
	$(file >$(KILN_FS_DIR)/.kiln/fakeroot.sh,$(KILN_FS_FAKEROOT_CMDS))
	$(Q)$(call kiln-fs-run,images,make,$(KILN_FS_IMAGES_CMDS))
	@echo ">>> images: $(KILN_IMAGES_DIR) ($(strip $(KILN_FS_IMAGE_NAMES)))"

.PHONY: all target-finalize images
all: $(KILN_FS_STAMP_IMAGES)
target-finalize: $(KILN_FS_STAMP_TARGET)
images: $(KILN_FS_STAMP_IMAGES)
