# SPDX-License-Identifier: GPL-2.0-only
# say and die for an entry point: one line on stderr, prefixed with the
# script's name (SAY_AS, set before sourcing); die also exits with a status.
# shellcheck shell=bash

say() { echo "$SAY_AS: $*" >&2; }
die() {
	local status=$1
	shift
	say "$*"
	exit "$status"
}
