# SPDX-License-Identifier: GPL-2.0-or-later
#
# linux-headers: the kernel's UAPI headers (<linux/...>, <asm/...>) in
# staging, from the kernel's own source, for musl's users.  Never the host's.
# Always the long-term release of linux/Config.in, whatever the kernel.

LINUX_HEADERS_VERSION = $(call qstrip,$(KILN_LINUX_KERNEL_LATEST_6_1_VERSION))
LINUX_HEADERS_CONFIG_SYMBOLS = KILN_LINUX_KERNEL_LATEST_6_1_VERSION
LINUX_HEADERS_SITE = https://cdn.kernel.org/pub/linux/kernel/v6.x
LINUX_HEADERS_SOURCE = linux-$(LINUX_HEADERS_VERSION).tar.xz
# the same file as the kernel's, kept once in dl/linux/
LINUX_HEADERS_DL_SUBDIR = linux
LINUX_HEADERS_DEBIAN_SOURCE = linux
LINUX_HEADERS_LICENSE = GPL-2.0 WITH Linux-syscall-note
LINUX_HEADERS_LICENSE_FILES = COPYING LICENSES/exceptions/Linux-syscall-note
LINUX_HEADERS_INSTALL_STAGING = YES
LINUX_HEADERS_INSTALL_TARGET = NO
LINUX_HEADERS_ADD_TOOLCHAIN_DEPENDENCY = NO

# Only what 'make headers' needs is unpacked: no drivers, no other architecture.
define LINUX_HEADERS_EXTRACT_CMDS
	find $(@D) -mindepth 1 -maxdepth 1 ! -name '.stamp_*' ! -name .kiln -exec rm -rf {} +
	tar -xf "$$(head -n 1 $(@D)/.kiln/sources)" -C $(@D) --no-same-owner --strip-components=1 \
		--wildcards --no-wildcards-match-slash 'linux-*/Makefile' 'linux-*/COPYING' \
		'linux-*/LICENSES' 'linux-*/Kbuild' 'linux-*/scripts' 'linux-*/include' \
		'linux-*/arch/$(KILN_KERNEL_ARCH)' 'linux-*/tools/include' 'linux-*/usr'
endef

define LINUX_HEADERS_BUILD_CMDS
	$(MAKE) -C $(@D) ARCH=$(KILN_KERNEL_ARCH) HOSTCC=gcc headers
endef

# 'make headers' leaves them in usr/include; staging gets the .h files.
define LINUX_HEADERS_INSTALL_STAGING_CMDS
	cd $(@D)/usr/include && find . -name '*.h' -exec install -D -m 0644 {} $(STAGING_DIR)/usr/include/{} \;
endef

$(eval $(generic-package))
