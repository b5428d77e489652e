/* Traced calls beyond sock.c: the destinationless and odd-length forms of
 * sendto() and sendmsg(), and a recvfrom() that peeks (see msg.h). */
#define _GNU_SOURCE
#include "internal.h"
#include "msg.h"

#include <stdio.h>
#include <string.h>

/* addr_str() for an address that may carry AF_UNSPEC over real content:
 * "{AF_UNSPEC, 198.18.0.3:7002}" shows what the kernel was handed. */
static const char *msg_addr_str(const struct addr *a, char *buf, size_t n)
{
	struct addr shown = *a;
	char as[80];

	if (a->ss.ss_family != AF_UNSPEC || a->len < sizeof(struct sockaddr_in))
		return addr_str(a, buf, n);
	shown.ss.ss_family = a->len == sizeof(struct sockaddr_in6) ? AF_INET6 : AF_INET;
	snprintf(buf, n, "{AF_UNSPEC, %s}", addr_str(&shown, as, sizeof(as)));
	return buf;
}

struct call sock_sendto_null(struct probe *p, struct sock *s, const char *payload)
{
	return send_traced(p, s, payload, SEND_SENDTO, NULL, 0, ", NULL, 0");
}

struct call sock_sendto_len(struct probe *p, struct sock *s, const char *payload, struct addr to,
			    socklen_t tolen)
{
	char dest[160] = ", ", as[128];

	snprintf(dest + 2, sizeof(dest) - 2, "%s, %u", msg_addr_str(&to, as, sizeof(as)),
		 (unsigned)tolen);
	return send_traced(p, s, payload, SEND_SENDTO, &to, tolen, dest);
}

struct call sock_sendmsg_noname(struct probe *p, struct sock *s, const char *payload)
{
	return send_traced(p, s, payload, SEND_SENDMSG, NULL, 0, "");
}

struct addr addr_as_unspec(struct addr a)
{
	a.ss.ss_family = AF_UNSPEC;
	return a;
}

static const char *returned_addr(const struct call *c, char *buf, size_t n)
{
	if (c->ret < 0)
		return trace_result(c, buf, n);
	return addr_str(&c->addr, buf, n);
}

void expect_same_addr(struct probe *p, const char *what, struct call a, struct call b)
{
	char as[160], bs[160];
	struct addr exact = a.addr;

	exact.any_port = false;
	check_record(p, a.ret >= 0 && b.ret >= 0 && addr_equal(&exact, &b.addr), what,
		     returned_addr(&a, as, sizeof(as)), returned_addr(&b, bs, sizeof(bs)));
}

struct call sock_recv_peek(struct probe *p, struct sock *s)
{
	return recv_traced(p, s, true, true);
}
