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
