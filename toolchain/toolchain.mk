# SPDX-License-Identifier: GPL-2.0-or-later
#
# The compilers packages build with.  Each package sees only its
# dependencies: DEPS_STAGING_DIR and DEPS_HOST_DIR are its own views
# (package/pkg-generic.mk), so these flags are expanded inside its steps.

TARGET_CROSS = $(KILN_TOOLCHAIN_EXTERNAL_PREFIX)
TARGET_CC = $(TARGET_CROSS)gcc
TARGET_CXX = $(TARGET_CROSS)g++
TARGET_AR = $(TARGET_CROSS)ar
TARGET_LD = $(TARGET_CROSS)ld
TARGET_STRIP = $(TARGET_CROSS)strip
TARGET_CPPFLAGS = -I$(DEPS_STAGING_DIR)/usr/include
TARGET_CFLAGS = -O2 -pipe
TARGET_LDFLAGS = -L$(DEPS_STAGING_DIR)/usr/lib -L$(DEPS_STAGING_DIR)/lib
GNU_TARGET_NAME = $(KILN_ARCH)-linux-gnu

TARGET_CONFIGURE_OPTS = CC="$(TARGET_CC)" CXX="$(TARGET_CXX)" AR="$(TARGET_AR)" \
	LD="$(TARGET_LD)" STRIP="$(TARGET_STRIP)" CPPFLAGS="$(TARGET_CPPFLAGS)" \
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

# Every target package depends on these (none yet: the toolchain package
# with musl comes with the base system).
KILN_TARGET_BASE_DEPENDENCIES :=

KILN_INFRA_FILES_common := $(KILN_TOP)/toolchain/toolchain.mk
