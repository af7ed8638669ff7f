# SPDX-License-Identifier: GPL-2.0-or-later
#
# Read after every recipe: which packages are enabled, what they depend on,
# the manifest kiln-sig reads, the per-package goals and the global ones
# (source, show-info, graph-depends, legal-info, list-packages).

# A developer's overrides: <PKG>_OVERRIDE_SRCDIR = /path/to/my/checkout
KILN_PACKAGE_OVERRIDE_FILE ?= $(O)/local.mk
-include $(KILN_PACKAGE_OVERRIDE_FILE)

# ---- dependencies ---------------------------------------------------------------

# What a package depends on: its _DEPENDENCIES, and for a target package the
# base every target package needs (the toolchain), unless it is part of it.
kiln-deps-of = $(sort $($(KILN_VAR_$(1))_DEPENDENCIES) $(if $(filter target,$($(KILN_VAR_$(1))_KIND)),$(if $(filter NO,$($(KILN_VAR_$(1))_ADD_TOOLCHAIN_DEPENDENCY)),,$(filter-out $(1),$(KILN_TARGET_BASE_DEPENDENCIES)))))

# Packages switched on in the configuration (KILN_PACKAGE_<VAR>=y, or the
# symbol the recipe names in <VAR>_ENABLE_SYMBOL: KILN_LINUX_KERNEL), and
# those the configuration implies (the toolchain's: KILN_BASE_PACKAGES) ...
kiln-enable-symbol = $(or $($(1)_ENABLE_SYMBOL),KILN_PACKAGE_$(1))
KILN_CONFIG_PACKAGES := $(foreach p,$(KILN_ALL_PACKAGES),$(if $(filter y,$($(call kiln-enable-symbol,$(KILN_VAR_$(p))))),$(p)))
KILN_CONFIG_PACKAGES += $(filter-out $(KILN_CONFIG_PACKAGES),$(sort $(KILN_TARGET_BASE_DEPENDENCIES) $(KILN_BASE_PACKAGES)))

# ... and the host packages they need, directly or not.
kiln-host-closure = $(if $(2),$(call kiln-host-closure,$(1) $(2),$(filter-out $(1) $(2),$(sort $(filter host-%,$(foreach p,$(2),$(call kiln-deps-of,$(p))))))),$(1))
KILN_PACKAGES := $(strip $(call kiln-host-closure,,$(KILN_CONFIG_PACKAGES)))

# The order make starts them in: first the long builds whose recipe sets
# <PKG>_START_EARLY = YES (the kernel), so that with -jN the short ones run
# beside them instead of before them.
kiln-starts-early = $(filter YES,$($(KILN_VAR_$(1))_START_EARLY))
KILN_PACKAGES_IN_START_ORDER := $(foreach p,$(KILN_PACKAGES),$(if $(call kiln-starts-early,$(p)),$(p))) \
	$(foreach p,$(KILN_PACKAGES),$(if $(call kiln-starts-early,$(p)),,$(p)))

