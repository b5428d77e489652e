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

@test "sendto() with an AF_UNSPEC destination on an AF_INET6 UDP socket connected to an IPv4-mapped peer sends an IPv4 datagram to the peer, even with an IPv6 default route." {
	rule udp.send.af_unspec_destination_to_mapped_peer_sends_ipv4
}
