# SPDX-License-Identifier: GPL-2.0-or-later
APP_BAZ_VERSION = 0.3
APP_BAZ_SITE = $(KILN_EXTERNAL_KILN_TEST_PATH)/package/app-baz/src
APP_BAZ_SITE_METHOD = local
APP_BAZ_LICENSE = GPL-2.0-or-later

define APP_BAZ_BUILD_CMDS
	sleep $${KILN_TEST_BUILD_DELAY:-0}
	$(TARGET_CC) $(TARGET_CFLAGS) -o $(@D)/baz $(@D)/baz.c
endef

define APP_BAZ_INSTALL_TARGET_CMDS
	install -D -m 0755 $(@D)/baz $(TARGET_DIR)/usr/bin/baz
	install -d -m 0700 $(TARGET_DIR)/var/lib/baz
endef

$(eval $(generic-package))
