#!/usr/bin/env bats
# shutdown: shutdown() of UDP sockets, connected and not, and what follows.
load helper

@test "shutdown() with SHUT_RD, SHUT_WR or SHUT_RDWR on a connected UDP socket returns 0." {
	rule udp.shutdown.connected_returns_0
}

@test "shutdown() with SHUT_RD, SHUT_WR or SHUT_RDWR on a UDP socket that is not connected, bound or not, fails with ENOTCONN." {
	rule udp.shutdown.unconnected_enotconn
}

@test "shutdown() on a UDP socket with a how other than SHUT_RD, SHUT_WR or SHUT_RDWR fails with EINVAL and leaves the socket as it was." {
	rule udp.shutdown.invalid_how_einval
}

@test "After shutdown(SHUT_WR), send() on a connected UDP socket fails with EPIPE and sends nothing." {
	rule udp.shutdown.shut_wr_send_epipe
}

@test "After shutdown(SHUT_RD), a blocking recvfrom() on a connected UDP socket with an empty queue returns 0 at once." {
	rule udp.shutdown.shut_rd_recv_returns_0
}

@test "A recvfrom() blocked on a connected UDP socket returns 0 when another thread calls shutdown(SHUT_RD)." {
	rule udp.shutdown.blocked_recv_wakes_with_0
}

@test "A datagram queued on a connected UDP socket before shutdown(SHUT_RD) is still delivered; after it the socket reads end of file." {
	rule udp.shutdown.shut_rd_keeps_queued_datagram
}

@test "A connected UDP socket still receives its peer's datagrams sent after shutdown(SHUT_RD)." {
	rule udp.shutdown.shut_rd_still_accepts_datagrams
}

@test "shutdown(SHUT_RD) on an unconnected UDP socket fails with ENOTCONN, yet a blocking recvfrom() on it then returns 0 at once." {
	rule udp.shutdown.unconnected_shut_rd_still_applies
}

@test "shutdown(SHUT_WR) on an unconnected UDP socket fails with ENOTCONN, yet sendto() on it then fails with EPIPE." {
	rule udp.shutdown.unconnected_shut_wr_still_applies
}

@test "A UDP socket shut down with SHUT_RDWR stays shut down after connect() to another peer: send() fails with EPIPE and recvfrom() returns 0." {
	rule udp.shutdown.reconnect_keeps_shutdown
}

@test "After shutdown(SHUT_RD), poll() on a connected UDP socket with nothing queued reports POLLIN|POLLRDHUP at once, and no POLLHUP." {
	rule udp.shutdown.shut_rd_poll_reports_rdhup
}

@test "After shutdown(SHUT_RDWR), poll() on a connected UDP socket reports POLLIN|POLLOUT|POLLRDHUP|POLLHUP." {
	rule udp.shutdown.shut_rdwr_poll_reports_hup
}

@test "shutdown(SHUT_RDWR) on an unconnected UDP socket fails with ENOTCONN, yet poll() on it then reports POLLIN|POLLHUP." {
	rule udp.shutdown.unconnected_shut_rdwr_poll_reports_hup
}
