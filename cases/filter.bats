#!/usr/bin/env bats
# filter: which datagrams a connected UDP socket receives.
load helper

@test "A connected UDP socket receives datagrams only from its peer: not from another port of the peer's host, nor from another host with the peer's port." {
	rule udp.filter.foreign_datagrams_dropped
}
