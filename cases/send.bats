#!/usr/bin/env bats
# send: where send(), write(), sendto() and sendmsg() put a datagram.
load helper

@test "send() and write() on an unconnected UDP socket fail with EDESTADDRREQ." {
	rule udp.send.unconnected_send_edestaddrreq
}
