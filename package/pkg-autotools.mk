# SPDX-License-Identifier: GPL-2.0-or-later
#
# autotools-package: a source tree with a ./configure script.  The recipe
# sets what generic-package takes, plus when needed:
#   <PKG>_CONF_OPTS   extra ./configure options
#   <PKG>_CONF_ENV    extra environment for ./configure
#   <PKG>_MAKE_OPTS   extra make options for building
#   <PKG>_SUBDIR      the folder holding ./configure, inside the source
# and may still define any of the _CMDS itself.

KILN_INFRA_FILES_autotools := $(KILN_TOP)/package/pkg-autotools.mk
# computed the first time it is used
GNU_HOST_NAME = $(eval GNU_HOST_NAME := $(shell gcc -dumpmachine 2>/dev/null))$(GNU_HOST_NAME)

kiln-autotools-dir = $(@D)$(if $($(KILN_PKGVAR)_SUBDIR),/$($(KILN_PKGVAR)_SUBDIR))

define kiln-autotools-configure-target
cd $(kiln-autotools-dir) && $(TARGET_CONFIGURE_OPTS) $($(KILN_PKGVAR)_CONF_ENV) \
	./configure --host=$(GNU_TARGET_NAME) --build=$(GNU_HOST_NAME) \
	--prefix=/usr --sysconfdir=/etc --localstatedir=/var \
	$($(KILN_PKGVAR)_CONF_OPTS)
endef

define kiln-autotools-configure-host
cd $(kiln-autotools-dir) && $(HOST_CONFIGURE_OPTS) $($(KILN_PKGVAR)_CONF_ENV) \
	./configure --prefix=$(HOST_DIR) $($(KILN_PKGVAR)_CONF_OPTS)
endef

# $(1): VAR, $(2): target or host
define kiln-autotools-defaults
$(1)_INFRA += autotools
$(1)_CONFIGURE_CMDS ?= $$(kiln-autotools-configure-$(2))
$(1)_BUILD_CMDS ?= $$($(if $(filter host,$(2)),HOST,TARGET)_MAKE_ENV) $$(MAKE) -C $$(kiln-autotools-dir) $$($(1)_MAKE_OPTS)
$(1)_INSTALL_CMDS ?= $$(HOST_MAKE_ENV) $$(MAKE) -C $$(kiln-autotools-dir) install
$(1)_INSTALL_STAGING_CMDS ?= $$(TARGET_MAKE_ENV) $$(MAKE) -C $$(kiln-autotools-dir) DESTDIR=$$(STAGING_DIR) install
$(1)_INSTALL_TARGET_CMDS ?= $$(TARGET_MAKE_ENV) $$(MAKE) -C $$(kiln-autotools-dir) DESTDIR=$$(TARGET_DIR) install
endef

autotools-package = $(generic-package)$(newline)$(call kiln-autotools-defaults,$(call kiln-upper,$(kiln-recipe-name)),target)
host-autotools-package = $(host-generic-package)$(newline)$(call kiln-autotools-defaults,HOST_$(call kiln-upper,$(kiln-recipe-name)),host)
