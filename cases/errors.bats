#!/usr/bin/env bats
# errors: asynchronous errors (ICMP) and who is told about them.
load helper

@test "An ICMP port unreachable becomes ECONNREFUSED on a connected UDP socket and is not reported to an unconnected one." {
	rule udp.errors.refused_only_when_connected
}

@test "The ECONNREFUSED an ICMP port unreachable leaves on a connected UDP socket is reported once: the next recv() fails with it, the one after does not." {
	rule udp.errors.pending_error_reported_once
}

@test "A send() on a connected UDP socket after an ICMP port unreachable arrived fails with ECONNREFUSED and takes the pending error with it." {
	rule udp.errors.pending_error_taken_by_send
}

@test "getsockopt(SO_ERROR) on a connected UDP socket returns the ECONNREFUSED an ICMP port unreachable left and clears it." {
	rule udp.errors.so_error_takes_and_clears
}

@test "poll() on a connected UDP socket with a pending ICMP error reports POLLERR, not POLLIN, and leaves the error for the next call." {
	rule udp.errors.poll_reports_pollerr
}

@test "A recv() already blocked on a connected UDP socket when an ICMP port unreachable arrives wakes up and fails with ECONNREFUSED." {
	rule udp.errors.blocked_recv_wakes_with_econnrefused
}

@test "With IP_RECVERR (IPV6_RECVERR) set, MSG_ERRQUEUE returns the ICMP port unreachable as a sock_extended_err: ECONNREFUSED, its ICMP origin, type and code, and the server as offender." {
	rule udp.errors.recverr_errqueue_details
}

@test "An AF_INET6 UDP socket with an IPv4-mapped peer queues its ICMP errors only with IP_RECVERR; IPV6_RECVERR alone leaves the error queue empty." {
	rule udp.errors.mapped_needs_ip_recverr
}

@test "With IP_RECVERR (IPV6_RECVERR) set, an unconnected UDP socket is told about the ICMP port unreachable its sendto() caused: ECONNREFUSED and an error queue entry." {
	rule udp.errors.recverr_unconnected_gets_errors
}

@test "An ICMP host unreachable from a router (a soft error) is not reported to a connected UDP socket that did not set IP_RECVERR." {
	rule udp.errors.soft_error_ignored_without_recverr
}

@test "With IP_RECVERR (IPV6_RECVERR) set, an ICMP host unreachable from a router is reported to the connected UDP socket and queued with the router as offender." {
	rule udp.errors.soft_error_reported_with_recverr
}
