# SPDX-License-Identifier: GPL-2.0-or-later
KCONFDEMO_VERSION = 1.0
KCONFDEMO_SITE = $(KILN_EXTERNAL_KILN_TEST_PATH)/package/kconfdemo/src
KCONFDEMO_SITE_METHOD = local
KCONFDEMO_LICENSE = GPL-2.0-or-later
KCONFDEMO_KCONFIG_FILE = $(KILN_EXTERNAL_KILN_TEST_PATH)/package/kconfdemo/kconfdemo.config
KCONFDEMO_KCONFIG_FRAGMENT_FILES = $(KILN_EXTERNAL_KILN_TEST_PATH)/package/kconfdemo/fragment.config \
	$(KILN_PACKAGE_KCONFDEMO_FRAGMENT)
KCONFDEMO_KCONFIG_OPTS = CONF=$(KILN_CONF)

define KCONFDEMO_BUILD_CMDS
	$(MAKE) -C $(@D) CONF=$(KILN_CONF) features.txt
endef

define KCONFDEMO_INSTALL_TARGET_CMDS
	install -D -m 0644 $(@D)/features.txt $(TARGET_DIR)/etc/kconfdemo.txt
endef

$(eval $(kconfig-package))
