// SPDX-License-Identifier: GPL-2.0
/* An AF_INET6 UDP socket connected to ::ffff:127.0.0.1:7000 calls sendto()
 * with an AF_UNSPEC destination, which udpv6_sendmsg() treats as "no
 * destination": the datagram should reach the IPv4 peer.  Affected kernels
 * route it as IPv6 to ::ffff:127.0.0.1: ENETUNREACH without an IPv6 route,
 * else an IPv6 packet with ::ffff: addresses that never reaches the peer.
 * Build: cc -o repro sendto-unspec-mapped-peer.c; run: ./repro
 * (uses UDP ports 7000-7001 on 127.0.0.1).  Exit 0: fixed, 1: affected. */
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void)
{
	struct sockaddr_in peer_at = { .sin_family = AF_INET,
				       .sin_port = htons(7000),
				       .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	struct sockaddr_in6 mapped = { .sin6_family = AF_INET6, .sin6_port = htons(7000) };
	struct sockaddr_in6 unspec = { .sin6_family = AF_UNSPEC };
	int peer = socket(AF_INET, SOCK_DGRAM, 0);
	int s = socket(AF_INET6, SOCK_DGRAM, 0);
	char buf[16] = "";
	ssize_t n;

	mapped.sin6_addr.s6_addr[10] = mapped.sin6_addr.s6_addr[11] = 0xff;
	memcpy(&mapped.sin6_addr.s6_addr[12], &peer_at.sin_addr, 4);
	if (peer < 0 || s < 0 || bind(peer, (struct sockaddr *)&peer_at, sizeof(peer_at)) < 0 ||
	    connect(s, (struct sockaddr *)&mapped, sizeof(mapped)) < 0) {
		perror("socket/bind/connect");
		return 2;
	}
	n = sendto(s, "unspec", 6, 0, (struct sockaddr *)&unspec, sizeof(unspec));
	if (n < 0) {
		printf("affected: sendto(AF_UNSPEC) on a socket connected to ::ffff:127.0.0.1 failed: "
		       "%s\n",
		       strerror(errno));
		return 1;
	}
	/* Sent last: read first only if "unspec" went elsewhere. */
	send(s, "sentinel", 8, 0);
	if (recv(peer, buf, sizeof(buf) - 1, 0) < 0) {
		perror("recv");
		return 2;
	}
	if (strcmp(buf, "unspec") != 0) {
		printf("affected: sendto(AF_UNSPEC) returned %zd but the IPv4 peer first read \"%s\"\n",
		       n, buf);
		return 1;
	}
	puts("fixed: sendto(AF_UNSPEC) reached the IPv4 peer");
	return 0;
}
