#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-only
# make lab as a student uses it: a terminal (tmux, detached) runs the lab,
# keys are typed into it, and what the terminal shows is read back.  The
# lecture's connected client against a closed port must show ECONNREFUSED;
# leaving the shell must leave no namespace, process or mount behind.  As
# root, and as an unprivileged user (rootless, harness/userns.c).
# Waits are events (tmux wait-for, pidfds), each bounded by LAB_BOUND_S.
# shellcheck disable=SC2154 # output is set by bats' run
bats_require_minimum_version 1.5.0

NOBODY=(setpriv --reuid=65534 --regid=65534 --clear-groups)
LAB_BOUND_S=20 # the topology, a shell, one round trip: seconds on a loaded machine

setup() {
	load leak
	export BUILD=${UDPC_BUILD:-build}
	command -v tmux >/dev/null || skip "tmux is missing (sudo make deps)"
	[[ -x $BUILD/lab/lab ]] || skip "the lab is not built (make)"
	# The tmux server's socket: where the unprivileged user can reach it,
	# inside the build folder (bats' own is 0700).
	mkdir -p "$BUILD/rootless"
	chmod 1777 "$BUILD/rootless"
	DIR=$(mktemp -d "$BUILD/rootless/lab.XXXXXX")
	chmod 0777 "$DIR"
	SOCK=$DIR/tmux
}

teardown() {
	tmux -S "$SOCK" kill-server 2>/dev/null || true
	rm -rf "$DIR"
}

# The caller's state a lab could change: its namespace and sysctls (the
# leak test's snapshots), the namespaces of this checkout's processes and
# labs, and the mount table.
state_snapshot() {
	netns_snapshot
	sysctl_snapshot
	netns_ours
	cut -d' ' -f5- /proc/self/mountinfo | sort
}

# lab_session [PREFIX...]: the lab in a detached tmux session, run as
# PREFIX says (e.g. as nobody); a wide pane, so no line wraps.
lab_session() {
	"$@" env HOME="$DIR" SHELL=/bin/bash tmux -S "$SOCK" -f /dev/null new-session -d -x 200 -y 50 \
		"scripts/lab --topo link"
	chmod 0777 "$SOCK" 2>/dev/null || true
}

# type_and_wait KEYS: types KEYS into the lab and waits until they have run
# (the shell signals a tmux channel after them), at most LAB_BOUND_S.
type_and_wait() {
	tmux -S "$SOCK" send-keys -l "$1"
	tmux -S "$SOCK" send-keys Enter
	tmux -S "$SOCK" send-keys -l "tmux wait-for -S lab-step"
	tmux -S "$SOCK" send-keys Enter
	timeout "$LAB_BOUND_S" tmux -S "$SOCK" wait-for lab-step ||
		{ echo "no answer within $LAB_BOUND_S s; the pane shows:"; tmux -S "$SOCK" capture-pane -p; return 1; }
}

# The whole exercise: the connected client against 7009 (nothing listens),
# ECONNREFUSED on the screen, exit, and nothing left.
lab_exercise() {
	local before after pane server
	before=$(state_snapshot)
	lab_session "$@"
	pane=$(tmux -S "$SOCK" display-message -p '#{pane_pid}')
	server=$(tmux -S "$SOCK" display-message -p '#{pid}')
	# Something in the background that the shell does not wait for: it
	# must go with the lab all the same.
	type_and_wait 'lab-server echo-server 7000 >/dev/null &'
	# shellcheck disable=SC2016 # expanded by the lab's shell
	type_and_wait 'lecture-client -c $LAB_SERVER 7009 hello'
	run tmux -S "$SOCK" capture-pane -p -S -50
	[[ $output == *'recvfrom() = -1 ECONNREFUSED (Connection refused)'* ]] ||
		{ echo "no ECONNREFUSED in the pane:"; echo "$output"; return 1; }
	# While it runs, the lab's namespaces are not the caller's.
	[[ $(state_snapshot) != "$before" ]]
	tmux -S "$SOCK" send-keys 'exit' Enter
	procs_wait_exit "$LAB_BOUND_S" "$pane" "$server" ||
		{ echo "the lab did not end within $LAB_BOUND_S s"; return 1; }
	after=$(state_snapshot)
	snapshots_same "$before" "$after"
	[[ -z $(procs_live none) ]]
}

@test "make lab as root: the lecture's connected client gets ECONNREFUSED from a closed port, and exit leaves nothing" {
	((EUID == 0)) || skip "needs root (the rootless test runs the lab as a user)"
	lab_exercise
}

@test "make lab rootless: the same exercise as an unprivileged user, and exit leaves nothing" {
	((EUID == 0)) || skip "needs root to become the unprivileged user (setpriv)"
	"${NOBODY[@]}" unshare --user --map-root-user --net true 2>/dev/null ||
		skip "unprivileged user namespaces are refused here: the lab cannot run rootless"
	lab_exercise "${NOBODY[@]}"
}
