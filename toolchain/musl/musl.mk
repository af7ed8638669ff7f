# SPDX-License-Identifier: GPL-2.0-or-later
#
# musl, the target's C library, built with the external compiler itself
# (musl needs no C library to build).  Staging gets the headers, the start
# files and the libraries the wrapper links against; the target gets the
# dynamic loader, which is also the shared C library.

MUSL_VERSION = 1.2.3
MUSL_SITE = https://musl.libc.org/releases
MUSL_SOURCE = musl-$(MUSL_VERSION).tar.gz
MUSL_LICENSE = MIT
MUSL_LICENSE_FILES = COPYRIGHT
MUSL_INSTALL_STAGING = YES
MUSL_ADD_TOOLCHAIN_DEPENDENCY = NO

define MUSL_CONFIGURE_CMDS
	cd $(@D) && CC="$${KILN_CCACHE:+$$KILN_CCACHE }$(TOOLCHAIN_EXTERNAL_CC)" CROSS_COMPILE="$(TOOLCHAIN_EXTERNAL_PREFIX)" \
		CFLAGS="-O2 -pipe $(KILN_TOOLCHAIN_ABI_FLAGS) -ffile-prefix-map=$(@D)=." \
		./configure --target=$(KILN_MUSL_ARCH)-linux-musl --prefix=/usr \
		--syslibdir=/lib --disable-wrapper \
		$(if $(filter y,$(KILN_TOOLCHAIN_STATIC)),--disable-shared)
endef

# (an empty CROSS_COMPILE would mean "<target>-" to musl's configure)
MUSL_MAKE_OPTS = AR="$(TOOLCHAIN_EXTERNAL_PREFIX)ar" RANLIB="$(TOOLCHAIN_EXTERNAL_PREFIX)ranlib"

define MUSL_BUILD_CMDS
	$(MAKE) -C $(@D) $(MUSL_MAKE_OPTS)
endef

define MUSL_INSTALL_STAGING_CMDS
	$(MAKE) -C $(@D) $(MUSL_MAKE_OPTS) DESTDIR=$(STAGING_DIR) install
endef

ifneq ($(KILN_TOOLCHAIN_STATIC),y)
define MUSL_INSTALL_TARGET_CMDS
	install -D -m 0755 $(@D)/lib/libc.so $(TARGET_DIR)$(TOOLCHAIN_LOADER)
	mkdir -p $(TARGET_DIR)/usr/bin
	ln -s $(TOOLCHAIN_LOADER) $(TARGET_DIR)/usr/bin/ldd
endef
endif

$(eval $(generic-package))
