# SPDX-License-Identifier: GPL-2.0-or-later
#
# pideisn: Kiln's PID 1 (docs/pideisn.md), from the sources beside this
# recipe, linked statically.  Installed as /sbin/pideisn with the links
# init (/sbin/init, and /init for the initramfs), poweroff, reboot and
# halt, a getty service for the configured console, and /etc/resolv.conf
# pointing to the file its DHCP client writes under /run.

PIDEISN_VERSION = 0.1
PIDEISN_SITE = package/pideisn/src
PIDEISN_SITE_METHOD = local
PIDEISN_LICENSE = GPL-2.0-or-later
# the console its getty service runs on (fs/system/Config.in)
PIDEISN_CONFIG_SYMBOLS = KILN_TARGET_GETTY_PORT KILN_TARGET_GETTY_BAUDRATE

# -z norelro: RELRO is the dynamic linker's to apply (musl's static start
# never mprotects it), so a static pideisn gains nothing from it; and
# binutils aligns its end to the largest page size, which on aarch64
# (64 KiB) padded the file by up to 64 KiB.  Without it the data segment
# follows the text in the file, at an address still congruent to its
# offset modulo 64 KiB: valid for kernels of any page size.
PIDEISN_LDFLAGS = -static -Wl,--gc-sections -Wl,-z,norelro

define PIDEISN_BUILD_CMDS
	$(TARGET_MAKE_ENV) $(MAKE) -C $(@D) O=$(@D)/out CC="$(TARGET_CC)" \
		CFLAGS="$(TARGET_CFLAGS) -Os -ffunction-sections -fdata-sections" \
		LDFLAGS="$(TARGET_LDFLAGS) $(PIDEISN_LDFLAGS)" \
		VERSION=$(PIDEISN_VERSION) pideisn
endef

define PIDEISN_INSTALL_TARGET_CMDS
	install -D -m 0755 $(@D)/out/pideisn $(TARGET_DIR)/sbin/pideisn
	ln -sf pideisn $(TARGET_DIR)/sbin/init
	ln -sf sbin/pideisn $(TARGET_DIR)/init
	for name in poweroff reboot halt; do ln -sf pideisn $(TARGET_DIR)/sbin/$$name; done
	install -D -m 0644 $(PIDEISN_RECIPE_DIR)/files/getty $(TARGET_DIR)/etc/pideisn/services/getty
	sed -i 's|@CONSOLE@|$(call qstrip,$(KILN_TARGET_GETTY_PORT))|g; s|@BAUD@|$(call qstrip,$(KILN_TARGET_GETTY_BAUDRATE))|g' \
		$(TARGET_DIR)/etc/pideisn/services/getty
	ln -sf ../run/resolv.conf $(TARGET_DIR)/etc/resolv.conf
endef

$(eval $(generic-package))
