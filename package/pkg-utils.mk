# SPDX-License-Identifier: GPL-2.0-or-later
#
# Small Make helpers used everywhere.

empty :=
space := $(empty) $(empty)
tab := $(empty)	$(empty)
comma := ,
define newline


endef

# $(call kiln-upper,foo-bar) -> FOO_BAR: the variable prefix of a package
kiln-upper = $(subst a,A,$(subst b,B,$(subst c,C,$(subst d,D,$(subst e,E,$(subst f,F,$(subst \
	g,G,$(subst h,H,$(subst i,I,$(subst j,J,$(subst k,K,$(subst l,L,$(subst m,M,$(subst \
	n,N,$(subst o,O,$(subst p,P,$(subst q,Q,$(subst r,R,$(subst s,S,$(subst t,T,$(subst \
	u,U,$(subst v,V,$(subst w,W,$(subst x,X,$(subst y,Y,$(subst z,Z,$(subst -,_,$(subst \
	.,_,$(1)))))))))))))))))))))))))))))

# Strips the quotes Kconfig puts around strings in .config (auto.conf has
# none; this is for values read from elsewhere).
qstrip = $(strip $(subst ",,$(1)))
#"

# $(call kiln-yesno,VALUE) -> YES for y, NO otherwise
kiln-yesno = $(if $(filter y,$(1)),YES,NO)

# $(call kiln-sh-quote,text) -> 'text', safe as one shell word
kiln-sh-quote = '$(subst ','\'',$(1))'

# $(call kiln-top-path,paths): paths from the configuration, unquoted, a
# relative one taken from Kiln's top folder
kiln-top-path = $(foreach f,$(call qstrip,$(1)),$(if $(filter /%,$(f)),$(f),$(KILN_TOP)/$(f)))

# $(call kiln-missing-files,OPTION,paths): an error line for each path the
# option names that does not exist (reported with KILN_BUILD_ERRORS)
kiln-missing-files = $(foreach f,$(2),$(if $(wildcard $(f)),,$(KILN_CONFIG): $(1) names $(f)$(comma) which does not exist$(newline)))
