# SPDX-License-Identifier: GPL-2.0-or-later
#
# The Linux kernel (linux/Config.in): built with the external compiler
# itself (a kernel needs no C library), configured from tinyconfig, the
# architecture's defconfig, one of the tree's defconfigs or a file of your
# own, with the fragments merged in order by Kiln's 'kconfig merge', which
# names every option that did not survive.  The image goes to
# output/images/; modules, when enabled, to /lib/modules of the target.

LINUX_ENABLE_SYMBOL = KILN_LINUX_KERNEL
LINUX_VERSION = $(call qstrip,$(KILN_LINUX_KERNEL_VERSION))
LINUX_LICENSE = GPL-2.0
LINUX_LICENSE_FILES = COPYING
# the same files as linux-headers', kept once in dl/linux/
LINUX_DL_SUBDIR = linux
ifeq ($(KILN_LINUX_KERNEL_CUSTOM_TARBALL),y)
LINUX_TARBALL = $(call qstrip,$(KILN_LINUX_KERNEL_CUSTOM_TARBALL_LOCATION))
LINUX_SITE = $(patsubst %/,%,$(dir $(LINUX_TARBALL)))
LINUX_SOURCE = $(notdir $(LINUX_TARBALL))
LINUX_DEBIAN_SOURCE = NO
else ifeq ($(KILN_LINUX_KERNEL_CUSTOM_LOCAL),y)
LINUX_SITE = $(call qstrip,$(KILN_LINUX_KERNEL_CUSTOM_LOCAL_PATH))
LINUX_SITE_METHOD = local
else
LINUX_SITE = https://cdn.kernel.org/pub/linux/kernel/v$(firstword $(subst ., ,$(LINUX_VERSION))).x
LINUX_SOURCE = linux-$(LINUX_VERSION).tar.xz
# Debian's 'linux' source package of the same release, repacked (its own
# hash is in linux.hash)
LINUX_DEBIAN_SOURCE = linux
endif
# kbuild: a killed build goes on where it stopped
LINUX_RESUMABLE = YES
# the longest build of a board: make starts it first, the rest runs beside it
LINUX_START_EARLY = YES
# no C library, no headers of staging: only the external compiler
LINUX_ADD_TOOLCHAIN_DEPENDENCY = NO
LINUX_INSTALL_IMAGES = YES
LINUX_INSTALL_TARGET = $(if $(filter y,$(KILN_LINUX_KERNEL_MODULES) $(KILN_LINUX_KERNEL_INSTALL_TARGET)),YES,NO)

# ARCH as kbuild wants it: x86_64 (not x86, which means 32-bit to defconfig)
LINUX_ARCH = $(if $(filter x86,$(KILN_KERNEL_ARCH)),$(KILN_ARCH),$(KILN_KERNEL_ARCH))
LINUX_IMAGE_NAME = $(call qstrip,$(KILN_LINUX_KERNEL_IMAGE_NAME))
LINUX_IMAGE_PATH = $(if $(filter vmlinux,$(LINUX_IMAGE_NAME)),vmlinux,arch/$(KILN_KERNEL_ARCH)/boot/$(LINUX_IMAGE_NAME))

# Reproducible: the same user, host, build number and time in every build
# (the time is SOURCE_DATE_EPOCH's, which every step has); ccache when the
# configuration asks for it (KILN_CCACHE, exported to every step).
LINUX_CC = $${KILN_CCACHE:+$$KILN_CCACHE }$(TOOLCHAIN_EXTERNAL_PREFIX)gcc
LINUX_MAKE_OPTS = ARCH=$(LINUX_ARCH) CROSS_COMPILE="$(TOOLCHAIN_EXTERNAL_PREFIX)" \
	CC="$(LINUX_CC)" HOSTCC=gcc \
	KBUILD_BUILD_USER=kiln KBUILD_BUILD_HOST=kiln KBUILD_BUILD_VERSION=1 \
	KBUILD_BUILD_TIMESTAMP="$$(date -u -d @$$SOURCE_DATE_EPOCH)"
LINUX_MAKE_ENV = $(TARGET_MAKE_ENV)

