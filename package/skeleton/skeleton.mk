# SPDX-License-Identifier: GPL-2.0-or-later
#
# skeleton: the standard folders and the files of /etc, from rootfs/ and
# the System configuration options.  /dev stays empty: devtmpfs fills it at
# boot (fs/device_table.txt adds the two nodes needed before that).

SKELETON_VERSION = 1.0
SKELETON_SITE = $(KILN_TOP)/package/skeleton/rootfs
SKELETON_SITE_METHOD = local
SKELETON_LICENSE = GPL-2.0-or-later
SKELETON_ADD_TOOLCHAIN_DEPENDENCY = NO
# the system options it writes into /etc (fs/system/Config.in)
SKELETON_CONFIG_SYMBOLS = KILN_TARGET_HOSTNAME KILN_TARGET_BANNER

SKELETON_DIRS = bin sbin lib usr/bin usr/sbin usr/lib dev proc sys tmp run \
	root home mnt media opt var/lib var/spool etc/init.d etc/profile.d

SKELETON_HOSTNAME = $(call qstrip,$(KILN_TARGET_HOSTNAME))

define SKELETON_INSTALL_TARGET_CMDS
	cd $(TARGET_DIR) && mkdir -p $(SKELETON_DIRS)
	cp -a $(@D)/etc $(TARGET_DIR)/
	chmod 0600 $(TARGET_DIR)/etc/shadow
	chmod 0700 $(TARGET_DIR)/root
	chmod 1777 $(TARGET_DIR)/tmp
	ln -s ../run $(TARGET_DIR)/var/run
	ln -s ../tmp $(TARGET_DIR)/var/tmp
	ln -s ../tmp $(TARGET_DIR)/var/log
	ln -s ../run/resolv.conf $(TARGET_DIR)/etc/resolv.conf
	echo $(call kiln-sh-quote,$(SKELETON_HOSTNAME)) >$(TARGET_DIR)/etc/hostname
	printf '127.0.0.1\tlocalhost\n127.0.1.1\t%s\n::1\t\tlocalhost ip6-localhost ip6-loopback\n' \
		$(call kiln-sh-quote,$(SKELETON_HOSTNAME)) >$(TARGET_DIR)/etc/hosts
	printf '%s\n\n' $(call kiln-sh-quote,$(call qstrip,$(KILN_TARGET_BANNER))) >$(TARGET_DIR)/etc/issue
endef

$(eval $(generic-package))
