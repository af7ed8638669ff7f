# SPDX-License-Identifier: GPL-2.0-or-later
#
# The target: output/target assembled from the enabled packages' own trees,
# then the system options of fs/system/Config.in applied to it, in this
# order: development files removed, overlays, users tables, root's
# password, stripping, post-build scripts; then its size noted for the
# images line.  (The hostname and banner are the skeleton package's files; the
# init and its console are the init package's, BusyBox's today.)  Read by
# fs/fs.mk, which owns the stage: its folder, signature and environment.

# The time packages record and images carry: SOURCE_DATE_EPOCH when set,
# else KILN_ROOTFS_EPOCH.  Every package step gets it too
# (toolchain/toolchain.mk).
KILN_EPOCH := $(or $(SOURCE_DATE_EPOCH),$(KILN_ROOTFS_EPOCH),0)

KILN_SYSTEM_OVERLAYS = $(call kiln-top-path,$(KILN_ROOTFS_OVERLAY))
KILN_SYSTEM_POST_BUILD_SCRIPTS = $(call kiln-top-path,$(KILN_ROOTFS_POST_BUILD_SCRIPT))
KILN_SYSTEM_POST_IMAGE_SCRIPTS = $(call kiln-top-path,$(KILN_ROOTFS_POST_IMAGE_SCRIPT))
KILN_SYSTEM_USERS_TABLES = $(call kiln-top-path,$(KILN_ROOTFS_USERS_TABLES))
# (configurations written before 2026.12 name the default table where it
# was then, fs/device_table.txt)
KILN_SYSTEM_DEVICE_TABLES = $(call kiln-top-path,$(patsubst fs/device_table.txt,fs/system/device_table.txt,$(call \
	qstrip,$(KILN_ROOTFS_DEVICE_TABLES))))
KILN_SYSTEM_TABLE_FILES = $(KILN_SYSTEM_USERS_TABLES) $(KILN_SYSTEM_DEVICE_TABLES)

# Named files and folders must be there (reported when building starts).
KILN_BUILD_ERRORS += $(call kiln-missing-files,KILN_ROOTFS_OVERLAY,$(KILN_SYSTEM_OVERLAYS))$(call \
	kiln-missing-files,KILN_ROOTFS_POST_BUILD_SCRIPT,$(KILN_SYSTEM_POST_BUILD_SCRIPTS))$(call \
	kiln-missing-files,KILN_ROOTFS_POST_IMAGE_SCRIPT,$(KILN_SYSTEM_POST_IMAGE_SCRIPTS))$(call \
	kiln-missing-files,KILN_ROOTFS_USERS_TABLES,$(KILN_SYSTEM_USERS_TABLES))$(call \
	kiln-missing-files,KILN_ROOTFS_DEVICE_TABLES,$(KILN_SYSTEM_DEVICE_TABLES))

# A package whose files give way to others' (BusyBox's applet links).
kiln-system-target-tree = $(if $(filter YES,$($(KILN_VAR_$(1))_TARGET_FILES_YIELD)),weak:)$(KILN_PER_PACKAGE_DIR)/$(1)/target

kiln-system-root-password = $(call qstrip,$(KILN_TARGET_ROOT_PASSWORD))

define KILN_SYSTEM_ROOT_PASSWORD_CMDS
$(if $(kiln-system-root-password),
$(KILN_ROOTFS) password --target $(KILN_TARGET_ROOT) --user root --salt-seed $(KILN_EPOCH) \
	--plain $(call kiln-sh-quote,$(kiln-system-root-password)),
$(KILN_ROOTFS) password --target $(KILN_TARGET_ROOT) --user root --empty
echo "root has no password (KILN_TARGET_ROOT_PASSWORD is empty): anyone at the console is root" \
	>>$(KILN_FS_DIR)/.kiln/warnings)
endef

define KILN_SYSTEM_TARGET_CMDS
$(KILN_TREE) assemble $(KILN_STAGING_ROOT) $(patsubst %,$(KILN_PER_PACKAGE_DIR)/%/staging,$(KILN_TARGET_PACKAGES))
$(KILN_TREE) assemble $(KILN_HOST_ROOT) $(patsubst %,$(KILN_PER_PACKAGE_DIR)/%/host,$(KILN_HOST_PACKAGES))
$(KILN_TREE) assemble --copy $(KILN_TARGET_ROOT) $(foreach p,$(KILN_TARGET_PACKAGES),$(call kiln-system-target-tree,$(p)))
size_before=$$($(KILN_SYSTEM_TARGET_SIZE_SCRIPT) --bytes $(KILN_TARGET_ROOT))
$(if $(filter y,$(KILN_ROOTFS_KEEP_DEVELOPMENT_FILES)),,$(KILN_TOP)/support/scripts/clean-target $(KILN_TARGET_ROOT))
$(foreach d,$(KILN_SYSTEM_OVERLAYS),test -d $(d) || { echo "Kiln: the overlay $(d) (KILN_ROOTFS_OVERLAY) is not a folder"; exit 1; }
cp -dR --preserve=mode,timestamps --remove-destination $(d)/. $(KILN_TARGET_ROOT)/$(newline))
rm -f $(KILN_FS_USERS_PERMS) && touch $(KILN_FS_USERS_PERMS)
$(if $(KILN_SYSTEM_USERS_TABLES),$(KILN_ROOTFS) users --target $(KILN_TARGET_ROOT) \
	--perms-out $(KILN_FS_USERS_PERMS) --salt-seed $(KILN_EPOCH) $(KILN_SYSTEM_USERS_TABLES))
$(if $(filter y,$(KILN_PACKAGE_SKELETON)),$(KILN_SYSTEM_ROOT_PASSWORD_CMDS))
$(if $(filter y,$(KILN_ROOTFS_STRIP)),$(KILN_TOP)/support/scripts/strip-target $(TOOLCHAIN_EXTERNAL_PREFIX)strip $(KILN_TARGET_ROOT))
$(foreach s,$(KILN_SYSTEM_POST_BUILD_SCRIPTS),$(s) $(KILN_TARGET_ROOT) $(call qstrip,$(KILN_ROOTFS_POST_SCRIPT_ARGS))$(newline))
$(KILN_SYSTEM_TARGET_SIZE_SCRIPT) $(KILN_TARGET_ROOT) "$$size_before" >$(KILN_SYSTEM_TARGET_SIZE)
endef
# (the line fs/fs.mk adds to the images line)
KILN_SYSTEM_TARGET_SIZE = $(KILN_FS_DIR)/.kiln/target-size
KILN_SYSTEM_TARGET_SIZE_SCRIPT = $(KILN_TOP)/support/scripts/target-size
# (the scripts the target is made with: inputs of the stage, fs/fs.mk)
KILN_SYSTEM_SCRIPTS = $(addprefix $(KILN_TOP)/support/scripts/,clean-target strip-target target-size)

$(KILN_FS_STAMP_TARGET): $(KILN_FS_STAGE_SIGNATURE) $(patsubst %,$(KB)/%/.stamp_installed,$(KILN_PACKAGES_IN_START_ORDER)) | $(KILN_ROOTFS)
	$(Q)$(call kiln-fs-run,target,finalize,$(KILN_SYSTEM_TARGET_CMDS))
	@echo ">>> target: $(KILN_TARGET_ROOT) ($(words $(KILN_TARGET_PACKAGES)) target package$(if $(filter 1,$(words $(KILN_TARGET_PACKAGES))),,s))"
