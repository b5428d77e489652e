// SPDX-License-Identifier: GPL-2.0-only
/* echo-server [PORT]: the lecture's UDP echo server, in plain sockets.
 * It binds the wildcard address (IPv6 socket, IPv4 peers arrive mapped:
 * bindv6only is 0 in the lab) and sends every datagram back to whoever
 * sent it.  It never connect()s: one socket serves every client, and each
 * answer names its destination (sendto).  Stop it with Ctrl-C.
 *
 *   lab-server echo-server 7000 &      (in make lab)
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	long port = argc > 1 ? strtol(argv[1], NULL, 10) : 7000;
	struct sockaddr_in6 me = { .sin6_family = AF_INET6,
				   .sin6_port = htons((uint16_t)port),
				   .sin6_addr = IN6ADDR_ANY_INIT };
	char buf[65536], who[INET6_ADDRSTRLEN];

	int fd = socket(AF_INET6, SOCK_DGRAM, 0);
	if (fd < 0 || bind(fd, (struct sockaddr *)&me, sizeof(me)) != 0) {
		fprintf(stderr, "echo-server: port %ld: %s\n", port, strerrorname_np(errno));
		return 1;
	}
	printf("echo-server: listening on [::]:%ld\n", port);
	fflush(stdout);
	for (;;) {
		struct sockaddr_in6 peer = { 0 };
		socklen_t len = sizeof(peer);
		ssize_t n = recvfrom(fd, buf, sizeof(buf), 0, (struct sockaddr *)&peer, &len);
		if (n < 0) {
			/* An unconnected socket gets no asynchronous errors: only a
			 * signal or a bug ends up here. */
			fprintf(stderr, "echo-server: recvfrom: %s\n", strerrorname_np(errno));
			continue;
		}
		inet_ntop(AF_INET6, &peer.sin6_addr, who, sizeof(who));
		printf("echo-server: %zd bytes from [%s]:%d, sent back\n", n, who,
		       ntohs(peer.sin6_port));
		fflush(stdout);
		if (sendto(fd, buf, (size_t)n, 0, (struct sockaddr *)&peer, len) != n)
			fprintf(stderr, "echo-server: sendto: %s\n", strerrorname_np(errno));
	}
}
