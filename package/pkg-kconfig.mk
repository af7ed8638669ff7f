# SPDX-License-Identifier: GPL-2.0-or-later
#
# kconfig-package: a source tree configured with Kconfig (BusyBox, Linux).
#   <PKG>_KCONFIG_FILE            the base configuration (a .config or a defconfig)
#   <PKG>_KCONFIG_DEFCONFIG       or: the source's own make target that writes
#                                 the base (tinyconfig, defconfig, foo_defconfig)
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
# target then runs, as its build would; should it change a value Kiln's
# merge resolved (a Kconfig environment the recipe did not give), that is a
# warning too.  (An older Kconfig writing 'is not set', "" or 0 for a symbol
# the merge left out, as BusyBox's does, changes no value.)  Goals:
# <pkg>-menuconfig, <pkg>-savedefconfig, <pkg>-update-config,
# <pkg>-update-defconfig.

KILN_INFRA_FILES_kconfig := $(KILN_TOP)/package/pkg-kconfig.mk
KILN_PKG_GOAL_SUFFIXES += menuconfig savedefconfig update-config update-defconfig

kiln-kconfig-base = $(if $($(KILN_PKGVAR)_KCONFIG_DEFCONFIG),$(@D)/.kiln/base.config,$($(KILN_PKGVAR)_KCONFIG_FILE))

define kiln-kconfig-configure
$(if $(kiln-kconfig-base),,echo "Kiln: neither $(KILN_PKGVAR)_KCONFIG_FILE nor $(KILN_PKGVAR)_KCONFIG_DEFCONFIG is set in $($(KILN_PKGVAR)_RECIPE)"; exit 1)
$($(KILN_PKGVAR)_KCONFIG_PREPARE_CMDS)
$(if $($(KILN_PKGVAR)_KCONFIG_DEFCONFIG),$($(KILN_PKGVAR)_MAKE_ENV) $(MAKE) -C $(@D) $($(KILN_PKGVAR)_KCONFIG_OPTS) $($(KILN_PKGVAR)_KCONFIG_DEFCONFIG) >/dev/null
mv $(@D)/.config $(@D)/.kiln/base.config)
cd $(@D) && env srctree=$(@D) $(if $(filter legacy,$($(KILN_PKGVAR)_KCONFIG_DIALECT)),KCONFIG_DIALECT=legacy) \
	$($(KILN_PKGVAR)_KCONFIG_ENV) $(KILN_KCONFIG_TOOL) merge --lost-ok \
	-k $(or $($(KILN_PKGVAR)_KCONFIG_KCONFIG),Kconfig) -o $(@D)/.config \
	$(kiln-kconfig-base) $($(KILN_PKGVAR)_KCONFIG_FRAGMENT_FILES) 2>$(@D)/.kiln/kconfig-merge.log
cat $(@D)/.kiln/kconfig-merge.log
grep 'did not survive:' $(@D)/.kiln/kconfig-merge.log >$(@D)/.kiln/warnings || true
cp $(@D)/.config $(@D)/.kiln/merged.config
yes '' | $($(KILN_PKGVAR)_MAKE_ENV) $(MAKE) -C $(@D) $($(KILN_PKGVAR)_KCONFIG_OPTS) $(or $($(KILN_PKGVAR)_KCONFIG_RESOLVE),olddefconfig) >/dev/null
$(KILN_KCONFIG_TOOL) diff $(@D)/.kiln/merged.config $(@D)/.config | grep -v -E '^[-+][A-Za-z0-9_]+ (n|""|0)$$' \
	>$(@D)/.kiln/resolve.diff || true
sed 's/^ *//; s/^/$(KILN_PKG): its own $(or $($(KILN_PKGVAR)_KCONFIG_RESOLVE),olddefconfig) changed what kconfig merge resolved: /' \
	$(@D)/.kiln/resolve.diff | tee -a $(@D)/.kiln/warnings
endef

define kiln-kconfig-defaults
$(1)_INFRA += kconfig
$(1)_SIGNATURE_FILES += $$($(1)_KCONFIG_FILE) $$($(1)_KCONFIG_FRAGMENT_FILES)
$(1)_PRE_CONFIGURE_HOOKS := kiln-kconfig-configure $$($(1)_PRE_CONFIGURE_HOOKS)
$$(KB)/$$($(1)_NAME)/.stamp_configured: | $$(KILN_KCONFIG_TOOL)
endef

kconfig-package = $(generic-package)$(newline)$(call kiln-kconfig-defaults,$(call kiln-upper,$(kiln-recipe-name)))
host-kconfig-package = $(host-generic-package)$(newline)$(call kiln-kconfig-defaults,HOST_$(call kiln-upper,$(kiln-recipe-name)))

# A configuration made by the source's own defconfig target has no file
# of its own to write back to.
kiln-kconfig-writable = $(if $($(KILN_VAR_$(1))_KCONFIG_DEFCONFIG)$(if $($(KILN_VAR_$(1))_KCONFIG_FILE),,none),@echo \
	"Kiln: $(1)'s configuration is made by its '$(or $($(KILN_VAR_$(1))_KCONFIG_DEFCONFIG),?)' target and fragments: there is no file to write back to; choose a configuration file of your own (make menuconfig)$(comma) or keep your changes as a fragment ('kconfig diff -m' of $(KB)/$(1)/.kiln/merged.config and .config prints one)" >&2; exit 1)

# Goals for kconfig packages named on the command line ($(1): name).
define kiln-kconfig-goals
$(1)-menuconfig: $(KB)/$(1)/.stamp_configured
	$$($(KILN_VAR_$(1))_MAKE_ENV) $$(MAKE) -C $(KB)/$(1) $$($(KILN_VAR_$(1))_KCONFIG_OPTS) menuconfig
	rm -f $(KB)/$(1)/.stamp_built $(KB)/$(1)/.stamp_installed
$(1)-savedefconfig: $(KB)/$(1)/.stamp_configured
	$$($(KILN_VAR_$(1))_MAKE_ENV) $$(MAKE) -C $(KB)/$(1) $$($(KILN_VAR_$(1))_KCONFIG_OPTS) savedefconfig
	@echo "Kiln: wrote $(KB)/$(1)/defconfig"
$(1)-update-config: $(KB)/$(1)/.stamp_configured
	$$(call kiln-kconfig-writable,$(1))
	cp $(KB)/$(1)/.config $$($(KILN_VAR_$(1))_KCONFIG_FILE)
	@echo "Kiln: wrote $$($(KILN_VAR_$(1))_KCONFIG_FILE)"
$(1)-update-defconfig: $(1)-savedefconfig
	$$(call kiln-kconfig-writable,$(1))
	cp $(KB)/$(1)/defconfig $$($(KILN_VAR_$(1))_KCONFIG_FILE)
	@echo "Kiln: wrote $$($(KILN_VAR_$(1))_KCONFIG_FILE)"
endef
