# SPDX-License-Identifier: GPL-2.0-or-later
#
# The compilers packages build with.  Each package sees only its
# dependencies: DEPS_STAGING_DIR and DEPS_HOST_DIR are its own views
# (package/pkg-generic.mk), so these flags are expanded inside its steps.
#
# With musl (the default), every target package depends on
# toolchain-external: the toolchain wrapper (host-toolchain-wrapper), musl
# and the kernel's UAPI headers (linux-headers).  Its compiler is then
#   $(DEPS_HOST_DIR)/bin/<arch>-kiln-linux-musl-gcc
# whose sysroot is $(DEPS_STAGING_DIR): no -I or -L is needed.

# The external compiler from the host, and its binutils.
TOOLCHAIN_EXTERNAL_PREFIX = $(KILN_TOOLCHAIN_EXTERNAL_PREFIX)
TOOLCHAIN_EXTERNAL_CC = $(TOOLCHAIN_EXTERNAL_PREFIX)gcc
# found without a shell: the first <prefix>gcc along PATH
kiln-which = $(firstword $(wildcard $(addsuffix /$(1),$(subst :, ,$(KILN_HOST_PATH)))))

ifeq ($(KILN_TOOLCHAIN_MUSL),y)
GNU_TARGET_NAME = $(KILN_ARCH)-kiln-linux-musl
TARGET_CROSS = $(DEPS_HOST_DIR)/bin/$(GNU_TARGET_NAME)-
TARGET_CPPFLAGS =
TARGET_LDFLAGS = $(if $(filter y,$(KILN_TOOLCHAIN_STATIC)),-static)
KILN_TARGET_BASE_DEPENDENCIES := toolchain-external
KILN_BASE_PACKAGES := toolchain-external musl linux-headers
# The C library's loader, which every dynamic program names.
TOOLCHAIN_LOADER = /lib/ld-musl-$(KILN_MUSL_ARCH).so.1
else
GNU_TARGET_NAME = $(KILN_ARCH)-linux-gnu
TARGET_CROSS = $(TOOLCHAIN_EXTERNAL_PREFIX)
TARGET_CPPFLAGS = -I$(DEPS_STAGING_DIR)/usr/include
TARGET_LDFLAGS = -L$(DEPS_STAGING_DIR)/usr/lib -L$(DEPS_STAGING_DIR)/lib
KILN_TARGET_BASE_DEPENDENCIES :=
endif

TARGET_CC = $(TARGET_CROSS)gcc
TARGET_CPP = $(TARGET_CROSS)cpp
TARGET_CXX = $(TARGET_CROSS)g++
TARGET_AR = $(TARGET_CROSS)ar
TARGET_AS = $(TARGET_CROSS)as
TARGET_LD = $(TARGET_CROSS)ld
TARGET_NM = $(TARGET_CROSS)nm
TARGET_RANLIB = $(TARGET_CROSS)ranlib
TARGET_OBJCOPY = $(TARGET_CROSS)objcopy
TARGET_READELF = $(TARGET_CROSS)readelf
TARGET_STRIP = $(TARGET_CROSS)strip
TARGET_CFLAGS = -O2 -pipe

TARGET_CONFIGURE_OPTS = CC="$(TARGET_CC)" CPP="$(TARGET_CPP)" CXX="$(TARGET_CXX)" \
	AR="$(TARGET_AR)" AS="$(TARGET_AS)" LD="$(TARGET_LD)" NM="$(TARGET_NM)" \
	RANLIB="$(TARGET_RANLIB)" OBJCOPY="$(TARGET_OBJCOPY)" READELF="$(TARGET_READELF)" \
	STRIP="$(TARGET_STRIP)" CPPFLAGS="$(TARGET_CPPFLAGS)" \
	CFLAGS="$(TARGET_CFLAGS)" LDFLAGS="$(TARGET_LDFLAGS)"
TARGET_MAKE_ENV = PATH="$(DEPS_HOST_DIR)/bin:$(KILN_HOST_PATH)"

HOST_CC = gcc
HOST_CXX = g++
HOST_CPPFLAGS = -I$(DEPS_HOST_DIR)/include
HOST_CFLAGS = -O2 -pipe
HOST_LDFLAGS = -L$(DEPS_HOST_DIR)/lib -Wl,-rpath,$(DEPS_HOST_DIR)/lib
HOST_CONFIGURE_OPTS = CC="$(HOST_CC)" CXX="$(HOST_CXX)" CPPFLAGS="$(HOST_CPPFLAGS)" \
	CFLAGS="$(HOST_CFLAGS)" LDFLAGS="$(HOST_LDFLAGS)"
HOST_MAKE_ENV = PATH="$(DEPS_HOST_DIR)/bin:$(KILN_HOST_PATH)"

# Exported to every step: the time builds may record (BusyBox's banner,
# ...), KILN_EPOCH of fs/system/system.mk, and KILN_CCACHE, with which the
# wrapper runs the compiler through ccache.  (ccache is not part of any
# signature: it gives the same objects.)  Under a top-level make without
# -j, the package's own make gets -j KILN_JLEVEL (0: one job per CPU), as
# a package built by hand would; under make -jN, it shares those N.
define KILN_STEP_ENVIRONMENT
export SOURCE_DATE_EPOCH=$(KILN_EPOCH)
case " $$MAKEFLAGS" in *" -j"*) ;; *) export MAKEFLAGS="$${MAKEFLAGS:+$$MAKEFLAGS }-j$(if $(filter-out 0,$(KILN_JLEVEL)),$(KILN_JLEVEL),$$(nproc))" ;; esac
export KILN_CCACHE=$(if $(filter y,$(KILN_CCACHE)),ccache)
$(if $(filter y,$(KILN_CCACHE)),export CCACHE_DIR="$(call qstrip,$(KILN_CCACHE_DIR))" CCACHE_BASEDIR=$(O) CCACHE_IGNOREOPTIONS='-ffile-prefix-map=*')
endef
KILN_UNTRACKED_SYMBOLS += KILN_CCACHE KILN_CCACHE_DIR KILN_JLEVEL

# Checked when building starts (with the dependency errors): the external
# compiler must be there.
KILN_BUILD_ERRORS += $(if $(call kiln-which,$(TOOLCHAIN_EXTERNAL_CC)),,toolchain/Config.in: \
	the external compiler '$(TOOLCHAIN_EXTERNAL_CC)' is not in PATH: install it$(if \
	$(filter aarch64-linux-gnu-,$(TOOLCHAIN_EXTERNAL_PREFIX)), (apt-get install gcc-aarch64-linux-gnu)) \
	or set the compiler prefix (Toolchain menu$(comma) KILN_TOOLCHAIN_EXTERNAL_PREFIX)$(newline))
$(if $(filter y,$(KILN_CCACHE)),$(eval KILN_BUILD_ERRORS += $$(if $$(call kiln-which,ccache),,Config.in: \
	KILN_CCACHE is set but ccache is not installed: apt-get install ccache$$(newline))))

KILN_INFRA_FILES_common := $(KILN_TOP)/toolchain/toolchain.mk
# In every package's signature: the architecture, the toolchain's options
# and the epoch (every step gets SOURCE_DATE_EPOCH).
KILN_INFRA_SYMBOLS_common := KILN_ARCH KILN_ARCH_* KILN_KERNEL_ARCH KILN_MUSL_ARCH KILN_TOOLCHAIN_* KILN_ROOTFS_EPOCH
