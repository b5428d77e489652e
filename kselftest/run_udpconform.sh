#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# run_udpconform.sh [RULE-ID...]: runs the udpconform probes in this folder
# (every udp.* one, or those named) and streams one KTAP document: each
# probe's own KTAP as a subtest, indented four spaces under
# "# Subtest: <rule id>", then "ok K <rule id>" as kselftest's runner reads
# the probe's exit status (0 ok, 4 SKIP, anything else not ok).  POSIX sh,
# for a bare test VM; run_kselftest.sh runs the same probes one by one.
# Exit: 0 no rule failed, 1 some did, 4 every rule was skipped.
cd "$(dirname "$0")" || exit 1
[ $# -gt 0 ] || set -- udp.*
[ -x "$1" ] || { echo "run_udpconform.sh: no udpconform probes in $PWD" >&2; exit 1; }

# indent ID: the probe's lines, four spaces in, the Subtest line after the
# first; line by line, so that a slow probe shows where it is.
indent() {
	awk -v id="$1" '{ print "    " $0 } NR == 1 { print "    # Subtest: " id } { fflush() }'
}

bound=
command -v timeout >/dev/null 2>&1 && bound="timeout --foreground 120"

echo "KTAP version 1"
echo "1..$#"
k=0 pass=0 fail=0 skip=0
for id in "$@"; do
	k=$((k + 1))
	status=$({ { $bound "./$id" 2>&1; echo $? >&3; } | indent "$id" >&4; } 3>&1)
	case $status in
	0) echo "ok $k $id"; pass=$((pass + 1)) ;;
	4) echo "ok $k $id # SKIP every family"; skip=$((skip + 1)) ;;
	124) echo "not ok $k $id # TIMEOUT 120 s"; fail=$((fail + 1)) ;;
	*) echo "not ok $k $id # exit=$status"; fail=$((fail + 1)) ;;
	esac
done 4>&1
echo "# Totals: pass:$pass fail:$fail xfail:0 xpass:0 skip:$skip error:0"
[ $fail -eq 0 ] || exit 1
[ $skip -lt $# ] || exit 4
exit 0
