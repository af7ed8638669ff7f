# SPDX-License-Identifier: GPL-2.0-or-later
APP_BAR_VERSION = 2.1
APP_BAR_SITE = $(KILN_EXTERNAL_KILN_TEST_PATH)/package/app-bar/src
APP_BAR_SITE_METHOD = local
APP_BAR_LICENSE = MIT
APP_BAR_LICENSE_FILES = LICENSE
APP_BAR_DEPENDENCIES = libfoo host-mkgreeting
APP_BAR_PIDEISN_SERVICES = $(APP_BAR_RECIPE_DIR)/pideisn/bar

define APP_BAR_BUILD_CMDS
	cd $(@D) && mkgreeting '$(KILN_PACKAGE_APP_BAR_GREETING)' > greeting.h
	$(TARGET_CC) $(TARGET_CFLAGS) $(TARGET_CPPFLAGS) -o $(@D)/bar $(@D)/bar.c $(TARGET_LDFLAGS) -lfoo
endef

define APP_BAR_INSTALL_TARGET_CMDS
	install -D -m 0755 $(@D)/bar $(TARGET_DIR)/usr/bin/bar
	ln -sf bar $(TARGET_DIR)/usr/bin/bar-link
endef

$(eval $(generic-package))
