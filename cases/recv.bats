#!/usr/bin/env bats
# recv: what a receive returns (truncation, peeking, FIONREAD, the call forms) and
# which datagrams reach an unconnected socket.
load helper

@test "Each receive on a UDP socket returns exactly one queued datagram, however large the buffer." {
	rule udp.recv.datagram_boundaries_preserved
}

@test "FIONREAD (SIOCINQ) on a UDP socket answers the payload size of the first queued datagram only, and 0 when none is queued." {
	rule udp.recv.fionread_first_datagram_only
}

@test "FIONREAD on a UDP socket whose first queued datagram is empty answers 0, though the socket is readable and recv() returns that datagram." {
	rule udp.recv.fionread_zero_length_head
}

@test "A UDP receive given MSG_TRUNC in its flags returns the datagram's real length, copies only what fits and consumes the datagram." {
	rule udp.recv.msg_trunc_flag_returns_real_length
}

@test "MSG_PEEK with a buffer shorter than the datagram returns its head with MSG_TRUNC and leaves the whole datagram queued for the next receive." {
	rule udp.recv.peek_short_buffer_leaves_datagram
}

@test "read() on a connected UDP socket returns one whole datagram from the peer per call." {
	rule udp.recv.read_on_connected_socket
}

@test "readv() on a UDP socket scatters one datagram over its buffers in order and never fills them from the next datagram." {
	rule udp.recv.readv_scatters_one_datagram
}

@test "recv() on a connected UDP socket returns one whole datagram from the peer per call." {
	rule udp.recv.recv_on_connected_socket
}

@test "recvmmsg() on a UDP socket returns the number of datagrams it read, one per message, each with its own source and length." {
	rule udp.recv.recvmmsg_returns_each_datagram
}

@test "sendto() on an unconnected UDP socket does not connect it: getpeername() still fails with ENOTCONN and other senders are still received." {
	rule udp.recv.sendto_leaves_socket_unconnected
}

@test "A recv() blocked on a connected UDP socket whose datagram the peer dropped without ICMP goes on sleeping and returns the peer's next datagram." {
	rule udp.recv.silent_peer_recv_blocks
}

@test "A UDP receive with a buffer shorter than the datagram returns what fits with MSG_TRUNC in msg_flags, and the rest of that datagram is discarded." {
	rule udp.recv.truncated_datagram_rest_discarded
}

@test "A non-blocking recvfrom() on a never-bound UDP socket fails with EAGAIN and leaves the socket unbound (port 0)." {
	rule udp.recv.unbound_recv_eagain
}

@test "An unconnected UDP socket receives datagrams from any sender, each with that sender's address, and stays without a peer." {
	rule udp.recv.unconnected_accepts_any_sender
}

@test "recvmsg(MSG_WAITALL) on a UDP socket returns the one datagram queued, however short, and does not wait to fill the buffer." {
	rule udp.recv.waitall_returns_one_datagram
}

@test "A recv() blocked on a connected UDP socket wakes up for the peer's datagram and returns it." {
	rule udp.recv.blocked_recv_wakes_for_peer_datagram
}

@test "With SO_PEEK_OFF set, each MSG_PEEK on a UDP socket continues where the last peek stopped, into the next datagram, and a read moves the offset back." {
	rule udp.recv.peek_off_continues_past_peeked
}

@test "recvmsg(MSG_PEEK|MSG_TRUNC) with a one-byte buffer on a UDP socket returns the queued datagram's full length and leaves it queued." {
	rule udp.recv.peek_trunc_reports_length
}

@test "recvfrom() with 4 bytes of room for the source writes only the family and port and answers the full address length (16 or 28) in addrlen." {
	rule udp.recv.short_address_buffer_truncated
}

@test "FIONREAD on a connected UDP socket still answers the queued datagram's size after shutdown(SHUT_WR) and shutdown(SHUT_RD), and the datagram is still read." {
	rule udp.recv.fionread_unchanged_by_shutdown
}
