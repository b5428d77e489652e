#!/usr/bin/env bats
# filter: which datagrams a connected UDP socket receives.
load helper

@test "A connected UDP socket receives datagrams only from its peer: not from another port of the peer's host, nor from another host with the peer's port." {
	rule udp.filter.foreign_datagrams_dropped
}

@test "A stranger's datagram to a connected socket's port goes to an unconnected socket sharing the port through SO_REUSEADDR, and the connected socket gets only its peer's." {
	rule udp.filter.foreign_datagram_goes_to_reuseaddr_socket
}

@test "A datagram from a stranger to a port whose only socket is connected elsewhere is answered with ICMP port unreachable, so a connected stranger gets ECONNREFUSED." {
	rule udp.filter.foreign_datagram_refused_to_connected_sender
}

@test "Datagrams queued before connect() are still delivered after it, even from a host that is not the new peer." {
	rule udp.filter.queued_before_connect_still_delivered
}

@test "recvfrom() on a connected UDP socket reports the peer's address as the source." {
	rule udp.filter.recvfrom_reports_peer
}

@test "A UDP socket bound to the wildcard address receives only its peer's datagrams once connected." {
	rule udp.filter.wildcard_bound_connected_socket_filters
}

@test "Connected UDP sockets sharing one port through SO_REUSEADDR each receive exactly their own peer's datagrams, whether bound to the specific address or to the wildcard." {
	rule udp.filter.connected_sockets_on_one_port_each_get_their_own_peer
}

@test "A UDP socket bound to one local address does not receive datagrams sent to another address of its host on the same port." {
	rule udp.filter.bound_address_filters_destination
}

@test "With loose rp_filter, a UDP datagram from a source routed out of another interface than the one it arrived on is delivered." {
	rule udp.filter.rp_filter_loose_accepts_routable_source
}

@test "With loose rp_filter, a UDP datagram from a source the receiver has no route to is dropped before any socket sees it." {
	rule udp.filter.rp_filter_loose_drops_unroutable_source
}

@test "With strict rp_filter, a UDP datagram whose source is routed out of another interface than the one it arrived on is dropped before any socket sees it." {
	rule udp.filter.rp_filter_strict_drops_wrong_interface
}

@test "A UDP datagram whose source address is a multicast group is dropped before any socket sees it." {
	rule udp.filter.multicast_source_dropped
}
