#!/usr/bin/env bats
# state: what /proc/net/udp and sock_diag say about UDP sockets.
load helper

@test "/proc/net/udp (udp6) shows a connected UDP socket with its bound address, its peer as remote address and state 01 (ESTABLISHED)." {
	rule udp.state.proc_connected_shows_peer
}

@test "/proc/net/udp (udp6) shows a bound, unconnected UDP socket with a zero remote address and port and state 07 (CLOSE)." {
	rule udp.state.proc_bound_shows_no_peer
}

@test "/proc/net/udp (udp6) shows a disconnected UDP socket with a zero remote address and port and state 07 (CLOSE)." {
	rule udp.state.proc_disconnected_shows_no_peer
}

@test "sock_diag reports a bound, unconnected UDP socket with a zero destination address and port and state CLOSE." {
	rule udp.state.diag_bound_shows_no_peer
}

@test "sock_diag reports a connected UDP socket with its bound address, its peer as destination and state ESTABLISHED." {
	rule udp.state.diag_connected_shows_peer
}

@test "sock_diag reports a disconnected UDP socket with a zero destination address and port and state CLOSE." {
	rule udp.state.diag_disconnected_shows_no_peer
}
