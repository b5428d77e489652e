#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-only
# Rootless runs: without root every probe enters a user namespace of its own
# that owns its network namespaces (harness/userns.c).  The verdicts must be
# the root run's, row for row, but for rows SKIPped because a user namespace
# cannot give what they need, which say so.
# shellcheck disable=SC2154 # output and stderr are set by bats' run
bats_require_minimum_version 1.5.0

# The unprivileged user: it must be able to read the probes (BUILD) and
# write its results, so both live under build/, never under bats' 0700
# temporary folder.
NOBODY=(setpriv --reuid=65534 --regid=65534 --clear-groups)

setup() {
	export BUILD=${UDPC_BUILD:-build}
	mkdir -p "$BUILD/rootless"
	chmod 1777 "$BUILD/rootless"
	DIR=$(mktemp -d "$BUILD/rootless/run.XXXXXX")
	chmod 0777 "$DIR"
}

teardown() {
	rm -rf "$DIR"
}

# run_check NAME [PREFIX...]: scripts/check into DIR/NAME, as PREFIX says.
run_check() {
	local name=$1
	shift
	"$@" env RESULTS="$DIR/$name" UDPC_TMPDIR="$DIR/$name-tmp" UDPC_REPORT="$DIR/$name.md" \
		scripts/check >"$DIR/$name.log" 2>&1
}

# rows RESULTS: "id family verdict" of every record, sorted.
rows() {
	jq -r '[.id, .family, .verdict] | @tsv' "$1"/*/results.jsonl | sort
}

@test "an unprivileged user gets the root run's verdict on every row it runs, and is told which it skipped and why" {
	run_check root
	run_check nobody "${NOBODY[@]}"
	# Rows a user namespace cannot run, each with the reason.
	jq -r 'select(.verdict == "SKIP" and (.reason | test("user namespace cannot give")))
		| "rootless SKIP \(.id) \(.family): \(.reason)"' "$DIR"/nobody/*/results.jsonl >"$DIR/skipped"
	cat "$DIR/skipped" >&3
	jq -r 'select(.verdict == "SKIP" and (.reason | test("user namespace cannot give")))
		| [.id, .family] | @tsv' "$DIR"/nobody/*/results.jsonl | sort >"$DIR/skipped.keys"
	rows "$DIR/root" | grep -v -F -f <(sed 's/$/\t/' "$DIR/skipped.keys") >"$DIR/root.rows" || true
	rows "$DIR/nobody" | grep -v -F -f <(sed 's/$/\t/' "$DIR/skipped.keys") >"$DIR/nobody.rows" || true
	run diff "$DIR/root.rows" "$DIR/nobody.rows"
	[[ $status == 0 ]] || { echo "$output"; false; }
	[[ -s $DIR/root.rows ]]
	echo "# rootless: $(wc -l <"$DIR/nobody.rows") rows equal to root's, $(wc -l <"$DIR/skipped.keys") skipped" >&3
	# The unprivileged run wrote only where it was told to.
	[[ $(stat -c %u "$DIR"/nobody/*/results.jsonl) == 65534 ]]
}

@test "without root where user namespaces are refused, one line says which setting and how to allow it, exit 77" {
	# user.max_user_namespaces=0 in a user namespace of the test's own
	# refuses further ones inside it only; the run inside is an ordinary
	# user without capabilities.
	# shellcheck disable=SC2016 # expanded by the inner sh
	run -77 --separate-stderr unshare --user --map-user=65534 --map-group=65534 --keep-caps sh -c \
		'echo 0 >/proc/sys/user/max_user_namespaces &&
		 exec setpriv --inh-caps=-all --ambient-caps=-all --bounding-set=-all env RESULTS="$1" scripts/check' \
		sh "$DIR/refused"
	[[ $stderr == "udpconform: cannot run without root here: unprivileged user namespaces are refused (user.max_user_namespaces=0): allow them with sysctl user.max_user_namespaces=65536, or run as root: sudo make check" ]]
	[[ -z $output ]]
	[[ ! -e $DIR/refused ]]
}

@test "a probe without root where user namespaces are refused is ERROR with the same reason" {
	# shellcheck disable=SC2016 # expanded by the inner sh
	run ! unshare --user --map-user=65534 --map-group=65534 --keep-caps sh -c \
		'echo 0 >/proc/sys/user/max_user_namespaces &&
		 exec setpriv --inh-caps=-all --ambient-caps=-all --bounding-set=-all "$1" --family ipv4' \
		sh "$BUILD/cases/send/unconnected_send_edestaddrreq"
	[[ $output == *"# ERROR unprivileged user namespaces are refused (user.max_user_namespaces=0): allow them with sysctl user.max_user_namespaces=65536, or run as root"* ]]
}
