# SPDX-License-Identifier: GPL-2.0-or-later
#
# The target and the images.  Once every enabled package is installed:
#   output/target    the root filesystem: the union of the target packages'
#                    own trees, with hard links (kiln-tree)
#   output/staging   the same for their staging trees (headers, libraries)
#   output/host      the host packages' trees (host tools)
#   output/images    what packages install as images, then the filesystem
#                    images made from output/target
# Both steps depend on the "images" stage signature: the enabled packages'
# signatures, the KILN_TARGET_/KILN_ROOTFS_/KILN_FS_ options and the files
# of fs/.  A removed package is simply absent from the next union.

KILN_FS_STAMP_TARGET := $(KILN_STATE_DIR)/.stamp_target
KILN_FS_STAMP_IMAGES := $(KILN_STATE_DIR)/.stamp_images
KILN_FS_STAGE_SIGNATURE := $(KILN_STATE_DIR)/stage-images.signature

KILN_TARGET_PACKAGES = $(filter-out host-%,$(KILN_PACKAGES))
KILN_HOST_PACKAGES = $(filter host-%,$(KILN_PACKAGES))

define KILN_MANIFEST_STAGES
stage images
members $(KILN_PACKAGES)
infra $(wildcard $(KILN_TOP)/fs/*.mk $(KILN_TOP)/fs/*/*.mk)
symbol-prefixes KILN_TARGET_ KILN_ROOTFS_ KILN_FS_
end
endef

$(KILN_FS_STAGE_SIGNATURE): kiln-signatures ;

$(KILN_FS_STAMP_TARGET): $(KILN_FS_STAGE_SIGNATURE) $(patsubst %,$(KB)/%/.stamp_installed,$(KILN_PACKAGES))
	$(Q)$(KILN_TREE) assemble $(KILN_TARGET_ROOT) $(patsubst %,$(KILN_PER_PACKAGE_DIR)/%/target,$(KILN_TARGET_PACKAGES))
	$(Q)$(KILN_TREE) assemble $(KILN_STAGING_ROOT) $(patsubst %,$(KILN_PER_PACKAGE_DIR)/%/staging,$(KILN_TARGET_PACKAGES))
	$(Q)$(KILN_TREE) assemble $(KILN_HOST_ROOT) $(patsubst %,$(KILN_PER_PACKAGE_DIR)/%/host,$(KILN_HOST_PACKAGES))
	$(Q)touch $@
	@echo ">>> target: $(KILN_TARGET_ROOT) ($(words $(KILN_TARGET_PACKAGES)) target package$(if $(filter 1,$(words $(KILN_TARGET_PACKAGES))),,s))"

# Image types add their stamp to KILN_FS_IMAGES and their commands to
# KILN_FS_IMAGE_CMDS; they write into $(KILN_IMAGES_DIR).
KILN_FS_IMAGE_CMDS =
include $(sort $(wildcard $(KILN_TOP)/fs/*/*.mk))

$(KILN_FS_STAMP_IMAGES): $(KILN_FS_STAMP_TARGET)
	$(Q)$(KILN_TREE) assemble $(KILN_IMAGES_DIR) $(patsubst %,$(KILN_PER_PACKAGE_DIR)/%/images,$(KILN_PACKAGES))
	$(file >$(KILN_STATE_DIR)/images.sh,set -e$(newline)$(KILN_FS_IMAGE_CMDS))
	$(Q)sh $(KILN_STATE_DIR)/images.sh
	$(Q)touch $@

.PHONY: all target-finalize images
all: $(KILN_FS_STAMP_IMAGES)
target-finalize: $(KILN_FS_STAMP_TARGET)
images: $(KILN_FS_STAMP_IMAGES)
