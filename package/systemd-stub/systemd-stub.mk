# SPDX-License-Identifier: GPL-2.0-or-later
#
# systemd-stub: the UEFI boot stub of a Unified Kernel Image (fs/uki/),
# as Debian 12 builds it: the systemd-boot-efi binary package of the
# target's architecture, fetched from the Debian archive's pool like any
# download and checked against its hash (the arm64 package on an x86_64
# host too: nothing is installed on the host).  Only the stub is kept, in
# staging where Debian has it; the target gets nothing.

SYSTEMD_STUB_VERSION = 252.39-1~deb12u2
SYSTEMD_STUB_DEB_ARCH = $(if $(filter aarch64,$(KILN_ARCH)),arm64,amd64)
SYSTEMD_STUB_EFI_ARCH = $(if $(filter aarch64,$(KILN_ARCH)),aa64,x64)
SYSTEMD_STUB_SITE = http://deb.debian.org/debian/pool/main/s/systemd
SYSTEMD_STUB_SOURCE = systemd-boot-efi_$(SYSTEMD_STUB_VERSION)_$(SYSTEMD_STUB_DEB_ARCH).deb
# a binary package: there is no Debian source package to fall back to
SYSTEMD_STUB_DEBIAN_SOURCE = NO
SYSTEMD_STUB_LICENSE = LGPL-2.1-or-later
SYSTEMD_STUB_LICENSE_FILES = usr/share/doc/systemd-boot-efi/copyright
SYSTEMD_STUB_ADD_TOOLCHAIN_DEPENDENCY = NO
SYSTEMD_STUB_INSTALL_STAGING = YES
SYSTEMD_STUB_INSTALL_TARGET = NO
# where fs/uki/uki.mk finds it
SYSTEMD_STUB_PATH = usr/lib/systemd/boot/efi/linux$(SYSTEMD_STUB_EFI_ARCH).efi.stub

define SYSTEMD_STUB_EXTRACT_CMDS
	dpkg-deb -x "$$(head -n 1 $(@D)/.kiln/sources)" $(@D)
endef

define SYSTEMD_STUB_INSTALL_STAGING_CMDS
	install -D -m 0644 $(@D)/$(SYSTEMD_STUB_PATH) $(STAGING_DIR)/$(SYSTEMD_STUB_PATH)
endef

$(eval $(generic-package))
