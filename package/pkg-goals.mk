# SPDX-License-Identifier: GPL-2.0-or-later
#
# The per-package goals (<pkg>, <pkg>-build, <pkg>-rebuild, ...;
# KILN_PKG_GOAL_SUFFIXES lists them) and `make source`.  Rules are made
# only for the packages named on the command line: thousands of recipes
# cost nothing here.  (The information goals are in pkg-info.mk.)

kiln-goal-package-of = $(foreach s,$(KILN_PKG_GOAL_SUFFIXES),$(filter \
	$(patsubst %-$(s),%,$(filter %-$(s),$(1))),$(KILN_ALL_PACKAGES)))
kiln-goal-package = $(firstword $(filter $(1),$(KILN_ALL_PACKAGES)) $(kiln-goal-package-of))
KILN_GOAL_PACKAGES := $(sort $(foreach g,$(MAKECMDGOALS),$(call kiln-goal-package,$(g))))

# A package goal for a package that is not enabled fails when it runs, not
# while reading: make may be about to re-read everything with a configuration
# syncconfig just updated.
define kiln-disabled-package-goals
$(1) $(addprefix $(1)-,$(filter-out show-% dirclean,$(KILN_PKG_GOAL_SUFFIXES))):
	@echo "Kiln: $(1) is not enabled in this configuration: enable $(call kiln-enable-symbol,$(KILN_VAR_$(1))) \
	(make menuconfig), or depend on it" >&2; exit 1
endef

define kiln-package-goals
.PHONY: $(addprefix $(1)-,$(KILN_PKG_GOAL_SUFFIXES)) $(1)
$(1)-show-depends: ; @echo $$(call kiln-deps-of,$(1))$(if $(call kiln-unknown-deps,$(1)),; echo \
	"Kiln: error: $$(call kiln-unknown-deps-error,$(1))" >&2; exit 1)
$(1)-show-rdepends: kiln-info-file ; @$$(KILN_INFO) rdepends $$(KILN_INFO_FILE) $(1)
$(1)-show-info: kiln-info-file ; @$$(KILN_INFO) json $$(KILN_INFO_FILE) $(1)
$(1)-dirclean: ; rm -rf $(KB)/$(1) $(KILN_PER_PACKAGE_DIR)/$(1) $(KILN_LOG_DIR)/$(1)
$(if $(filter $(1),$(KILN_PACKAGES)),$(call kiln-enabled-package-goals,$(1)),$(call kiln-disabled-package-goals,$(1)))
endef

# (the steps again: their stamps go, then make makes them)
kiln-stamps = $(foreach s,$(2),$(KB)/$(1)/.stamp_$(s))
define kiln-enabled-package-goals
$(1) $(1)-install: $(KB)/$(1)/.stamp_installed
$(1)-source: $(KB)/$(1)/.stamp_downloaded
$(1)-extract: $(KB)/$(1)/.stamp_extracted
$(1)-patch: $(KB)/$(1)/.stamp_patched
$(1)-configure: $(KB)/$(1)/.stamp_configured
$(1)-build: $(KB)/$(1)/.stamp_built
$(1)-rebuild: ; $$(Q)rm -f $(call kiln-stamps,$(1),built installed) && $$(MAKE) $(1)
$(1)-reconfigure: ; $$(Q)rm -f $(call kiln-stamps,$(1),configured built installed) && $$(MAKE) $(1)
$(1)-reinstall: ; $$(Q)rm -f $(call kiln-stamps,$(1),installed) && $$(MAKE) $(1)
$(1)-show-signature: $(KB)/$(1)/.kiln/signature ; @cat $(KB)/$(1)/.kiln/inputs; echo "signature $$$$(cat $$<)"
endef
# (kconfig packages have more: pkg-kconfig.mk)
kiln-has-kconfig-goals = $(and $(filter kconfig,$($(KILN_VAR_$(1))_INFRA)),$(filter $(1),$(KILN_PACKAGES)))
$(foreach p,$(KILN_GOAL_PACKAGES),$(eval $(call kiln-package-goals,$(p)))$(if \
	$(call kiln-has-kconfig-goals,$(p)),$(eval $(call kiln-kconfig-goals,$(p)))))

.PHONY: source
source: $(patsubst %,$(KB)/%/.stamp_downloaded,$(KILN_PACKAGES))
