# SPDX-License-Identifier: GPL-2.0-or-later
#
# zlib: the deflate compression library, headers and pkg-config file in
# staging, the shared library in the target.  Its ./configure is its own
# (not autoconf): it takes the compiler and tools from the environment and
# refuses --host, so the commands are written here.  Debian repacks the
# tarball (1.2.13.dfsg: some of contrib/ left out); the hash file lists
# both, so either source builds the same library.

ZLIB_VERSION = 1.2.13
ZLIB_SITE = https://zlib.net/fossils
ZLIB_SOURCE = zlib-$(ZLIB_VERSION).tar.gz
ZLIB_LICENSE = Zlib
ZLIB_LICENSE_FILES = LICENSE
ZLIB_INSTALL_STAGING = YES

define ZLIB_CONFIGURE_CMDS
	cd $(@D) && $(TARGET_CONFIGURE_OPTS) RANLIB=$(TARGET_RANLIB) CHOST=$(GNU_TARGET_NAME) \
		./configure --prefix=/usr $(if $(filter y,$(KILN_TOOLCHAIN_STATIC)),--static)
endef

define ZLIB_BUILD_CMDS
	$(TARGET_MAKE_ENV) $(MAKE) -C $(@D)
endef

define ZLIB_INSTALL_STAGING_CMDS
	$(TARGET_MAKE_ENV) $(MAKE) -C $(@D) DESTDIR=$(STAGING_DIR) install
endef

# headers, the static library, the pkg-config file and the manual go with
# the target's clean-up (fs/system/system.mk)
define ZLIB_INSTALL_TARGET_CMDS
	$(TARGET_MAKE_ENV) $(MAKE) -C $(@D) DESTDIR=$(TARGET_DIR) install
endef

$(eval $(generic-package))
