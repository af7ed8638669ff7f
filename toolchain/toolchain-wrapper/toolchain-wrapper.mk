# SPDX-License-Identifier: GPL-2.0-or-later
#
# host-toolchain-wrapper: Kiln's toolchain wrapper (src/toolchain-wrapper.c)
# as $(GNU_TARGET_NAME)-gcc, -cc and -cpp, and the external binutils linked
# under the same names, in the host tree.  What the wrapper adds is decided
# here, when it is compiled: changing the compiler prefix, the ABI flags or
# static linking rebuilds it, and with it every target package.

TOOLCHAIN_WRAPPER_VERSION = 1.0
TOOLCHAIN_WRAPPER_SITE = $(KILN_TOP)/toolchain/toolchain-wrapper/src
TOOLCHAIN_WRAPPER_SITE_METHOD = local
TOOLCHAIN_WRAPPER_LICENSE = GPL-2.0-or-later

# the external binutils (and gcc's own tools) given the target's name
TOOLCHAIN_WRAPPER_TOOLS = addr2line ar as c++filt elfedit gcc-ar gcc-nm gcc-ranlib \
	gcov ld ld.bfd nm objcopy objdump ranlib readelf size strings strip

define HOST_TOOLCHAIN_WRAPPER_CONFIGURE_CMDS
	real=$$(command -v $(TOOLCHAIN_EXTERNAL_CC)) || { \
		echo "Kiln: the external compiler $(TOOLCHAIN_EXTERNAL_CC) is not in PATH (set KILN_TOOLCHAIN_EXTERNAL_PREFIX)"; exit 1; }; \
	machine=$$($$real -dumpmachine); \
	case $$machine in \
	$(KILN_ARCH)-*) ;; \
	*) echo "Kiln: $$real builds for $$machine, not $(KILN_ARCH): set the compiler prefix (KILN_TOOLCHAIN_EXTERNAL_PREFIX)"; exit 1 ;; \
	esac
endef

define HOST_TOOLCHAIN_WRAPPER_BUILD_CMDS
	$(HOST_CC) -O2 -std=gnu11 -Wall -Wextra -Werror \
		-DKILN_REAL_CC="\"$$(command -v $(TOOLCHAIN_EXTERNAL_CC))\"" \
		-DKILN_REAL_CPP="\"$$(command -v $(TOOLCHAIN_EXTERNAL_PREFIX)cpp)\"" \
		-DKILN_TUPLE='"$(GNU_TARGET_NAME)"' \
		-DKILN_LOADER='"$(TOOLCHAIN_LOADER)"' \
		-DKILN_ABI_FLAGS='"$(KILN_TOOLCHAIN_ABI_FLAGS)"' \
		-DKILN_STATIC=$(if $(filter y,$(KILN_TOOLCHAIN_STATIC)),1,0) \
		-o $(@D)/toolchain-wrapper $(@D)/toolchain-wrapper.c
endef

define HOST_TOOLCHAIN_WRAPPER_INSTALL_CMDS
	install -D -m 0755 $(@D)/toolchain-wrapper $(HOST_DIR)/bin/$(GNU_TARGET_NAME)-gcc
	install -D -m 0644 $(@D)/toolchain-wrapper.specs $(HOST_DIR)/share/kiln-toolchain/wrapper.specs
	ln $(HOST_DIR)/bin/$(GNU_TARGET_NAME)-gcc $(HOST_DIR)/bin/$(GNU_TARGET_NAME)-cc
	ln $(HOST_DIR)/bin/$(GNU_TARGET_NAME)-gcc $(HOST_DIR)/bin/$(GNU_TARGET_NAME)-cpp
	for tool in $(TOOLCHAIN_WRAPPER_TOOLS); do \
		real=$$(command -v $(TOOLCHAIN_EXTERNAL_PREFIX)$$tool) || continue; \
		ln -s $$real $(HOST_DIR)/bin/$(GNU_TARGET_NAME)-$$tool; \
	done
endef

$(eval $(host-generic-package))
