# SPDX-License-Identifier: GPL-2.0-or-later
#
# The generic package infrastructure.  A recipe package/<name>/<name>.mk sets
# <NAME>_VERSION, _SITE, _SOURCE, _DEPENDENCIES, _LICENSE, ... and the
# commands of its steps, then ends with $(eval $(generic-package)) or
# $(eval $(host-generic-package)).  docs/adding-packages.md describes every
# variable.
#
# How it works, in order:
#  1. Registration (this file, top): cheap, so that thousands of recipes
#     parse quickly.  Defaults are applied where the values are used.
#  2. package/pkg-resolve.mk picks the enabled packages and their
#     dependencies once every recipe is read.
#  3. support/tools/kiln-sig computes each enabled package's signature from
#     its inputs (package/pkg-signatures.mk writes them down) and rewrites
#     .kiln/signature only when it changed.  (package/pkg-goals.mk and
#     pkg-info.mk add the per-package and information goals.)
#  4. The step rules below: one stamp per step in output/build/<pkg>/, each
#     depending on the previous one and, at the start, on the signature.
#     Dependencies are order-only: what they change reaches us through our
#     signature, which includes theirs.
#  5. support/scripts/kiln-step runs each step's script with its log.

# ---- 1. registration ----------------------------------------------------------

# The recipe being read: taken once per recipe (MAKEFILE_LIST grows with
# every recipe, so looking at its end costs more and more).
kiln-recipe-file = $(kiln-current-recipe)
kiln-recipe-name = $(kiln-current-name)
kiln-start-recipe = $(eval kiln-current-recipe := $(lastword $(MAKEFILE_LIST)))$(eval \
	kiln-current-name := $(notdir $(patsubst %/,%,$(dir $(kiln-current-recipe)))))

# $(call kiln-register,name,VAR,kind,infra,target VAR for host packages)
define kiln-register
KILN_ALL_PACKAGES += $(1)
KILN_VAR_$(1) := $(2)
$(2)_NAME := $(1)
$(2)_KIND := $(3)
$(2)_INFRA := $(4)
$(2)_RECIPE := $(kiln-recipe-file)
$(2)_RECIPE_DIR := $(patsubst %/,%,$(dir $(kiln-recipe-file)))
$(2)_BASENAME := $(kiln-recipe-name)
$(if $(5),$(call kiln-host-inherit,$(2),$(5)))
endef

# A host package takes what it does not set from the target package.
KILN_HOST_INHERITED := VERSION SITE SOURCE SITE_METHOD EXTRA_DOWNLOADS \
	LICENSE LICENSE_FILES STRIP_COMPONENTS DEBIAN_SOURCE DEBIAN_VERSION \
	DL_SUBDIR SUBDIR CONFIG_SYMBOLS
define kiln-host-inherit
$(foreach v,$(KILN_HOST_INHERITED),$(1)_$(v) ?= $$($(2)_$(v))$(newline))
$(1)_DEPENDENCIES ?= $$(filter-out $(1),$$(patsubst host-host-%,host-%,$$(addprefix host-,$$($(2)_DEPENDENCIES))))
endef

generic-package = $(kiln-start-recipe)$(call kiln-register,$(kiln-recipe-name),$(call kiln-upper,$(kiln-recipe-name)),target,generic)
host-generic-package = $(kiln-start-recipe)$(call kiln-register,host-$(kiln-recipe-name),HOST_$(call kiln-upper,$(kiln-recipe-name)),host,generic,$(call kiln-upper,$(kiln-recipe-name)))

# The infrastructure files each kind of recipe depends on (part of the
# signature: changing how packages are built rebuilds them).
KILN_INFRA_FILES_generic := $(KILN_TOP)/package/pkg-generic.mk

# The goals every package has: <pkg>-source, ... (pkg-kconfig.mk adds its own)
KILN_PKG_GOAL_SUFFIXES := source extract patch configure build install rebuild \
	reconfigure reinstall dirclean show-depends show-rdepends show-signature show-info

