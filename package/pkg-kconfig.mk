# SPDX-License-Identifier: GPL-2.0-or-later
#
# kconfig-package: a source tree configured with Kconfig (BusyBox, Linux).
#   <PKG>_KCONFIG_FILE            the base configuration (a .config or a defconfig)
#   <PKG>_KCONFIG_FRAGMENT_FILES  fragments applied on top, in order
#   <PKG>_KCONFIG_KCONFIG         the source's top Kconfig file (default: Kconfig)
#   <PKG>_KCONFIG_DIALECT         legacy for a tree in Linux 4.11's dialect (BusyBox)
#   <PKG>_KCONFIG_ENV             what the source's Kconfig files need in the
#                                 environment (Linux: ARCH, SRCARCH, CC, ...)
#   <PKG>_KCONFIG_PREPARE_CMDS    commands that complete the source's Kconfig
#                                 tree first (BusyBox generates Config.in files)
#   <PKG>_KCONFIG_OPTS            make options for the package's config targets
#   <PKG>_KCONFIG_RESOLVE         the make target that resolves a .config with
#                                 the defaults for what it does not set
#                                 (olddefconfig; oldconfig for older trees,
#                                 answered with empty lines)
# Before its own configure commands, the package's .config is the base with
# the fragments merged in order and resolved by Kiln's 'kconfig merge'
# (support/kconfig), which names every fragment value that did not survive
# and why: these become the step's warnings.  The package's own resolve
# target then runs, as its build would.  Goals: <pkg>-menuconfig,
# <pkg>-savedefconfig, <pkg>-update-config, <pkg>-update-defconfig.

KILN_INFRA_FILES_kconfig := $(KILN_TOP)/package/pkg-kconfig.mk
KILN_PKG_GOAL_SUFFIXES += menuconfig savedefconfig update-config update-defconfig

define kiln-kconfig-configure
$(if $($(KILN_PKGVAR)_KCONFIG_FILE),,echo "Kiln: $(KILN_PKGVAR)_KCONFIG_FILE is not set in $($(KILN_PKGVAR)_RECIPE)"; exit 1)
$($(KILN_PKGVAR)_KCONFIG_PREPARE_CMDS)
cd $(@D) && env srctree=$(@D) $(if $(filter legacy,$($(KILN_PKGVAR)_KCONFIG_DIALECT)),KCONFIG_DIALECT=legacy) \
	$($(KILN_PKGVAR)_KCONFIG_ENV) $(KILN_KCONFIG_TOOL) merge --lost-ok \
	-k $(or $($(KILN_PKGVAR)_KCONFIG_KCONFIG),Kconfig) -o $(@D)/.config \
	$($(KILN_PKGVAR)_KCONFIG_FILE) $($(KILN_PKGVAR)_KCONFIG_FRAGMENT_FILES) 2>$(@D)/.kiln/kconfig-merge.log
cat $(@D)/.kiln/kconfig-merge.log
grep 'did not survive:' $(@D)/.kiln/kconfig-merge.log >$(@D)/.kiln/warnings || true
yes '' | $($(KILN_PKGVAR)_MAKE_ENV) $(MAKE) -C $(@D) $($(KILN_PKGVAR)_KCONFIG_OPTS) $(or $($(KILN_PKGVAR)_KCONFIG_RESOLVE),olddefconfig) >/dev/null
endef

define kiln-kconfig-defaults
$(1)_INFRA += kconfig
$(1)_SIGNATURE_FILES += $$($(1)_KCONFIG_FILE) $$($(1)_KCONFIG_FRAGMENT_FILES)
$(1)_PRE_CONFIGURE_HOOKS := kiln-kconfig-configure $$($(1)_PRE_CONFIGURE_HOOKS)
$$(KB)/$$($(1)_NAME)/.stamp_configured: | $$(KILN_KCONFIG_TOOL)
endef

kconfig-package = $(generic-package)$(newline)$(call kiln-kconfig-defaults,$(call kiln-upper,$(kiln-recipe-name)))
host-kconfig-package = $(host-generic-package)$(newline)$(call kiln-kconfig-defaults,HOST_$(call kiln-upper,$(kiln-recipe-name)))

# Goals for kconfig packages named on the command line ($(1): name).
define kiln-kconfig-goals
$(1)-menuconfig: $(KB)/$(1)/.stamp_configured
	$$($(KILN_VAR_$(1))_MAKE_ENV) $$(MAKE) -C $(KB)/$(1) $$($(KILN_VAR_$(1))_KCONFIG_OPTS) menuconfig
	rm -f $(KB)/$(1)/.stamp_built $(KB)/$(1)/.stamp_installed
$(1)-savedefconfig: $(KB)/$(1)/.stamp_configured
	$$($(KILN_VAR_$(1))_MAKE_ENV) $$(MAKE) -C $(KB)/$(1) $$($(KILN_VAR_$(1))_KCONFIG_OPTS) savedefconfig
	@echo "Kiln: wrote $(KB)/$(1)/defconfig"
$(1)-update-config: $(KB)/$(1)/.stamp_configured
	cp $(KB)/$(1)/.config $$($(KILN_VAR_$(1))_KCONFIG_FILE)
	@echo "Kiln: wrote $$($(KILN_VAR_$(1))_KCONFIG_FILE)"
$(1)-update-defconfig: $(1)-savedefconfig
	cp $(KB)/$(1)/defconfig $$($(KILN_VAR_$(1))_KCONFIG_FILE)
	@echo "Kiln: wrote $$($(KILN_VAR_$(1))_KCONFIG_FILE)"
endef
