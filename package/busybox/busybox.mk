# SPDX-License-Identifier: GPL-2.0-or-later
#
# BusyBox: the shell, the core utilities, init, mount, ip, udhcpc, vi, ...
# in one program, configured with its own Kconfig from
# KILN_PACKAGE_BUSYBOX_CONFIG (Kiln's busybox.config by default) and the
# fragments in KILN_PACKAGE_BUSYBOX_CONFIG_FRAGMENT_FILES.  Its applet links
# give way to any other package's program of the same name.

BUSYBOX_VERSION = 1.35.0
BUSYBOX_SITE = https://www.busybox.net/downloads
BUSYBOX_SOURCE = busybox-$(BUSYBOX_VERSION).tar.bz2
BUSYBOX_LICENSE = GPL-2.0
BUSYBOX_LICENSE_FILES = LICENSE
# kbuild: a killed build goes on where it stopped
BUSYBOX_RESUMABLE = YES
BUSYBOX_TARGET_FILES_YIELD = YES
# the system options it installs init with (fs/system/Config.in)
BUSYBOX_CONFIG_SYMBOLS = KILN_INIT_BUSYBOX KILN_TARGET_GETTY_PORT KILN_TARGET_GETTY_BAUDRATE

BUSYBOX_KCONFIG_FILE = $(call kiln-top-path,$(KILN_PACKAGE_BUSYBOX_CONFIG))
BUSYBOX_KCONFIG_FRAGMENT_FILES = $(call kiln-top-path,$(KILN_PACKAGE_BUSYBOX_CONFIG_FRAGMENT_FILES)) \
	$(if $(filter y,$(KILN_INIT_BUSYBOX)),$(BUSYBOX_RECIPE_DIR)/init.fragment)
# BusyBox's Kconfig files are in Linux 4.11's dialect, and most of its
# Config.in files are generated; its Kconfig has no olddefconfig.
BUSYBOX_KCONFIG_KCONFIG = Config.in
BUSYBOX_KCONFIG_DIALECT = legacy
define BUSYBOX_KCONFIG_PREPARE_CMDS
	$(BUSYBOX_MAKE_ENV) $(MAKE) -C $(@D) $(BUSYBOX_MAKE_OPTS) gen_build_files
endef
BUSYBOX_KCONFIG_RESOLVE = oldconfig

BUSYBOX_MAKE_OPTS = CROSS_COMPILE="$(TARGET_CROSS)" HOSTCC=gcc SKIP_STRIP=y \
	CONFIG_EXTRA_CFLAGS="$(TARGET_CFLAGS)" KBUILD_VERBOSE=1
BUSYBOX_KCONFIG_OPTS = $(BUSYBOX_MAKE_OPTS)
BUSYBOX_MAKE_ENV = $(TARGET_MAKE_ENV)

define BUSYBOX_BUILD_CMDS
	$(BUSYBOX_MAKE_ENV) $(MAKE) -C $(@D) $(BUSYBOX_MAKE_OPTS)
endef

define BUSYBOX_INSTALL_TARGET_CMDS
	$(BUSYBOX_MAKE_ENV) $(MAKE) -C $(@D) $(BUSYBOX_MAKE_OPTS) CONFIG_PREFIX=$(TARGET_DIR) install
endef

# BusyBox as init: its inittab, the start scripts and udhcpc's script.
define BUSYBOX_INSTALL_INIT
	install -D -m 0644 $(BUSYBOX_RECIPE_DIR)/files/inittab $(TARGET_DIR)/etc/inittab
	sed -i 's|@CONSOLE@|$(call qstrip,$(KILN_TARGET_GETTY_PORT))|g; s|@BAUD@|$(call qstrip,$(KILN_TARGET_GETTY_BAUDRATE))|g' \
		$(TARGET_DIR)/etc/inittab
	install -D -m 0755 $(BUSYBOX_RECIPE_DIR)/files/rcS $(TARGET_DIR)/etc/init.d/rcS
	install -D -m 0755 $(BUSYBOX_RECIPE_DIR)/files/rcK $(TARGET_DIR)/etc/init.d/rcK
	install -D -m 0755 $(BUSYBOX_RECIPE_DIR)/files/S10mount $(TARGET_DIR)/etc/init.d/S10mount
	install -D -m 0755 $(BUSYBOX_RECIPE_DIR)/files/S40network $(TARGET_DIR)/etc/init.d/S40network
	install -D -m 0755 $(BUSYBOX_RECIPE_DIR)/files/udhcpc.script $(TARGET_DIR)/usr/share/udhcpc/default.script
endef
ifeq ($(KILN_INIT_BUSYBOX),y)
BUSYBOX_POST_INSTALL_TARGET_HOOKS += BUSYBOX_INSTALL_INIT
endif

$(eval $(kconfig-package))