# Every dependency must be a known package, and a target dependency must be
# enabled: Config.in selects it.
kiln-unknown-deps = $(filter-out $(KILN_ALL_PACKAGES),$(call kiln-deps-of,$(1)))
kiln-disabled-deps = $(filter-out $(KILN_PACKAGES) host-%,$(call kiln-deps-of,$(1)))
# Reported when building starts, not while reading: make may be about to
# read everything again with the configuration syncconfig just updated.
# (All dependencies are checked at once; package by package only when that
# finds a problem, to say which.)
KILN_ALL_DEPENDENCIES := $(sort $(foreach p,$(KILN_PACKAGES),$(call kiln-deps-of,$(p))))
KILN_DEPENDENCY_ERRORS := $(if $(filter-out $(KILN_ALL_PACKAGES),$(KILN_ALL_DEPENDENCIES))$(filter-out \
	$(KILN_PACKAGES) host-%,$(KILN_ALL_DEPENDENCIES)),$(foreach p,$(KILN_PACKAGES),\
	$(if $(call kiln-unknown-deps,$(p)),$($(KILN_VAR_$(p))_RECIPE): $(p) depends on '$(call kiln-unknown-deps,$(p))'$(comma) which no recipe defines: check $(KILN_VAR_$(p))_DEPENDENCIES$(newline))\
	$(if $(call kiln-disabled-deps,$(p)),$($(KILN_VAR_$(p))_RECIPE): $(p) depends on $(call kiln-disabled-deps,$(p))$(comma) which is not enabled: add 'select $(patsubst KILN_%,%,$(foreach d,$(call kiln-disabled-deps,$(p)),$(call kiln-enable-symbol,$(KILN_VAR_$(d)))))' to $(p)'s Config.in entry$(newline))))

# Reverse dependencies: one pass over every package, the first time.
kiln-rdeps-of = $(kiln-rdeps-table)$(strip $(KILN_RDEPS_$(1)))
kiln-rdeps-table = $(if $(KILN_RDEPS_DONE),,$(eval KILN_RDEPS_DONE := 1)$(foreach p,$(KILN_PACKAGES),$(foreach \
	d,$(call kiln-deps-of,$(p)),$(eval KILN_RDEPS_$(d) += $(p)))))

# ---- the manifest for kiln-sig ------------------------------------------------------

# The options a package is made of, besides its own family (the
# KILN_PACKAGE_<PKG>_ options): what its recipe lists in <PKG>_CONFIG_SYMBOLS
# and what its infrastructure lists in KILN_INFRA_SYMBOLS_<infra> (a name
# ending in * is a family: KILN_TOOLCHAIN_*).
kiln-declared-symbols = $($(1)_CONFIG_SYMBOLS) $(foreach i,$($(1)_INFRA) common,$(KILN_INFRA_SYMBOLS_$(i)))

kiln-local-source-tree = $(if $($(1)_OVERRIDE_SRCDIR),,$(filter-out $($(1)_RECIPE_DIR)/%,$(call kiln-pkg-srcdir,$(1))))

define kiln-manifest-package
package $(1)
version $(call kiln-pkg-version,$(2))
kind $($(2)_KIND)
recipe-dir $($(2)_RECIPE_DIR)
infra $(foreach i,$($(2)_INFRA),$(KILN_INFRA_FILES_$(i))) $(KILN_INFRA_FILES_common)
depends $(call kiln-deps-of,$(1))
input $($(2)_SIGNATURE_FILES)
source-tree $(call kiln-local-source-tree,$(2))
override-tree $($(2)_OVERRIDE_SRCDIR)
symbols $(call kiln-enable-symbol,$(2)) $(filter-out %*,$(call kiln-declared-symbols,$(2)))
symbol-prefixes $(call kiln-enable-symbol,$(2))_ $(patsubst %*,%,$(filter %*,$(call kiln-declared-symbols,$(2))))
untracked $(KILN_UNTRACKED_SYMBOLS)
declare-in $(2)_CONFIG_SYMBOLS
resumable $(if $(filter YES,$($(2)_RESUMABLE)),yes,no)
end
endef

# Stages (fs/fs.mk) append their records to KILN_MANIFEST_STAGES.
define kiln-manifest
kiln-manifest 1
top $(KILN_TOP)
config $(KILN_CONFIG)
output $(O)
$(foreach p,$(KILN_PACKAGES),$(call kiln-manifest-package,$(p),$(KILN_VAR_$(p)))$(newline))
$(KILN_MANIFEST_STAGES)
endef

$(if $(wildcard $(KILN_STATE_DIR)/.),,$(shell mkdir -p $(KILN_STATE_DIR)))

.PHONY: kiln-signatures
kiln-signatures: $(KILN_SIG) $(KILN_TREE)
	$(if $(strip $(KILN_DEPENDENCY_ERRORS)$(KILN_BUILD_ERRORS)),$(file >$(KILN_STATE_DIR)/dependency-errors,$(KILN_DEPENDENCY_ERRORS)$(KILN_BUILD_ERRORS))@sed 's/^ *//; /^$$/d; s/^/Kiln: error: /' $(KILN_STATE_DIR)/dependency-errors >&2; exit 1)
	$(file >$(KILN_STATE_DIR)/manifest,$(kiln-manifest))
	$(Q)$(KILN_SIG) $(KILN_STATE_DIR)/manifest

# ---- per-package goals ----------------------------------------------------------------
# Rules only for the packages named on the command line: thousands of
# recipes cost nothing here.

kiln-goal-package = $(firstword $(filter $(1),$(KILN_ALL_PACKAGES)) \
	$(foreach s,$(KILN_PKG_GOAL_SUFFIXES),$(filter $(patsubst %-$(s),%,$(filter %-$(s),$(1))),$(KILN_ALL_PACKAGES))))
KILN_GOAL_PACKAGES := $(sort $(foreach g,$(MAKECMDGOALS),$(call kiln-goal-package,$(g))))

# A package goal for a package that is not enabled fails when it runs, not
# while reading: make may be about to re-read everything with a configuration
# syncconfig just updated.
define kiln-disabled-package-goals
$(1) $(addprefix $(1)-,$(filter-out show-% dirclean,$(KILN_PKG_GOAL_SUFFIXES))):
	@echo "Kiln: $(1) is not enabled in this configuration: enable $(call kiln-enable-symbol,$(KILN_VAR_$(1))) (make menuconfig), or depend on it" >&2; exit 1
endef

define kiln-package-goals
.PHONY: $(addprefix $(1)-,$(KILN_PKG_GOAL_SUFFIXES)) $(1)
$(1)-show-depends: ; @echo $$(call kiln-deps-of,$(1))
$(1)-show-rdepends: ; @echo $$(call kiln-rdeps-of,$(1))
$(1)-show-info: ; @printf '%s\n' '$$(call kiln-json-package,$(1),$(KILN_VAR_$(1)))'
$(1)-dirclean: ; rm -rf $(KB)/$(1) $(KILN_PER_PACKAGE_DIR)/$(1) $(KILN_LOG_DIR)/$(1)
$(if $(filter $(1),$(KILN_PACKAGES)),$(call kiln-enabled-package-goals,$(1)),$(call kiln-disabled-package-goals,$(1)))
endef

define kiln-enabled-package-goals
$(1) $(1)-install: $(KB)/$(1)/.stamp_installed
$(1)-source: $(KB)/$(1)/.stamp_downloaded
$(1)-extract: $(KB)/$(1)/.stamp_extracted
$(1)-patch: $(KB)/$(1)/.stamp_patched
$(1)-configure: $(KB)/$(1)/.stamp_configured
$(1)-build: $(KB)/$(1)/.stamp_built
$(1)-rebuild: ; $$(Q)rm -f $(KB)/$(1)/.stamp_built $(KB)/$(1)/.stamp_installed && $$(MAKE) $(1)
$(1)-reconfigure: ; $$(Q)rm -f $(KB)/$(1)/.stamp_configured $(KB)/$(1)/.stamp_built $(KB)/$(1)/.stamp_installed && $$(MAKE) $(1)
$(1)-reinstall: ; $$(Q)rm -f $(KB)/$(1)/.stamp_installed && $$(MAKE) $(1)
$(1)-show-signature: $(KB)/$(1)/.kiln/signature ; @cat $(KB)/$(1)/.kiln/inputs; echo "signature $$$$(cat $$<)"
endef
$(foreach p,$(KILN_GOAL_PACKAGES),$(eval $(call kiln-package-goals,$(p)))$(if \
	$(filter kconfig,$($(KILN_VAR_$(p))_INFRA)),$(if $(filter $(p),$(KILN_PACKAGES)),$(eval $(call kiln-kconfig-goals,$(p))))))

# ---- global goals -----------------------------------------------------------------------

.PHONY: source list-packages show-info graph-depends legal-info

source: $(patsubst %,$(KB)/%/.stamp_downloaded,$(KILN_PACKAGES))

list-packages:
	@:
	@$(foreach p,$(KILN_PACKAGES),echo '$(p) $(call kiln-pkg-version,$(KILN_VAR_$(p)))';)

# JSON strings: backslashes and quotes escaped
kiln-json-string = "$(subst ",\",$(subst \,\\,$(strip $(1))))"
#"
kiln-json-list = [$(subst $(space),$(comma)$(space),$(strip $(foreach w,$(1),"$(w)")))]
kiln-json-sources = $(foreach f,$(call kiln-pkg-downloads,$(1)),$(if $(findstring ://,$(f)),$(f),$($(1)_SITE)/$(f)))
define kiln-json-package
{"name": "$(1)", "version": $(call kiln-json-string,$(call kiln-pkg-version,$(2))), "kind": "$($(2)_KIND)", "type": "$($(2)_INFRA)", "license": $(call kiln-json-string,$($(2)_LICENSE)), "license_files": $(call kiln-json-list,$($(2)_LICENSE_FILES)), "site_method": "$(call kiln-pkg-method,$(2))", "sources": $(call kiln-json-list,$(call kiln-json-sources,$(2))), "dependencies": $(call kiln-json-list,$(call kiln-deps-of,$(1))), "reverse_dependencies": $(call kiln-json-list,$(call kiln-rdeps-of,$(1))), "recipe": $(call kiln-json-string,$(patsubst $(KILN_TOP)/%,%,$($(2)_RECIPE)))}
endef

show-info:
	$(file >$(KILN_STATE_DIR)/show-info.json,[$(subst }$(space){,}$(comma)$(newline){,$(strip $(foreach p,$(KILN_PACKAGES),$(call kiln-json-package,$(p),$(KILN_VAR_$(p))))))])
	@cat $(KILN_STATE_DIR)/show-info.json

define kiln-dot-graph
digraph kiln {
  rankdir=LR;
  node [shape=box, style=rounded, fontname="sans-serif"];
$(subst $(newline)$(space),$(newline),$(foreach p,$(KILN_PACKAGES),  "$(p)" [label="$(p)\n$(call kiln-pkg-version,$(KILN_VAR_$(p)))"$(if $(filter host,$($(KILN_VAR_$(p))_KIND)),$(comma) color=gray40 fontcolor=gray40)];$(newline)$(foreach d,$(call kiln-deps-of,$(p)),  "$(p)" -> "$(d)";$(newline))))}
endef

# ($(file) runs when the recipe is expanded, before its first command:
# everything it writes goes to the state folder, which exists.)
graph-depends:
	$(file >$(KILN_STATE_DIR)/graph-depends.dot,$(kiln-dot-graph))
	$(Q)mkdir -p $(O)/graphs && mv $(KILN_STATE_DIR)/graph-depends.dot $(O)/graphs/
	$(Q)if command -v dot >/dev/null; then \
		dot -Tsvg -o $(O)/graphs/graph-depends.svg $(O)/graphs/graph-depends.dot && \
		echo "Kiln: wrote $(O)/graphs/graph-depends.dot and graph-depends.svg"; \
	else \
		echo "Kiln: wrote $(O)/graphs/graph-depends.dot (install graphviz for the SVG)"; \
	fi

# legal-info: every enabled package's license texts and source archives,
# and a manifest.csv listing them.
KILN_LEGAL_DIR := $(O)/legal-info
kiln-legal-csv-line = "$(1)","$(call kiln-pkg-version,$(2))","$($(2)_LICENSE)","$($(2)_LICENSE_FILES)","$(call kiln-json-sources,$(2))"
define kiln-legal-package
mkdir -p $(KILN_LEGAL_DIR)/licenses/$(1) $(KILN_LEGAL_DIR)/sources/$(1)
$(foreach f,$($(2)_LICENSE_FILES),cp $(KB)/$(1)/$(f) $(KILN_LEGAL_DIR)/licenses/$(1)/$(subst /,_,$(f))$(newline))
$(if $(call kiln-pkg-srcdir,$(2)),tar -C $(call kiln-pkg-srcdir,$(2)) --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -czf $(KILN_LEGAL_DIR)/sources/$(1)/$(1)-$(call kiln-pkg-version,$(2)).tar.gz .,if [ -f $(KB)/$(1)/.kiln/sources ]; then while read -r f; do cp "$$f" $(KILN_LEGAL_DIR)/sources/$(1)/; done < $(KB)/$(1)/.kiln/sources; fi)
endef

legal-info: $(patsubst %,$(KB)/%/.stamp_extracted,$(KILN_PACKAGES))
	$(Q)rm -rf $(KILN_LEGAL_DIR) && mkdir -p $(KILN_LEGAL_DIR)
	$(file >$(KILN_STATE_DIR)/legal-info.sh,set -e$(newline)$(foreach p,$(filter-out host-%,$(KILN_PACKAGES)),$(call kiln-legal-package,$(p),$(KILN_VAR_$(p)))$(newline)))
	$(Q)sh $(KILN_STATE_DIR)/legal-info.sh
	$(file >$(KILN_STATE_DIR)/legal-manifest.csv,"package","version","license","license files","sources"$(foreach p,$(filter-out host-%,$(KILN_PACKAGES)),$(newline)$(call kiln-legal-csv-line,$(p),$(KILN_VAR_$(p)))))
	$(Q)mv $(KILN_STATE_DIR)/legal-manifest.csv $(KILN_LEGAL_DIR)/manifest.csv
	@echo "Kiln: legal information of $(words $(filter-out host-%,$(KILN_PACKAGES))) target packages in $(KILN_LEGAL_DIR)"
