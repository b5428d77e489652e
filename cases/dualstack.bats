#!/usr/bin/env bats
# dualstack: AF_INET6 UDP sockets and IPv4 peers (IPv4-mapped addresses, IPV6_V6ONLY).
load helper

@test "connect() to an IPv4-mapped address on an AF_INET6 UDP socket with IPV6_V6ONLY fails with ENETUNREACH and leaves it unconnected." {
	rule udp.dualstack.v6only_connect_mapped_enetunreach
}

@test "connect() with an AF_INET sockaddr on an AF_INET6 UDP socket with IPV6_V6ONLY fails with EAFNOSUPPORT." {
	rule udp.dualstack.v6only_connect_inet_sockaddr_eafnosupport
}

@test "sendto() an IPv4-mapped address on an AF_INET6 UDP socket with IPV6_V6ONLY fails with ENETUNREACH and sends nothing." {
	rule udp.dualstack.v6only_sendto_mapped_enetunreach
}

@test "After connect() with an AF_INET sockaddr, getsockname() on an AF_INET6 UDP socket returns its IPv4 source as an IPv4-mapped sockaddr_in6 of length 28." {
	rule udp.dualstack.inet_sockaddr_connect_gives_mapped_name
}

@test "An AF_INET6 UDP socket bound to a native IPv6 address fails with ENETUNREACH to connect() or sendto() an IPv4-mapped address." {
	rule udp.dualstack.native_bound_socket_is_v6only
}

@test "An AF_INET6 UDP socket bound or connected with an IPv4-mapped source fails with EAFNOSUPPORT to connect() or sendto() a native IPv6 address." {
	rule udp.dualstack.mapped_source_to_native_eafnosupport
}

@test "An AF_INET6 UDP socket bound to [::] with IPV6_V6ONLY receives no IPv4 datagram: one sent to its port finds no socket." {
	rule udp.dualstack.v6only_wildcard_misses_ipv4
}

@test "An AF_INET UDP socket cannot bind 0.0.0.0 on a port a dual-stack [::] socket holds (EADDRINUSE), but can when that socket is IPV6_V6ONLY." {
	rule udp.dualstack.v6only_frees_ipv4_port
}
