// SPDX-License-Identifier: GPL-2.0-only
/* A member of the server's SO_REUSEPORT group (member.h). */
#include "udpc.h"

struct sock *member_open(struct probe *p, const char *role)
{
	struct sock *s = sock_open(p, HOST_SERVER, role);

	must(p, sockopt_set_int(p, s, SOCKOPT(SOL_SOCKET, SO_REUSEPORT), 1));
	must(p, sock_bind(p, s, addr_host(p, HOST_SERVER, PORT_SERVER)));
	return s;
}
