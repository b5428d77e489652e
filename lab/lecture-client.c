// SPDX-License-Identifier: GPL-2.0-only
/* lecture-client [-c] [-t SECONDS] ADDR PORT [MESSAGE...]: the lecture's UDP
 * client, in plain sockets.  Each MESSAGE (or each line of stdin) is sent
 * with sendto() and the answer read with recvfrom(), printing both calls.
 *
 *   -c   connect() first, as the lecture's client does: the kernel then
 *        reports the ICMP port unreachable of a closed port to this socket,
 *        and recvfrom() fails with ECONNREFUSED.  Without -c the same ICMP
 *        arrives and is dropped for this socket (__udp4_lib_err(): an
 *        unconnected socket without IP_RECVERR is not told), so recvfrom()
 *        waits: forever, or -t SECONDS.
 *
 *   lecture-client -c 198.18.0.2 7009 hello   (7009: nothing listens there)
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

static int connected, timeout_s;

static void show(const char *call, ssize_t n)
{
	if (n < 0)
		printf("%s = -1 %s (%s)\n", call, strerrorname_np(errno), strerror(errno));
	else
		printf("%s = %zd\n", call, n);
	fflush(stdout);
}

/* One round trip.  With -c the socket's peer is fixed, so sendto() may
 * name it or not (NULL here, the lecture's choice is the same). */
static void round_trip(int fd, const struct sockaddr *to, socklen_t tolen, const char *msg)
{
	char buf[65536], call[256];
	size_t len = strlen(msg);

	snprintf(call, sizeof(call), "sendto(\"%s\", %zu, %s)", msg, len,
		 connected ? "NULL" : "server");
	show(call, sendto(fd, msg, len, 0, connected ? NULL : to, connected ? 0 : tolen));
	ssize_t n = recvfrom(fd, buf, sizeof(buf) - 1, 0, NULL, NULL);
	if (n >= 0) {
		buf[n] = '\0';
		snprintf(call, sizeof(call), "recvfrom() -> \"%.200s\"", buf);
	} else {
		snprintf(call, sizeof(call), "recvfrom()");
	}
	show(call, n);
}

int main(int argc, char **argv)
{
	struct sockaddr_storage ss = { 0 };
	socklen_t len;
	int opt;

	while ((opt = getopt(argc, argv, "ct:")) != -1) {
		if (opt == 'c')
			connected = 1;
		else if (opt == 't')
			timeout_s = (int)strtol(optarg, NULL, 10);
		else
			return 64;
	}
	if (argc - optind < 2) {
		fprintf(stderr, "usage: lecture-client [-c] [-t SECONDS] ADDR PORT [MESSAGE...]\n");
		return 64;
	}
	struct sockaddr_in *s4 = (struct sockaddr_in *)&ss;
	struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)&ss;
	uint16_t port = htons((uint16_t)strtol(argv[optind + 1], NULL, 10));
	if (inet_pton(AF_INET, argv[optind], &s4->sin_addr) == 1) {
		s4->sin_family = AF_INET;
		s4->sin_port = port;
		len = sizeof(*s4);
	} else if (inet_pton(AF_INET6, argv[optind], &s6->sin6_addr) == 1) {
		s6->sin6_family = AF_INET6;
		s6->sin6_port = port;
		len = sizeof(*s6);
	} else {
		fprintf(stderr, "lecture-client: '%s' is not an address\n", argv[optind]);
		return 64;
	}
	int fd = socket(ss.ss_family, SOCK_DGRAM, 0);
	if (fd < 0) {
		show("socket()", -1);
		return 1;
	}
	if (timeout_s > 0) {
		struct timeval tv = { .tv_sec = timeout_s };
		setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	}
	if (connected)
		show("connect(server)", connect(fd, (struct sockaddr *)&ss, len));
	if (argc - optind > 2) {
		for (int i = optind + 2; i < argc; i++)
			round_trip(fd, (struct sockaddr *)&ss, len, argv[i]);
		return 0;
	}
	char line[4096];
	while (fgets(line, sizeof(line), stdin)) {
		line[strcspn(line, "\n")] = '\0';
		round_trip(fd, (struct sockaddr *)&ss, len, line);
	}
	return 0;
}
