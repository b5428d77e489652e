# SPDX-License-Identifier: GPL-2.0-only
# make sanitize: the harness's tests and the whole suite on probes built with
# ASan + UBSan (make SANITIZE=1, into build/sanitize); fails on any sanitizer
# report or ERROR.  Needs root, like make check.  See scripts/sanitize.
.PHONY: sanitize

SANITIZE_BUILD := build/sanitize

sanitize:
	@scripts/preflight check
	@$(MAKE) --no-print-directory -s WERROR=1 SANITIZE=1 BUILD=$(SANITIZE_BUILD) all
	@scripts/sanitize $(SANITIZE_BUILD)
