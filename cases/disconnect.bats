#!/usr/bin/env bats
# disconnect: connect() with AF_UNSPEC, and what the socket is afterwards.
load helper

@test "connect() with AF_UNSPEC returns 0 and leaves the socket with no peer, so send() fails and datagrams from anyone are delivered again." {
	rule udp.disconnect.af_unspec_disconnects
}

@test "connect() with AF_UNSPEC on a UDP socket that was never connected returns 0 and leaves it unbound." {
	rule udp.disconnect.never_connected_returns_0
}

@test "connect() with AF_UNSPEC disconnects a UDP socket with an address length of 2 (the family alone); length 1 fails with EINVAL and changes nothing." {
	rule udp.disconnect.unspec_address_length
}

@test "A UDP socket bound to an address with port 0 keeps the address but loses its kernel-chosen port when it disconnects." {
	rule udp.disconnect.implicit_port_released
}

@test "A UDP socket bound to the wildcard with a port is back on the wildcard after connect and disconnect, and keeps its port." {
	rule udp.disconnect.wildcard_port_bound_keeps_port
}

@test "A UDP socket bound to the wildcard that connected and then disconnected receives datagrams from third parties again." {
	rule udp.disconnect.wildcard_bound_receives_third_parties
}

@test "After a disconnect, connect() to a peer on another interface gives the UDP socket that interface's address." {
	rule udp.disconnect.reconnect_picks_new_interface_address
}

@test "A UDP socket bound to a device with SO_BINDTODEVICE is bound to no device after it connects and disconnects." {
	rule udp.disconnect.clears_bound_device
}

@test "connect() to an IPv6 link-local peer binds a UDP socket to the scope id's interface, and disconnecting releases it." {
	rule udp.disconnect.link_local_peer_device_released
}

@test "A bound UDP socket that connected and disconnected twice, to two peers, receives datagrams from its first peer." {
	rule udp.disconnect.second_cycle_receives_everyone
}

@test "After a disconnect with an AF_UNSPEC address of length 2, 16 or the family's own, getsockname() returns the bound address with its full length and getpeername() fails with ENOTCONN." {
	rule udp.disconnect.sockaddr_complete_after_disconnect
}

@test "A UDP socket bound to the wildcard with port 0 is unbound (wildcard, port 0) after connect and disconnect, and the next connect() picks a port afresh." {
	rule udp.disconnect.wildcard_port_zero_bound_loses_port
}
