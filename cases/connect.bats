#!/usr/bin/env bats
# connect: what connect() on a UDP socket does, and does not do.
load helper

@test "connect() gives an unbound UDP socket the route's source address and an ephemeral port, disconnect takes both back, and an explicit bind stays as bound." {
	rule udp.connect.local_address_set_and_reset
}

@test "connect() of a UDP socket to a broadcast address fails with EACCES unless SO_BROADCAST is set." {
	rule udp.connect.broadcast_needs_so_broadcast
}

@test "With SO_BROADCAST a UDP socket connects to the link's broadcast address, and what it sends reaches every host on the link." {
	rule udp.connect.broadcast_with_so_broadcast_reaches_link
}

@test "connect() keeps the address and port a UDP socket was bound to, even when the route to the peer would choose another source address." {
	rule udp.connect.explicit_bind_kept
}

@test "getpeername() on a UDP socket fails with ENOTCONN before connect() and returns the connected address and port after it." {
	rule udp.connect.getpeername_enotconn_before_peer_after
}

@test "connect() on an IPv4 UDP socket to an AF_INET6 address fails with EAFNOSUPPORT." {
	rule udp.connect.inet6_address_on_inet_socket_eafnosupport
}

@test "connect() on an IPv6 UDP socket accepts an AF_INET address and connects to it as the IPv4-mapped address." {
	rule udp.connect.inet_address_on_inet6_socket_connects_mapped
}

@test "connect() of a UDP socket to a multicast group succeeds, and what it sends reaches a member of the group on another host." {
	rule udp.connect.multicast_send_reaches_member
}

@test "connect() on a UDP socket to an address no route leads to fails with ENETUNREACH and leaves the socket unconnected." {
	rule udp.connect.no_route_enetunreach
}

@test "A connect() that fails with ENETUNREACH leaves the UDP socket as it was: an unconnected one still receives from anyone, a connected one keeps its peer." {
	rule udp.connect.failed_connect_changes_nothing
}

@test "connect() on a connected UDP socket replaces its peer: getpeername() and send() follow the new peer and the old one receives nothing more." {
	rule udp.connect.reconnect_changes_peer
}

@test "connect() on an IPv6 UDP socket accepts a 24-byte sockaddr_in6 without sin6_scope_id, as RFC 2133 defined it." {
	rule udp.connect.rfc2133_sockaddr_in6_length_accepted
}

@test "connect() on a UDP socket returns 0 even when nothing listens at the peer and puts no datagram on the wire." {
	rule udp.connect.sends_nothing
}

@test "connect() on a UDP socket with an address length that stops before the address itself fails with EINVAL." {
	rule udp.connect.short_addrlen_einval
}

@test "A UDP socket connected again to a peer on another interface keeps the source address its first connect() chose." {
	rule udp.connect.source_sticks_across_reconnect
}

@test "connect() binds an unbound UDP socket to the source address of the route to the peer and an ephemeral port." {
	rule udp.connect.unbound_gets_route_source_and_ephemeral_port
}

@test "connect() of an unbound UDP socket to the wildcard address connects it to the loopback address of its own host." {
	rule udp.connect.wildcard_address_is_local_host
}

@test "connect() on a UDP socket bound to the wildcard address keeps its port and replaces the wildcard with the source address of the route to the peer." {
	rule udp.connect.wildcard_bound_keeps_port_gets_route_source
}
