# SPDX-License-Identifier: GPL-2.0-only
# make soak N=100 [LOAD=1]: the whole suite N times (default 10); reports
# every rule x family whose verdict, checks or transcript changed between
# runs, and the wall time per run.  LOAD=1 keeps every core busy with
# stress-ng meanwhile (installed through scripts/deps if missing).
.PHONY: soak
soak:
	@scripts/preflight check
	@scripts/deps --ensure
	@$(MAKE) --no-print-directory -s WERROR=1 all
	@N=$(or $(N),10) LOAD=$(or $(LOAD),0) scripts/soak
