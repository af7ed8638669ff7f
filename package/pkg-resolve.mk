# SPDX-License-Identifier: GPL-2.0-or-later
#
# Read after every recipe: which packages are enabled, what each depends
# on, the order make starts them in, and the errors in those dependencies.
# pkg-signatures.mk, pkg-goals.mk and pkg-info.mk use what this file finds.

# A developer's overrides: <PKG>_OVERRIDE_SRCDIR = /path/to/my/checkout
KILN_PACKAGE_OVERRIDE_FILE ?= $(O)/local.mk
-include $(KILN_PACKAGE_OVERRIDE_FILE)

# ---- dependencies ---------------------------------------------------------------

# What a package depends on: its _DEPENDENCIES, and for a target package the
# base every target package needs (the toolchain), unless it is part of it.
kiln-is-target = $(filter target,$($(KILN_VAR_$(1))_KIND))
kiln-takes-toolchain = $(if $(call kiln-is-target,$(1)),$(if \
	$(filter NO,$($(KILN_VAR_$(1))_ADD_TOOLCHAIN_DEPENDENCY)),,y))
kiln-deps-of = $(sort $($(KILN_VAR_$(1))_DEPENDENCIES) $(if $(call kiln-takes-toolchain,$(1)),$(filter-out \
	$(1),$(KILN_TARGET_BASE_DEPENDENCIES))))

# ---- the enabled packages ---------------------------------------------------------

# Packages switched on in the configuration (KILN_PACKAGE_<VAR>=y, or the
# symbol the recipe names in <VAR>_ENABLE_SYMBOL: KILN_LINUX_KERNEL), and
# those the configuration implies (the toolchain's: KILN_BASE_PACKAGES) ...
kiln-enable-symbol = $(or $($(1)_ENABLE_SYMBOL),KILN_PACKAGE_$(1))
kiln-is-enabled = $(filter y,$($(call kiln-enable-symbol,$(KILN_VAR_$(1)))))
KILN_CONFIG_PACKAGES := $(foreach p,$(KILN_ALL_PACKAGES),$(if $(call kiln-is-enabled,$(p)),$(p)))
KILN_CONFIG_PACKAGES += $(filter-out $(KILN_CONFIG_PACKAGES),$(sort \
	$(KILN_TARGET_BASE_DEPENDENCIES) $(KILN_BASE_PACKAGES)))

# ... and the host packages they need, directly or not.
kiln-host-deps-of-all = $(sort $(filter host-%,$(foreach p,$(1),$(call kiln-deps-of,$(p)))))
kiln-host-closure = $(if $(2),$(call kiln-host-closure,$(1) $(2),$(filter-out $(1) $(2),$(call \
	kiln-host-deps-of-all,$(2)))),$(1))
KILN_PACKAGES := $(strip $(call kiln-host-closure,,$(KILN_CONFIG_PACKAGES)))

# The order make starts them in: first the long builds whose recipe sets
# <PKG>_START_EARLY = YES (the kernel), so that with -jN the short ones run
# beside them instead of before them.
kiln-starts-early = $(filter YES,$($(KILN_VAR_$(1))_START_EARLY))
KILN_PACKAGES_IN_START_ORDER := $(foreach p,$(KILN_PACKAGES),$(if $(call kiln-starts-early,$(p)),$(p))) \
	$(foreach p,$(KILN_PACKAGES),$(if $(call kiln-starts-early,$(p)),,$(p)))

# ---- errors in the dependencies -------------------------------------------------

# Every dependency must be a known package, and a target dependency must be
# enabled: Config.in selects it.  Reported when building starts, not while
# reading: make may be about to read everything again with the
# configuration syncconfig just updated.  (All dependencies are checked at
# once; package by package only when that finds a problem, to say which.)
# (An unknown dependency is reported as such, not as one to select.)
kiln-unknown-deps = $(filter-out $(KILN_ALL_PACKAGES),$(call kiln-deps-of,$(1)))
kiln-disabled-deps = $(filter-out $(KILN_PACKAGES) host-%,$(filter $(KILN_ALL_PACKAGES),$(call kiln-deps-of,$(1))))
kiln-select-lines = $(foreach d,$(1),'select $(patsubst KILN_%,%,$(call kiln-enable-symbol,$(KILN_VAR_$(d))))')
kiln-unknown-deps-error = $($(KILN_VAR_$(1))_RECIPE): $(1) depends on \
'$(call kiln-unknown-deps,$(1))'$(comma) which no recipe defines: check $(KILN_VAR_$(1))_DEPENDENCIES

define kiln-dependency-errors-of
$(if $(call kiln-unknown-deps,$(1)),$(kiln-unknown-deps-error))
$(if $(call kiln-disabled-deps,$(1)),$($(KILN_VAR_$(1))_RECIPE): $(1) depends on \
$(call kiln-disabled-deps,$(1))$(comma) which is not enabled: add \
$(call kiln-select-lines,$(call kiln-disabled-deps,$(1))) to $(1)'s Config.in entry)
endef

KILN_ALL_DEPENDENCIES := $(sort $(foreach p,$(KILN_PACKAGES),$(call kiln-deps-of,$(p))))
KILN_DEPENDENCY_PROBLEM := $(filter-out $(KILN_ALL_PACKAGES),$(KILN_ALL_DEPENDENCIES))$(filter-out \
	$(KILN_PACKAGES) host-%,$(KILN_ALL_DEPENDENCIES))
KILN_DEPENDENCY_ERRORS := $(if $(KILN_DEPENDENCY_PROBLEM),$(foreach p,$(KILN_PACKAGES),$(call \
	kiln-dependency-errors-of,$(p))$(newline)))
