# SPDX-License-Identifier: GPL-2.0-or-later
# No sources: it only installs, into staging and the target alike.
LIBDEV_VERSION = 1.0
LIBDEV_LICENSE = GPL-2.0-or-later
LIBDEV_INSTALL_STAGING = YES

LIBDEV_FILES = usr/include/dev.h usr/include/dev/more.h usr/lib/libdev.a usr/lib/libdev.la \
	usr/lib/pkgconfig/dev.pc usr/share/pkgconfig/dev-data.pc usr/share/aclocal/dev.m4 \
	usr/share/man/man3/dev.3 usr/share/info/dev.info usr/lib/libdev.so.1 usr/share/libdev/data
define LIBDEV_INSTALL_INTO
	$(foreach f,$(LIBDEV_FILES),mkdir -p $(dir $(1)/$(f)) && head -c 4096 /dev/zero >$(1)/$(f)
	)
endef

define LIBDEV_INSTALL_STAGING_CMDS
	$(call LIBDEV_INSTALL_INTO,$(STAGING_DIR))
endef

define LIBDEV_INSTALL_TARGET_CMDS
	$(call LIBDEV_INSTALL_INTO,$(TARGET_DIR))
endef

$(eval $(generic-package))
