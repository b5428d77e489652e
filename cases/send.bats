#!/usr/bin/env bats
# send: where send(), write(), sendto() and sendmsg() put a datagram.
load helper

@test "send() and write() on an unconnected UDP socket fail with EDESTADDRREQ." {
	rule udp.send.unconnected_send_edestaddrreq
}

@test "On a connected UDP socket write(), send(), sendto() with no address and sendmsg() with no name all send to the peer." {
	rule udp.send.connected_destinationless_calls_reach_peer
}

@test "send() on a connected UDP socket returns the full length even when nothing listens at the peer; the refusal is reported only by a later call." {
	rule udp.send.connected_send_to_unreachable_port_returns_length
}

@test "sendto() on an AF_INET UDP socket with an AF_UNSPEC destination sends to the address and port in it, as if it were AF_INET." {
	rule udp.send.ipv4_af_unspec_destination_read_as_af_inet
}

@test "sendto() on an AF_INET6 UDP socket with an AF_UNSPEC destination acts as if no destination was given: to the peer if connected, EDESTADDRREQ if not." {
	rule udp.send.ipv6_af_unspec_destination_means_none
}

@test "The source address and port a receiver sees are exactly what the connected sender's getsockname() reports." {
	rule udp.send.receiver_sees_getsockname_as_source
}

@test "sendto() with an address other than the peer's on a connected UDP socket sends the datagram to that address." {
	rule udp.send.sendto_other_address_on_connected
}

@test "sendto() naming the peer on a connected UDP socket succeeds and the peer receives the datagram." {
	rule udp.send.sendto_peer_address_on_connected
}

@test "sendto() to port 0 on a UDP socket fails with EINVAL." {
	rule udp.send.sendto_port_zero_einval
}

@test "sendto() with an address length shorter than the family's sockaddr fails with EINVAL." {
	rule udp.send.sendto_short_address_einval
}

@test "sendto() with a NULL address on an unconnected UDP socket fails with EDESTADDRREQ." {
	rule udp.send.unconnected_sendto_null_edestaddrreq
}

@test "sendto() on an unbound UDP socket binds it to the wildcard address and an ephemeral port, the source port its datagram carries." {
	rule udp.send.sendto_autobinds_unbound
}

@test "A zero-length UDP datagram is sent (send() and sendto() return 0) and received as a datagram of its own (recvfrom() returns 0 with the sender's address)." {
	rule udp.send.zero_length_datagram_both_ways
}

@test "send() of the largest UDP payload (65507 bytes over IPv4, 65527 over IPv6) succeeds and one byte more fails with EMSGSIZE, leaving no pending error." {
	rule udp.send.oversized_emsgsize
}

@test "With IP_RECVERR an oversized UDP send() fails with EMSGSIZE and queues one local EMSGSIZE error carrying the MTU and the destination." {
	rule udp.send.oversized_with_recverr_queues_local_error
}

@test "send() with MSG_MORE on a UDP socket sends nothing yet, and the next send() without it sends both parts as one datagram." {
	rule udp.send.msg_more_joins_one_datagram
}

@test "With UDP_CORK set, what a UDP socket sends is held as one datagram, sent when UDP_CORK is cleared." {
	rule udp.send.udp_cork_joins_until_uncorked
}

@test "writev() with several iovecs on a connected UDP socket sends them as one datagram to the peer." {
	rule udp.send.writev_iovecs_form_one_datagram
}

@test "sendmsg() with several iovecs and no name on a connected UDP socket sends them as one datagram to the peer." {
	rule udp.send.sendmsg_iovecs_form_one_datagram
}

@test "sendmmsg() without names on a connected UDP socket sends each message to the peer as a datagram of its own and returns the number of messages." {
	rule udp.send.sendmmsg_without_names_reaches_peer
}

@test "sendto() with a NULL address and a nonzero length on a connected UDP socket ignores the length and sends to the peer." {
	rule udp.send.sendto_null_address_length_ignored
}

@test "sendto() with an address of length 0 fails with EINVAL, even on a connected UDP socket." {
	rule udp.send.sendto_zero_address_length_einval
}

@test "sendto() on a UDP socket accepts an address length up to sizeof(struct sockaddr_storage) and sends to the address at its start." {
	rule udp.send.sendto_address_length_up_to_storage_accepted
}

@test "sendto() with an address length over sizeof(struct sockaddr_storage) fails with EINVAL." {
	rule udp.send.sendto_address_length_over_storage_einval
}

@test "sendmsg() with a msg_name but msg_namelen 0 on a connected UDP socket sends to the peer, not to the address named." {
	rule udp.send.sendmsg_zero_namelen_means_no_name
}

@test "sendmsg() on a UDP socket with a msg_namelen over sizeof(struct sockaddr_storage) uses the first 128 bytes and sends to the address named." {
	rule udp.send.sendmsg_namelen_over_storage_clamped
}

@test "sendto() on an unbound UDP socket fails with EAGAIN and sends nothing when every port of the ephemeral range is taken." {
	rule udp.send.sendto_range_exhausted_eagain
}

@test "A sendto() that fails with EINVAL or ENETUNREACH has still bound the unbound UDP socket to the wildcard address and an ephemeral port." {
	rule udp.send.failed_sendto_still_binds_port
}

@test "send() with MSG_OOB on a UDP socket fails with EOPNOTSUPP and sends nothing." {
	rule udp.send.msg_oob_eopnotsupp
}

@test "sendto() and sendmsg() on a UDP socket with an address length of -1 fail with EINVAL and send nothing." {
	rule udp.send.negative_address_length_einval
}

@test "sendto() on an IPv4 UDP socket to an AF_INET6 address fails with EAFNOSUPPORT and sends nothing." {
	rule udp.send.sendto_other_family_eafnosupport
}

@test "sendto() on a UDP socket to an address without a route fails with ENETUNREACH, leaves no pending error, and the next sendto() to a reachable peer succeeds." {
	rule udp.send.sendto_no_route_enetunreach
}

@test "sendto() and sendmsg() of one byte over the largest UDP payload fail with EMSGSIZE and send nothing, as send() does." {
	rule udp.send.oversized_emsgsize_every_form
}

@test "sendto() and sendmsg() with MSG_OOB on a UDP socket fail with EOPNOTSUPP and send nothing." {
	rule udp.send.msg_oob_every_form
}

@test "sendto() and sendmsg() with MSG_MORE on an unconnected UDP socket hold the data, and the next call to the same address sends both parts as one datagram." {
	rule udp.send.msg_more_every_form
}
