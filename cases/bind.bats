#!/usr/bin/env bats
# bind: what bind() gives a UDP socket, and which local ports it can get.
load helper

@test "getsockname() on a UDP socket that was never bound returns the wildcard address with port 0, and after bind() the bound address and port." {
	rule udp.bind.unbound_getsockname_wildcard_port_zero
}

@test "A second bind() on a bound UDP socket fails with EINVAL, whatever the address, and the socket keeps the address and port of the first." {
	rule udp.bind.second_bind_einval
}

@test "bind() of a UDP socket to an address and port another socket holds, or to the wildcard with that port, fails with EADDRINUSE and leaves the socket unbound." {
	rule udp.bind.address_in_use_eaddrinuse
}

@test "bind() on an AF_INET UDP socket accepts an AF_UNSPEC sockaddr whose address is INADDR_ANY and binds the wildcard with its port; with any other address it fails with EAFNOSUPPORT." {
	rule udp.bind.af_unspec_wildcard_accepted_on_inet
}

@test "bind() of a UDP socket to port 0 fails with EADDRINUSE when every port of its ephemeral range is in use, and leaves the socket unbound." {
	rule udp.bind.ephemeral_exhausted_eaddrinuse
}

@test "connect() and sendto() on an unbound UDP socket fail with EAGAIN when every port of its ephemeral range is in use, and leave it unbound and unconnected." {
	rule udp.bind.autobind_exhausted_eagain
}

@test "Two UDP sockets of one user with SO_REUSEPORT that bind port 0 can be given the same port, while a socket without SO_REUSEPORT cannot get it." {
	rule udp.bind.reuseport_port_zero_shares_port
}

@test "With IP_BIND_ADDRESS_NO_PORT a UDP socket bound to an address with port 0 keeps port 0 until connect() gives it an ephemeral port." {
	rule udp.bind.bind_address_no_port_defers_port
}

@test "IP_LOCAL_PORT_RANGE limits the ports the kernel picks for a UDP socket, at bind() to port 0 and at connect(), to its intersection with the namespace's range, and is ignored when the two do not overlap." {
	rule udp.bind.port_range_option_narrows_ephemeral
}

@test "bind() on a UDP socket that connect() has bound fails with EINVAL, and the socket keeps the local address connect() gave it and its peer." {
	rule udp.bind.bind_after_connect_einval
}

@test "bind() on an AF_INET6 UDP socket with an AF_UNSPEC sockaddr fails with EAFNOSUPPORT, for the wildcard as for an address, and leaves it unbound." {
	rule udp.bind.af_unspec_refused_on_inet6
}
