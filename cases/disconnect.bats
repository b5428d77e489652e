#!/usr/bin/env bats
# disconnect: connect() with AF_UNSPEC, and what the socket is afterwards.
load helper

@test "connect() with AF_UNSPEC returns 0 and leaves the socket with no peer, so send() fails and datagrams from anyone are delivered again." {
	rule udp.disconnect.af_unspec_disconnects
}
