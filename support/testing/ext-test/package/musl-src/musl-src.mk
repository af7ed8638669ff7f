# SPDX-License-Identifier: GPL-2.0-or-later
MUSL_SRC_VERSION = 1.2.3
MUSL_SRC_SITE = https://musl.libc.org/releases
MUSL_SRC_SOURCE = musl-$(MUSL_SRC_VERSION).tar.gz
MUSL_SRC_LICENSE = MIT
MUSL_SRC_LICENSE_FILES = COPYRIGHT
MUSL_SRC_DEBIAN_SOURCE = musl

define MUSL_SRC_INSTALL_TARGET_CMDS
	install -D -m 0644 $(@D)/VERSION $(TARGET_DIR)/usr/share/musl-src/VERSION
endef

$(eval $(generic-package))
