# SPDX-License-Identifier: GPL-2.0-or-later
#
# kconfig-package: a source tree configured with Kconfig (BusyBox, Linux).
#   <PKG>_KCONFIG_FILE            the base configuration (a .config or a defconfig)
#   <PKG>_KCONFIG_FRAGMENT_FILES  fragments applied on top, in order
#   <PKG>_KCONFIG_OPTS            make options for the package's config targets
#   <PKG>_KCONFIG_RESOLVE         the make target that resolves a .config with
#                                 the defaults for what it does not set
#                                 (olddefconfig; oldconfig for older trees,
#                                 answered with empty lines)
# Before its own configure commands, the package's .config is the base plus
# the fragments, resolved by its `make olddefconfig`; every fragment line
# that did not survive is reported as a warning.  Goals: <pkg>-menuconfig,
# <pkg>-savedefconfig, <pkg>-update-config, <pkg>-update-defconfig.

KILN_INFRA_FILES_kconfig := $(KILN_TOP)/package/pkg-kconfig.mk \
	$(KILN_TOP)/support/scripts/kconfig-check-fragments
KILN_PKG_GOAL_SUFFIXES += menuconfig savedefconfig update-config update-defconfig

define kiln-kconfig-configure
$(if $($(KILN_PKGVAR)_KCONFIG_FILE),,echo "Kiln: $(KILN_PKGVAR)_KCONFIG_FILE is not set in $($(KILN_PKGVAR)_RECIPE)"; exit 1)
cat $($(KILN_PKGVAR)_KCONFIG_FILE) $($(KILN_PKGVAR)_KCONFIG_FRAGMENT_FILES) >$(@D)/.config
yes '' | $($(KILN_PKGVAR)_MAKE_ENV) $(MAKE) -C $(@D) $($(KILN_PKGVAR)_KCONFIG_OPTS) $(or $($(KILN_PKGVAR)_KCONFIG_RESOLVE),olddefconfig) >/dev/null
$(KILN_TOP)/support/scripts/kconfig-check-fragments $(@D)/.config $($(KILN_PKGVAR)_KCONFIG_FRAGMENT_FILES) >$(@D)/.kiln/warnings
endef

define kiln-kconfig-defaults
$(1)_INFRA += kconfig
$(1)_SIGNATURE_FILES += $$($(1)_KCONFIG_FILE) $$($(1)_KCONFIG_FRAGMENT_FILES)
$(1)_PRE_CONFIGURE_HOOKS := kiln-kconfig-configure $$($(1)_PRE_CONFIGURE_HOOKS)
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
