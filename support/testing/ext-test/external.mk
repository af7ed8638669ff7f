# SPDX-License-Identifier: GPL-2.0-or-later
include $(sort $(wildcard $(KILN_EXTERNAL_KILN_TEST_PATH)/package/*/*.mk))
