# SPDX-License-Identifier: GPL-2.0-or-later
#
# The C library Kiln's programs share (support/lib): allocation, growable
# strings, configuration files, pools of small objects.  Included by
# support/kconfig/Makefile and support/tools/Makefile, which set O (their
# object folder) and KILN_LIB_CFLAGS (their compiler flags) first; they
# link $(KILN_LIB_OBJS).

KILN_LIB_DIR := $(patsubst %/,%,$(dir $(lastword $(MAKEFILE_LIST))))
KILN_LIB := xalloc strbuf configfile pool
KILN_LIB_SRCS := $(KILN_LIB:%=$(KILN_LIB_DIR)/%.c)
KILN_LIB_HEADERS := $(KILN_LIB:%=$(KILN_LIB_DIR)/%.h)
KILN_LIB_OBJS := $(KILN_LIB:%=$(O)/lib/%.o)

# Every object and program is written as $@.tmp and renamed once complete:
# a build killed with SIGKILL (which make cannot clean up after, whatever
# .DELETE_ON_ERROR says) leaves no truncated file newer than its sources
# for the next make to trust.  Rules write: -o $(KILN_TMP) ... && $(KILN_COMMIT)
KILN_TMP = $@.tmp
KILN_COMMIT = mv -f $@.tmp $@

$(KILN_LIB_OBJS): $(O)/lib/%.o: $(KILN_LIB_DIR)/%.c $(KILN_LIB_HEADERS)
	@mkdir -p $(@D)
	$(CC) $(KILN_LIB_CFLAGS) -c -o $(KILN_TMP) $< && $(KILN_COMMIT)
