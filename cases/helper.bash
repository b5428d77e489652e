# SPDX-License-Identifier: GPL-2.0-only
# Loaded by the bats file scripts/suite generates (one @test per selected
# rule, titled with the rule's sentence): turns each probe's exit status into
# the bats outcome.  The probes run side by side in a pool scripts/suite
# starts before bats; each @test waits for its own probe's end.  The probe itself writes the verdicts
# (KTAP and JSON records, cases/probe.bash says where); the report reads
# those, never bats' output.  Kept small: bats sources it for every test.
# shellcheck shell=bash

# shellcheck source=cases/probe.bash
source "${BASH_SOURCE[0]%/*}/probe.bash"

# rule ID: the outcome of rule ID's probe, which the pool scripts/suite
# started runs beside the others.
rule() {
	local id=$1 status ktap=$UDPC_RUN/probes/$1.ktap
	status=$(probe_wait "$id")
	case $status in
	0) ;;
	4) skip "$(sed -n 's/^ok [0-9]* [a-z0-9]* # SKIP //p' "$ktap" | sort -u | paste -sd ';' -)" ;;
	1) cat "$ktap" && return 1 ;;
	73) cat "$UDPC_RUN/probes/$id.err" && return 1 ;;
	lost) echo "$id: its probe never ran (the run was stopped)" && return 1 ;;
	*) cat "$ktap" && return 1 ;;
	esac
}
