# SPDX-License-Identifier: GPL-2.0-or-later
#
# The configuration targets.  They run Kiln's own conf (built from this
# folder into the output folder) on Config.in and never read a recipe.

KILN_CONFIG := $(O)/.config
KILN_AUTOCONF_DIR := $(KILN_BUILD_DIR)/kiln-config
KILN_CONFIG_IN := $(KILN_TOP)/Config.in

# Symbols are written without prefix in Config.in and with KILN_ in .config.
KILN_CONF_ENV := \
	CONFIG_=KILN_ \
	srctree=$(KILN_TOP) \
	KCONFIG_CONFIG=$(KILN_CONFIG) \
	KCONFIG_AUTOCONFIG=$(KILN_AUTOCONF_DIR)/auto.conf \
	KCONFIG_AUTOHEADER=$(KILN_AUTOCONF_DIR)/autoconf.h \
	KCONFIG_RUSTCCFG=$(KILN_AUTOCONF_DIR)/rustc_cfg \
	KILN_OUTPUT=$(O)
KILN_CONF_RUN = $(KILN_CONF_ENV) $(KILN_CONF)

# The engine's sources, and the library it shares with support/tools.
KILN_KCONFIG_SOURCES := $(wildcard $(KILN_TOP)/support/kconfig/*.[ch]) \
	$(KILN_TOP)/support/kconfig/Makefile $(KILN_LIB_SOURCES)

$(KILN_CONF): $(KILN_KCONFIG_SOURCES)
	$(Q)$(MAKE) -s -C $(KILN_TOP)/support/kconfig O=$(KILN_KCONFIG_BUILD) $(KILN_CONF)

# kconfig merge|diff|tweak (kconfig packages merge their fragments with it)
$(KILN_KCONFIG_TOOL): $(KILN_KCONFIG_SOURCES)
	$(Q)$(MAKE) -s -C $(KILN_TOP)/support/kconfig O=$(KILN_KCONFIG_BUILD) $(KILN_KCONFIG_TOOL)

# menuconfig's front end, built the same way (it needs libncurses-dev)
$(KILN_MCONF): $(KILN_KCONFIG_SOURCES)
	$(Q)$(MAKE) -s -C $(KILN_TOP)/support/kconfig O=$(KILN_KCONFIG_BUILD) $(KILN_MCONF)

# Every defconfig Kiln knows about: configs/ first, then each external tree's.
KILN_DEFCONFIG_DIRS := $(KILN_TOP)/configs $(KILN_EXTERNAL_CONFIGS)
kiln-find-defconfig = $(firstword $(wildcard $(addsuffix /$(1),$(KILN_DEFCONFIG_DIRS))))

# The defconfig a .config came from, for savedefconfig to write back to.
kiln-config-defconfig = $(shell sed -n 's/^KILN_DEFCONFIG="\(.*\)"$$/\1/p' $(KILN_CONFIG) 2>/dev/null)

.PHONY: $(filter-out %_defconfig,$(KILN_CONFIG_GOALS))

%_defconfig: $(KILN_CONF) FORCE
	$(Q)defconfig='$(call kiln-find-defconfig,$@)'; \
	if [ -z "$$defconfig" ]; then \
		echo "Kiln: no $@ in $(KILN_DEFCONFIG_DIRS); 'make list-defconfigs' lists them" >&2; \
		exit 1; \
	fi; \
	mkdir -p $(O) && \
	KILN_DEFCONFIG="$$defconfig" $(KILN_CONF_RUN) --defconfig="$$defconfig" $(KILN_CONFIG_IN)

defconfig: $(KILN_CONF)
	$(Q)mkdir -p $(O) && KILN_DEFCONFIG='$(KILN_DEFCONFIG)' $(KILN_CONF_RUN) \
		$(if $(KILN_DEFCONFIG),--defconfig='$(KILN_DEFCONFIG)',--alldefconfig) $(KILN_CONFIG_IN)

# The KILN_DEFCONFIG the configuration holds is passed as the symbol's
# default, so that the saved file does not name itself.
savedefconfig: $(KILN_CONF)
	$(Q)target='$(or $(KILN_DEFCONFIG),$(kiln-config-defconfig),$(O)/defconfig)'; \
	KILN_DEFCONFIG='$(kiln-config-defconfig)' $(KILN_CONF_RUN) --savedefconfig="$$target" $(KILN_CONFIG_IN) && \
	echo "Kiln: wrote $$target"

oldconfig olddefconfig syncconfig listnewconfig: $(KILN_CONF)
	$(Q)KILN_DEFCONFIG='$(kiln-config-defconfig)' $(KILN_CONF_RUN) --$@ $(KILN_CONFIG_IN)

allyesconfig allnoconfig alldefconfig randconfig: $(KILN_CONF)
	$(Q)mkdir -p $(O) && $(KILN_CONF_RUN) --$@ $(KILN_CONFIG_IN)

menuconfig: $(KILN_MCONF)
	$(Q)mkdir -p $(O) && KILN_DEFCONFIG='$(kiln-config-defconfig)' $(KILN_CONF_ENV) $(KILN_MCONF) $(KILN_CONFIG_IN)

# Remade by make itself before a build when .config or a Config.in changed
# (auto.conf.cmd lists them).
$(KILN_AUTOCONF_DIR)/auto.conf: $(KILN_CONFIG) | $(KILN_CONF)
	$(Q)KILN_DEFCONFIG='$(kiln-config-defconfig)' $(KILN_CONF_RUN) --syncconfig $(KILN_CONFIG_IN)

list-defconfigs:
	@for dir in $(KILN_DEFCONFIG_DIRS); do \
		[ -d "$$dir" ] || continue; \
		echo "Defconfigs in $$dir:"; \
		for f in "$$dir"/*_defconfig; do \
			[ -e "$$f" ] || continue; \
			name=$${f##*/}; \
			printf '  %-40s %s\n' "$$name" "$$(sed -n 's/^KILN_BOARD_DESCRIPTION="\(.*\)"$$/\1/p' "$$f")"; \
		done; \
	done

.PHONY: FORCE
FORCE:
