# SPDX-License-Identifier: GPL-2.0-only
# A run's processes in a session of their own, which dies with whatever
# started the run and with the entry point itself, even on a kill -9 of it
# (shared by make check, make matrix and make kselftest-guest).
#   session_own VAR SCRIPT [ARG...]   re-executes SCRIPT in a session of
#                                     its own, unless VAR says it already is
#   session_guard                     the session dies with this script
# shellcheck shell=bash

# session_own VAR SCRIPT [ARG...]: setsid makes the new session; setpriv's
# death signal (TERM) reaches the script when its starter (make, a shell, a
# CI step) dies.  VAR, exported, marks the re-execution.
session_own() {
	local var=$1
	shift
	[[ -z ${!var:-} ]] || return 0
	export "$var=1"
	exec setsid -w setpriv --pdeathsig TERM -- "$@"
}

# session_guard: a kill -9 of the script runs no trap, and its children
# would run on to their ends or bounds.  The guard is a child whose death
# signal (USR1) is the script's end: it then kills what is left of the
# session, itself last.  It blocks in wait, on a sleep that dies with it;
# it never times anything.  A script that ends before the guard has set
# its death signal (one that dies at once on a missing program) sends none:
# the guard sees its parent gone (its PPID, read after setpriv, is not the
# script) and kills the session then.
# - USR1, not TERM: a script that stops its own session with TERM (make
#   check's run_stop) only ends the guard, the script lives on.
# - Call it first, before the script opens a lock: the guard holds none of
#   the script's descriptors, so a lock is free when the script's other
#   processes are gone, and a caller that reads the script's output to its
#   end (bats' run, a $(...)) never waits on the guard.
# - The script must lead its session (session_own): pkill -s takes its PID.
session_guard() {
	# shellcheck disable=SC2016 # $1 is the inner shell's: the session to kill
	setpriv --pdeathsig USR1 bash -c \
		'trap "pkill -KILL -s $1" USR1; [[ $PPID == "$1" ]] || pkill -KILL -s "$1"
		setpriv --pdeathsig KILL sleep infinity & wait' _ "$$" </dev/null >/dev/null 2>&1 &
}
