# SPDX-License-Identifier: GPL-2.0-or-later
AUTODEMO_VERSION = 0.9
AUTODEMO_SITE = $(KILN_EXTERNAL_KILN_TEST_PATH)/package/autodemo/src
AUTODEMO_SITE_METHOD = local
AUTODEMO_LICENSE = GPL-2.0-or-later
AUTODEMO_CONF_OPTS = --enable-shout

$(eval $(autotools-package))
$(eval $(host-autotools-package))
