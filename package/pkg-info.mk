# SPDX-License-Identifier: GPL-2.0-or-later
#
# The information goals: list-packages, show-info and <pkg>-show-info,
# <pkg>-show-rdepends, graph-depends and legal-info.  The Make layer writes
# what it knows of the packages into one file, .kiln/packages.info, and
# support/scripts/kiln-info renders it (JSON, graphviz, CSV).

KILN_INFO := $(KILN_TOP)/support/scripts/kiln-info
KILN_INFO_FILE := $(KILN_STATE_DIR)/packages.info

# The addresses the package's files come from.
kiln-pkg-source-urls = $(foreach f,$(call kiln-pkg-downloads,$(1)),$(if $(findstring ://,$(f)),$(f),$($(1)_SITE)/$(f)))

# $(call kiln-pkg-source-files,name,VAR): the names of the files the build
# really uses (the download step lists them: a Debian repack keeps its own
# name), or, before the package is downloaded, the names the recipe asks for.
kiln-pkg-source-files = $(notdir $(if $(wildcard $(KB)/$(1)/.kiln/sources),$(file <$(KB)/$(1)/.kiln/sources),$(call kiln-pkg-downloads,$(2))))

# $(call kiln-info-record,name,VAR): the format support/scripts/kiln-info reads
define kiln-info-record
package $(1)
version $(call kiln-pkg-version,$(2))
kind $($(2)_KIND)
type $($(2)_INFRA)
license $($(2)_LICENSE)
license-files $($(2)_LICENSE_FILES)
site-method $(call kiln-pkg-method,$(2))
sources $(call kiln-pkg-source-urls,$(2))
source-files $(call kiln-pkg-source-files,$(1),$(2))
depends $(call kiln-deps-of,$(1))
recipe $(patsubst $(KILN_TOP)/%,%,$($(2)_RECIPE))
end
endef

# the enabled packages, and those named on the command line
KILN_INFO_PACKAGES = $(KILN_PACKAGES) $(filter-out $(KILN_PACKAGES),$(KILN_GOAL_PACKAGES))

.PHONY: kiln-info-file list-packages show-info graph-depends legal-info
kiln-info-file:
	$(file >$(KILN_INFO_FILE),$(foreach p,$(KILN_INFO_PACKAGES),$(call kiln-info-record,$(p),$(KILN_VAR_$(p)))$(newline)))
	@:

list-packages:
	@:
	@$(foreach p,$(KILN_PACKAGES),echo '$(p) $(call kiln-pkg-version,$(KILN_VAR_$(p)))';)

# (also kept in .kiln/show-info.json, for scripts)
show-info: kiln-info-file
	@$(KILN_INFO) json $(KILN_INFO_FILE) >$(KILN_STATE_DIR)/show-info.json && cat $(KILN_STATE_DIR)/show-info.json

graph-depends: kiln-info-file
	$(Q)mkdir -p $(O)/graphs && $(KILN_INFO) dot $(KILN_INFO_FILE) >$(O)/graphs/graph-depends.dot
	$(Q)if command -v dot >/dev/null; then \
		dot -Tsvg -o $(O)/graphs/graph-depends.svg $(O)/graphs/graph-depends.dot && \
		echo "Kiln: wrote $(O)/graphs/graph-depends.dot and graph-depends.svg"; \
	else \
		echo "Kiln: wrote $(O)/graphs/graph-depends.dot (install graphviz for the SVG)"; \
	fi

# legal-info: every enabled target package's license texts and source
# archives (a local source folder as a reproducible tarball), and a
# manifest.csv listing them.
KILN_LEGAL_DIR := $(O)/legal-info
KILN_LEGAL_PACKAGES = $(filter-out host-%,$(KILN_PACKAGES))
kiln-legal-tarball = tar -C $(1) --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -czf $(2) .
kiln-legal-downloads = if [ -f $(KB)/$(1)/.kiln/sources ]; then \
	while read -r f; do cp "$$f" $(KILN_LEGAL_DIR)/sources/$(1)/; done < $(KB)/$(1)/.kiln/sources; fi
kiln-legal-local-tarball = $(KILN_LEGAL_DIR)/sources/$(1)/$(1)-$(call kiln-pkg-version,$(2)).tar.gz
define kiln-legal-package
mkdir -p $(KILN_LEGAL_DIR)/licenses/$(1) $(KILN_LEGAL_DIR)/sources/$(1)
$(foreach f,$($(2)_LICENSE_FILES),cp $(KB)/$(1)/$(f) $(KILN_LEGAL_DIR)/licenses/$(1)/$(subst /,_,$(f))$(newline))
$(if $(call kiln-pkg-srcdir,$(2)),$(call kiln-legal-tarball,$(call kiln-pkg-srcdir,$(2)),$(call \
	kiln-legal-local-tarball,$(1),$(2))),$(call kiln-legal-downloads,$(1)))
endef

legal-info: $(patsubst %,$(KB)/%/.stamp_extracted,$(KILN_PACKAGES)) kiln-info-file
	$(Q)rm -rf $(KILN_LEGAL_DIR) && mkdir -p $(KILN_LEGAL_DIR)
	$(file >$(KILN_STATE_DIR)/legal-info.sh,set -e$(newline)$(foreach \
		p,$(KILN_LEGAL_PACKAGES),$(call kiln-legal-package,$(p),$(KILN_VAR_$(p)))$(newline)))
	$(Q)sh $(KILN_STATE_DIR)/legal-info.sh
	$(Q)$(KILN_INFO) csv $(KILN_INFO_FILE) >$(KILN_LEGAL_DIR)/manifest.csv
	@echo "Kiln: legal information of $(words $(KILN_LEGAL_PACKAGES)) target packages in $(KILN_LEGAL_DIR)"
