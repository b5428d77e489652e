#!/usr/bin/env bats
# multicast: what a UDP socket sends to an IPv4 or IPv6 multicast group.
load helper

@test "sendto() to an IPv4 multicast group from a UDP socket with no multicast interface, device or bound address fails with ENETUNREACH when no route covers the group, while a socket bound to a local address reaches the group's members on that address's link." {
	rule udp.multicast.unrouted_group_enetunreach
}
