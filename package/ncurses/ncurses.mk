# SPDX-License-Identifier: GPL-2.0-or-later
#
# ncurses: the terminal library (wide characters), its headers in staging,
# its libraries and a small set of terminal descriptions in the target.
# The descriptions are compiled by the host's tic (ncurses-bin) from
# ncurses' own misc/terminfo.src (into a folder that must exist: tic
# silently writes nothing otherwise).

NCURSES_VERSION = 6.4
NCURSES_SITE = https://ftp.gnu.org/gnu/ncurses
NCURSES_SOURCE = ncurses-$(NCURSES_VERSION).tar.gz
NCURSES_LICENSE = X11
NCURSES_LICENSE_FILES = COPYING
NCURSES_INSTALL_STAGING = YES

NCURSES_CONF_OPTS = --enable-widec --without-cxx --without-cxx-binding --without-ada \
	--without-progs --without-tests --without-manpages --without-debug --without-profile \
	--without-gpm --disable-db-install --disable-stripping --disable-rpath-hack \
	--enable-pc-files --with-pkg-config-libdir=/usr/lib/pkgconfig \
	--with-default-terminfo-dir=/usr/share/terminfo --with-terminfo-dirs=/usr/share/terminfo \
	--with-build-cc=gcc \
	$(if $(filter y,$(KILN_TOOLCHAIN_STATIC)),--without-shared --with-normal,--with-shared --without-normal)

NCURSES_TERMINFO = $(call qstrip,$(KILN_PACKAGE_NCURSES_TERMINFO))

# the target gets the libraries and the terminal descriptions, not the
# programs (its headers, static libraries and pkg-config files go with the
# target's clean-up, fs/system/system.mk)
define NCURSES_TARGET_CLEANUP
	rm -rf $(TARGET_DIR)/usr/bin
	mkdir -p $(TARGET_DIR)/usr/share/terminfo
	$(if $(NCURSES_TERMINFO),tic -x -o $(TARGET_DIR)/usr/share/terminfo \
		-e $(subst $(space),$(comma),$(NCURSES_TERMINFO)) $(@D)/misc/terminfo.src)
endef
NCURSES_POST_INSTALL_TARGET_HOOKS += NCURSES_TARGET_CLEANUP

$(eval $(autotools-package))
