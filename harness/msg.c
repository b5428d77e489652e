/* Traced calls beyond sock.c: the destinationless and odd-length forms of
 * sendto() and sendmsg(), and a recvfrom() that peeks (see msg.h). */
#define _GNU_SOURCE
#include "internal.h"
#include "msg.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/uio.h>

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
	size_t len = strlen(payload);
	struct call c = { .ok = (long)len };
	char pl[CALL_DATA_MAX];

	trace_payload(payload, len, pl, sizeof(pl));
	trace_begin(p, &c, "sendto(%s, %s, %zu, 0, NULL, 0)", s->role, pl, len);
	call_answer(&c, sendto(s->fd, payload, len, 0, NULL, 0));
	trace_end(p, &c, NULL);
	return c;
}

struct call sock_sendto_len(struct probe *p, struct sock *s, const char *payload,
			    struct addr to, socklen_t tolen)
{
	size_t len = strlen(payload);
	struct call c = { .ok = (long)len };
	char pl[CALL_DATA_MAX], as[128];

	trace_payload(payload, len, pl, sizeof(pl));
	trace_begin(p, &c, "sendto(%s, %s, %zu, 0, %s, %u)", s->role, pl, len,
		    msg_addr_str(&to, as, sizeof(as)), (unsigned)tolen);
	call_answer(&c, sendto(s->fd, payload, len, 0, (struct sockaddr *)&to.ss, tolen));
	trace_end(p, &c, NULL);
	return c;
}

struct call sock_sendmsg_noname(struct probe *p, struct sock *s, const char *payload)
{
	size_t len = strlen(payload);
	struct call c = { .ok = (long)len };
	struct iovec iov = { .iov_base = (void *)payload, .iov_len = len };
	struct msghdr msg = { .msg_name = NULL, .msg_iov = &iov, .msg_iovlen = 1 };
	char pl[CALL_DATA_MAX];

	trace_payload(payload, len, pl, sizeof(pl));
	trace_begin(p, &c, "sendmsg(%s, {msg_name=NULL, msg_iov=[{%s, %zu}]}, 0)", s->role, pl, len);
	call_answer(&c, sendmsg(s->fd, &msg, 0));
	trace_end(p, &c, NULL);
	return c;
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
	struct call c = { .ok = 0 };
	struct pollfd pfd = { .fd = s->fd, .events = POLLIN };
	char pl[CALL_DATA_MAX + 8], as[80];

	trace_begin(p, &c, "recvfrom(%s, ..., %d, MSG_PEEK|MSG_DONTWAIT)", s->role, CALL_DATA_MAX);
	while (poll(&pfd, 1, WAIT_MS) < 0 && errno == EINTR)
		;
	c.addr.len = sizeof(c.addr.ss);
	call_answer(&c, recvfrom(s->fd, c.data, sizeof(c.data), MSG_PEEK | MSG_DONTWAIT,
				 (struct sockaddr *)&c.addr.ss, &c.addr.len));
	if (c.ret < 0) {
		trace_end(p, &c, NULL);
		return c;
	}
	c.len = (size_t)c.ret;
	c.ok = c.ret;
	trace_payload(c.data, c.len, pl, sizeof(pl));
	trace_end(p, &c, "recvfrom(%s, %s, %d, MSG_PEEK|MSG_DONTWAIT, %s)", s->role, pl,
		  CALL_DATA_MAX, addr_str(&c.addr, as, sizeof(as)));
	return c;
}