# The base configuration, then the fragments: the configuration's, in
# order, and Kiln's own for the options chosen here.
LINUX_KCONFIG_DEFCONFIG = $(if $(filter y,$(KILN_LINUX_KERNEL_USE_TINYCONFIG)),tinyconfig)$(if \
	$(filter y,$(KILN_LINUX_KERNEL_USE_ARCH_DEFCONFIG)),defconfig)$(if \
	$(filter y,$(KILN_LINUX_KERNEL_USE_DEFCONFIG)),$(call qstrip,$(KILN_LINUX_KERNEL_DEFCONFIG))_defconfig)
LINUX_KCONFIG_FILE = $(if $(filter y,$(KILN_LINUX_KERNEL_USE_CUSTOM_CONFIG)),$(call kiln-top-path,$(KILN_LINUX_KERNEL_CUSTOM_CONFIG_FILE)))
LINUX_KCONFIG_FRAGMENT_FILES = $(call kiln-top-path,$(KILN_LINUX_KERNEL_CONFIG_FRAGMENT_FILES)) \
	$(if $(filter y,$(KILN_LINUX_KERNEL_MODULES)),$(LINUX_RECIPE_DIR)/modules.fragment)
LINUX_KCONFIG_OPTS = $(LINUX_MAKE_OPTS)
# What kbuild gives its Kconfig files ($(CC), $(LD), ... in their macros),
# so that Kiln's merge resolves as the kernel's own olddefconfig does.
LINUX_KCONFIG_ENV = ARCH=$(LINUX_ARCH) SRCARCH=$(KILN_KERNEL_ARCH) \
	KERNELVERSION="$$(make -s -C $(@D) kernelversion)" \
	CROSS_COMPILE="$(TOOLCHAIN_EXTERNAL_PREFIX)" HOSTCC=gcc HOSTCXX=g++ \
	$(foreach t,CC:gcc LD:ld AR:ar NM:nm OBJCOPY:objcopy OBJDUMP:objdump READELF:readelf STRIP:strip,\
		$(firstword $(subst :, ,$(t)))=$(TOOLCHAIN_EXTERNAL_PREFIX)$(lastword $(subst :, ,$(t)))) \
	RUSTC=rustc BINDGEN=bindgen PAHOLE=pahole PERL=perl \
	CC_VERSION_TEXT="$$($(TOOLCHAIN_EXTERNAL_PREFIX)gcc --version | head -n 1)"

# Configuration files named in the configuration must be there (reported
# when building starts).
ifeq ($(KILN_LINUX_KERNEL),y)
KILN_BUILD_ERRORS += $(call kiln-missing-files,KILN_LINUX_KERNEL_CUSTOM_CONFIG_FILE,$(LINUX_KCONFIG_FILE))$(call \
	kiln-missing-files,KILN_LINUX_KERNEL_CONFIG_FRAGMENT_FILES,$(call kiln-top-path,$(KILN_LINUX_KERNEL_CONFIG_FRAGMENT_FILES)))
KILN_BUILD_ERRORS += $(if $(LINUX_VERSION),,$(KILN_CONFIG): KILN_LINUX_KERNEL_CUSTOM_VERSION_VALUE is empty: set the kernel version$(newline))
endif

define LINUX_BUILD_CMDS
	$(LINUX_MAKE_ENV) $(MAKE) -C $(@D) $(LINUX_MAKE_OPTS) $(notdir $(LINUX_IMAGE_PATH)) \
		$(if $(filter y,$(KILN_LINUX_KERNEL_MODULES)),modules)
endef

define LINUX_INSTALL_IMAGES_CMDS
	install -m 0644 $(@D)/$(LINUX_IMAGE_PATH) $(BINARIES_DIR)/$(LINUX_IMAGE_NAME)
	install -m 0644 $(@D)/.config $(BINARIES_DIR)/linux.config
endef

define LINUX_INSTALL_TARGET_CMDS
	$(if $(filter y,$(KILN_LINUX_KERNEL_MODULES)),$(LINUX_MAKE_ENV) $(MAKE) -C $(@D) $(LINUX_MAKE_OPTS) \
		INSTALL_MOD_PATH=$(TARGET_DIR) INSTALL_MOD_STRIP=1 DEPMOD=/sbin/depmod modules_install
	rm -f $(TARGET_DIR)/lib/modules/*/build $(TARGET_DIR)/lib/modules/*/source)
	$(if $(filter y,$(KILN_LINUX_KERNEL_INSTALL_TARGET)),install -D -m 0644 $(@D)/$(LINUX_IMAGE_PATH) \
		$(TARGET_DIR)/boot/$(LINUX_IMAGE_NAME))
endef

$(eval $(kconfig-package))
