#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# guest-kselftest.sh: the run of a `make kselftest-guest` guest, started by
# guest-init (as /udpconform/guest-run) once its mounts and modules are in.
# Runs the kernel's own run_kselftest.sh over make install-kselftest's tree
# in /kselftest, for the rules in /udpconform/rules (all of the collection
# if that file is empty), on the console, then ends QEMU.  busybox-static
# is /bin/sh and every other command the kernel's runner uses.
PATH=/bin:/sbin:/usr/bin:/usr/sbin
export PATH
# What udev would make: kselftest's runner writes its log to /dev/stdout.
ln -sf /proc/self/fd /dev/fd
ln -sf /proc/self/fd/0 /dev/stdin
ln -sf /proc/self/fd/1 /dev/stdout
ln -sf /proc/self/fd/2 /dev/stderr
cd /kselftest || exit 1
set -- -c udpconform
if [ -s /udpconform/rules ]; then
	set --
	while read -r id; do
		set -- "$@" -t "udpconform:$id"
	done </udpconform/rules
fi
# No network but the namespaces the probes make: the first one has lo only.
echo "udpconform-kselftest links: $(cd /sys/class/net && echo *)"
echo "udpconform-kselftest begin"
./run_kselftest.sh "$@"
echo "udpconform-kselftest end $?"
exec /init leave  # QEMU's exit port, not a reset (guest-init.c)
