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

@test "connect() of a UDP socket to port 0 succeeds, bound or unbound, and getpeername() then fails with ENOTCONN." {
	rule udp.connect.port_zero_leaves_no_peer
}

@test "connect() to port 0 on a connected UDP socket succeeds and getpeername() then fails with ENOTCONN." {
	rule udp.connect.reconnect_to_port_zero_forgets_peer
}

@test "connect() of an unbound UDP socket to the wildcard address with port 0 binds it to the loopback address and an ephemeral port, and leaves it without a peer." {
	rule udp.connect.wildcard_port_zero_binds_loopback_no_peer
}

@test "send() on a UDP socket connected to port 0 succeeds and sends the datagram to port 0 of the peer's host." {
	rule udp.connect.port_zero_send_goes_to_port_zero
}

@test "A connect() that fails with EINVAL or ENETUNREACH has still bound the unbound UDP socket to the wildcard address and an ephemeral port." {
	rule udp.connect.failed_connect_binds_port
}

@test "A connect() of an IPv4 UDP socket that fails with EAFNOSUPPORT has still bound it to an ephemeral port." {
	rule udp.connect.eafnosupport_connect_binds_port
}

@test "connect() of an unbound UDP socket fails with EAGAIN when every port of the ephemeral range is taken, and leaves the socket unbound." {
	rule udp.connect.ephemeral_range_exhausted_eagain
}

@test "connect() to a second peer keeps the ephemeral port and source address the first connect() gave a UDP socket." {
	rule udp.connect.reconnect_keeps_ephemeral_port
}

@test "Two UDP sockets bound with SO_REUSEADDR to one address and port can both connect() to the same peer, whose datagrams then reach the one connected last." {
	rule udp.connect.same_four_tuple_with_reuseaddr
}

@test "A UDP socket that connect() gave a loopback source fails with EINVAL to connect() to a peer on the link, and keeps its first peer." {
	rule udp.connect.loopback_source_sticks_einval
}

@test "connect() of a UDP socket to an IPv4 multicast group with no route to it and no IP_MULTICAST_IF fails with ENETUNREACH." {
	rule udp.connect.multicast_without_route_or_interface_enetunreach
}

@test "With IP_MULTICAST_IF set by address, connect() of a UDP socket to an IPv4 multicast group succeeds and what it sends reaches a member on that link." {
	rule udp.connect.multicast_if_by_address_reaches_member
}

@test "With the multicast interface set by index, connect() of a UDP socket to a multicast group succeeds and what it sends reaches a member on that link." {
	rule udp.connect.multicast_if_by_index_reaches_member
}

@test "By default what a UDP socket connected to a multicast group sends also reaches a member of the group on its own host." {
	rule udp.connect.multicast_loop_delivers_to_own_host
}

@test "With multicast loopback off, what a UDP socket connected to a multicast group sends reaches members on other hosts but not one on its own host." {
	rule udp.connect.multicast_loop_off_skips_own_host
}

@test "connect() of a UDP socket toward an unreachable route (ip route add unreachable) fails with EHOSTUNREACH." {
	rule udp.connect.unreachable_route_ehostunreach
}

@test "connect() of a UDP socket toward a prohibit route (ip route add prohibit) fails with EACCES." {
	rule udp.connect.prohibit_route_eacces
}

@test "connect() of a UDP socket toward a blackhole route (ip route add blackhole) fails with EINVAL." {
	rule udp.connect.blackhole_route_einval
}
