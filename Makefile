# SPDX-License-Identifier: GPL-2.0-or-later
#
# Kiln: the only entry point.  For now it builds and tests the Kconfig
# engine; the package build core comes next (see README.md).

KCONFIG_DIR := support/kconfig

.PHONY: all help kconfig kconfig-san test clean

all: kconfig

help:
	@echo 'Kiln targets:'
	@echo '  kconfig      build the Kconfig engine (support/kconfig/build/conf)'
	@echo '  kconfig-san  the same under AddressSanitizer and UBSan (build-san/conf)'
	@echo '  test         build both and run every test in t/ with prove'
	@echo '  clean        remove build results'

kconfig:
	@$(MAKE) --no-print-directory -C $(KCONFIG_DIR)

kconfig-san:
	@$(MAKE) --no-print-directory -C $(KCONFIG_DIR) SANITIZE=1 all replay

test: kconfig kconfig-san
	prove -v t/

clean:
	@$(MAKE) --no-print-directory -C $(KCONFIG_DIR) clean