# The options a package's signature holds are declared (docs/rebuild-tracking.md):
# its own family, what its recipe lists in <PKG>_CONFIG_SYMBOLS, and what
# its infrastructure lists in KILN_INFRA_SYMBOLS_<infra> (this file reads
# none of that kind).  Options read but left out on purpose are listed in
# KILN_UNTRACKED_SYMBOLS: download options do not change what is built
# (every file is checked against its hash).
KILN_UNTRACKED_SYMBOLS := KILN_PRIMARY_SITE KILN_PRIMARY_SITE_ONLY KILN_BACKUP_SITE KILN_DEBIAN_FALLBACK

# ---- values with their defaults -------------------------------------------------
# $(1) is the package's VAR.

kiln-pkg-version = $(or $($(1)_VERSION),none)
kiln-pkg-method = $(or $($(1)_SITE_METHOD),$(if $(findstring ://,$($(1)_SITE)),url,$(if $($(1)_SITE),local,none)))
kiln-pkg-dl-subdir = $(or $($(1)_DL_SUBDIR),$($(1)_BASENAME))
kiln-pkg-hash-file = $($(1)_RECIPE_DIR)/$($(1)_BASENAME).hash
kiln-pkg-srcdir = $(if $($(1)_OVERRIDE_SRCDIR),$($(1)_OVERRIDE_SRCDIR),$(if $(filter local,$(kiln-pkg-method)),$(abspath $(if $(filter /%,$($(1)_SITE)),$($(1)_SITE),$(KILN_TOP)/$($(1)_SITE)))))
kiln-pkg-downloads = $(if $(filter-out local none,$(kiln-pkg-method)),$(if $($(1)_OVERRIDE_SRCDIR),,$($(1)_SOURCE) $($(1)_EXTRA_DOWNLOADS)))
kiln-pkg-install-target = $(if $(filter host,$($(1)_KIND)),NO,$(or $($(1)_INSTALL_TARGET),YES))
kiln-pkg-install-staging = $(if $(filter host,$($(1)_KIND)),NO,$(or $($(1)_INSTALL_STAGING),NO))
kiln-pkg-install-images = $(or $($(1)_INSTALL_IMAGES),NO)

# ---- inside a step: the package is the folder of the stamp being made -----------

KILN_PKG = $(notdir $(@D))
KILN_PKGVAR = $(KILN_VAR_$(KILN_PKG))
# Where this package installs (its own trees) ...
TARGET_DIR = $(KILN_PER_PACKAGE_DIR)/$(KILN_PKG)/target
STAGING_DIR = $(KILN_PER_PACKAGE_DIR)/$(KILN_PKG)/staging
HOST_DIR = $(KILN_PER_PACKAGE_DIR)/$(KILN_PKG)/host
BINARIES_DIR = $(KILN_PER_PACKAGE_DIR)/$(KILN_PKG)/images
# ... and what it builds against: its dependencies' trees, and nothing else.
DEPS_STAGING_DIR = $(KILN_PER_PACKAGE_DIR)/$(KILN_PKG)/deps/staging
DEPS_HOST_DIR = $(KILN_PER_PACKAGE_DIR)/$(KILN_PKG)/deps/host
# the dependency closure kiln-sig wrote for this package
kiln-step-deps = $(file <$(@D)/.kiln/deps)

# ---- the step scripts -----------------------------------------------------------

# $(call kiln-hooks,PRE_BUILD) -> the commands of the package's hooks
kiln-hooks = $(foreach h,$($(KILN_PKGVAR)_$(1)_HOOKS),$(call $(h))$(newline))

# $(call kiln-with-hooks,BUILD,commands)
kiln-with-hooks = $(call kiln-hooks,PRE_$(1))$(newline)$(2)$(newline)$(call kiln-hooks,POST_$(1))

define kiln-step-script
# $(KILN_PKG) $(call kiln-pkg-version,$(KILN_PKGVAR)), step '$(1)', written by Kiln from $($(KILN_PKGVAR)_RECIPE)
cd $(KILN_TOP)
export PATH="$(DEPS_HOST_DIR)/bin:$(DEPS_HOST_DIR)/sbin:$(KILN_HOST_PATH)"
$(KILN_STEP_ENVIRONMENT)
$(2)
endef

# $(call kiln-run-step,step,commands): writes the script, runs it.  A step
# with no command at all (a local package's download, no patches) only
# gets its stamp.
kiln-run-step = $(if $(strip $(2)),$(kiln-run-step-script),touch $@)
kiln-run-step-script = $(file >$(@D)/.kiln/$(1).sh,$(call kiln-step-script,$(1),$(2)))$(KILN_STEP) \
	$(KILN_PKG) '$(call kiln-pkg-version,$(KILN_PKGVAR))' $(1) $(@D)/.kiln/$(1).sh \
	$(KILN_LOG_DIR)/$(KILN_PKG)/$(1).log $@

KILN_HOST_PATH := $(PATH)

# ---- what each step does ------------------------------------------------------------

kiln-debian-option = $(if $(filter y,$(KILN_DEBIAN_FALLBACK)),$(if $(filter NO,$($(1)_DEBIAN_SOURCE)),,--debian $(or $($(1)_DEBIAN_SOURCE),$($(1)_BASENAME))=$(or $($(1)_DEBIAN_VERSION),$($(1)_VERSION))))

# $(call kiln-download-one,VAR,file or URL)
define kiln-download-one
$(KILN_DOWNLOAD) --dl-dir $(KILN_DL_DIR) --pkg $(call kiln-pkg-dl-subdir,$(1)) \
	--file $(notdir $(2)) --hash-file $(call kiln-pkg-hash-file,$(1)) \
	$(if $(KILN_PRIMARY_SITE),--primary $(KILN_PRIMARY_SITE)) \
	$(if $(filter y,$(KILN_PRIMARY_SITE_ONLY)),--no-upstream,--site $(if $(findstring ://,$(2)),$(patsubst %/,%,$(dir $(2))),$($(1)_SITE)) \
	$(if $(KILN_BACKUP_SITE),--backup $(KILN_BACKUP_SITE)) \
	$(if $(filter $(2),$(firstword $($(1)_SOURCE))),$(call kiln-debian-option,$(1)))) >>$(@D)/.kiln/sources
endef

kiln-download-cmds = $(if $(call kiln-pkg-downloads,$(KILN_PKGVAR)),rm -f $(@D)/.kiln/sources$(newline)$(foreach f,$(call kiln-pkg-downloads,$(KILN_PKGVAR)),$(call kiln-download-one,$(KILN_PKGVAR),$(f))$(newline)))

define kiln-extract-cmds
find $(@D) -mindepth 1 -maxdepth 1 ! -name '.stamp_*' ! -name .kiln -exec rm -rf {} +
$(if $(call kiln-pkg-srcdir,$(KILN_PKGVAR)),
cp -a $(call kiln-pkg-srcdir,$(KILN_PKGVAR))/. $(@D)/,
$(if $($(KILN_PKGVAR)_SOURCE),
tar -xf "$$(head -n 1 $(@D)/.kiln/sources)" -C $(@D) --no-same-owner --strip-components=$(or $($(KILN_PKGVAR)_STRIP_COMPONENTS),1)))
endef

# Patches: the recipe folder's *.patch, in name order (skipped for an
# overridden source folder, which is the developer's own).
kiln-patches = $(if $($(KILN_PKGVAR)_OVERRIDE_SRCDIR),,$(sort $(wildcard $($(KILN_PKGVAR)_RECIPE_DIR)/*.patch)))
define kiln-patch-cmds
$(foreach p,$(kiln-patches),patch -d $(@D) -p1 --forward --batch --no-backup-if-mismatch -i $(p) || \
	{ echo "Kiln: $(p) does not apply to $(KILN_PKG) $(call kiln-pkg-version,$(KILN_PKGVAR))"; exit 1; }$(newline))
endef

# The dependency views are made fresh before configuring (and before the
# PRE_CONFIGURE hooks): the staging trees of the target packages and the
# host trees of the host packages this one depends on, directly or not.
define kiln-deps-views
$(KILN_TREE) assemble $(DEPS_STAGING_DIR) $(foreach d,$(kiln-step-deps),$(if $(filter target,$($(KILN_VAR_$(d))_KIND)),$(KILN_PER_PACKAGE_DIR)/$(d)/staging))
$(KILN_TREE) assemble $(DEPS_HOST_DIR) $(foreach d,$(kiln-step-deps),$(if $(filter host,$($(KILN_VAR_$(d))_KIND)),$(KILN_PER_PACKAGE_DIR)/$(d)/host))
endef

# <PKG>_PIDEISN_SERVICES: the package's service files for pideisn
# (docs/pideisn.md), each installed under its own name; only pideisn reads
# them, whatever the init system.
define kiln-install-services
$(if $($(KILN_PKGVAR)_PIDEISN_SERVICES),install -D -m 0644 -t $(TARGET_DIR)/etc/pideisn/services $($(KILN_PKGVAR)_PIDEISN_SERVICES))
endef

# Installing starts from empty trees, so a killed install, or files a new
# version no longer installs, leave nothing behind.
define kiln-install-cmds
rm -rf $(TARGET_DIR) $(STAGING_DIR) $(HOST_DIR) $(BINARIES_DIR)
mkdir -p $(TARGET_DIR) $(STAGING_DIR) $(HOST_DIR) $(BINARIES_DIR)
$(if $(filter host,$($(KILN_PKGVAR)_KIND)),$(call kiln-with-hooks,INSTALL,$($(KILN_PKGVAR)_INSTALL_CMDS)))
$(if $(filter YES,$(call kiln-pkg-install-staging,$(KILN_PKGVAR))),$(call kiln-with-hooks,INSTALL_STAGING,$($(KILN_PKGVAR)_INSTALL_STAGING_CMDS)))
$(if $(filter YES,$(call kiln-pkg-install-target,$(KILN_PKGVAR))),$(call kiln-with-hooks,INSTALL_TARGET,$($(KILN_PKGVAR)_INSTALL_TARGET_CMDS)))
$(if $(filter YES,$(call kiln-pkg-install-target,$(KILN_PKGVAR))),$(kiln-install-services))
$(if $(filter YES,$(call kiln-pkg-install-images,$(KILN_PKGVAR))),$(call kiln-with-hooks,INSTALL_IMAGES,$($(KILN_PKGVAR)_INSTALL_IMAGES_CMDS)))
endef

# ---- 4. the step rules ------------------------------------------------------------

KB := $(KILN_BUILD_DIR)
.SECONDEXPANSION:
# All stamps are kept, even those only reached through these patterns.
.SECONDARY:

$(KB)/%/.kiln/signature: kiln-signatures ;

$(KB)/%/.stamp_downloaded: $(KB)/%/.kiln/signature
	+$(Q)$(call kiln-run-step,download,$(call kiln-with-hooks,DOWNLOAD,$(kiln-download-cmds)))

$(KB)/%/.stamp_extracted: $(KB)/%/.stamp_downloaded
	+$(Q)$(call kiln-run-step,extract,$(call kiln-with-hooks,EXTRACT,$(or $($(KILN_PKGVAR)_EXTRACT_CMDS),$(kiln-extract-cmds))))

$(KB)/%/.stamp_patched: $(KB)/%/.stamp_extracted
	+$(Q)$(call kiln-run-step,patch,$(call kiln-with-hooks,PATCH,$(kiln-patch-cmds)))

$(KB)/%/.stamp_configured: $(KB)/%/.stamp_patched | $$(call kiln-dep-stamps,$$*)
	+$(Q)$(call kiln-run-step,configure,$(kiln-deps-views)$(newline)$(call kiln-with-hooks,CONFIGURE,$($(KILN_PKGVAR)_CONFIGURE_CMDS)))

$(KB)/%/.stamp_built: $(KB)/%/.stamp_configured
	+$(Q)$(call kiln-run-step,build,$(call kiln-with-hooks,BUILD,$($(KILN_PKGVAR)_BUILD_CMDS)))

$(KB)/%/.stamp_installed: $(KB)/%/.stamp_built
	+$(Q)$(call kiln-run-step,install,$(kiln-install-cmds))

kiln-dep-stamps = $(patsubst %,$(KB)/%/.stamp_installed,$(call kiln-deps-of,$(1)))
