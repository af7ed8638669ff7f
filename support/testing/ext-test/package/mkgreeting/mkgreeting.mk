# SPDX-License-Identifier: GPL-2.0-or-later
# A host tool only: app-bar runs it while building.
MKGREETING_VERSION = 1.0
MKGREETING_SITE = $(KILN_EXTERNAL_KILN_TEST_PATH)/package/mkgreeting/src
MKGREETING_SITE_METHOD = local
MKGREETING_LICENSE = GPL-2.0-or-later

define HOST_MKGREETING_BUILD_CMDS
	$(HOST_CC) $(HOST_CFLAGS) -o $(@D)/mkgreeting $(@D)/mkgreeting.c
endef

define HOST_MKGREETING_INSTALL_CMDS
	install -D -m 0755 $(@D)/mkgreeting $(HOST_DIR)/bin/mkgreeting
endef

$(eval $(host-generic-package))
