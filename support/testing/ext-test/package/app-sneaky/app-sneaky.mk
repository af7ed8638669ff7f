# SPDX-License-Identifier: GPL-2.0-or-later
APP_SNEAKY_VERSION = 1.0
APP_SNEAKY_SITE = $(KILN_EXTERNAL_KILN_TEST_PATH)/package/app-sneaky/src
APP_SNEAKY_SITE_METHOD = local
# no APP_SNEAKY_DEPENDENCIES = libfoo, on purpose

define APP_SNEAKY_BUILD_CMDS
	$(TARGET_CC) $(TARGET_CFLAGS) $(TARGET_CPPFLAGS) -o $(@D)/sneaky $(@D)/sneaky.c $(TARGET_LDFLAGS) -lfoo
endef

define APP_SNEAKY_INSTALL_TARGET_CMDS
	install -D -m 0755 $(@D)/sneaky $(TARGET_DIR)/usr/bin/sneaky
endef

$(eval $(generic-package))
