/* Pairs of connected sockets, one per peer port, exchanged in an order that
 * proves where every datagram went.  See peers.h. */
#include "udpc.h"

#include <errno.h>
#include <stdio.h>

#define ROLE_MAX 32
#define ROLES_MAX (4 * PEERS_MAX)

const char *peer_role(const char *what, int i)
{
	static char roles[ROLES_MAX][ROLE_MAX];
	static int used;

	/* More names than a probe has sockets (PROBE_MAX_SOCKS), reused in turn. */
	char *r = roles[used++ % ROLES_MAX];
	snprintf(r, ROLE_MAX, "%s_%d", what, i);
	return r;
}

struct sock *peer_open(struct probe *p, int i)
{
	struct sock *s = sock_open(p, HOST_CLIENT, peer_role("peer", i));

	must(p, sock_bind(p, s, addr_host(p, HOST_CLIENT, PEER_PORT_BASE + i)));
	return s;
}

struct sock *member_open(struct probe *p, const char *role)
{
	struct sock *s = sock_open(p, HOST_SERVER, role);

	must(p, sock_setsockopt_int(p, s, SOCKOPT(SOL_SOCKET, SO_REUSEPORT), 1));
	must(p, sock_bind(p, s, addr_host(p, HOST_SERVER, PORT_SERVER)));
	return s;
}

static const char *peer_payload(int i, char *buf, size_t n)
{
	snprintf(buf, n, "from peer %d", i);
	return buf;
}

static void local_expect_own(struct probe *p, struct sock *local, int i)
{
	char pl[32];

	expect_datagram(p, sock_recv(p, local), peer_payload(i, pl, sizeof(pl)),
			addr_host(p, HOST_CLIENT, PEER_PORT_BASE + i));
}

void peers_exchange(struct probe *p, struct sock *const *local, struct sock *const *peer, int n,
		    struct addr to)
{
	char pl[32];

	for (int i = 0; i < n; i++)
		expect_ok(p, sock_sendto(p, peer[i], peer_payload(i, pl, sizeof(pl)), to));
	local_expect_own(p, local[n - 1], n - 1);
	for (int i = 0; i < n - 1; i++)
		local_expect_own(p, local[i], i);
	for (int i = 0; i < n; i++)
		expect_errno(p, sock_recv_nowait(p, local[i]), EAGAIN);
}
