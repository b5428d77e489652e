# SPDX-License-Identifier: GPL-2.0-only
# Loaded by tests/leak.bats: what the caller's machine looks like, in forms
# that compare with ==, so that "nothing was left behind" is a string test.
# shellcheck shell=bash

# The caller's network namespace as the kernel describes it (ip -j), without
# the values that move by themselves (address lifetimes, route expiry).
netns_snapshot() {
	local family
	ip -j link show | jq -c 'sort_by(.ifname)'
	ip -j addr show | jq -c '[.[] | {ifname, addr_info: [.addr_info[] | {family, local, prefixlen, scope}]}]'
	for family in -4 -6; do
		ip -j "$family" route show table all | jq -c '[.[] | del(.expires)] | sort_by(tostring)'
		ip -j "$family" rule show | jq -c 'sort_by(tostring)'
	done
}

# The network namespaces processes of this checkout hold (a probe's hosts
# are anonymous: held only by its processes' descriptors).  Other programs'
# named namespaces on a shared host are theirs, and not looked at.
netns_ours() {
	local pid
	for pid in $(procs_live none); do
		readlink "/proc/$pid/ns/net" 2>/dev/null
	done | sort -u
}

# Every readable sysctl under /proc/sys/net of the caller's namespace, but
# those the kernel changes by itself while anything at all runs:
#   netfilter/nf_conntrack_count  connections tracked right now;
#   core/netdev_rss_key, ipv4/tcp_fastopen_key  random keys filled in
#                                 lazily, the first time something uses them.
sysctl_snapshot() {
	grep -r . /proc/sys/net 2>/dev/null |
		grep -v -E '^/proc/sys/net/(netfilter/nf_conntrack_count|core/netdev_rss_key|ipv4/tcp_fastopen_key):' |
		sort
}

# Files where a run could leave some behind: the build's TMPDIR (every
# temporary file of a run goes there) and the checkout.  Left out: bats'
# folder for this very test run; build/ and results/ (where a run writes by
# design); REPORT.md and RULES.md, which scripts/check rewrites at the end
# of every run.
# Files elsewhere (/tmp, /run) are other programs' on a shared host.
files_snapshot() {
	local top
	top=$(git rev-parse --show-toplevel)
	{
		# What a run may write outside its results folder: the build's
		# TMPDIR (bats, the compiler, the report), and the checkout.
		find "$top/${BUILD:-build}/tmp" -mindepth 1 2>/dev/null | grep -v -F "$BATS_RUN_TMPDIR"
		git status --porcelain --untracked-files=all | cut -c4- |
			grep -v -E '^(build/|results/|REPORT\.md$|RULES\.md$)'
	} | sort -u
}

# Live (not zombie) processes of process group $1, of probes under $BUILD
# started from this checkout (a probe runs as build/cases/..., relative to
# the checkout, so another checkout's suite on the same machine is not
# ours), and of this checkout's labs (make lab: everything the lab's shell
# starts inherits UDPC_LAB_PROBES, this checkout's build folder): what a
# killed suite or lab must not leave running.
procs_live() {
	local group=$1 top pid
	top=$(git rev-parse --show-toplevel)
	{
		ps -eo pid=,pgid=,stat=,args= | awk -v g="$group" -v b="$BUILD/" '
			$3 ~ /^Z/ { next }
			$2 == g { print $1, "group"; next }
			index($4, b "cases/") == 1 || index($4, b "tests/probes/") == 1 { print $1, "probe" }' |
			while read -r pid why; do
				[[ $why == group || $(readlink "/proc/$pid/cwd" 2>/dev/null) == "$top" ]] && echo "$pid"
			done
		lab_procs "$top/${BUILD#"$top"/}"
	} | sort -un
	return 0
}

# Live processes whose environment names the lab of build folder $1.
lab_procs() {
	local env pid
	grep -lzxF "UDPC_LAB_PROBES=$1" /proc/[0-9]*/environ 2>/dev/null |
		while read -r env; do
			pid=${env#/proc/}
			pid=${pid%/environ}
			[[ $(cut -d' ' -f3 "/proc/$pid/stat" 2>/dev/null) == [^Z]* ]] && echo "$pid"
		done
	return 0
}

# Waits until every process listed has exited, at most $1 seconds: a
# pidfd becomes readable when its process exits (no polling).
procs_wait_exit() {
	/usr/bin/python3 - "$@" <<'EOF'
import os, select, sys, time

bound, pids = float(sys.argv[1]), sys.argv[2:]
poller, live = select.poll(), 0
for pid in pids:
    try:
        poller.register(os.pidfd_open(int(pid)), select.POLLIN)
        live += 1
    except ProcessLookupError:
        pass
deadline = time.monotonic() + bound
while live:
    left = deadline - time.monotonic()
    if left <= 0:
        sys.exit(1)
    for fd, _ in poller.poll(left * 1000):
        poller.unregister(fd)
        live -= 1
EOF
}

# snapshots_same BEFORE AFTER: true if equal; if not, shows what differs.
snapshots_same() {
	[[ $1 == "$2" ]] || { diff <(echo "$1") <(echo "$2"); return 1; }
}
