# SPDX-License-Identifier: GPL-2.0-or-later
#
# toolchain-external: what every target package builds with when musl is
# the C library (toolchain/toolchain.mk adds it to every target package's
# dependencies): the wrapper, musl and the kernel headers.  Nothing of its
# own to build.

TOOLCHAIN_EXTERNAL_VERSION = $(MUSL_VERSION)
TOOLCHAIN_EXTERNAL_LICENSE = (see its dependencies)
TOOLCHAIN_EXTERNAL_DEPENDENCIES = host-toolchain-wrapper musl linux-headers
TOOLCHAIN_EXTERNAL_ADD_TOOLCHAIN_DEPENDENCY = NO

$(eval $(generic-package))
