#!/usr/bin/env bats
# connect: what connect() on a UDP socket does, and does not do.
load helper

@test "connect() gives an unbound UDP socket the route's source address and an ephemeral port, disconnect takes both back, and an explicit bind stays as bound." {
	rule udp.connect.local_address_set_and_reset
}
