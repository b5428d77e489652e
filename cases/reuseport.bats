#!/usr/bin/env bats
# reuseport: SO_REUSEPORT groups that hold connected UDP sockets.
load helper

@test "In an SO_REUSEPORT group, datagrams from a connected member's peer reach that member, not the member the group's hash would pick." {
	rule udp.reuseport.connected_member_gets_its_peer
}

@test "In an SO_REUSEPORT group, a connected member never receives datagrams from sources other than its peer; they go to the unconnected members." {
	rule udp.reuseport.connected_member_gets_no_one_else
}

@test "In an SO_REUSEPORT group with many connected members, each connected member receives exactly its own peer's datagrams, and no other member receives them." {
	rule udp.reuseport.connected_members_each_get_their_own_peer
}

@test "A classic BPF program attached with SO_ATTACH_REUSEPORT_CBPF picks the member of a UDP SO_REUSEPORT group that receives each datagram, by its index in the group." {
	rule udp.reuseport.cbpf_program_picks_member
}

@test "A member of a UDP SO_REUSEPORT group that connects and then disconnects is back in the group, where the group's BPF program can choose it again." {
	rule udp.reuseport.disconnected_member_rejoins_group
}

@test "A UDP socket bound with SO_REUSEPORT to the host's address receives every datagram sent to that address, before wildcard members of the same port, in either order of binding." {
	rule udp.reuseport.specific_address_beats_wildcard_group
}

@test "An IPv4 datagram to a wildcard port shared by an AF_INET and a dual-stack AF_INET6 SO_REUSEPORT group reaches the AF_INET group, in either order of creation." {
	rule udp.reuseport.ipv4_group_preferred_over_dualstack
}

@test "A connected member of a UDP SO_REUSEPORT group never receives a third party's datagram, even when the group's BPF program picks it; an unconnected member gets it." {
	rule udp.reuseport.program_cannot_pick_connected_member
}

@test "A wildcard-bound member of a UDP SO_REUSEPORT group that connects and then disconnects is back in the group, where the group's BPF program can choose it again." {
	rule udp.reuseport.wildcard_member_rejoins_group
}
