# SPDX-License-Identifier: GPL-2.0-or-later
#
# The manifest support/tools/kiln-sig reads (one record per enabled package,
# then the stages' records, fs/fs.mk), and the rule that runs it before any
# step: it writes each signature that changed, or stops the build on the
# errors found while reading (dependencies, missing files and tools).

# The options a package is made of, besides its own family (the
# KILN_PACKAGE_<PKG>_ options): what its recipe lists in <PKG>_CONFIG_SYMBOLS
# and what its infrastructure lists in KILN_INFRA_SYMBOLS_<infra> (a name
# ending in * is a family: KILN_TOOLCHAIN_*).
kiln-declared-symbols = $($(1)_CONFIG_SYMBOLS) $(foreach i,$($(1)_INFRA) common,$(KILN_INFRA_SYMBOLS_$(i)))

kiln-local-source-tree = $(if $($(1)_OVERRIDE_SRCDIR),,$(filter-out $($(1)_RECIPE_DIR)/%,$(call kiln-pkg-srcdir,$(1))))

# $(call kiln-manifest-package,name,VAR)
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

KILN_ERRORS_FILE := $(KILN_STATE_DIR)/dependency-errors
KILN_ERRORS = $(strip $(KILN_DEPENDENCY_ERRORS)$(KILN_BUILD_ERRORS))

# (Every build also makes `kconfig` next to conf, for the user's scripts
# as for kconfig packages: docs/kconfig.md.)
.PHONY: kiln-signatures
kiln-signatures: $(KILN_SIG) $(KILN_TREE) | $(KILN_KCONFIG_TOOL)
	$(if $(KILN_ERRORS),$(file >$(KILN_ERRORS_FILE),$(KILN_DEPENDENCY_ERRORS)$(KILN_BUILD_ERRORS))@sed \
		's/^ *//; /^$$/d; s/^/Kiln: error: /' $(KILN_ERRORS_FILE) >&2; exit 1)
	$(file >$(KILN_STATE_DIR)/manifest,$(kiln-manifest))
	$(Q)$(KILN_SIG) $(KILN_STATE_DIR)/manifest
