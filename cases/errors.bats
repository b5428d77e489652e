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

@test "recvmsg(MSG_ERRQUEUE) on a blocking UDP socket with an empty error queue fails at once with EAGAIN, even without MSG_DONTWAIT." {
	rule udp.errors.empty_errqueue_eagain_without_dontwait
}

@test "After recv() took an ECONNREFUSED on a connected UDP socket the next send() succeeds, and each new port unreachable gives a new ECONNREFUSED." {
	rule udp.errors.error_cycle_repeats
}

@test "recvmsg(MSG_ERRQUEUE) returns the offending datagram's length and payload, its destination as msg_name, msg_flags MSG_ERRQUEUE and one control message, and leaves SO_ERROR 0." {
	rule udp.errors.errqueue_entry_in_full
}

@test "The error queue returns ICMP errors oldest first, and reading one with another behind it leaves that one's ECONNREFUSED as the pending error." {
	rule udp.errors.errqueue_next_error_becomes_pending
}

@test "recvmsg(MSG_ERRQUEUE) on a UDP socket with a datagram queued and no error fails with EAGAIN and leaves the datagram for recv()." {
	rule udp.errors.errqueue_read_leaves_datagrams
}

@test "recvmsg(MSG_ERRQUEUE) with a buffer shorter than the offending payload returns what fits with MSG_TRUNC, keeps the extended error whole and takes the entry." {
	rule udp.errors.errqueue_truncated_payload_msg_trunc
}

@test "An AF_INET6 UDP socket with a native IPv6 peer accepts IP_RECVERR, but its ICMPv6 port unreachable is only reported as ECONNREFUSED, never queued." {
	rule udp.errors.ip_recverr_alone_on_ipv6_socket_queues_nothing
}

@test "On an AF_INET UDP socket setsockopt(IPV6_RECVERR) fails with ENOPROTOOPT and getsockopt(IPV6_RECVERR) with EOPNOTSUPP." {
	rule udp.errors.ipv6_recverr_on_inet_socket_refused
}

@test "An ICMP error that arrives after a datagram was queued on a connected UDP socket is reported first: recv() fails with ECONNREFUSED, then returns the datagram." {
	rule udp.errors.pending_error_before_queued_datagram
}

@test "A sendto() to a healthy destination on a connected UDP socket with a pending ECONNREFUSED fails with it and sends nothing; the next sendto() is sent." {
	rule udp.errors.pending_error_fails_sendto_other_destination
}

@test "With IP_RECVERR (IPV6_RECVERR) set, poll() on a UDP socket reports POLLERR after recv() took the ECONNREFUSED, until the error queue is read." {
	rule udp.errors.pollerr_until_errqueue_drained
}

@test "With IP_RECVERR (IPV6_RECVERR) on an unconnected UDP socket, the sendto() after a port unreachable fails with ECONNREFUSED even to a healthy destination, and sends nothing." {
	rule udp.errors.recverr_unconnected_sendto_healthy_fails
}

@test "getsockopt(SO_ERROR) with 16 bytes of room on a UDP socket writes the pending ECONNREFUSED as an int and answers optlen 4." {
	rule udp.errors.so_error_optlen_is_int
}

@test "A connected UDP socket reports an ICMP error it got before the peer's reply arrived: recv() fails with ECONNREFUSED first, then returns the reply." {
	rule udp.errors.stale_error_before_later_reply
}

@test "An ICMP time exceeded from a router (TTL 1) is not reported to a connected UDP socket that did not set IP_RECVERR." {
	rule udp.errors.time_exceeded_ignored_without_recverr
}

@test "With IP_RECVERR (IPV6_RECVERR) set, an ICMP time exceeded from a router (TTL 1) is reported as EHOSTUNREACH and queued with the router as offender." {
	rule udp.errors.time_exceeded_reported_with_recverr
}

@test "A recv() blocked on an unconnected UDP socket is not woken by the ICMP port unreachable its sendto() drew, and returns the next datagram." {
	rule udp.errors.unconnected_blocked_recv_not_woken
}

@test "recvmmsg() on a connected UDP socket with a pending ICMP error and nothing queued fails with ECONNREFUSED and takes the error." {
	rule udp.errors.recvmmsg_reports_pending_error
}

@test "A recv() blocked on a connected UDP socket without IP_RECVERR is not woken by an ICMP time exceeded, and returns the peer's next datagram." {
	rule udp.errors.time_exceeded_blocked_recv_not_woken
}

@test "After an ICMP time exceeded (TTL 1) arrived, the next send() on a connected UDP socket without IP_RECVERR succeeds and reaches the peer." {
	rule udp.errors.time_exceeded_leaves_send_clean
}

@test "An ICMP time exceeded (TTL 1) about an unconnected UDP socket's datagram leaves that socket no pending error and nothing to receive." {
	rule udp.errors.time_exceeded_unconnected_ignored
}
