#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-only
# socket: which UDP sockets and socket options a kernel offers at all.
load helper

@test "socket(AF_INET or AF_INET6, SOCK_DGRAM, IPPROTO_UDPLITE) creates a UDP-Lite socket." {
	rule udp.socket.udplite_socket_created
}

@test "setsockopt(IPPROTO_IP, IP_LOCAL_PORT_RANGE) with a range inside the namespace's is accepted on a UDP socket, AF_INET or AF_INET6." {
	rule udp.socket.ip_local_port_range_option_accepted
}
