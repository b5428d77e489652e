#!/usr/bin/env bats
# broadcast: what a UDP socket sends to and receives from broadcast addresses.
load helper

@test "sendto() from a UDP socket without SO_BROADCAST to 255.255.255.255 or to its link's broadcast address fails with EACCES and sends nothing." {
	rule udp.broadcast.sendto_needs_so_broadcast
}

@test "sendto() to 255.255.255.255 from a UDP socket with SO_BROADCAST that is bound to neither a local address nor a device fails with ENETUNREACH when no route covers that address, and sends nothing." {
	rule udp.broadcast.limited_broadcast_unrouted_enetunreach
}

@test "A UDP socket with SO_BROADCAST bound to one of its host's addresses sends to 255.255.255.255 without any route to it, on that address's link, and every host there receives the datagram from the bound address." {
	rule udp.broadcast.limited_broadcast_from_bound_address_reaches_link
}

@test "A broadcast to a UDP port reaches the sockets on it bound to the wildcard or to the broadcast address, and not one bound to a unicast address." {
	rule udp.broadcast.unicast_bound_misses_broadcast
}

@test "A UDP socket connected to a broadcast address does not receive the unicast reply of a host that heard its broadcast: the reply finds no socket." {
	rule udp.broadcast.connected_to_broadcast_misses_unicast_reply
}
