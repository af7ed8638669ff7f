# SPDX-License-Identifier: GPL-2.0-or-later
LIBFOO_VERSION = 1.0
LIBFOO_SITE = $(KILN_EXTERNAL_KILN_TEST_PATH)/package/libfoo/src
LIBFOO_SITE_METHOD = local
LIBFOO_LICENSE = GPL-2.0-or-later
LIBFOO_INSTALL_STAGING = YES

define LIBFOO_BUILD_CMDS
	$(MAKE) -C $(@D) CC="$(TARGET_CC)" CFLAGS="$(TARGET_CFLAGS) $(TARGET_CPPFLAGS)"
endef

define LIBFOO_INSTALL_STAGING_CMDS
	install -D -m 0644 $(@D)/foo.h $(STAGING_DIR)/usr/include/foo.h
	install -D -m 0644 $(@D)/libfoo.a $(STAGING_DIR)/usr/lib/libfoo.a
endef

define LIBFOO_INSTALL_TARGET_CMDS
	install -D -m 0644 $(@D)/VERSION $(TARGET_DIR)/usr/share/libfoo/VERSION
endef

$(eval $(generic-package))
