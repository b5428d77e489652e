// SPDX-License-Identifier: GPL-2.0
/* After connect(AF_UNSPEC), an AF_INET6 UDP socket bound to [::1]:7001
 * should take datagrams from anyone again.  Affected kernels keep filtering
 * on the old peer's address: the datagram from [2001:db8::2]:7002 is
 * dropped, and the first read returns the old peer's datagram, sent after it.
 * Build: cc -o repro disconnect-keeps-v6-peer.c
 * Run (root, in a throwaway network namespace with a second address on lo):
 *   unshare -n sh -c 'ip link set lo up &&
 *     ip -6 addr add 2001:db8::2/128 dev lo nodad && ./repro'
 * Exit 0: fixed, 1: affected. */
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

/* [::1]:port, or [2001:db8::2]:port for the third party. */
static struct sockaddr_in6 at(int port)
{
	struct sockaddr_in6 a = { .sin6_family = AF_INET6,
				  .sin6_port = htons(port),
				  .sin6_addr = IN6ADDR_LOOPBACK_INIT };

	if (port == 7002) {
		a.sin6_addr.s6_addr[0] = 0x20, a.sin6_addr.s6_addr[1] = 0x01;
		a.sin6_addr.s6_addr[2] = 0x0d, a.sin6_addr.s6_addr[3] = 0xb8;
		a.sin6_addr.s6_addr[15] = 2;
	}
	return a;
}

static int udp6(int port)
{
	struct sockaddr_in6 a = at(port);
	int fd = socket(AF_INET6, SOCK_DGRAM, 0);

	if (fd < 0 || bind(fd, (struct sockaddr *)&a, sizeof(a)) < 0) {
		perror("socket/bind (see the comment at the top for the setup)");
		exit(2);
	}
	return fd;
}

int main(void)
{
	int s = udp6(7001), peer = udp6(7000), other = udp6(7002);
	struct sockaddr_in6 to_peer = at(7000), to_s = at(7001);
	struct sockaddr unspec = { .sa_family = AF_UNSPEC };
	char buf[16] = "";

	if (connect(s, (struct sockaddr *)&to_peer, sizeof(to_peer)) < 0 ||
	    connect(s, &unspec, sizeof(unspec)) < 0) {
		perror("connect");
		return 2;
	}
	sendto(other, "other", 5, 0, (struct sockaddr *)&to_s, sizeof(to_s));
	/* Sent last: read first only if "other" was dropped. */
	sendto(peer, "peer", 4, 0, (struct sockaddr *)&to_s, sizeof(to_s));
	if (recv(s, buf, sizeof(buf) - 1, 0) < 0) {
		perror("recv");
		return 2;
	}
	if (strcmp(buf, "other") != 0) {
		printf("affected: after disconnect the datagram from [2001:db8::2]:7002 was dropped; "
		       "first read \"%s\"\n",
		       buf);
		return 1;
	}
	puts("fixed: after disconnect the datagram from [2001:db8::2]:7002 was delivered");
	return 0;
}
