# SPDX-License-Identifier: GPL-2.0-only
# Kernels built from source (scripts/kernel): Debian's linux-source, the
# options in kernel/config over tinyconfig, ccache; all under cache/kernel.
#   make kernel SRC=6.12 [PATCHES="kernel/patches/*.patch"]   prints the vmlinux
#   make verify-fix [SRC="6.12 7.3"]   the bugs' patches: stock XFAIL, patched XPASS
#   make zoo [SRC=6.12]                historical regressions put back: which rule fails
# Minutes each on two cores (a warm ccache makes later builds seconds); not in CI.
SRC     ?= 6.12
PATCHES ?=
# verify-fix and zoo take their own default unless SRC is given.
VERIFY_SRC := $(if $(filter command line,$(origin SRC)),$(SRC),6.12 7.3)
ZOO_SRC    := $(if $(filter command line,$(origin SRC)),$(SRC),6.12)

.PHONY: kernel verify-fix zoo
kernel:
	@scripts/deps --ensure kernel
	@scripts/kernel $(SRC) $(PATCHES)

verify-fix zoo:
	@scripts/preflight $@
	@scripts/deps --ensure kernel matrix
	@$(MAKE) --no-print-directory -s all matrix-build
	@$(if $(filter zoo,$@),scripts/zoo $(ZOO_SRC),scripts/verify-fix $(VERIFY_SRC))
