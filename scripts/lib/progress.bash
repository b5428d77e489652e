# SPDX-License-Identifier: GPL-2.0-only
# Where a long job is, on one line (shared by make check, make matrix and
# make mutate; scripts/udpc/progress.py is the same for Python).
#   progress_begin LABEL TOTAL    e.g. progress_begin 6.1 120
#   progress_step [TEXT]          one more done: "6.1: 37/120 udp.send.x"
#   progress_say LINE             a line that stays (a failure, a survivor)
#   progress_end                  the job is over
#   progress_tap LABEL [TOTAL]    reads TAP on stdin: each ok / not ok
#                                 line is a step (but for tests RULES did
#                                 not select); TOTAL, or else the plan
# On a terminal (stderr) the line is redrawn in place and cleared at the
# end; elsewhere each step is a plain line.  UDPC_PROGRESS=tty, plain or
# off overrides the choice.
# shellcheck shell=bash

progress_mode() {
	case ${UDPC_PROGRESS:-} in
	tty | plain | off) echo "$UDPC_PROGRESS" ;;
	*) if [[ -t 2 ]]; then echo tty; else echo plain; fi ;;
	esac
}

progress_begin() {
	PROGRESS_LABEL=$1 PROGRESS_TOTAL=$2 PROGRESS_DONE=0 PROGRESS_LAST='' PROGRESS_MODE=$(progress_mode)
}

progress_step() {
	local line
	PROGRESS_DONE=$((PROGRESS_DONE + 1)) PROGRESS_LAST=${1:-}
	line="$PROGRESS_LABEL: $PROGRESS_DONE/$PROGRESS_TOTAL${PROGRESS_LAST:+ $PROGRESS_LAST}"
	case $PROGRESS_MODE in
	tty) printf '\r\033[K%s' "${line:0:$((${COLUMNS:-80} - 1))}" >&2 ;;
	plain) printf '%s\n' "$line" >&2 ;;
	esac
}

progress_say() {
	[[ $PROGRESS_MODE == tty ]] && printf '\r\033[K' >&2
	printf '%s\n' "$1" >&2
	if [[ $PROGRESS_MODE == tty ]] && ((PROGRESS_DONE)); then
		PROGRESS_DONE=$((PROGRESS_DONE - 1))
		progress_step "$PROGRESS_LAST"
	fi
}

progress_end() {
	[[ $PROGRESS_MODE == tty ]] && printf '\r\033[K' >&2
	return 0
}

progress_tap() {
	local line total=${2:-}
	progress_begin "$1" "${total:-?}"
	while IFS= read -r line; do
		case $line in
		1..*) [[ -n $total ]] || PROGRESS_TOTAL=${line#1..} ;;
		# A test RULES left out is no work to wait for.
		*' # skip not selected by '*) [[ -n $total ]] || PROGRESS_TOTAL=$((PROGRESS_TOTAL - 1)) ;;
		'ok '* | 'not ok '*)
			line=${line#not }
			line=${line#ok }
			progress_step "${line#* }"
			;;
		esac
	done
	progress_end
}
