#!/usr/bin/env bats
# errors: asynchronous errors (ICMP) and who is told about them.
load helper

@test "An ICMP port unreachable becomes ECONNREFUSED on a connected UDP socket and is not reported to an unconnected one." {
	rule udp.errors.refused_only_when_connected
}
